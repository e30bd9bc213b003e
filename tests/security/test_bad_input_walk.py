"""Nothing a visitor can type answers 5xx: every URL pattern, fed what a fuzzer would feed it.

The patterns come from the URL resolver, the admin's included, so a new page is fuzzed the day
it is added. Each is tried with a NUL byte and oversized numbers in its path arguments, and
with the same in every query parameter the project reads: the common ones, every FilterSet's,
and each admin changelist's own filters and date drill-down. PostgreSQL refuses NUL in any
string and integers past its range, which is where the 500s came from; run this file there too.
"""

import re
from urllib.parse import quote, urlencode

import django_filters
import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

NUL = "\x00"
HUGE = "9" * 20  # past any integer column
YEAR = "99999999999"  # past any date's year, within a 64-bit integer
BAD_VALUES = [NUL, HUGE, YEAR, "9999", "-1"]
# Each admin filter parameter is tried alone (one bad filter must not hide another's 500).
BAD_FILTER_VALUES = [NUL, HUGE]
BAD_YEARS = [YEAR, "9999", "0"]

# Query parameters the site's views read by hand (page, year, next...), besides the FilterSets'.
COMMON_PARAMS = ["page", "year", "next", "q", "party", "assistance_request", "format", "lang"]


def routes(resolver=None, prefix=""):
    """Every route of the project as text, regex groups turned into <str:name> placeholders."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = _as_route(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def _as_route(pattern) -> str:
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<str:\1>", text).lstrip("^").rstrip("$")
    return text


def fill(route: str, values: dict[str, str]) -> str:
    """The route with each <converter:name> replaced by the value for that converter."""

    def value(match):
        converter = match.group(1) or "str"
        return quote(values[converter], safe="")

    return "/" + re.sub(r"<(?:(\w+):)?\w+>", value, route)


def path_variants(route: str) -> list[str]:
    if "<" not in route:
        return []
    return [
        fill(route, {"str": NUL, "path": NUL, "int": "0", "slug": "x"}),
        fill(route, {"str": f"x{NUL}", "path": f"x{NUL}/y", "int": HUGE, "slug": HUGE}),
        fill(route, {"str": HUGE, "path": HUGE, "int": YEAR, "slug": "x" * 300}),
        fill(route, {"str": "x", "path": "x", "int": "9999", "slug": "x"}),
    ]


def plain(route: str) -> str:
    return fill(route, {"str": "KE", "path": "1", "int": "1", "slug": "compulsory-licences"})


def filterset_params() -> set[str]:
    found, todo = set(), [django_filters.FilterSet]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        found |= set(cls.base_filters)
    return found


def changelist_queries(user) -> dict[str, set[str]]:
    """Each admin changelist's URL, and bad queries for each filter and its date drill-down."""
    request = RequestFactory().get("/")
    request.user = user
    found = {}
    for model, model_admin in admin.site._registry.items():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        params = {"q", "o", "p", "_to_field"}  # the search, ordering, page and pop-up link
        changelist = model_admin.get_changelist_instance(request)
        for spec in changelist.filter_specs:
            params |= set(spec.expected_parameters())
        found[url] = {f"{param}={quote(value)}" for param in params for value in BAD_FILTER_VALUES}
        if model_admin.date_hierarchy:
            found[url] |= {
                f"{model_admin.date_hierarchy}__year={year}&{model_admin.date_hierarchy}__month=1"
                for year in BAD_YEARS
            } | {f"{model_admin.date_hierarchy}__year={year}" for year in BAD_YEARS}
    return found


def get(client, url: str):
    try:
        return client.get(url).status_code
    except Exception as error:  # the test client re-raises what would have been a 500
        return f"500 ({type(error).__name__}: {error})"


@pytest.fixture
def staff(admin_user):
    """A superuser past the second factor: every admin changelist and staff page is open."""
    return admin_user


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_no_url_answers_5xx_to_nul_bytes_or_oversized_values(who, staff):
    user = staff if who == "staff" else None
    client = client_for(user)
    all_routes = list(dict.fromkeys(routes()))
    assert len(all_routes) > 100

    urls = [url for route in all_routes for url in path_variants(route)]
    site_pages = [plain(route) for route in all_routes if not route.startswith("admin/")]
    params = set(COMMON_PARAMS) | filterset_params()
    for value in BAD_VALUES:
        urls += [f"{page}?{urlencode(dict.fromkeys(params, value))}" for page in site_pages]
    if user is not None:  # the anonymous visitor only meets the admin's sign-in page
        for changelist, queries in changelist_queries(staff).items():
            urls += [f"{changelist}?{query}" for query in sorted(queries)]

    server_errors = []
    for url in urls:
        status = get(client, url)
        if str(status).startswith("5"):
            server_errors.append(f"{url} -> {status}")
    assert server_errors == [], "\n".join(server_errors)


def test_the_walk_reaches_the_admin_drill_down_and_the_public_pages(staff):
    # Guards the walk itself: it must reach real pages, not only 404s.
    client = client_for(staff)
    assert (
        client.get("/admin/requests/assistancerequest/?submitted_at__year=2026").status_code == 200
    )
    assert "flexibilities/parties/<str:code>/" in set(routes())
    assert "/admin/requests/assistancerequest/" in changelist_queries(staff)


def test_a_nul_byte_in_a_path_or_an_admin_filter_is_a_bad_request(staff):
    anonymous, staff_client = client_for(None), client_for(staff)
    assert anonymous.get("/flexibilities/parties/%00/").status_code == 400
    assert anonymous.get("/requests/%00/").status_code == 400
    assert staff_client.get("/admin/requests/assistancerequest/?status=%00").status_code == 400
    assert staff_client.get("/admin/requests/assistancerequest/?q=a%00").status_code == 400


def test_the_api_answers_a_nul_byte_in_json_naming_where_it_was(db):
    client = client_for(None)
    in_path = client.get("/api/parties/%00/")
    assert (in_path.status_code, in_path["Content-Type"]) == (400, "application/json")
    assert "path" in in_path.json()
    assert "q" in client.get("/api/provisions/?q=a%00").json()


def test_a_nul_byte_in_a_header_on_a_failed_sign_in_is_a_bad_request(db):
    # django-axes stores a failed sign-in's user agent: a NUL there reached the database.
    response = client_for(None).post(
        "/accounts/login/", {"username": "nobody", "password": "x"}, HTTP_USER_AGENT="a\x00b"
    )
    assert response.status_code == 400


def test_an_out_of_range_drill_down_year_goes_back_to_the_list_with_a_warning(staff):
    client = client_for(staff)
    for year in (YEAR, HUGE, "9999"):
        response = client.get(f"/admin/requests/assistancerequest/?submitted_at__year={year}")
        assert response.status_code == 302
        assert response.url.endswith("?e=1")
