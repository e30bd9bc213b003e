"""A new request asks the kind first, then only that kind's questions; every attachment is filed
with its kind; every text has a limit the form states and the server enforces."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from portal.models import Membership
from requests.models import AssistanceRequest, Document, Kind
from tests.conftest import client_for, make_member
from tests.requests.conftest import PDF

pytestmark = pytest.mark.django_db

NEW = "/requests/new/"


def legislative(**overrides):
    data = {
        "kind": "legislative",
        "purpose": "flexibilities",
        "legal_areas": ["patents"],
        "title": "Using TRIPS flexibilities",
        "description": "Advice on compulsory licences.",
        "wished_by": (timezone.localdate() + datetime.timedelta(days=60)).isoformat(),
    }
    return data | overrides


def test_the_first_step_asks_only_the_kind_with_no_empty_choice(ke_official):
    page = client_for(ke_official).get(NEW).content.decode()
    assert page.count('name="kind"') == len(Kind.choices)
    assert 'value=""' not in page and "---------" not in page
    assert 'name="title"' not in page
    assert 'method="get"' in page


def test_the_second_step_asks_only_the_chosen_kinds_questions(ke_official):
    page = client_for(ke_official).get(NEW, {"kind": "policy"}).content.decode()
    assert 'name="policy_format"' in page
    for other in ("purpose", "enforcement_agencies", "draft_law_files"):
        assert f'name="{other}"' not in page
    assert '<input type="hidden" name="kind" value="policy"' in page
    assert "Choose another kind" in page


def test_a_kind_the_party_may_not_ask_for_is_refused_beside_the_choice(db):
    # Switzerland is not a developing country: no national IP strategy assistance.
    swiss = make_member("ch-official", "CH", Membership.Role.OFFICIAL)
    response = client_for(swiss).get(NEW, {"kind": "strategy"})
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert "open to developing and least-developed countries" in page
    assert 'name="title"' not in page


def test_an_unknown_kind_is_asked_again(ke_official):
    page = client_for(ke_official).get(NEW, {"kind": "nonsense"}).content.decode()
    assert 'class="error-summary"' in page
    assert 'name="title"' not in page


def test_each_attachment_is_filed_with_the_kind_of_its_input(ke_official):
    files = {
        "draft_law_files": [SimpleUploadedFile("draft.pdf", PDF)],
        "existing_law_files": [SimpleUploadedFile("current.pdf", PDF)],
        "attachments": [SimpleUploadedFile("study.pdf", PDF)],
        "other_files": [SimpleUploadedFile("letter.pdf", PDF)],
    }
    response = client_for(ke_official).post(NEW, legislative(**files))
    assert response.status_code == 302
    kinds = dict(Document.objects.values_list("original_name", "kind"))
    assert kinds == {
        "draft.pdf": Document.Kind.DRAFT_LAW,
        "current.pdf": Document.Kind.EXISTING_LAW,
        "study.pdf": Document.Kind.SUPPORTING,
        "letter.pdf": Document.Kind.OTHER,
    }


def test_a_refused_file_is_named_beside_its_own_input_and_nothing_is_saved(ke_official):
    response = client_for(ke_official).post(
        NEW, legislative(draft_law_files=[SimpleUploadedFile("draft.pdf", b"not a pdf")])
    )
    page = response.content.decode()
    assert 'href="#id_draft_law_files"' in page
    assert "is not a PDF file" in page
    assert AssistanceRequest.objects.count() == 0


def test_a_description_of_a_megabyte_is_refused_with_the_limit_stated(ke_official):
    response = client_for(ke_official).post(NEW, legislative(description="x" * 1_100_000))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 10000 characters" in page
    assert AssistanceRequest.objects.count() == 0


def test_the_form_states_each_text_limit(ke_official):
    page = client_for(ke_official).get(NEW, {"kind": "legislative"}).content.decode()
    assert "Up to 200 characters." in page  # the title
    assert "Up to 10000 characters." in page  # the description


def test_a_message_longer_than_its_limit_is_refused(ke_submitted, ke_official):
    response = client_for(ke_official).post(
        reverse("requests:message", args=[ke_submitted.reference]), {"body": "y" * 10_001}
    )
    assert response.status_code == 400
    assert "at most 10000 characters" in response.content.decode()
    assert not ke_submitted.messages.exists()


def test_the_kind_of_a_draft_can_be_changed_through_the_first_step(ke_official):
    client_for(ke_official).post(NEW, legislative())
    saved = AssistanceRequest.objects.get()
    edit = reverse("requests:edit", args=[saved.reference])
    chooser = client_for(ke_official).get(edit, {"choose": ""}).content.decode()
    assert re.search(r'value="legislative"[^>]*checked', chooser)
    page = client_for(ke_official).get(edit, {"kind": "policy"}).content.decode()
    assert 'name="policy_format"' in page and 'name="purpose"' not in page
    assert "removes the answers that only the previous kind asked for" in page
