"""Daily reminders about requests (registered with portal.notifications.reminders)."""

import datetime
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.db.models import Q

from portal.notifications.reminders import Reminder
from requests import events
from requests.models import OPEN_STATUSES, AssistanceRequest, Status
from requests.notifications import triage_desk

DUE_SOON = datetime.timedelta(days=7)
WAITING_TOO_LONG = datetime.timedelta(days=7)


def _context(assistance_request) -> dict:
    return {
        "reference": assistance_request.reference,
        "title": assistance_request.title,
        "party": assistance_request.party.name,
        "time_frame": str(assistance_request.time_frame or ""),
    }


def overdue_requests(today: datetime.date) -> Iterator[Reminder]:
    """Open requests past, or within a week of, their time frame: to the officer (or desk)."""
    horizon = today + DUE_SOON
    late = Q(due_date__lte=horizon) | Q(due_date__isnull=True, wished_by__lte=horizon)
    desk = list(triage_desk())
    requests = (
        AssistanceRequest.objects.filter(late, status__in=OPEN_STATUSES)
        .exclude(status=Status.INFORMATION_REQUESTED)  # the clock is stopped while it waits
        .select_related("party", "assigned_officer")
    )
    for assistance_request in requests.iterator(chunk_size=500):
        officer = assistance_request.assigned_officer
        yield Reminder(
            event=events.OVERDUE,
            recipients=[officer] if officer else desk,
            subject_object=assistance_request,
            context=_context(assistance_request),
        )


def waiting_on_party(today: datetime.date) -> Iterator[Reminder]:
    """Requests waiting a week or more for the party's information: to the party's members."""
    since = datetime.datetime.combine(today - WAITING_TOO_LONG, datetime.time.max, datetime.UTC)
    requests = AssistanceRequest.objects.filter(
        status=Status.INFORMATION_REQUESTED, waiting_since__lte=since
    ).select_related("party")
    users = get_user_model().objects.filter(is_active=True)
    for assistance_request in requests.iterator(chunk_size=500):
        yield Reminder(
            event=events.WAITING_ON_PARTY,
            recipients=users.filter(membership__party_id=assistance_request.party_id),
            subject_object=assistance_request,
            context=_context(assistance_request),
        )
