"""Staff pause a request at any working stage (a question to the party, or a hold); resuming
returns to that stage and the agreed time frame moves on by the days waited."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.models.notifications import Notification
from portal.notifications.rendering import render_email
from requests import services
from requests.models import WORKING_STATUSES, AssistanceRequest, Status, StatusChange
from requests.models.workflow import route_to
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db
PAUSES = [Status.INFORMATION_REQUESTED, Status.ON_HOLD]


def at_stage(stage, ke_official, ke_focal, triage):
    assistance_request = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    return move(assistance_request, *route_to(stage)[1:], actor=triage)


def waited(assistance_request, days):
    """Pretend the pause began `days` days ago."""
    AssistanceRequest.objects.filter(pk=assistance_request.pk).update(
        waiting_since=timezone.now() - datetime.timedelta(days=days)
    )
    assistance_request.refresh_from_db()
    return assistance_request


@pytest.mark.parametrize("stage", WORKING_STATUSES)
@pytest.mark.parametrize("pause", PAUSES)
def test_a_pause_at_any_working_stage_resumes_there_with_the_time_frame_moved_on(
    stage, pause, ke_official, ke_focal, triage
):
    working = at_stage(stage, ke_official, ke_focal, triage)
    due_before = working.due_date
    paused = services.transition(working, pause, actor=triage, note="Which articles?")
    assert (paused.status, paused.paused_from) == (pause, stage)
    paused = waited(paused, 6)
    resumed = services.transition(paused, stage, actor=triage)
    assert resumed.status == stage
    assert resumed.paused_days == 6
    assert (resumed.waiting_since, resumed.paused_from) == (None, "")
    if due_before is None:  # under review: no time frame agreed yet, nothing to move
        assert resumed.due_date is None
    else:
        assert resumed.due_date == due_before + datetime.timedelta(days=6)


@pytest.mark.parametrize("pause", PAUSES)
def test_a_pause_resumes_only_where_it_was_taken(pause, ke_official, ke_focal, triage):
    in_progress = at_stage(Status.IN_PROGRESS, ke_official, ke_focal, triage)
    paused = services.transition(in_progress, pause, actor=triage, note="Wait for the minister.")
    with pytest.raises(ValidationError, match="resumes where it was paused"):
        services.transition(paused, Status.UNDER_REVIEW, actor=triage)
    assert AssistanceRequest.objects.get(pk=paused.pk).status == pause


@pytest.mark.parametrize(
    ("pause", "message"),
    [
        (Status.INFORMATION_REQUESTED, "Write the question the party should answer."),
        (Status.ON_HOLD, "Give the reason for the pause; the party sees it."),
    ],
)
def test_a_pause_without_its_question_or_reason_is_refused(
    pause, message, ke_official, ke_focal, triage
):
    accepted = at_stage(Status.ACCEPTED, ke_official, ke_focal, triage)
    with pytest.raises(ValidationError) as refused:
        services.transition(accepted, pause, actor=triage, note="   ")
    assert refused.value.message_dict == {"note": [message]}
    assert AssistanceRequest.objects.get(pk=accepted.pk).status == Status.ACCEPTED


def test_the_question_reaches_the_party_even_if_marked_internal(ke_official, ke_focal, triage):
    accepted = at_stage(Status.ACCEPTED, ke_official, ke_focal, triage)
    services.transition(
        accepted,
        Status.INFORMATION_REQUESTED,
        actor=triage,
        note="Please send the regulations of 2019.",
        note_visible_to_party=False,
    )
    change = StatusChange.objects.filter(assistance_request=accepted).last()
    assert change.note_visible_to_party
    sent = Notification.objects.get(event="request.information_requested", recipient=ke_focal)
    assert "Please send the regulations of 2019." in render_email(sent).body


def test_the_party_answering_returns_the_request_to_where_it_was_paused(
    ke_official, ke_focal, triage
):
    in_progress = at_stage(Status.IN_PROGRESS, ke_official, ke_focal, triage)
    services.transition(in_progress, Status.INFORMATION_REQUESTED, actor=triage, note="Which?")
    waiting = waited(AssistanceRequest.objects.get(pk=in_progress.pk), 3)
    answered = services.send_information(waiting, actor=ke_official, body="Articles 4 to 9.")
    assert answered.status == Status.IN_PROGRESS
    assert answered.due_date == in_progress.due_date + datetime.timedelta(days=3)
    assert Notification.objects.filter(event="request.resumed", recipient=ke_focal).exists()
