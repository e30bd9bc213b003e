"""The workflow: every allowed move works for the right actor; every other move changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.workflow import WorkflowError
from requests import services
from requests.models import (
    PAUSED_STATUSES,
    WORKING_STATUSES,
    AssistanceRequest,
    Status,
    StatusChange,
)
from requests.models.workflow import STAFF_ALSO_MAY, TRANSITIONS, Actor, route_to
from tests.requests.conftest import draft, move, pdf

pytestmark = pytest.mark.django_db


def reach(status, cast, *, paused_at=None):
    """A request in `status`; a pause taken at `paused_at` (a working stage) if given."""
    assistance_request = draft(cast["ke_official"])
    steps = route_to(status) if paused_at is None else [*route_to(paused_at), status]
    for step in steps:
        actor = cast["ke_focal"] if step in (Status.SUBMITTED, Status.WITHDRAWN) else cast["triage"]
        assistance_request = move(assistance_request, step, actor=actor)
    return assistance_request


def reach_for(source, target, cast):
    """A request in `source` from which `target` is a move (a pause resumes where taken)."""
    if source in PAUSED_STATUSES and target in WORKING_STATUSES:
        return reach(source, cast, paused_at=target)
    return reach(source, cast)


@pytest.fixture
def cast(ke_official, ke_focal, cl_focal, triage, officer, bureau_africa):
    return {
        "ke_official": ke_official,
        "ke_focal": ke_focal,
        "cl_focal": cl_focal,
        "triage": triage,
        "officer": officer,
        "bureau_africa": bureau_africa,
    }


ALLOWED = [(source, target) for source, targets in TRANSITIONS.items() for target in targets]
FORBIDDEN = [
    (source, target)
    for source in Status
    for target in Status
    if target not in TRANSITIONS.get(source, {}) and source != target
]


def actor_for(kind, cast):
    return {
        Actor.FOCAL_POINT: cast["ke_focal"],
        Actor.PARTY: cast["ke_official"],
        Actor.STAFF: cast["triage"],
    }[kind]


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_every_allowed_move_works_for_its_actor_and_is_recorded(source, target, cast):
    assistance_request = reach_for(source, target, cast)
    actor = actor_for(TRANSITIONS[source][target], cast)
    moved = move(assistance_request, target, actor=actor)
    assert AssistanceRequest.objects.get(pk=moved.pk).status == target
    last = StatusChange.objects.filter(assistance_request=moved).last()
    assert (last.from_status, last.to_status, last.actor) == (source, target, actor)


@pytest.mark.parametrize(("source", "target"), FORBIDDEN)
def test_every_other_move_is_refused_and_changes_nothing(source, target, cast):
    assistance_request = reach(source, cast)
    history = StatusChange.objects.filter(assistance_request=assistance_request).count()
    with pytest.raises(ValidationError):
        move(assistance_request, target, actor=cast["triage"])
    assert AssistanceRequest.objects.get(pk=assistance_request.pk).status == source
    assert StatusChange.objects.filter(assistance_request=assistance_request).count() == history


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_a_move_by_the_wrong_kind_of_person_is_refused(source, target, cast):
    assistance_request = reach_for(source, target, cast)
    kind = TRANSITIONS[source][target]
    wrong = {
        Actor.FOCAL_POINT: [cast["ke_official"], cast["triage"], cast["cl_focal"]],
        Actor.PARTY: [cast["cl_focal"], cast["bureau_africa"]],
        Actor.STAFF: [cast["ke_focal"], cast["officer"], cast["bureau_africa"]],
    }[kind]
    for actor in wrong:
        if (source, target) in STAFF_ALSO_MAY and actor == cast["triage"]:
            continue
        with pytest.raises(PermissionDenied):
            move(assistance_request, target, actor=actor)
    assert AssistanceRequest.objects.get(pk=assistance_request.pk).status == source


def test_declining_needs_a_reason(cast):
    assistance_request = reach(Status.UNDER_REVIEW, cast)
    with pytest.raises(ValidationError) as refused:
        services.transition(assistance_request, Status.DECLINED, actor=cast["triage"], reason=" ")
    assert "reason" in refused.value.message_dict
    assert AssistanceRequest.objects.get(pk=assistance_request.pk).status == Status.UNDER_REVIEW


def test_accepting_needs_a_time_frame_not_in_the_past(cast):
    assistance_request = reach(Status.UNDER_REVIEW, cast)
    with pytest.raises(ValidationError) as refused:
        services.transition(assistance_request, Status.ACCEPTED, actor=cast["triage"])
    assert "due_date" in refused.value.message_dict
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.transition(
            assistance_request, Status.ACCEPTED, actor=cast["triage"], due_date=yesterday
        )


def test_delivering_needs_a_deliverable_and_stores_it(cast):
    assistance_request = reach(Status.IN_PROGRESS, cast)
    with pytest.raises(ValidationError) as refused:
        services.transition(assistance_request, Status.DELIVERED, actor=cast["triage"])
    assert "deliverable" in refused.value.message_dict
    delivered = services.transition(
        assistance_request, Status.DELIVERED, actor=cast["triage"], deliverable=pdf("advice.pdf")
    )
    assert delivered.documents.get().kind == "deliverable"


def test_two_staff_acting_at_once_cannot_lose_each_others_change(cast):
    seen_by_both = reach(Status.SUBMITTED, cast)
    stale_copy = AssistanceRequest.objects.get(pk=seen_by_both.pk)
    services.transition(seen_by_both, Status.ACKNOWLEDGED, actor=cast["triage"])
    with pytest.raises(WorkflowError, match="changed this meanwhile"):
        services.transition(stale_copy, Status.ACKNOWLEDGED, actor=cast["triage"])
    assert (
        StatusChange.objects.filter(
            assistance_request=seen_by_both, to_status=Status.ACKNOWLEDGED
        ).count()
        == 1
    )


def test_the_clock_stops_while_the_request_waits_on_the_party(cast, monkeypatch):
    assistance_request = reach(Status.INFORMATION_REQUESTED, cast)
    due = timezone.localdate() + datetime.timedelta(days=30)
    AssistanceRequest.objects.filter(pk=assistance_request.pk).update(
        due_date=due, waiting_since=timezone.now() - datetime.timedelta(days=5)
    )
    assistance_request.refresh_from_db()
    resumed = services.transition(
        assistance_request, Status.UNDER_REVIEW, actor=cast["ke_official"]
    )
    assert resumed.due_date == due + datetime.timedelta(days=5)
    assert resumed.waiting_since is None


def test_only_the_triage_desk_assigns_and_the_officer_then_sees_and_works(cast):
    assistance_request = reach(Status.ACKNOWLEDGED, cast)
    with pytest.raises(PermissionDenied):
        services.assign_officer(assistance_request, cast["officer"], actor=cast["officer"])
    services.assign_officer(assistance_request, cast["officer"], actor=cast["triage"])
    moved = move(assistance_request, Status.UNDER_REVIEW, actor=cast["officer"])
    assert moved.status == Status.UNDER_REVIEW


def test_references_are_sequential_per_year_and_never_reused(ke_official):
    first, second = draft(ke_official), draft(ke_official)
    year = timezone.localdate().year
    assert first.reference == f"REQ-{year}-0001"
    assert second.reference == f"REQ-{year}-0002"
    first.delete()
    assert draft(ke_official).reference == f"REQ-{year}-0003"


def test_daily_reminders_reach_the_officer_and_the_waiting_party(cast):
    from portal.models.notifications import Notification
    from portal.notifications.reminders import send_reminders

    late = reach(Status.ACKNOWLEDGED, cast)
    services.assign_officer(late, cast["officer"], actor=cast["triage"])
    AssistanceRequest.objects.filter(pk=late.pk).update(
        wished_by=timezone.localdate() - datetime.timedelta(days=1)
    )
    waiting = reach(Status.INFORMATION_REQUESTED, cast)
    AssistanceRequest.objects.filter(pk=waiting.pk).update(
        waiting_since=timezone.now() - datetime.timedelta(days=10)
    )
    assert send_reminders("requests.overdue") == 1
    assert send_reminders("requests.waiting_on_party") == 2  # Kenya's official and focal point
    assert send_reminders("requests.overdue") == 0  # once a day
    reminded = Notification.objects.filter(event="reminder.overdue").get()
    assert reminded.recipient == cast["officer"]
