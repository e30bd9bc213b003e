"""The workflow of a request as data (DESIGN.md s.3): who may move it from which state to which.

Only requests.services.workflow.transition writes the status, through portal.workflow.move.
"""

from django.db import models

from portal.workflow import route
from requests.models.choices import WORKING_STATUSES, Status


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
    Status.ON_HOLD,
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
    Status.ACCEPTED: {Status.IN_PROGRESS: Actor.STAFF},
    Status.IN_PROGRESS: {Status.DELIVERED: Actor.STAFF},
    Status.DELIVERED: {Status.CLOSED: Actor.STAFF},
}
# --- Pauses (issue 15, the desk): staff ask for information or put a request on hold at any
# working stage; resuming returns to the stage it was paused at (AssistanceRequest.paused_from,
# checked by requests.services.workflow). The party answers a question; staff resume a hold.
TRANSITIONS[Status.INFORMATION_REQUESTED] = {}
TRANSITIONS[Status.ON_HOLD] = {}
for _stage in WORKING_STATUSES:
    TRANSITIONS[_stage][Status.INFORMATION_REQUESTED] = Actor.STAFF
    TRANSITIONS[_stage][Status.ON_HOLD] = Actor.STAFF
    TRANSITIONS[Status.INFORMATION_REQUESTED][_stage] = Actor.PARTY
    TRANSITIONS[Status.ON_HOLD][_stage] = Actor.STAFF
# --- end of pauses

# Any state before delivery may be withdrawn by the party's focal point.
for _status in _PRE_DELIVERY:
    TRANSITIONS[_status][Status.WITHDRAWN] = Actor.FOCAL_POINT

# The staff may also resume a request that waits on the party themselves.
STAFF_ALSO_MAY = {(Status.INFORMATION_REQUESTED, stage) for stage in WORKING_STATUSES}


def route_to(status: str) -> list[str]:
    """The moves from a draft to `status` (demo data and tests), never through a pause."""
    unpaused = {
        source: moves
        for source, moves in TRANSITIONS.items()
        if source not in (Status.INFORMATION_REQUESTED, Status.ON_HOLD)
    }
    return route(unpaused, Status.DRAFT, status)
