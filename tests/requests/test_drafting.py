"""Officials draft, focal points submit after checking; errors sit beside their fields."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from requests.models import AssistanceRequest, Document, Status
from tests.conftest import client_for
from tests.requests.conftest import PDF

pytestmark = pytest.mark.django_db

FUTURE = (timezone.localdate() + datetime.timedelta(days=60)).isoformat()


def form_data(**overrides):
    data = {
        "kind": "legislative",
        "purpose": "flexibilities",
        "legal_areas": ["patents"],
        "treaties": "TRIPS Agreement",
        "title": "Using TRIPS flexibilities",
        "description": "We would like advice on compulsory licences.",
        "wished_by": FUTURE,
    }
    return data | overrides


def test_an_official_saves_a_draft_with_an_attachment(ke_official):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(ke_official).post(
        reverse("requests:new"),
        form_data(attachments=[SimpleUploadedFile("draft.pdf", PDF)]),
    )
    assistance_request = AssistanceRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == assistance_request.get_absolute_url()
    assert assistance_request.status == Status.DRAFT
    assert assistance_request.party.code == "KE"
    assert assistance_request.documents.get().original_name == "draft.pdf"


def test_missing_answers_are_shown_beside_their_fields_and_nothing_is_saved(ke_official):
    response = client_for(ke_official).post(
        reverse("requests:new"), form_data(title="", purpose="", legal_areas=[])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert 'href="#id_title"' in html
    assert "Say what the legislative advice is for." in html
    assert "Choose at least one legal area." in html
    assert AssistanceRequest.objects.count() == 0


def test_one_bad_attachment_saves_nothing_at_all(ke_official):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(ke_official).post(
        reverse("requests:new"),
        form_data(
            attachments=[
                SimpleUploadedFile("ok.pdf", PDF),
                SimpleUploadedFile("bad.pdf", b"not a pdf"),
            ]
        ),
    )
    assert response.status_code == 200
    assert "is not a PDF file" in response.content.decode()
    assert AssistanceRequest.objects.count() == 0
    assert Document.objects.count() == 0


def test_a_time_frame_in_the_past_is_refused(ke_official):
    response = client_for(ke_official).post(
        reverse("requests:new"), form_data(wished_by="2020-01-01")
    )
    assert "must be a date in the future" in response.content.decode()
    assert AssistanceRequest.objects.count() == 0


def test_national_strategies_are_for_developing_countries_and_others_are_told_why(db):
    from portal.models import Membership
    from tests.conftest import make_member

    swiss = make_member("ch-official", "CH", Membership.Role.OFFICIAL)
    response = client_for(swiss).post(
        reverse("requests:new"), form_data(kind="strategy", purpose="", legal_areas=[])
    )
    assert "open to developing and least-developed countries" in response.content.decode()
    assert AssistanceRequest.objects.count() == 0


def test_kenya_may_ask_for_a_national_strategy(ke_official):
    response = client_for(ke_official).post(
        reverse("requests:new"), form_data(kind="strategy", purpose="", legal_areas=[])
    )
    assert response.status_code == 302
    assert AssistanceRequest.objects.get().kind == "strategy"


def test_policy_assistance_asks_for_its_format_and_place(ke_official):
    response = client_for(ke_official).post(reverse("requests:new"), form_data(kind="policy"))
    html = response.content.decode()
    assert "Choose a meeting of IP actors or a consultation." in html
    assert "Say where the assistance should take place." in html
    response = client_for(ke_official).post(
        reverse("requests:new"),
        form_data(kind="policy", policy_format="consultation", venue="online"),
    )
    assistance_request = AssistanceRequest.objects.get()
    assert response.status_code == 302
    assert assistance_request.purpose == "" and assistance_request.legal_areas == ["patents"]


def test_only_the_focal_point_submits_after_checking_the_answers(ke_draft, ke_official, ke_focal):
    url = reverse("requests:submit", args=[ke_draft.reference])
    assert client_for(ke_official).post(url).status_code == 403
    page = client_for(ke_focal).get(url)
    assert "Check your answers" in page.content.decode()
    assert ke_draft.title in page.content.decode()
    response = client_for(ke_focal).post(url)
    assert response.status_code == 302
    ke_draft.refresh_from_db()
    assert ke_draft.status == Status.SUBMITTED and ke_draft.submitted_by == ke_focal


def test_the_party_answers_a_request_for_information(ke_submitted, ke_official, triage):
    from tests.requests.conftest import move

    waiting = move(
        ke_submitted,
        Status.ACKNOWLEDGED,
        Status.UNDER_REVIEW,
        Status.INFORMATION_REQUESTED,
        actor=triage,
    )
    response = client_for(ke_official).post(
        reverse("requests:message", args=[waiting.reference]),
        {"body": "The draft is attached.", "respond": "1"},
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.UNDER_REVIEW


def test_internal_notes_never_reach_the_party(ke_submitted, ke_official, triage):
    from requests import services

    services.post_message(ke_submitted, actor=triage, body="Politically sensitive.", internal=True)
    services.post_message(ke_submitted, actor=triage, body="Thank you, we are on it.")
    party_view = client_for(ke_official).get(ke_submitted.get_absolute_url()).content.decode()
    staff_view = client_for(triage).get(ke_submitted.get_absolute_url()).content.decode()
    assert "Politically sensitive." not in party_view
    assert "Thank you, we are on it." in party_view
    assert "Politically sensitive." in staff_view


def test_consent_details_need_general_consent_and_changes_are_recorded(ke_submitted, ke_focal):
    url = reverse("requests:consent", args=[ke_submitted.reference])
    response = client_for(ke_focal).post(url, {"details": "on"})
    assert response.status_code == 400
    assert "only if general information may be published" in response.content.decode()
    client_for(ke_focal).post(url, {"general": "on", "details": "on"})
    asked = client_for(ke_focal).post(url, {})  # taking it back: a page says what, first
    ke_submitted.refresh_from_db()
    assert ke_submitted.consent_general
    page = asked.content.decode()
    assert "Withdraw consent for" in page and ke_submitted.title in page
    assert "General information about the assistance may be published" in page
    assert "Details of the assistance may be shared on request" in page
    client_for(ke_focal).post(url, {"confirmed": "1"})
    ke_submitted.refresh_from_db()
    assert not ke_submitted.consent_general
    changes = list(ke_submitted.consent_changes.values_list("general", "details"))
    assert changes == [(True, True), (False, False)]


def test_the_focal_point_rates_a_delivered_request_once(ke_delivered, ke_focal):
    url = reverse("requests:feedback", args=[ke_delivered.reference])
    bad = client_for(ke_focal).post(url, {"relevance": "9", "timeliness": "5", "quality": "4"})
    assert bad.status_code == 200 and 'class="error-summary"' in bad.content.decode()
    good = client_for(ke_focal).post(url, {"relevance": "5", "timeliness": "4", "quality": "4"})
    assert good.status_code == 302
    assert ke_delivered.feedback.relevance == 5
    assert client_for(ke_focal).get(url).status_code == 403


def test_a_refused_return_to_review_keeps_the_message_unsent(ke_submitted, ke_official, triage):
    from requests.models import Message
    from tests.requests.conftest import move

    waiting = move(ke_submitted, Status.ACKNOWLEDGED, actor=triage)  # not waiting on the party
    response = client_for(ke_official).post(
        reverse("requests:message", args=[waiting.reference]),
        {"body": "Here it is.", "respond": "1"},
    )
    assert response.status_code == 400
    assert not Message.objects.filter(assistance_request=waiting).exists()
