"""The public needs and resources: consented ones only, filtered, downloadable, in the API."""

import csv
import io
import json

import pytest
from django.urls import reverse

from portal import events
from portal.matching import services
from portal.models import Notification, Visibility
from tests.conftest import client_for
from tests.portal.matching_support import (
    make_need,
    make_resource,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def needs(ke_official, ke_focal):
    return {
        "public": make_need(ke_official, ke_focal, Visibility.PUBLIC, title="Public copyright"),
        "patents": make_need(
            ke_official,
            ke_focal,
            Visibility.PUBLIC,
            title="Public patents",
            legal_areas=["patents"],
        ),
        "providers": make_need(ke_official, ke_focal, Visibility.PROVIDERS, title="For providers"),
        "draft": make_need(ke_official, title="Only a draft"),
    }


def test_the_public_sees_only_the_needs_consented_to_be_public_without_the_party(needs):
    body = client_for(None).get(reverse("matching:need_list")).content
    assert b"Public copyright" in body
    assert b"For providers" not in body
    assert b"Only a draft" not in body
    assert b"Kenya" not in body


def test_needs_are_filtered_by_legal_area_and_words(needs):
    client = client_for(None)
    body = client.get(reverse("matching:need_list"), {"legal_area": "patents"}).content
    assert b"Public patents" in body
    assert b"Public copyright" not in body
    body = client.get(reverse("matching:need_list"), {"q": "public patents"}).content
    assert b"Public patents" in body
    assert b"Public copyright" not in body


def test_a_bad_filter_is_a_message_not_an_error(needs):
    response = client_for(None).get(reverse("matching:need_list"), {"legal_area": "nonsense"})
    assert response.status_code == 200
    assert b'id="id_legal_area_error"' in response.content
    assert (
        client_for(None).get(reverse("matching:need_json"), {"legal_area": "x"}).status_code == 400
    )


def test_the_downloads_and_the_api_hold_the_same_public_needs(needs):
    client = client_for(None)
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("matching:need_csv")).getvalue().decode()))
    )
    titles = sorted(row["title"] for row in rows)
    assert titles == ["Public copyright", "Public patents"]
    assert "party" not in rows[0]
    data = json.loads(client.get(reverse("matching:need_json")).content)
    assert sorted(n["title"] for n in data["needs"]) == titles
    api = client.get(reverse("matching:api_needs"), {"legal_area": "patents"}).json()
    assert [n["title"] for n in api["results"]] == ["Public patents"]


def test_the_public_resources_are_those_of_approved_providers(resource, provider_user, provider):
    make_resource(provider_user, provider, title="For signed-in only", visibility="providers")
    body = client_for(None).get(reverse("matching:resource_list")).content
    assert resource.title.encode() in body
    assert b"For signed-in only" not in body
    api = client_for(None).get(reverse("matching:api_resources")).json()
    assert [r["provider"] for r in api["results"]] == [provider.name]


def test_the_lists_take_a_fixed_number_of_queries(
    needs, ke_official, ke_focal, provider_user, provider, django_assert_num_queries
):
    for number in range(5):
        make_need(ke_official, ke_focal, Visibility.PUBLIC, title=f"More {number}")
        make_resource(provider_user, provider, title=f"Offer {number}")
    client = client_for(None)
    with django_assert_num_queries(2):  # count, page
        client.get(reverse("matching:need_list"))
    with django_assert_num_queries(2):
        client.get(reverse("matching:resource_list"))


def test_the_workspace_takes_a_fixed_number_of_queries(
    needs, ke_official, django_assert_max_num_queries
):
    client = client_for(ke_official)
    client.get(reverse("matching:workspace"))
    with django_assert_max_num_queries(12):
        client.get(reverse("matching:workspace"))


def test_the_weekly_digest_tells_providers_of_fitting_needs_once(
    needs, resource, ke_official, ke_focal
):
    make_need(ke_official, ke_focal, Visibility.PUBLIC, title="Marks", legal_areas=["trademarks"])
    assert services.send_weekly_digest() == 1
    assert services.send_weekly_digest() == 0  # a second run the same week writes nothing
    digest = Notification.objects.get(event=events.NEEDS_DIGEST.key)
    titles = {need["title"] for need in digest.context["needs"]}
    # Only needs shared with providers (public or providers) that fit the offer.
    assert titles == {"Public copyright", "Public patents", "For providers"}
