"""An enforcement request asks which agencies, which areas and which kind of help, and nothing
that belongs to another kind."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from requests.models import AssistanceRequest, Kind
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "kind": Kind.ENFORCEMENT,
        "title": "Border measures training",
        "description": "Customs officers need training on border measures.",
        "wished_by": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(),
        "enforcement_agencies": ["customs", "police"],
        "enforcement_areas": ["customs", "interagency"],
        "enforcement_help": ["training"],
        "venue": "member_state",
        "save": "",
    }
    return data | overrides


def test_the_form_asks_the_enforcement_questions_under_their_own_heading(ke_official):
    page = client_for(ke_official).get(reverse("requests:new"), {"kind": "enforcement"})
    page = page.content.decode()
    heading = page.index("For enforcement assistance")
    for label in ("Agencies concerned", "Areas of enforcement", "Kind of help wanted"):
        assert page.index(label) > heading
    for choice in ("Prosecution", "Interagency coordination", "An expert mission"):
        assert choice in page


def test_each_missing_enforcement_answer_is_named_beside_its_field(ke_official):
    data = form_data(enforcement_agencies=[], enforcement_areas=[], enforcement_help=[])
    response = client_for(ke_official).post(reverse("requests:new"), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_enforcement_agencies_error"' in page
    assert "Choose at least one agency concerned." in page
    assert "Choose at least one area of enforcement." in page
    assert "Choose at least one kind of help." in page
    assert not AssistanceRequest.objects.exists()


def test_the_enforcement_answers_and_the_venue_are_kept_and_shown(ke_official, ke_focal):
    client_for(ke_official).post(reverse("requests:new"), form_data())

    saved = AssistanceRequest.objects.get()
    assert saved.enforcement_agencies == ["customs", "police"]
    assert saved.enforcement_help == ["training"]
    assert saved.venue == "member_state"
    page = client_for(ke_focal).get(saved.get_absolute_url()).content.decode()
    for shown in (
        "Customs",
        "Police",
        "Interagency coordination",
        "Training",
        "In the member state",
    ):
        assert shown in page


def test_answers_for_another_kind_are_neither_asked_nor_kept(ke_official):
    page = client_for(ke_official).get(reverse("requests:new"), {"kind": "enforcement"})
    assert 'name="policy_format"' not in page.content.decode()
    data = form_data(purpose="draft", policy_format="meeting")
    client_for(ke_official).post(reverse("requests:new"), data, follow=True)

    saved = AssistanceRequest.objects.get()
    assert (saved.purpose, saved.policy_format) == ("", "")


def test_changing_the_kind_away_from_enforcement_clears_its_answers(ke_official, ke_focal):
    client_for(ke_official).post(reverse("requests:new"), form_data())
    saved = AssistanceRequest.objects.get()
    edit = reverse("requests:edit", args=[saved.reference])
    client_for(ke_official).post(
        edit, form_data(kind=Kind.POLICY, policy_format="consultation", venue="online")
    )

    saved.refresh_from_db()
    assert saved.kind == Kind.POLICY
    assert (saved.enforcement_agencies, saved.enforcement_areas, saved.enforcement_help) == (
        [],
        [],
        [],
    )
    assert saved.venue == "online"
