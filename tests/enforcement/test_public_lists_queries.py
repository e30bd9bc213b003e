"""The public lists cost a fixed number of queries, whatever the number of rows."""

import pytest
from django.urls import reverse

from enforcement.models import CountryReport, PracticeStatus, ReportStatus
from tests.enforcement.conftest import make_practice, make_statistic

pytestmark = pytest.mark.django_db


@pytest.fixture
def populate(make_report, programme, thailand, th_focal):
    """Add n approved reports with a practice each, n adopted practices and n released figures."""
    meeting = programme.meetings.create(title="Consultation")

    def fill(n: int):
        start = CountryReport.objects.count()
        for index in range(start, start + n):
            report = make_report(ReportStatus.APPROVED, title=f"Report {index}")
            make_practice(f"Practice {index}", report=report, party=thailand)
            make_practice(f"Adopted {index}", meeting=meeting, status=PracticeStatus.ADOPTED)
            make_statistic(thailand, 1990 + index, released_by=th_focal)

    return fill


# (url name, query string, queries for the anonymous visitor)
PAGES = [
    ("enforcement:best_practice_list", "", 3),
    ("enforcement:best_practice_list", "?area=customs&party=TH", 4),
    ("enforcement:report_list", "", 2),
    ("enforcement:statistics", "?metric=cases", 5),
    ("enforcement:statistics", "?metric=cases&party=TH", 6),
    ("enforcement:programme_list", "", 2),
]


@pytest.mark.parametrize(("name", "query", "queries"), PAGES)
def test_a_public_list_costs_the_same_with_3_rows_and_with_30(
    client, populate, django_assert_num_queries, name, query, queries
):
    url = reverse(name) + query
    populate(3)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    populate(27)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_the_programme_page_costs_the_same_with_more_missions(
    client, programme, thailand, django_assert_num_queries, populate
):
    url = programme.get_absolute_url()
    populate(3)
    client.get(url)  # warm the content-type and translation caches
    with django_assert_num_queries(12):
        client.get(url)
    for index in range(10):
        mission = programme.missions.create(title=f"Mission {index}")
        mission.parties.set([thailand])
        mission.meetings.create(party=thailand, agency_type="customs")
    with django_assert_num_queries(12):
        assert client.get(url).status_code == 200
