"""Drafting, publishing and offering: bad input is refused beside the field, nothing half-saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.matching import services
from portal.models import Need, NeedStatus, Resource, Visibility
from tests.conftest import client_for
from tests.portal.matching_support import (
    make_need,
    need_data,
    resource_data,
)

pytestmark = pytest.mark.django_db


def form_post(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in ([], None, False)}


def test_an_official_drafts_a_need_and_only_the_focal_point_publishes_it(ke_official, ke_focal):
    response = client_for(ke_official).post(reverse("matching:need_new"), form_post(need_data()))
    need = Need.objects.get()
    assert response.status_code == 302
    assert (need.status, need.visibility, need.party.code) == ("draft", "private", "KE")
    with pytest.raises(PermissionDenied):
        services.set_need_visibility(need, actor=ke_official, visibility=Visibility.PUBLIC)
    client_for(ke_focal).post(
        reverse("matching:need_visibility", args=[need.pk]), {"visibility": "public"}
    )
    need.refresh_from_db()
    assert (need.status, need.visibility, need.visibility_by) == ("published", "public", ke_focal)
    assert need.published_at is not None


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"legal_areas": []}, "legal_areas", "This field is required."),
        (
            {"ends_on": datetime.date(2026, 1, 1), "starts_on": datetime.date(2026, 2, 1)},
            "ends_on",
            "The end cannot come before the start.",
        ),
        ({"title": ""}, "title", "This field is required."),
    ],
)
def test_a_bad_need_is_shown_again_with_the_message_beside_the_field(
    ke_official, change, field, message
):
    response = client_for(ke_official).post(
        reverse("matching:need_new"), form_post(need_data(**change))
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert f'id="id_{field}_error"' in body
    assert message in body
    assert Need.objects.count() == 0


def test_the_service_refuses_what_a_form_might_let_through(ke_official):
    with pytest.raises(ValidationError) as error:
        services.create_need(
            actor=ke_official,
            data=need_data(legal_areas=[], ends_on=datetime.date(2000, 1, 1)),
        )
    assert set(error.value.message_dict) == {"legal_areas", "ends_on"}
    assert Need.objects.count() == 0


def test_a_provider_cannot_offer_a_capacity_below_zero(provider_user, provider):
    response = client_for(provider_user).post(
        reverse("matching:resource_new"), form_post(resource_data(capacity=-1))
    )
    assert response.status_code == 400
    assert 'id="id_capacity_error"' in response.content.decode()
    assert Resource.objects.count() == 0


def test_a_provider_offers_a_resource(provider_user, provider):
    response = client_for(provider_user).post(
        reverse("matching:resource_new"), form_post(resource_data())
    )
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert (resource.provider, resource.capacity, resource.legal_areas) == (
        provider,
        3,
        ["copyright", "patents"],
    )


def test_a_draft_can_no_longer_be_edited_once_published(ke_official, ke_focal):
    need = make_need(ke_official, ke_focal)
    url = reverse("matching:need_edit", args=[need.pk])
    assert client_for(ke_official).get(url).status_code == 403


def test_a_party_sees_only_its_own_needs_in_its_workspace(ke_official, cl_official, ke_focal):
    make_need(ke_official, title="Kenyan draft")
    make_need(ke_official, ke_focal, visibility=Visibility.PUBLIC, title="Kenyan public need")
    body = client_for(cl_official).get(reverse("matching:workspace")).content
    assert b"Kenyan" not in body
    assert b"Kenyan draft" in client_for(ke_official).get(reverse("matching:workspace")).content


def test_a_closed_need_leaves_the_public_pages(ke_official, ke_focal):
    need = make_need(ke_official, ke_focal, visibility=Visibility.PUBLIC)
    assert need.title.encode() in client_for(None).get(reverse("matching:need_list")).content
    services.close_need(need, actor=ke_focal)
    assert need.title.encode() not in client_for(None).get(reverse("matching:need_list")).content
    assert Need.objects.get().status == NeedStatus.CLOSED
