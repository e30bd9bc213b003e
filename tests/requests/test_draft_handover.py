"""An official hands a draft to the focal point, who submits it, edits it or sends it back;
a draft the organisation never saw is discarded, not withdrawn."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from portal.models import Membership, Notification
from portal.notifications import services as notification_services
from portal.notifications.rendering import render_email
from requests import events, services
from requests.models import AssistanceRequest, ReferenceCounter, Status, StatusChange
from tests.conftest import client_for, make_member
from tests.requests.conftest import draft, legislative_data, move

pytestmark = pytest.mark.django_db


def hand_over(assistance_request, official):
    response = client_for(official).post(
        reverse("requests:ready", args=[assistance_request.reference])
    )
    assert response.status_code == 302
    return AssistanceRequest.objects.get(pk=assistance_request.pk)


def test_an_official_marks_a_draft_ready_and_its_history_shows_the_hand_over(
    ke_draft, ke_official, ke_focal
):
    ready = hand_over(ke_draft, ke_official)

    assert ready.status == Status.READY
    change = StatusChange.objects.get(assistance_request=ready)
    assert (change.from_status, change.to_status, change.actor) == (
        Status.DRAFT,
        Status.READY,
        ke_official,
    )
    page = client_for(ke_focal).get(ready.get_absolute_url()).content.decode()
    assert "Handed to the focal point" in page
    assert 'aria-current="step"' in page


def test_the_focal_points_are_told_in_their_own_language_and_the_official_is_not(
    ke_draft, ke_official, ke_focal
):
    notification_services.update_notification_preferences(ke_focal, level="all", language="fr")
    with transaction.atomic():
        hand_over(ke_draft, ke_official)

    (row,) = Notification.objects.filter(event=events.READY_FOR_FOCAL_POINT)
    assert row.recipient == ke_focal
    message = render_email(row)
    assert ke_draft.reference in message.subject
    assert '<html lang="fr"' in message.alternatives[0][0]
    assert not Notification.objects.filter(recipient=ke_official).exists()


def test_the_focal_points_home_lists_the_drafts_waiting_for_them_first(
    ke_draft, ke_official, ke_focal, cl_focal
):
    hand_over(ke_draft, ke_official)
    other = draft(ke_official, title="Not handed over yet")

    home = client_for(ke_focal).get(reverse("home")).content.decode()
    assert "1 draft waiting for you" in home
    assert ke_draft.reference in home and other.reference not in home
    assert home.index("waiting for you") < home.index("Member-state officials")
    for outsider in (ke_official, cl_focal):
        assert "waiting for you" not in client_for(outsider).get(reverse("home")).content.decode()


def test_a_draft_ready_for_the_focal_point_is_still_hidden_from_the_organisation(
    ke_draft, ke_official, triage, bureau_africa
):
    ready = hand_over(ke_draft, ke_official)
    for staff in (triage, bureau_africa):
        assert client_for(staff).get(ready.get_absolute_url()).status_code == 404


def test_sending_back_needs_a_comment_which_reaches_the_draft_author(
    ke_draft, ke_official, ke_focal
):
    ready = hand_over(ke_draft, ke_official)
    url = reverse("requests:send_back", args=[ready.reference])
    focal = client_for(ke_focal)

    empty = focal.post(url, {"note": "  "})
    assert empty.status_code == 200 and "This field is required" in empty.content.decode()
    with pytest.raises(ValidationError):
        services.transition(ready, Status.DRAFT, actor=ke_focal)
    assert AssistanceRequest.objects.get(pk=ready.pk).status == Status.READY

    with transaction.atomic():
        focal.post(url, {"note": "Add the ministry's contact, please."})
    assert AssistanceRequest.objects.get(pk=ready.pk).status == Status.DRAFT
    (row,) = Notification.objects.filter(event=events.SENT_BACK)
    assert row.recipient == ke_official
    assert "ministry's contact" in render_email(row).body
    page = client_for(ke_official).get(ready.get_absolute_url()).content.decode()
    assert "Sent back to the draft" in page and "ministry&#x27;s contact" in page


def test_only_the_focal_point_edits_a_draft_once_it_is_ready(ke_draft, ke_official, ke_focal):
    ready = hand_over(ke_draft, ke_official)
    edit = reverse("requests:edit", args=[ready.reference])
    assert client_for(ke_official).get(edit).status_code == 403

    data = legislative_data(title="Revised by the focal point")
    form = {**data, "wished_by": data["wished_by"].isoformat(), "save": ""}
    response = client_for(ke_focal).post(edit, form)
    assert response.status_code == 302
    edited = AssistanceRequest.objects.get(pk=ready.pk)
    assert (edited.title, edited.status) == ("Revised by the focal point", Status.READY)


def test_the_focal_point_submits_a_ready_draft_and_sees_a_confirmation(
    ke_draft, ke_official, ke_focal, settings
):
    settings.REQUEST_ACKNOWLEDGE_DAYS = 7
    ready = hand_over(ke_draft, ke_official)
    focal = client_for(ke_focal)
    response = focal.post(reverse("requests:submit", args=[ready.reference]))
    assert response.url == reverse("requests:submitted", args=[ready.reference])

    submitted = AssistanceRequest.objects.get(pk=ready.pk)
    page = focal.get(response.url).content.decode()
    assert submitted.status == Status.SUBMITTED
    assert "Request submitted" in page and submitted.reference in page
    assert "What happens next" in page
    expected = timezone.localdate(submitted.submitted_at) + datetime.timedelta(days=7)
    assert f"by {date_format(expected, 'DATE_FORMAT')} at the latest" in page


def test_a_draft_is_discarded_not_withdrawn_and_its_reference_is_not_reused(
    ke_draft, ke_official, ke_focal, cl_official
):
    assert (
        client_for(ke_focal)
        .get(reverse("requests:withdraw", args=[ke_draft.reference]))
        .status_code
        == 403
    )
    discard = reverse("requests:discard", args=[ke_draft.reference])
    assert client_for(cl_official).post(discard).status_code == 404
    page = client_for(ke_official).get(discard).content.decode()
    assert "never saw it" in page and "stop working" not in page

    response = client_for(ke_official).post(discard)

    assert response.url == reverse("requests:list")
    assert not AssistanceRequest.objects.filter(pk=ke_draft.pk).exists()
    assert draft(ke_official).reference != ke_draft.reference
    assert ReferenceCounter.objects.get().last_number == 2


def test_another_official_cannot_discard_a_colleagues_draft_but_the_focal_point_can(
    ke_draft, ke_focal
):
    colleague = make_member("ke-colleague", "KE", Membership.Role.OFFICIAL)
    discard = reverse("requests:discard", args=[ke_draft.reference])
    assert client_for(colleague).post(discard).status_code == 403
    assert client_for(ke_focal).post(discard).status_code == 302


def test_a_submitted_request_is_withdrawn_not_discarded(ke_submitted, ke_focal):
    discard = reverse("requests:discard", args=[ke_submitted.reference])
    assert client_for(ke_focal).post(discard).status_code == 403
    withdrawn = move(ke_submitted, Status.WITHDRAWN, actor=ke_focal)
    assert withdrawn.status == Status.WITHDRAWN
