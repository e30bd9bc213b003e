"""The desk in fewer moves: a reply and its move in one submit, "Take it", people by name."""

import datetime
import io
import re
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from portal.models import Region
from portal.roles import OFFICERS_GROUP, ensure_staff_groups
from portal.services import sync_role_groups
from requests.admin.forms import AssignForm, ReplyForm
from requests.models import AccessGrant, Assignment, Message, Status, StatusChange
from requests.selectors import case_timeline
from requests.services.conversation import upload_document
from tests.conftest import client_for, make_user
from tests.requests.conftest import move, pdf

pytestmark = pytest.mark.django_db


def case_url(assistance_request, action=None):
    if action is None:
        return reverse("admin:requests_assistancerequest_change", args=[assistance_request.pk])
    return reverse(f"admin:requests_assistancerequest_{action}", args=[assistance_request.pk])


@pytest.fixture
def ke_review(ke_submitted, triage):
    return move(ke_submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, actor=triage)


def offered_moves(assistance_request, user):
    form = ReplyForm(assistance_request=assistance_request, user=user)
    return [value for value, _label in form.fields["to_status"].choices]


def test_the_composer_offers_only_the_moves_the_workflow_allows_this_person(
    ke_review, ke_submitted, triage, officer
):
    assert offered_moves(ke_review, triage) == [
        "",
        "information_requested",
        "accepted",
        "declined",
        "on_hold",
    ]
    assert offered_moves(ke_review, officer) == [""]  # not theirs: nothing to move
    paused = move(ke_review, Status.ON_HOLD, actor=triage)
    assert offered_moves(paused, triage) == ["", "under_review"]  # back where it was paused


def test_reply_and_accept_is_one_submit_one_entry_and_needs_a_time_frame(ke_review, triage):
    client = client_for(triage)
    data = {
        "reply-expected_status": "under_review",
        "reply-audience": "party",
        "reply-body": "We accept; the work starts next month.",
        "reply-to_status": "accepted",
    }
    refused = client.post(case_url(ke_review, "reply"), data)
    assert refused.status_code == 400
    assert 'id="id_reply-due_date_error"' in refused.content.decode()
    ke_review.refresh_from_db()
    assert ke_review.status == Status.UNDER_REVIEW
    before = len(case_timeline(ke_review))
    due = timezone.localdate() + datetime.timedelta(days=45)
    sent = client.post(case_url(ke_review, "reply"), {**data, "reply-due_date": due.isoformat()})
    assert sent.status_code == 302
    ke_review.refresh_from_db()
    assert (ke_review.status, ke_review.due_date) == (Status.ACCEPTED, due)
    assert len(case_timeline(ke_review)) == before + 1  # one entry, not a message and a move
    change = StatusChange.objects.filter(assistance_request=ke_review).last()
    assert (change.note, change.due_date) == ("We accept; the work starts next month.", due)
    assert not Message.objects.filter(assistance_request=ke_review).exists()


def test_reply_and_deliver_takes_the_file_as_the_deliverable(ke_review, triage):
    in_progress = move(ke_review, Status.ACCEPTED, Status.IN_PROGRESS, actor=triage)
    response = client_for(triage).post(
        case_url(in_progress, "reply"),
        {
            "reply-expected_status": "in_progress",
            "reply-audience": "party",
            "reply-body": "Our comments on the draft law.",
            "reply-to_status": "delivered",
            "reply-attachment": pdf("comments.pdf"),
        },
    )
    assert response.status_code == 302
    in_progress.refresh_from_db()
    assert in_progress.status == Status.DELIVERED
    assert in_progress.documents.get(original_name="comments.pdf").kind == "deliverable"


def test_a_question_cannot_go_as_an_internal_note_and_nothing_changes(ke_review, triage):
    response = client_for(triage).post(
        case_url(ke_review, "reply"),
        {
            "reply-expected_status": "under_review",
            "reply-audience": "internal",
            "reply-body": "Send us the current law.",
            "reply-to_status": "information_requested",
        },
    )
    assert response.status_code == 400
    assert "The party reads this text" in response.content.decode()
    ke_review.refresh_from_db()
    assert ke_review.status == Status.UNDER_REVIEW


