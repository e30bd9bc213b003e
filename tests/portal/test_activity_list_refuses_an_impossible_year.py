"""A year outside 1900-2100 (or not a whole number) is a form error, never a server error."""

import datetime

import pytest
from django.urls import reverse

from tests.portal.activities_support import consent, make_activity

pytestmark = pytest.mark.django_db

BAD_YEARS = ["0", "-1", "1e5", "999999999", "9" * 400, "2025.5", "1899", "2101"]


@pytest.fixture
def published(triage, ke_focal):
    activity = make_activity(triage, planned_start=datetime.date(2025, 3, 1))
    consent(activity, ke_focal, general=True, details=True)
    return activity


@pytest.mark.parametrize("year", BAD_YEARS)
def test_a_bad_year_shows_an_error_beside_the_filter_and_the_page_still_renders(
    published, client, year
):
    response = client.get(reverse("activity_list"), {"year": year})
    assert response.status_code == 200
    assert response.context["filter"].errors["year"]
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'id="id_year_error"' in html


@pytest.mark.parametrize("year", BAD_YEARS)
def test_the_csv_export_answers_400_with_the_error_for_a_bad_year(published, client, year):
    response = client.get(reverse("activity_export"), {"year": year})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "year" in response.content.decode()


@pytest.mark.parametrize("year", ["1900", "2100"])
def test_the_bounds_themselves_are_accepted_years(published, client, year):
    response = client.get(reverse("activity_list"), {"year": year})
    assert response.status_code == 200
    assert not response.context["filter"].errors
    assert list(response.context["page_obj"].object_list) == []


def test_a_good_year_still_filters_the_page_and_the_export(published, client):
    page = client.get(reverse("activity_list"), {"year": "2025"})
    assert [a.pk for a in page.context["page_obj"].object_list] == [published.pk]
    export = client.get(reverse("activity_export"), {"year": "2025"})
    assert export.status_code == 200
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert len(lines) == 2 and lines[1].startswith(f"{published.pk},")
