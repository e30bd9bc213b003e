"""The staff desk: the case page holds the whole case, each action its own form."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.models import Region
from portal.services import sync_role_groups
from requests import services
from requests.models import AccessRecord, Message, SavedReply, Status
from requests.services.conversation import upload_document
from tests.conftest import client_for, make_user
from tests.requests.conftest import move, pdf

pytestmark = pytest.mark.django_db


def case_url(assistance_request, action=None):
    if action is None:
        return reverse("admin:requests_assistancerequest_change", args=[assistance_request.pk])
    return reverse(f"admin:requests_assistancerequest_{action}", args=[assistance_request.pk])


@pytest.fixture
def ke_accepted(ke_submitted, triage):
    """Kenya's request with an agreed time frame, a draft law attached."""
    upload_document(ke_submitted, pdf("draft-law.pdf"), actor=triage)
    return move(
        ke_submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED, actor=triage
    )


def test_the_case_page_shows_values_in_words_and_the_documents(ke_accepted, triage):
    html = client_for(triage).get(case_url(ke_accepted)).content.decode()
    assert "Patents, Copyright" in html and '["patents"' not in html
    assert "Drafting of a new law or regulation" in html
    assert "due in 60 days" in html
    document = ke_accepted.documents.get()
    assert reverse("requests:document", args=[ke_accepted.reference, document.pk]) in html
    assert 'name="_save"' not in html  # no generic Save: every action is its own form