def test_a_move_listed_from_a_stale_page_is_refused_not_applied(ke_review, triage):
    response = client_for(triage).post(
        case_url(ke_review, "reply"),
        {
            "reply-expected_status": "acknowledged",
            "reply-audience": "party",
            "reply-body": "Please send the law.",
            "reply-to_status": "information_requested",
        },
    )
    assert response.status_code == 400
    ke_review.refresh_from_db()
    assert ke_review.status == Status.UNDER_REVIEW


@pytest.fixture
def africa_officer(db):
    """An officer of the Africa bureau: may take Kenya's requests."""
    user = make_user("amina", is_staff=True, bureau=Region.AFRICA, first_name="Amina")
    user.last_name = "Diallo"
    user.save()
    user.groups.add(ensure_staff_groups()[OFFICERS_GROUP])
    sync_role_groups(user)
    return user


def test_take_it_assigns_to_me_from_the_queue_with_one_post_and_the_timeline_says_so(
    ke_submitted, africa_officer
):
    client = client_for(africa_officer)
    queue = client.get(reverse("admin:requests_assistancerequest_changelist") + "?queue=current")
    take = case_url(ke_submitted, "take")
    assert f'formaction="{take}"' in queue.content.decode()
    assert client.post(take).status_code == 302
    ke_submitted.refresh_from_db()
    assert ke_submitted.assigned_officer == africa_officer
    assignment = Assignment.objects.get(assistance_request=ke_submitted)
    assert (assignment.officer, assignment.actor) == (africa_officer, africa_officer)
    html = client.get(case_url(ke_submitted)).content.decode()
    assert "Assigned to <bdi>Amina Diallo</bdi>" in html
    assert f'action="{take}"' not in html  # it is theirs now


def test_take_it_is_refused_to_those_who_may_not_handle_the_region(ke_submitted, bureau_africa):
    lac_officer = make_user("lac", is_staff=True, bureau=Region.LATIN_AMERICA_CARIBBEAN)
    lac_officer.groups.add(ensure_staff_groups()[OFFICERS_GROUP])
    sync_role_groups(lac_officer)
    # The bureau reads its region's requests but does not handle them; the other region's
    # officer does not even see it.
    assert client_for(bureau_africa).post(case_url(ke_submitted, "take")).status_code == 403
    assert client_for(lac_officer).post(case_url(ke_submitted, "take")).status_code in (302, 404)
    ke_submitted.refresh_from_db()
    assert ke_submitted.assigned_officer is None


def test_the_officer_picker_names_people_and_roles_of_the_region_never_superusers(
    kenya, triage, officer, africa_officer, bureau_africa, admin_user
):
    lac_officer = make_user("lac", is_staff=True, bureau=Region.LATIN_AMERICA_CARIBBEAN)
    lac_officer.groups.add(ensure_staff_groups()[OFFICERS_GROUP])
    field = AssignForm(region=kenya.region).fields["officer"]
    labels = {label for _value, label in field.choices if label != "---------"}
    assert "Amina Diallo — Officer, Africa" in labels
    assert "triage — Triage desk" in labels and "officer — Officer" in labels
    offered = set(field.queryset)
    assert not offered & {lac_officer, bureau_africa, admin_user}


def test_grants_appear_in_the_timeline_with_who(ke_review, triage, chile):
    client_for(triage).post(case_url(ke_review, "grant"), {"grant-party": chile.pk})
    assert AccessGrant.objects.filter(assistance_request=ke_review).exists()
    html = client_for(triage).get(case_url(ke_review)).content.decode()
    assert "Access granted to <bdi>Chile</bdi>" in html


def docx(text="The draft law", extra=""):
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>{extra}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
            '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/hyperlink" Target="https://tracker.example/x" '
            'TargetMode="External"/></Relationships>',
        )
        archive.writestr("word/document.xml", body)
    return buffer.getvalue()


