"""Reads for the request pages, the visibility scope applied first (STYLE.md convention 2)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, QuerySet, Subquery

from requests import permissions
from requests.models import (
    AccessRecord,
    AssistanceRequest,
    Document,
    Message,
    Status,
    StatusChange,
)
from requests.permissions import can_see_internal_notes, visible_requests


def requests_for_list(user) -> QuerySet[AssistanceRequest]:
    """The requests the user may see, newest first, with what the list shows (one query)."""
    delivered = StatusChange.objects.filter(
        assistance_request=OuterRef("pk"), to_status=Status.DELIVERED
    ).order_by("-at")
    return (
        visible_requests(user)
        .select_related("party")
        # The day it was delivered: the time frame says met or missed (issue 16).
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


def drafts_waiting_for(user) -> QuerySet[AssistanceRequest]:
    """The drafts handed to this focal point, oldest hand-over first (issue 16)."""
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


def timeline(user, assistance_request: AssistanceRequest) -> list[TimelineEntry]:
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
    return assistance_request.access_records.select_related("user")[:50]