def test_a_reply_needs_its_audience_chosen_and_nothing_is_sent_without_one(ke_accepted, triage):
    response = client_for(triage).post(case_url(ke_accepted, "reply"), {"reply-body": "Hello"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_reply-audience_error"' in html
    assert "Choose who reads this: the party, or staff only." in html
    assert not Message.objects.filter(assistance_request=ke_accepted).exists()


@pytest.mark.parametrize(("audience", "internal"), [("party", False), ("internal", True)])
def test_a_reply_goes_where_its_audience_says(audience, internal, ke_accepted, triage):
    response = client_for(triage).post(
        case_url(ke_accepted, "reply"), {"reply-audience": audience, "reply-body": "Noted."}
    )
    assert response.status_code == 302
    assert Message.objects.get(assistance_request=ke_accepted).internal is internal


def test_a_file_goes_with_a_reply_to_the_party_not_with_an_internal_note(ke_accepted, triage):
    client = client_for(triage)
    data = {"reply-body": "Our comments.", "reply-attachment": pdf("comments.pdf")}
    refused = client.post(case_url(ke_accepted, "reply"), {**data, "reply-audience": "internal"})
    assert refused.status_code == 400
    assert "Files are shared with the party" in refused.content.decode()
    data["reply-attachment"] = pdf("comments.pdf")
    sent = client.post(case_url(ke_accepted, "reply"), {**data, "reply-audience": "party"})
    assert sent.status_code == 302
    assert ke_accepted.documents.filter(original_name="comments.pdf").exists()


def test_a_saved_reply_is_inserted_without_javascript_with_its_placeholders_filled(
    ke_accepted, triage
):
    saved = SavedReply(title="Received", body="Dear {party}, we received {reference}.")
    services.save_saved_reply(saved, actor=triage)
    response = client_for(triage).post(
        case_url(ke_accepted, "reply"),
        {"reply-saved_reply": saved.pk, "reply-body": "", "insert": "Insert"},
    )
    assert response.status_code == 200
    assert f"Dear Kenya, we received {ke_accepted.reference}." in response.content.decode()
    assert not Message.objects.exists()


def test_an_empty_question_is_refused_next_to_its_field(ke_accepted, triage):
    response = client_for(triage).post(
        case_url(ke_accepted, "ask"), {"ask-expected_status": "accepted", "ask-note": "  "}
    )
    assert response.status_code == 400
    html = response.content.decode()
    error = html.index('id="id_ask-note_error"')
    assert "Write the question the party should answer." in html[error : error + 200]
    ke_accepted.refresh_from_db()
    assert ke_accepted.status == Status.ACCEPTED


def test_staff_pause_and_resume_from_the_case_page(ke_accepted, triage):
    client = client_for(triage)
    paused = client.post(
        case_url(ke_accepted, "pause"),
        {"pause-expected_status": "accepted", "pause-note": "Waiting for the new minister."},
    )
    assert paused.status_code == 302
    ke_accepted.refresh_from_db()
    assert (ke_accepted.status, ke_accepted.paused_from) == (Status.ON_HOLD, Status.ACCEPTED)
    assert "Waiting for the new minister." in client.get(case_url(ke_accepted)).content.decode()
    resumed = client.post(case_url(ke_accepted, "resume"), {"resume-expected_status": "on_hold"})
    assert resumed.status_code == 302
    ke_accepted.refresh_from_db()
    assert ke_accepted.status == Status.ACCEPTED


def test_document_links_are_refused_to_staff_outside_the_requests_scope(
    ke_accepted, triage, officer
):
    document = ke_accepted.documents.get()
    url = reverse("requests:document", args=[ke_accepted.reference, document.pk])
    bureau_latin_america = make_user(
        "bureau-lac", is_staff=True, bureau=Region.LATIN_AMERICA_CARIBBEAN
    )
    sync_role_groups(bureau_latin_america)
    assert client_for(triage).get(url).status_code == 200
    for outsider in (officer, bureau_latin_america):  # not assigned; another region
        client = client_for(outsider)
        assert client.get(url).status_code == 404
        assert client.get(case_url(ke_accepted)).status_code in (302, 404)


def test_the_access_record_counts_each_view_once_a_day_and_names_the_document(
    ke_accepted, triage, ke_official
):
    client = client_for(triage)
    for _ in range(3):
        client.get(case_url(ke_accepted))
    document = ke_accepted.documents.get()
    for _ in range(2):
        client.get(reverse("requests:document_read", args=[ke_accepted.reference, document.pk]))
    client.get(reverse("requests:document", args=[ke_accepted.reference, document.pk]))
    records = AccessRecord.objects.filter(assistance_request=ke_accepted)
    assert sorted((r.kind, r.document_id, r.count) for r in records) == [
        ("document", document.pk, 1),
        ("staff_page", None, 1),
    ]
    # The party's officials see it too, not only the focal point, and which document it was.
    html = client_for(ke_official).get(ke_accepted.get_absolute_url()).content.decode()
    assert "document “draft-law.pdf”" in html
    assert "staff page, 1 time" in html


def test_bulk_moves_are_offered_only_to_those_who_may_make_them(
    ke_submitted, triage, bureau_africa
):
    url = reverse("admin:requests_assistancerequest_changelist")
    assert 'name="action"' in client_for(triage).get(url).content.decode()
    assert 'name="action"' not in client_for(bureau_africa).get(url).content.decode()


def test_access_is_granted_to_real_accounts_only(ke_accepted, triage, ke_official):
    from requests.admin.forms import GrantForm

    get_user_model().objects.get_or_create(username="AnonymousUser")
    make_user("departed", is_active=False, is_staff=True)
    offered = set(GrantForm().fields["user"].queryset.values_list("username", flat=True))
    assert "ke-official" in offered and "triage" in offered
    assert not offered & {"AnonymousUser", "departed"}


def test_the_case_page_costs_the_same_queries_with_5_or_50_timeline_entries(ke_accepted, triage):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(triage)

    def count() -> int:
        client.get(case_url(ke_accepted))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(case_url(ke_accepted)).status_code == 200
        return len(captured)

    small = count()
    # The composer's moves, saved replies and officers, the timeline's assignments and grants
    # and the party's language included (23 before them).
    assert small <= 29
    for i in range(45):
        services.post_message(ke_accepted, actor=triage, body=f"Note {i}", internal=bool(i % 2))
    assert count() == small
