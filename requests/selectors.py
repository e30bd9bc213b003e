"""Reads for the request pages, the visibility scope applied first (STYLE.md convention 2)."""

import datetime as dt
from collections.abc import Iterable
from copy import copy as _copy
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from portal.actors import Actor
from portal.models import NotificationPreference, User
from portal.roles import is_triage
from requests import permissions, progress
from requests.models import (
    QUEUE_PREDICATES,
    AccessGrant,
    AccessRecord,
    Assignment,
    AssistanceRequest,
    Document,
    Message,
    SavedReply,
    Status,
    StatusChange,
)
from requests.permissions import visible_requests


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


@dataclass(frozen=True)
class RequestRow:
    """One row of the official's list (requests/list.html), its values worked out once."""

    reference: str
    url: str
    title: str
    party_name: str  # "" for the viewer's own party's requests
    kind_label: str
    status: str
    status_label: str
    last_activity_at: datetime
    time_frame: progress.TimeFrame


def request_rows(page: Iterable[AssistanceRequest], party_id: int | None) -> list[RequestRow]:
    """The rows of a page of requests_for_list (its `delivered_at` gives met or missed)."""
    return [
        RequestRow(
            reference=r.reference,
            url=r.get_absolute_url(),
            title=r.title,
            party_name="" if r.party_id == party_id else r.party.name,
            kind_label=r.get_kind_display(),
            status=r.status,
            status_label=r.get_status_display(),
            last_activity_at=r.last_activity_at,
            time_frame=progress.time_frame_of(r),
        )
        for r in page
    ]


def drafts_waiting_for(user: Actor) -> QuerySet[AssistanceRequest]:
    """The drafts handed to this focal point, oldest hand-over first."""
    return (
        permissions.drafts_waiting_for(user)
        .select_related("created_by")
        .order_by("last_activity_at", "pk")
    )


@dataclass(frozen=True)
class Moment:
    """A time as the party's timeline writes it: for <time datetime> and for the eye."""

    iso: str
    shown: str  # SHORT_DATETIME_FORMAT in the current language

    @classmethod
    def of(cls, at: datetime) -> "Moment":
        local = timezone.localtime(at)
        return cls(local.isoformat(), date_format(local, "SHORT_DATETIME_FORMAT"))


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    change: StatusChange | None = None
    message: Message | None = None
    document: Document | None = None
    assignment: Assignment | None = None
    grant: AccessGrant | None = None
    when: Moment | None = None  # the party's timeline: worked out once, not per filter
    who: str = ""  # the change's actor or the message's author, by name


