"""The public JSON API: same filters as the page, strict parameters, pages, schema, cost."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db
PROVISIONS = reverse("flexibilities:api_provision_list")


@pytest.fixture
def api():
    return APIClient()


def test_provisions_are_filtered_and_searched_like_the_search_page(api):
    kenya = make_provision("KE", "compulsory-licences", text="licence granted by the Tribunal")
    make_provision("CL", "compulsory-licences", text="licencia obligatoria", language="es")
    make_provision("KE", "research-exemption", text="experimental use")
    # "licence" names the flexibility of both compulsory licences; "tribunals" is in one text.
    assert api.get(PROVISIONS, {"q": "licence", "party": "KE,CL"}).json()["count"] == 2
    body = api.get(PROVISIONS, {"q": "tribunals", "party": "KE,CL"}).json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["id"] == kenya.pk and item["party"] == {"code": "KE", "name": "Kenya"}
    assert item["category"] == "compulsory-licences" and item["page_url"].endswith(
        kenya.get_absolute_url()
    )
    assert api.get(PROVISIONS, {"language": "es"}).json()["count"] == 1
    assert api.get(PROVISIONS, {"trips_article": "30"}).json()["count"] == 1


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"colour": "red"}, "colour"),
        ({"party": "ZZ"}, "party"),
        ({"category": "nope"}, "category"),
        ({"date_from": "2020-13-01"}, "date_from"),
        ({"sort": "random"}, "sort"),
        ({"q": "x" * 201}, "q"),
        ({"q": "nul\x00byte"}, "q"),
        ({"page": "0"}, "page"),
        ({"page": "two"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"page_size": "-1"}, "page_size"),
    ],
)
def test_a_bad_query_parameter_is_a_400_naming_it(api, params, parameter):
    make_provision()
    response = api.get(PROVISIONS, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert parameter in response.json()


def test_a_page_past_the_last_is_a_404_naming_it(api):
    make_provision()
    response = api.get(PROVISIONS, {"page": "99"})
    assert response.status_code == 404
    assert "page" in response.json()


def test_the_openapi_description_states_the_page_limits(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/provisions/"]["get"]["parameters"]}
    assert parameters["page_size"]["schema"]["maximum"] == 200
    assert parameters["page_size"]["schema"]["minimum"] == 1
    assert parameters["sort"]["allowEmptyValue"] is True


def test_every_endpoint_refuses_unknown_parameters(api):
    make_provision()
    for name, args in [
        ("api_category_list", []),
        ("api_category_detail", ["compulsory-licences"]),
        ("api_party_list", []),
        ("api_party_detail", ["KE"]),
    ]:
        response = api.get(reverse(f"flexibilities:{name}", args=args), {"q": "x"})
        assert response.status_code == 400 and "q" in response.json(), name


def test_a_plain_list_costs_four_queries(api, django_assert_num_queries):
    _make(12)
    with django_assert_num_queries(4):  # categories, parties, count, page
        assert api.get(PROVISIONS, {"party": "KE,CL"}).json()["count"] == 8


def test_lists_are_paginated(api):
    for _ in range(5):
        make_provision()
    body = api.get(PROVISIONS, {"page_size": 2, "page": 2}).json()
    assert body["count"] == 5 and len(body["results"]) == 2
    assert "page=3" in body["next"] and body["previous"]


def test_categories_and_parties_are_listed_with_their_published_counts(api):
    make_provision("KE", "utility-models", implementation_option="provided")
    categories = api.get(reverse("flexibilities:api_category_list")).json()
    assert categories["count"] == 14
    utility = next(c for c in categories["results"] if c["slug"] == "utility-models")
    assert utility["provision_count"] == 1 and utility["party_count"] == 1
    assert {o["code"] for o in utility["implementation_options"]} == {"provided", "not-provided"}
    kenya = api.get(reverse("flexibilities:api_party_detail", args=["KE"])).json()
    assert kenya["provision_count"] == 1 and kenya["region"] == "africa"
    assert api.get(reverse("flexibilities:api_party_detail", args=["ZZ"])).status_code == 404


def test_the_openapi_description_is_served_and_names_the_filters(api):
    response = api.get(reverse("flexibilities:api_schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    operation = schema["paths"]["/api/provisions/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "party", "category", "region", "status", "page", "page_size"} <= names
    assert "400" in operation["responses"]


def test_the_api_page_describes_the_endpoints(client):
    html = client.get(reverse("flexibilities:api_docs")).content.decode()
    assert "/api/provisions/" in html and "/api/schema/" in html


def test_anonymous_use_is_throttled(api, settings):
    # DRF reloads its settings when the test changes them.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min"},
    }
    url = reverse("flexibilities:api_category_list")
    assert [api.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]


def test_the_default_rate_applies_until_the_settings_name_one(api):
    url = reverse("flexibilities:api_category_list")
    assert all(api.get(url).status_code == 200 for _ in range(10))


def _make(count: int) -> None:
    for number in range(count):
        make_provision(["KE", "CL", "TH"][number % 3], text="licence")


def test_the_provision_list_costs_the_same_queries_for_3_or_30_provisions(
    api, django_assert_num_queries
):
    # categories and parties (filter choices), count of matches (to decide on ranking),
    # count for the pager, page; the query's words looked up in the vocabulary and its tsquery
    queries = 7
    _make(3)
    with django_assert_num_queries(queries):
        assert api.get(PROVISIONS, {"q": "licence", "party": "KE"}).status_code == 200
    _make(27)
    with django_assert_num_queries(queries):
        response = api.get(PROVISIONS, {"q": "licence", "party": "KE"})
    assert response.json()["count"] == 10
