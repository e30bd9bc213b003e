"""Requests and the activities they lead to: linking, consent carried over, completion."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.activities import services as activity_services
from portal.models import Activity, ActivityStatus, Party, User
from requests.models import AssistanceRequest, RequestActivity, Status
from requests.permissions import can_work_on

# An activity is recorded only once the request has been accepted (DESIGN.md s.3).
LEADS_TO_ACTIVITIES = frozenset(
    {Status.ACCEPTED, Status.IN_PROGRESS, Status.DELIVERED, Status.CLOSED}
)


def _check_may_link(
    assistance_request: AssistanceRequest, activity: Activity | None, actor: User
) -> None:
    if not can_work_on(actor, assistance_request):
        raise PermissionDenied
    if assistance_request.status not in LEADS_TO_ACTIVITIES:
        raise ValidationError(
            {"assistance_request": _("Only an accepted request leads to activities.")}
        )
    if activity is not None and RequestActivity.objects.filter(activity=activity).exists():
        raise ValidationError({"activity": _("This activity already belongs to a request.")})


def _carry_over_request_consent(
    assistance_request: AssistanceRequest, activity: Activity, actor: User
) -> None:
    latest = assistance_request.consent_changes.order_by("-at", "-pk").first()
    if latest is not None:
        activity_services.carry_over_consent(
            activity,
            actor=actor,
            party=assistance_request.party,
            by=latest.by,
            general=latest.general,
            details=latest.details,
        )


@transaction.atomic
def link_activity(
    assistance_request: AssistanceRequest, activity: Activity, *, actor: User
) -> RequestActivity:
    """Record that the activity was delivered on this accepted request.

    The consent the party's focal point gave on the request applies to the activity too.
    """
    _check_may_link(assistance_request, activity, actor)
    link = RequestActivity.objects.create(
        assistance_request=assistance_request, activity=activity, linked_by=actor
    )
    _carry_over_request_consent(assistance_request, activity, actor)
    return link


@transaction.atomic
def create_activity_for_request(
    assistance_request: AssistanceRequest,
    *,
    actor: User,
    beneficiaries: Iterable[Party] | None = None,
    **fields: Any,
) -> Activity:
    """Record a new activity on an accepted request (beneficiary: the requesting party)."""
    _check_may_link(assistance_request, None, actor)
    activity = activity_services.create_activity(
        actor=actor, beneficiaries=beneficiaries or [assistance_request.party], **fields
    )
    link_activity(assistance_request, activity, actor=actor)
    return activity


def propagate_consent(
    assistance_request: AssistanceRequest, *, actor: User, general: bool, details: bool
) -> int:
    """Apply the focal point's new consent to every activity of the request; how many changed.

    Call inside the transaction that records the consent on the request.
    """
    changed = 0
    for link in assistance_request.activity_links.select_related("activity"):
        consent = activity_services.carry_over_consent(
            link.activity,
            actor=actor,
            party=assistance_request.party,
            by=actor,
            general=general,
            details=details,
        )
        changed += consent is not None
    return changed


def activities_of(assistance_request: AssistanceRequest) -> list[Activity]:
    """The request's activities in the order they were linked (for the party and staff)."""
    return [
        link.activity
        for link in assistance_request.activity_links.select_related("activity").order_by(
            "linked_at", "pk"
        )
    ]


def all_activities_completed(activities: list[Activity]) -> bool:
    """Every activity that was not cancelled is completed, and at least one was."""
    live = [a for a in activities if a.status != ActivityStatus.CANCELLED]
    return bool(live) and all(a.status == ActivityStatus.COMPLETED for a in live)
