"""The figures behind the statistics charts download as CSV and JSON with the charts' filters."""

import csv
import io

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.enforcement.conftest import make_statistic

pytestmark = pytest.mark.django_db
CSV, JSON = reverse("enforcement:statistics_csv"), reverse("enforcement:statistics_json")


@pytest.fixture
def figures(thailand, th_focal):
    make_statistic(thailand, 2021, released_by=th_focal, value=5)
    make_statistic(thailand, 2022, released_by=th_focal, value=7, agency_type="police")
    make_statistic(thailand, 2022, released_by=th_focal, metric="raids", value=3)
    make_statistic(thailand, 2023, value=99)  # not released: the public never sees it


def test_the_public_downloads_the_released_figures_the_charts_show(client, figures):
    rows = list(csv.DictReader(io.StringIO(client.get(CSV).content.decode())))
    assert [(r["party"], r["year"], r["metric"], r["value"]) for r in rows] == [
        ("TH", "2021", "cases", "5.00"),
        ("TH", "2022", "cases", "7.00"),
    ]
    page = client.get(reverse("enforcement:statistics")).content.decode()
    assert f'href="{CSV}"' in page and f'href="{JSON}"' in page


def test_the_same_filters_narrow_the_download(client, figures):
    data = client.get(JSON, {"metric": "raids"}).json()
    assert [(row["year"], row["value"]) for row in data] == [(2022, "3.00")]
    data = client.get(JSON, {"agency_type": "police", "year_from": "2022"}).json()
    assert [row["agency_type"] for row in data] == ["police"]
    page = client.get(reverse("enforcement:statistics"), {"metric": "raids"}).content.decode()
    assert f'href="{CSV}?metric=raids"' in page


def test_a_bad_filter_is_a_400_that_names_it_and_members_download_their_own_figures(
    client, figures, th_official
):
    response = client.get(CSV, {"metric": "nonsense"})
    assert response.status_code == 400 and b"metric" in response.content
    rows = client_for(th_official).get(JSON).json()
    assert [row["value"] for row in rows if row["year"] == 2023] == ["99.00"]
