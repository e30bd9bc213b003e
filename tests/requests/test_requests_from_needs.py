"""A development need (recommendation 9) becomes a request in one step, keeping the link."""

import pytest
from django.urls import reverse

from portal.matching import services as matching
from requests.models import AssistanceRequest, NeedRequest, RequestActivity
from tests.conftest import client_for, make_user
from tests.portal.matching_support import accept_by_party, make_need, make_provider, make_resource
from tests.requests.conftest import move

pytestmark = pytest.mark.django_db


def test_the_form_starts_from_the_need_and_saving_keeps_the_link(ke_official):
    need = make_need(ke_official)
    url = reverse("requests:from_need", args=[need.pk])
    page = client_for(ke_official).get(url).content.decode()
    assert need.title in page
    response = client_for(ke_official).post(
        url,
        {
            "kind": "legislative",
            "purpose": "revise",
            "legal_areas": ["copyright"],
            "title": need.title,
            "description": need.description,
        },
    )
    assistance_request = AssistanceRequest.objects.get()
    assert response.status_code == 302
    assert NeedRequest.objects.get().assistance_request == assistance_request
    # A second visit goes to the request already made.
    assert client_for(ke_official).get(url)["Location"] == assistance_request.get_absolute_url()


def test_a_bad_answer_saves_neither_the_request_nor_the_link(ke_official):
    need = make_need(ke_official)
    response = client_for(ke_official).post(
        reverse("requests:from_need", args=[need.pk]),
        {"kind": "legislative", "legal_areas": ["copyright"], "title": "T", "description": "D"},
    )
    assert response.status_code == 400
    assert 'id="id_purpose_error"' in response.content.decode()
    assert (AssistanceRequest.objects.count(), NeedRequest.objects.count()) == (0, 0)


def test_only_the_needs_party_makes_it_a_request(ke_official, cl_official, triage):
    need = make_need(ke_official)
    url = reverse("requests:from_need", args=[need.pk])
    assert client_for(cl_official).get(url).status_code == 404
    assert client_for(triage).get(url).status_code == 403
    assert client_for(None).get(url).status_code == 302


def test_the_activity_of_an_accepted_match_joins_the_accepted_request(
    ke_official, ke_focal, triage
):
    provider_user = make_user("provider-member")
    resource = make_resource(
        provider_user, make_provider(members=[provider_user], approved_by=triage)
    )
    need = make_need(ke_official, ke_focal)
    client_for(ke_official).post(
        reverse("requests:from_need", args=[need.pk]),
        {
            "kind": "legislative",
            "purpose": "revise",
            "legal_areas": ["copyright"],
            "title": need.title,
            "description": need.description,
        },
    )
    move(
        AssistanceRequest.objects.get(),
        "submitted",
        actor=ke_focal,
    )
    move(AssistanceRequest.objects.get(), "acknowledged", "under_review", "accepted", actor=triage)
    match = accept_by_party(matching.propose_match(need, resource, actor=triage), ke_focal)
    match = matching.answer_match(match, actor=provider_user, to_status="accepted")
    link = RequestActivity.objects.get()
    assert (link.activity, link.assistance_request) == (
        match.activity,
        AssistanceRequest.objects.get(),
    )