def test_a_pdf_opens_inline_inside_the_permission_check(ke_review, triage, cl_official):
    upload_document(ke_review, pdf("law.pdf"), actor=triage)
    document = ke_review.documents.get()
    url = reverse("requests:document_read", args=[ke_review.reference, document.pk])
    response = client_for(triage).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client_for(cl_official).get(url).status_code == 404


def test_a_word_document_is_read_as_sanitised_html_with_its_download(ke_review, triage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    link = (
        '<w:p><w:hyperlink r:id="rIdL"><w:r><w:t>tracker</w:t></w:r></w:hyperlink></w:p>'
        "<w:p><w:r><w:t>&lt;script&gt;alert(1)&lt;/script&gt;</w:t></w:r></w:p>"
    )
    upload = SimpleUploadedFile("law.docx", docx(extra=link))
    upload_document(ke_review, upload, actor=triage)
    document = ke_review.documents.get()
    response = client_for(triage).get(
        reverse("requests:document_read", args=[ke_review.reference, document.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>The draft law</p>" in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "<script>alert(1)" not in html
    assert reverse("requests:document", args=[ke_review.reference, document.pk]) in html
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_admin_carries_the_portals_name(triage):
    html = client_for(triage).get(reverse("admin:index")).content.decode()
    assert "IP assistance portal" in html and "Django administration" not in html


def test_a_saved_reply_is_a_macro_in_the_partys_language(ke_review, triage, officer, ke_focal):
    from portal.models import NotificationPreference
    from requests import services
    from requests.models import SavedReply

    NotificationPreference.objects.create(user=ke_focal, language="fr")
    macro = SavedReply(
        title="More information",
        body_en="Dear {party}, please send the law.",
        body_fr="Madame, Monsieur, veuillez envoyer la loi ({reference}) avant le {time_frame}.",
        to_status=Status.INFORMATION_REQUESTED,
        assignee=officer,
    )
    services.save_saved_reply(macro, actor=triage)
    client = client_for(triage)
    page = client.get(case_url(ke_review)).content.decode()
    assert '<option value="fr" selected>' in page  # the party's language, by default
    inserted = client.post(
        case_url(ke_review, "reply"),
        {"reply-saved_reply": macro.pk, "reply-language": "fr", "insert": "Insert"},
    ).content.decode()
    with translation.override("fr"):
        wished = date_format(ke_review.wished_by, "DATE_FORMAT")
    assert f"veuillez envoyer la loi ({ke_review.reference}) avant le {wished}." in inserted
    assert wished != ke_review.wished_by.isoformat()  # the reader's date, not ISO
    assert re.search(r'value="information_requested" id="[^"]+" checked', inserted)
    assert re.search(rf'<option value="{officer.pk}" selected>', inserted)
    sent = client.post(
        case_url(ke_review, "reply"),
        {
            "reply-expected_status": "under_review",
            "reply-audience": "party",
            "reply-body": "Veuillez envoyer la loi.",
            "reply-to_status": "information_requested",
            "reply-assignee": officer.pk,
        },
    )
    assert sent.status_code == 302
    ke_review.refresh_from_db()
    assert (ke_review.status, ke_review.assigned_officer) == (
        Status.INFORMATION_REQUESTED,
        officer,
    )


def test_personal_saved_replies_are_their_owners_alone(ke_review, triage, africa_officer):
    from django.core.exceptions import ValidationError

    from requests import selectors, services
    from requests.models import SavedReply

    mine = services.save_saved_reply(
        SavedReply(title="Mine", body="My words.", shared=False), actor=africa_officer
    )
    assert list(selectors.saved_replies(africa_officer)) == [mine]
    assert selectors.saved_reply(mine.pk, triage) is None  # another's personal reply
    with pytest.raises(ValidationError):
        services.save_saved_reply(SavedReply(title="For all", body="x"), actor=africa_officer)
