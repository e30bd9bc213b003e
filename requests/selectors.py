"""Reads for the request pages, the visibility scope applied first (STYLE.md convention 2)."""

import datetime as dt
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.actors import Actor
from portal.models import User
from portal.roles import is_triage
from requests import permissions
from requests.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    PAUSED_STATUSES,
    AccessRecord,
    AssistanceRequest,
    Document,
    Message,
    SavedReply,
    Status,
    StatusChange,
)
from requests.permissions import can_see_internal_notes, visible_requests


def requests_for_list(user: Actor) -> QuerySet[AssistanceRequest]:
    """The requests the user may see, newest first, with what the list shows (one query)."""
    delivered = StatusChange.objects.filter(
        assistance_request=OuterRef("pk"), to_status=Status.DELIVERED
    ).order_by("-at")
    return (
        visible_requests(user)
        .select_related("party")
        # The day it was delivered: the time frame says met or missed.
        .annotate(delivered_at=Subquery(delivered.values("at")[:1]))
        .only(
            "reference",
            "title",
            "kind",
            "status",
            "last_activity_at",
            "due_date",
            "wished_by",
            "created_at",
            "party__name",
            "party__code",
        )
        .order_by("-created_at", "-pk")
    )


def drafts_waiting_for(user: Actor) -> QuerySet[AssistanceRequest]:
    """The drafts handed to this focal point, oldest hand-over first."""
    return (
        permissions.drafts_waiting_for(user)
        .select_related("created_by")
        .order_by("last_activity_at", "pk")
    )


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    change: StatusChange | None = None
    message: Message | None = None
    document: Document | None = None


def timeline(user: Actor, assistance_request: AssistanceRequest) -> list[TimelineEntry]:
    """Status changes and messages in time order, as far as this user may see them."""
    internal_allowed = can_see_internal_notes(user, assistance_request)
    changes = StatusChange.objects.filter(assistance_request=assistance_request).select_related(
        "actor"
    )
    messages = (
        Message.objects.filter(assistance_request=assistance_request)
        .select_related("author")
        .prefetch_related("attachments")
    )
    if not internal_allowed:
        messages = messages.filter(internal=False)
    entries = [TimelineEntry(at=c.at, change=c) for c in changes]
    entries += [TimelineEntry(at=m.created_at, message=m) for m in messages]
    entries.sort(key=lambda entry: entry.at)
    if not internal_allowed:
        # Notes written on a status change for staff only stay with staff too.
        for entry in entries:
            if entry.change and not entry.change.note_visible_to_party:
                object.__setattr__(entry, "change", _without_note(entry.change))
    return entries


def _without_note(change: StatusChange) -> StatusChange:
    change.note = ""
    return change


def documents(assistance_request: AssistanceRequest) -> QuerySet[Document]:
    return assistance_request.documents.select_related("uploaded_by")


def access_log(assistance_request: AssistanceRequest) -> QuerySet[AccessRecord]:
    """Who opened the request: one row per person, day and kind of view, with a count."""
    return assistance_request.access_records.select_related("user")[:50]


# --- The staff desk (requests.admin): queues, the case page's timeline, saved replies.

DUE_SOON_DAYS = 7
# (key, label): the desk's queues, in the order its front door shows them.
QUEUES = [
    ("unassigned", _("Unassigned")),
    ("mine", _("Mine")),
    ("waiting", _("Waiting on the party")),
    ("on_hold", _("Paused")),
    ("overdue", _("Overdue")),
    ("due_soon", _("Due within 7 days")),
    ("current", _("All current")),
    ("closed", _("Closed, declined or withdrawn")),
]
QUEUE_KEYS = frozenset(key for key, _label in QUEUES)


def default_queue(user: Actor) -> str:
    """Where the desk opens: the triage desk on the unassigned, a bureau on its region's
    current requests, an officer on their own."""
    if is_triage(user):
        return "unassigned"
    if getattr(user, "bureau", ""):
        return "current"
    return "mine"


def queue_or_default(user: Actor, key: str | None) -> str:
    return key if key in QUEUE_KEYS else default_queue(user)


def _queue_conditions(user: Actor, today: dt.date) -> dict[str, Q]:
    running = Q(status__in=OPEN_STATUSES - PAUSED_STATUSES)
    time_frame_before = Q(due_date__lt=today) | Q(due_date__isnull=True, wished_by__lt=today)
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    due_soon = Q(due_date__range=(today, horizon)) | Q(
        due_date__isnull=True, wished_by__range=(today, horizon)
    )
    current = ~Q(status__in=CLOSED_STATUSES)
    return {
        "unassigned": Q(assigned_officer__isnull=True, status__in=OPEN_STATUSES),
        "mine": Q(assigned_officer=user.pk) & current,
        "waiting": Q(status=Status.INFORMATION_REQUESTED),
        "on_hold": Q(status=Status.ON_HOLD),
        "overdue": running & time_frame_before,
        "due_soon": running & due_soon,
        "current": current,
        "closed": Q(status__in=CLOSED_STATUSES),
    }


def queue_counts(user: Actor) -> dict[str, int]:
    """How many of the requests the user sees are in each queue: one query, however many."""
    conditions = _queue_conditions(user, timezone.localdate())
    return visible_requests(user).aggregate(
        **{key: Count("pk", filter=condition) for key, condition in conditions.items()}
    )


def in_queue(queryset: QuerySet[AssistanceRequest], user: Actor, key: str) -> QuerySet:
    """The requests of `queryset` (already scoped to the user) in one queue."""
    return queryset.filter(_queue_conditions(user, timezone.localdate())[key])


def case_timeline(assistance_request: AssistanceRequest) -> list[TimelineEntry]:
    """The whole case for staff: status changes, messages, internal notes and documents."""
    changes = assistance_request.status_changes.select_related("actor")
    messages = assistance_request.messages.select_related("author")
    entries = [TimelineEntry(at=c.at, change=c) for c in changes]
    entries += [TimelineEntry(at=m.created_at, message=m) for m in messages]
    entries += [TimelineEntry(at=d.uploaded_at, document=d) for d in documents(assistance_request)]
    entries.sort(key=lambda entry: entry.at)
    return entries


def saved_replies() -> QuerySet[SavedReply]:
    return SavedReply.objects.only("pk", "title")


def saved_reply(pk: int) -> SavedReply | None:
    return SavedReply.objects.filter(pk=pk).first()


def fill_saved_reply(saved_reply: SavedReply, assistance_request: AssistanceRequest) -> str:
    """The saved reply's text with its placeholders filled in for this request."""
    officer = assistance_request.assigned_officer
    time_frame = assistance_request.time_frame
    values = {
        "reference": assistance_request.reference,
        "title": assistance_request.title,
        "party": assistance_request.party.name,
        "officer": (officer.get_full_name() or officer.username) if officer else "",
        "time_frame": time_frame.isoformat() if time_frame else "",
    }
    text = saved_reply.body
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def grant_candidates() -> QuerySet[User]:
    """Real accounts that may be given access: active members of a party, or active staff."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(membership__isnull=False) | Q(is_staff=True))
        .exclude(username=settings.ANONYMOUS_USER_NAME)
        .order_by("username")
    )
