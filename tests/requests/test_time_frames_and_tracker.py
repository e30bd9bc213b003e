"""One wording for time frames, and a status tracker on every request page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from requests import progress, services
from requests.models import AssistanceRequest, Document, Message, Status
from tests.conftest import client_for
from tests.requests.conftest import move, pdf

pytestmark = pytest.mark.django_db


def header(page: str) -> str:
    """The line under the title: status and time frame."""
    start = page.index("<h1>")
    return page[start : page.index("</p>", start)]


def test_a_wished_date_is_called_wished_and_an_agreed_one_agreed(ke_submitted, ke_focal, triage):
    focal = client_for(ke_focal)
    wished = header(focal.get(ke_submitted.get_absolute_url()).content.decode())
    assert "wished:" in wished and "agreed" not in wished

    accepted = move(
        ke_submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED, actor=triage
    )
    agreed = header(focal.get(accepted.get_absolute_url()).content.decode())
    assert "agreed:" in agreed and "wished" not in agreed


def test_a_declined_request_shows_nothing_as_agreed(ke_submitted, ke_focal, triage):
    declined = move(
        ke_submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.DECLINED, actor=triage
    )
    AssistanceRequest.objects.filter(pk=declined.pk).update(
        due_date=timezone.localdate() + datetime.timedelta(days=9)
    )
    page = header(client_for(ke_focal).get(declined.get_absolute_url()).content.decode())
    assert "agreed" not in page and "wished:" in page


def test_a_pause_after_acceptance_moves_the_agreed_date_and_says_by_how_much(ke_submitted, triage):
    accepted = move(
        ke_submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED, actor=triage
    )
    changes = list(accepted.status_changes.all())
    # A five-day pause after acceptance, as the history of a longer workflow would record it.
    start = changes[-1].at + datetime.timedelta(days=1)
    paused = [
        *changes,
        type(changes[0])(to_status=Status.INFORMATION_REQUESTED, at=start),
        type(changes[0])(to_status=Status.UNDER_REVIEW, at=start + datetime.timedelta(days=5)),
    ]
    assert progress.time_frame_of(accepted, paused).moved_days == 5
    assert progress.time_frame_of(accepted, changes).moved_days == 0


def test_a_delivered_request_says_whether_the_agreed_time_frame_was_met(ke_delivered, ke_focal):
    frame = progress.time_frame_of(ke_delivered, list(ke_delivered.status_changes.all()))
    assert (frame.agreed, frame.state) == (True, "met")
    AssistanceRequest.objects.filter(pk=ke_delivered.pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    late = AssistanceRequest.objects.get(pk=ke_delivered.pk)
    assert progress.time_frame_of(late, list(late.status_changes.all())).state == "missed"
    listed = client_for(ke_focal).get(reverse("requests:list")).content.decode()
    assert "missed" in listed


def test_the_tracker_marks_the_current_step_and_what_it_waits_for(ke_submitted, ke_focal):
    page = client_for(ke_focal).get(ke_submitted.get_absolute_url()).content.decode()
    tracker = page[
        page.index('<ol class="tracker">') : page.index("</ol>", page.index('<ol class="tracker">'))
    ]
    assert tracker.count('aria-current="step"') == 1
    current = tracker[: tracker.index('aria-current="step"')]
    assert "tracker-done" in current
    assert "Submitted" in tracker[tracker.index('aria-current="step"') :].split("</li>")[0]
    assert "The organisation: to acknowledge the request." in page
    assert "Acknowledgement expected by" in page


def test_the_tracker_of_a_request_waiting_on_the_party_keeps_its_step_and_says_paused(
    ke_submitted, triage
):
    waiting = move(
        ke_submitted,
        Status.ACKNOWLEDGED,
        Status.UNDER_REVIEW,
        Status.INFORMATION_REQUESTED,
        actor=triage,
    )
    tracker = progress.tracker(waiting, list(waiting.status_changes.all()))
    (current,) = [step for step in tracker.steps if step.state == "current"]
    assert current.status == Status.UNDER_REVIEW
    assert tracker.paused_as == "Information requested"


def test_the_information_requested_is_sent_with_its_files_in_one_step(
    ke_submitted, ke_official, triage
):
    waiting = move(
        ke_submitted,
        Status.ACKNOWLEDGED,
        Status.UNDER_REVIEW,
        Status.INFORMATION_REQUESTED,
        actor=triage,
    )
    url = reverse("requests:message", args=[waiting.reference])
    response = client_for(ke_official).post(
        url, {"body": "Here is the current act.", "attachments": [pdf("act.pdf")], "respond": ""}
    )

    assert response.status_code == 302
    message = Message.objects.get()
    assert [d.original_name for d in message.attachments.all()] == ["act.pdf"]
    assert AssistanceRequest.objects.get(pk=waiting.pk).status == Status.UNDER_REVIEW


def test_a_refused_file_leaves_neither_the_message_nor_the_move(ke_submitted, ke_official, triage):
    waiting = move(
        ke_submitted,
        Status.ACKNOWLEDGED,
        Status.UNDER_REVIEW,
        Status.INFORMATION_REQUESTED,
        actor=triage,
    )
    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client_for(ke_official).post(
        reverse("requests:message", args=[waiting.reference]),
        {"body": "Here it is.", "attachments": [pdf("ok.pdf"), bad], "respond": ""},
    )

    assert response.status_code == 400
    assert 'id="id_attachments_error"' in response.content.decode()
    assert not Message.objects.exists()
    assert not Document.objects.filter(original_name="ok.pdf").exists()
    assert AssistanceRequest.objects.get(pk=waiting.pk).status == Status.INFORMATION_REQUESTED


def test_an_internal_note_cannot_carry_a_file_the_party_would_see(ke_submitted, triage):
    with pytest.raises(ValidationError) as refused:
        services.post_message(
            ke_submitted, actor=triage, body="For staff", internal=True, attachments=[pdf()]
        )
    assert "attachments" in refused.value.message_dict
    assert not Message.objects.exists() and not Document.objects.exists()
