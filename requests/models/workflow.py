"""The workflow of a request as data (DESIGN.md s.3): who may move it from which state to which.

Only requests.services.workflow.transition writes the status, through portal.workflow.move.
"""

from django.db import models

from portal.workflow import route
from requests.models.choices import Status


class Actor(models.TextChoices):
    FOCAL_POINT = "focal_point"  # the requesting party's focal point
    PARTY = "party"  # any member of the requesting party
    STAFF = "staff"  # the triage desk or the officer assigned to the request


_PRE_DELIVERY = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.ACKNOWLEDGED,
    Status.UNDER_REVIEW,
    Status.INFORMATION_REQUESTED,
    Status.ACCEPTED,
    Status.IN_PROGRESS,
)

TRANSITIONS: dict[str, dict[str, str]] = {
    Status.DRAFT: {Status.SUBMITTED: Actor.FOCAL_POINT},
    Status.SUBMITTED: {Status.ACKNOWLEDGED: Actor.STAFF},
    Status.ACKNOWLEDGED: {Status.UNDER_REVIEW: Actor.STAFF},
    Status.UNDER_REVIEW: {
        Status.INFORMATION_REQUESTED: Actor.STAFF,
        Status.ACCEPTED: Actor.STAFF,
        Status.DECLINED: Actor.STAFF,
    },
    # The party answers (any member may send the information), or staff resume the review.
    Status.INFORMATION_REQUESTED: {Status.UNDER_REVIEW: Actor.PARTY},
    Status.ACCEPTED: {Status.IN_PROGRESS: Actor.STAFF},
    Status.IN_PROGRESS: {Status.DELIVERED: Actor.STAFF},
    Status.DELIVERED: {Status.CLOSED: Actor.STAFF},
}
# Any state before delivery may be withdrawn by the party's focal point.
for _status in _PRE_DELIVERY:
    TRANSITIONS[_status][Status.WITHDRAWN] = Actor.FOCAL_POINT

# The staff may also move a request that waits on the party back under review themselves.
STAFF_ALSO_MAY = {(Status.INFORMATION_REQUESTED, Status.UNDER_REVIEW)}


def route_to(status: str) -> list[str]:
    """The moves from a draft to `status` (demo data and tests)."""
    return route(TRANSITIONS, Status.DRAFT, status)
