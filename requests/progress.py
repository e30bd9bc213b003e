"""Where a request stands, in the party's words: the status tracker and the time frame.

Pure functions of a request and its history rows; the pages call them, nothing is written.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.timeframes import LATE, timeliness
from requests.models import PARTY_ONLY_STATUSES, AssistanceRequest, Status, StatusChange

# The way a request normally goes; the hand-over step shows only where it was used.
_PATH = (
    Status.DRAFT,
    Status.READY,
    Status.SUBMITTED,
    Status.ACKNOWLEDGED,
    Status.UNDER_REVIEW,
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.DELIVERED,
    Status.CLOSED,
)
# Where the request stops for good off the path.
_ENDS = (Status.DECLINED, Status.WITHDRAWN)
# Pauses keep the step they interrupt; the clock stops meanwhile. A pause state another part of
# the workflow adds ("on_hold") is recognised by its value.
PAUSES = frozenset({Status.INFORMATION_REQUESTED} | {s for s in Status if s.value == "on_hold"})

WAITS_FOR: dict[str, object] = {
    Status.DRAFT: _(
        "Your party: an official completes the draft and hands it to the focal point, "
        "or the focal point submits it."
    ),
    Status.READY: _("Your focal point: to submit it, edit it or send it back with a comment."),
    Status.SUBMITTED: _("The organisation: to acknowledge the request."),
    Status.ACKNOWLEDGED: _("The organisation: to review the request."),
    Status.UNDER_REVIEW: _("The organisation: to accept or decline the request."),
    Status.INFORMATION_REQUESTED: _(
        "Your party: to send the information requested. The time frame is paused meanwhile."
    ),
    Status.ACCEPTED: _("The organisation: to start the work."),
    Status.IN_PROGRESS: _("The organisation: to deliver the assistance."),
    Status.DELIVERED: _(
        "Your focal point: to rate the assistance; then the organisation closes it."
    ),
}


@dataclass(frozen=True)
class Step:
    status: str
    label: str
    state: str  # "done", "current" or "upcoming"


@dataclass(frozen=True)
class Tracker:
    steps: list[Step]
    waits_for: str
    next_label: str
    next_date: datetime.date | None
    paused_as: str  # the pause's label while the current step is interrupted, else ""


def acknowledge_by(assistance_request: AssistanceRequest) -> datetime.date | None:
    """The day by which the organisation commits to acknowledge a submitted request."""
    if assistance_request.submitted_at is None:
        return None
    submitted_on = timezone.localdate(assistance_request.submitted_at)
    return submitted_on + datetime.timedelta(days=settings.REQUEST_ACKNOWLEDGE_DAYS)


def tracker(assistance_request: AssistanceRequest, changes: list[StatusChange]) -> Tracker:
    """The steps of the workflow, which are done, where the request is and what it waits for."""
    status = assistance_request.status
    reached = [Status.DRAFT, *(change.to_status for change in changes)]
    path: list[str] = [s for s in _PATH if s != Status.READY or Status.READY in reached]
    if status in PARTY_ONLY_STATUSES and Status.READY not in path:
        path.insert(1, Status.READY)
    on_path = [s for s in reached if s in path]
    at = status if status in path else (on_path[-1] if on_path else Status.DRAFT)
    if status in _ENDS:
        path = [*path[: path.index(at) + 1], status]
        at = status
    current = path.index(at)
    steps = [
        Step(
            s,
            str(Status(s).label),
            "done" if i < current else "current" if i == current else "upcoming",
        )
        for i, s in enumerate(path)
    ]
    if status == Status.CLOSED or status in _ENDS:
        steps[-1] = Step(status, str(Status(status).label), "done")
    next_label, next_date = _next_date(assistance_request)
    return Tracker(
        steps=steps,
        waits_for=str(WAITS_FOR.get(status, "")),
        next_label=next_label,
        next_date=next_date,
        paused_as=assistance_request.get_status_display() if status in PAUSES else "",
    )


def _next_date(assistance_request: AssistanceRequest) -> tuple[str, datetime.date | None]:
    status = assistance_request.status
    if status == Status.SUBMITTED:
        return str(_("Acknowledgement expected by")), acknowledge_by(assistance_request)
    if status in (Status.ACCEPTED, Status.IN_PROGRESS) and assistance_request.due_date:
        return str(_("Delivery expected by")), assistance_request.due_date
    return "", None


@dataclass(frozen=True)
class TimeFrame:
    """What to say about a request's time frame, in one wording everywhere."""

    date: datetime.date | None
    agreed: bool  # the organisation committed to it on acceptance
    state: str  # "", "paused", "met", "missed", "on_time", "due_soon" or "late"
    moved_days: int  # how far pauses moved the agreed date


def time_frame_of(
    assistance_request: AssistanceRequest, changes: list[StatusChange] | None = None
) -> TimeFrame:
    """The agreed time frame (never on a declined or withdrawn request), else the wished one.

    With the request's history rows, also how far pauses moved it and the day it was delivered;
    without them, the day of delivery is read from a `delivered_at` annotation if present.
    """
    status = assistance_request.status
    delivered_at = getattr(assistance_request, "delivered_at", None)
    if changes is not None:
        delivered_at = next(
            (c.at for c in reversed(changes) if c.to_status == Status.DELIVERED), None
        )
    agreed = bool(assistance_request.due_date) and status not in _ENDS
    if not agreed:
        paused = "paused" if status in PAUSES else ""
        return TimeFrame(assistance_request.wished_by, False, paused, 0)
    due = assistance_request.due_date
    moved = _paused_days(changes or [])
    if status in PAUSES:
        state = "paused"
    elif delivered_at is not None:
        done_on = timezone.localdate(delivered_at)
        state = "missed" if timeliness(due, done_on, done_on=done_on) == LATE else "met"
    elif assistance_request.is_open:
        state = timeliness(due, timezone.localdate()) or ""
    else:
        state = ""
    return TimeFrame(due, True, state, moved)


def _paused_days(changes: list[StatusChange]) -> int:
    """Days the agreed time frame was moved by finished pauses (as the workflow moves it)."""
    days, agreed, paused_since = 0, False, None
    for change in changes:
        if change.to_status == Status.ACCEPTED:
            agreed = True
        if paused_since is not None and change.to_status not in PAUSES:
            days += (timezone.localdate(change.at) - paused_since).days
            paused_since = None
        if agreed and change.to_status in PAUSES and paused_since is None:
            paused_since = timezone.localdate(change.at)
    return days