def _name(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user else ""


def timeline(
    assistance_request: AssistanceRequest, changes: list[StatusChange], *, internal: bool
) -> list[TimelineEntry]:
    """Its status changes (read by the page already, with their actors) and messages in time
    order; with `internal` (RequestRights.sees_internal), internal notes and staff-only notes
    too."""
    messages = (
        Message.objects.filter(assistance_request=assistance_request)
        .select_related("author")
        .prefetch_related("attachments")
    )
    if not internal:
        messages = messages.filter(internal=False)
    if not internal:
        # Notes written on a status change for staff only stay with staff too.
        changes = [c if c.note_visible_to_party else _without_note(c) for c in changes]
    entries = [
        TimelineEntry(at=c.at, change=c, when=Moment.of(c.at), who=_name(c.actor)) for c in changes
    ]
    entries += [
        TimelineEntry(at=m.created_at, message=m, when=Moment.of(m.created_at), who=_name(m.author))
        for m in messages
    ]
    entries.sort(key=lambda entry: entry.at)
    return entries


def _without_note(change: StatusChange) -> StatusChange:
    """A copy: the page's other readers of the change (tracker, time frame) keep theirs."""
    hidden = _copy(change)
    hidden.note = ""
    return hidden


def documents(assistance_request: AssistanceRequest) -> QuerySet[Document]:
    return assistance_request.documents.select_related("uploaded_by")


def access_log(assistance_request: AssistanceRequest) -> QuerySet[AccessRecord]:
    """Who opened the request: one row per person, day and kind of view, with a count."""
    return assistance_request.access_records.select_related("user", "document")[:50]


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
    """Each queue's condition: its predicate (which a partial index of its own matches,
    models.QUEUE_PREDICATES), with the day's or the person's part where it has one."""
    time_frame_before = Q(due_date__lt=today) | Q(due_date__isnull=True, wished_by__lt=today)
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    due_soon = Q(due_date__range=(today, horizon)) | Q(
        due_date__isnull=True, wished_by__range=(today, horizon)
    )
    queue = QUEUE_PREDICATES
    return {
        "unassigned": queue["unassigned"],
        "mine": Q(assigned_officer=user.pk) & queue["current"],
        "waiting": queue["waiting"],
        "on_hold": queue["on_hold"],
        "overdue": queue["running"] & time_frame_before,
        "due_soon": queue["running"] & due_soon,
        "current": queue["current"],
        "closed": queue["closed"],
    }


# A queue's tab counts up to this many: beyond it says "1,000+" (nobody works a queue by
# its exact size, and an exact count of tens of thousands reads as many index entries).
QUEUE_COUNT_LIMIT = 1000


def queue_counts(user: Actor) -> dict[str, int]:
    """How many of the requests the user sees are in each queue (at most QUEUE_COUNT_LIMIT),
    in one statement.

    Each count is a subquery of its own, so each reads its queue's partial index (for a
    bureau, its region's part of it) and stops at the limit; none scans the requests (one
    aggregate with a FILTER per queue read every request the user sees).
    """
    scope = visible_requests(user).order_by()
    parts: list[str] = []
    params: list = []
    for key, condition in _queue_conditions(user, timezone.localdate()).items():
        queue = scope.filter(condition).values("pk")[:QUEUE_COUNT_LIMIT]
        sql, part_params = queue.query.sql_with_params()
        # Django compiled the SQL (its parameters apart); the key is one of QUEUES'.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS {key}_queue) AS {key}")  # noqa: S608
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        row = cursor.fetchone()
    return dict(zip([key for key, _label in QUEUES], row, strict=True))


def queue_count_label(count: int) -> str:
    """A queue's count as its tab shows it: "1,000+" at the limit."""
    if count >= QUEUE_COUNT_LIMIT:
        return _("%(count)s+") % {"count": number_format(QUEUE_COUNT_LIMIT, force_grouping=True)}
    return number_format(count)


def in_queue(queryset: QuerySet[AssistanceRequest], user: Actor, key: str) -> QuerySet:
    """The requests of `queryset` (already scoped to the user) in one queue."""
    return queryset.filter(_queue_conditions(user, timezone.localdate())[key])


def case_timeline(assistance_request: AssistanceRequest) -> list[TimelineEntry]:
    """The whole case for staff, each entry with who and when: status changes (pauses and
    time frames set among them), messages, internal notes, documents, assignments and grants."""
    changes = assistance_request.status_changes.select_related("actor")
    messages = assistance_request.messages.select_related("author")
    assignments = assistance_request.assignments.select_related("officer", "actor")
    grants = assistance_request.access_grants.select_related("party", "user", "granted_by")
    entries = [TimelineEntry(at=c.at, change=c) for c in changes]
    entries += [TimelineEntry(at=m.created_at, message=m) for m in messages]
    entries += [TimelineEntry(at=d.uploaded_at, document=d) for d in documents(assistance_request)]
    entries += [TimelineEntry(at=a.at, assignment=a) for a in assignments]
    entries += [TimelineEntry(at=g.granted_at, grant=g) for g in grants]
    entries.sort(key=lambda entry: entry.at)
    return entries


def saved_replies(user: Actor) -> QuerySet[SavedReply]:
    """The desk's shared saved replies and this person's own."""
    return SavedReply.objects.filter(Q(shared=True) | Q(owner=user.pk))


def saved_reply(pk: int, user: Actor) -> SavedReply | None:
    return saved_replies(user).filter(pk=pk).first()


def party_language(assistance_request: AssistanceRequest) -> str:
    """The language the party reads: its focal point's (who submitted), or the author's."""
    people = [assistance_request.submitted_by_id, assistance_request.created_by_id]
    languages = dict(
        NotificationPreference.objects.filter(user_id__in=[p for p in people if p]).values_list(
            "user_id", "language"
        )
    )
    return next((languages[p] for p in people if p in languages), settings.LANGUAGE_CODE)


def fill_saved_reply(
    saved_reply: SavedReply, assistance_request: AssistanceRequest, language: str = ""
) -> str:
    """The saved reply's text in `language` (English if it has none there), its placeholders
    filled in for this request."""
    officer = assistance_request.assigned_officer
    time_frame = assistance_request.time_frame
    values = {
        "reference": assistance_request.reference,
        "title": assistance_request.title,
        "party": assistance_request.party.name,
        "officer": (officer.get_full_name() or officer.username) if officer else "",
        "time_frame": _date_in(language or settings.LANGUAGE_CODE, time_frame),
    }
    code = (language or settings.LANGUAGE_CODE).replace("-", "_")
    # body_<code>: django-modeltranslation's field per language (requests/translation.py).
    text = getattr(saved_reply, f"body_{code}", None) or getattr(saved_reply, "body_en", None)
    text = text or saved_reply.body
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def _date_in(language: str, day: dt.date | None) -> str:
    """The date as its readers write it (portal/formats), "" for none."""
    if day is None:
        return ""
    with translation.override(language):
        return date_format(day, "DATE_FORMAT")


def grant_candidates() -> QuerySet[User]:
    """Real accounts that may be given access: active members of a party, or active staff."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(membership__isnull=False) | Q(is_staff=True))
        .exclude(username=settings.ANONYMOUS_USER_NAME)
        .order_by("username")
    )
