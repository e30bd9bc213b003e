"""Who hears of what happens on a request. Each call writes outbox rows in the caller's
transaction (portal.notifications); mail goes out once it commits."""

from django.contrib.auth import get_user_model

from portal.models import Membership
from portal.notifications.services import notify
from portal.roles import TRIAGE_GROUP
from requests import events
from requests.models import PAUSED_STATUSES, Status

# The changes the party should know about, and whether each needs the party to act.
PARTY_EVENTS = {
    Status.SUBMITTED: (events.SUBMITTED, False),
    Status.ACKNOWLEDGED: (events.ACKNOWLEDGED, False),
    Status.INFORMATION_REQUESTED: (events.INFORMATION_REQUESTED, True),
    Status.ON_HOLD: (events.PAUSED, False),
    Status.ACCEPTED: (events.ACCEPTED, False),
    Status.DECLINED: (events.DECLINED, False),
    Status.DELIVERED: (events.DELIVERED, True),
}


def _notify(**kwargs) -> None:
    notify(**kwargs)


def _party_members(assistance_request, *, exclude=None):
    users = get_user_model().objects.filter(
        membership__party_id=assistance_request.party_id, is_active=True
    )
    return users.exclude(pk=exclude.pk) if exclude is not None else users


def triage_desk():
    """Active staff on the triage desk (a demoted member keeps the group, not the mail)."""
    return get_user_model().objects.filter(groups__name=TRIAGE_GROUP, is_active=True, is_staff=True)


def _context(assistance_request) -> dict:
    return {
        "reference": assistance_request.reference,
        "title": assistance_request.title,
        "party": assistance_request.party.name,
        "status": assistance_request.get_status_display(),
        "path": assistance_request.get_absolute_url(),
    }


def _focal_points(assistance_request):
    return _party_members(assistance_request).filter(membership__role=Membership.Role.FOCAL_POINT)


def _handed_over(assistance_request, to_status: str, *, actor, from_status) -> None:
    """Inside the party: a draft handed to the focal points, or sent back to its author."""
    context = _context(assistance_request)
    if to_status == Status.READY:
        _notify(
            event=events.READY_FOR_FOCAL_POINT,
            recipients=_focal_points(assistance_request).exclude(pk=actor.pk),
            subject_object=assistance_request,
            context=context,
            needs_action=True,
        )
    elif to_status == Status.DRAFT and from_status == Status.READY:
        change = assistance_request.status_changes.order_by("-at", "-pk").first()
        _notify(
            event=events.SENT_BACK,
            recipients=_party_members(assistance_request, exclude=actor).filter(
                pk=assistance_request.created_by_id
            ),
            subject_object=assistance_request,
            context={**context, "note": change.note if change else ""},
            needs_action=True,
        )


def status_changed(
    assistance_request, to_status: str, *, actor, from_status: str = "", note: str = ""
) -> None:
    """Tell the party of a change it should know about, and the triage desk of a submission.

    A note the party may read goes with it (a pause's question or reason, a reply sent with
    the move); leaving a pause is told as a resumption.
    """
    _handed_over(assistance_request, to_status, actor=actor, from_status=from_status)
    context = _context(assistance_request)
    if note:
        context["note"] = note
    resumed = from_status in PAUSED_STATUSES and to_status != Status.WITHDRAWN
    if resumed or to_status in PARTY_EVENTS:
        event, needs_action = (events.RESUMED, False) if resumed else PARTY_EVENTS[to_status]
        _notify(
            event=event,
            recipients=_party_members(assistance_request, exclude=actor),
            subject_object=assistance_request,
            context=context,
            needs_action=needs_action,
        )
    if to_status == Status.SUBMITTED:
        _notify(
            event=events.NEW_SUBMISSION,
            recipients=triage_desk(),
            subject_object=assistance_request,
            context={**context, "admin": True},
            needs_action=True,
        )
    elif (
        from_status == Status.INFORMATION_REQUESTED
        and not actor.is_staff
        and assistance_request.assigned_officer_id
    ):
        _notify(
            event=events.INFORMATION_PROVIDED,
            recipients=[assistance_request.assigned_officer],
            subject_object=assistance_request,
            context={**context, "admin": True},
            needs_action=True,
        )


def message_posted(assistance_request, message) -> None:
    """A message to the other side: the party hears from staff, staff hear from the party."""
    if message.author.is_staff:
        recipients = _party_members(assistance_request)
    elif assistance_request.assigned_officer_id:
        recipients = [assistance_request.assigned_officer]
    else:
        recipients = triage_desk()
    _notify(
        event=events.MESSAGE,
        recipients=recipients,
        subject_object=assistance_request,
        context={**_context(assistance_request), "admin": not message.author.is_staff},
        needs_action=True,
    )


def officer_assigned(assistance_request, officer) -> None:
    _notify(
        event=events.ASSIGNED,
        recipients=[officer],
        subject_object=assistance_request,
        context={**_context(assistance_request), "admin": True},
        needs_action=True,
    )


def activity_linked(assistance_request, activity) -> None:
    """A concluded match's activity joined the request: its focal points and its officer."""
    recipients = list(_focal_points(assistance_request))
    if assistance_request.assigned_officer_id:
        recipients.append(assistance_request.assigned_officer)
    _notify(
        event=events.ACTIVITY_LINKED,
        recipients=recipients,
        subject_object=assistance_request,
        context={**_context(assistance_request), "activity": activity.title},
    )
