"""The demo world of the enforcement app, and the accessible charts drawn from it."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from enforcement import demo
from enforcement.models import CountryReport, InfringementStatistic, Programme, ReportStatus
from portal.demo import load as load_accounts
from tests.conftest import make_member
from tests.enforcement.conftest import make_statistic

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world():
    load_accounts()
    demo.load()
    return Programme.objects.get(key=demo.PROGRAMME_KEY)


def test_the_demo_loads_twice_without_duplicating_anything(demo_world):
    before = (CountryReport.objects.count(), InfringementStatistic.objects.count())
    demo.load()
    assert (CountryReport.objects.count(), InfringementStatistic.objects.count()) == before


def test_the_demo_has_a_thai_report_in_each_state_reached_through_the_workflow(demo_world):
    reports = CountryReport.objects.filter(party__code="TH", mission__programme=demo_world)
    assert sorted(reports.values_list("status", flat=True)) == sorted(ReportStatus.values)
    approved = reports.get(status=ReportStatus.APPROVED)
    steps = [(step.action, step.version.number) for step in approved.reviews.all()]
    assert steps == [("new_version", 1), ("sent_for_review", 1), ("approved", 1)]
    assert approved.approved_version.number == 1
    assert all("(demo)" in report.title for report in reports)


def test_the_demo_statistics_are_partly_released_and_marked_as_demo(demo_world):
    statistics = InfringementStatistic.objects.filter(party__code="TH")
    assert statistics.filter(released_at__isnull=False).exists()
    assert statistics.filter(released_at__isnull=True).exists()
    assert not statistics.filter(is_demo=False).exists()
    coordinator = demo_world.coordinators.get()
    assert coordinator.email.endswith("@demo.invalid") and "(demo)" in coordinator.name


def test_load_demo_runs_the_enforcement_demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Programme.objects.filter(key=demo.PROGRAMME_KEY, is_demo=True).exists()


def test_the_charts_are_accessible_svg_with_a_data_table(demo_world, client):
    html = client.get(reverse("enforcement:statistics"), {"metric": "cases"}).content.decode()
    assert html.count('<svg role="img"') == 2
    assert 'aria-labelledby="chart-year-title chart-year-desc"' in html
    assert '<title id="chart-year-title">' in html and '<desc id="chart-year-desc">' in html
    assert "<caption>Totals by year</caption>" in html
    assert "<caption>Totals by agency type and year</caption>" in html
    # 2021-2023 are released, 2024 is not: the public chart and table stop at 2023.
    assert '<th scope="row">2023</th>' in html and '<th scope="row">2024</th>' not in html
    # Customs + police + IP office cases of 2021, summed in SQL.
    assert "1,125" in html or "1125" in html
    assert "<script" not in html


def test_retail_values_in_several_currencies_are_not_added_up(thailand, kenya, client):
    focal = make_member("th-f", "TH", "focal_point")
    ke_focal = make_member("ke-f", "KE", "focal_point")
    make_statistic(thailand, metric="retail_value", currency="THB", value=5, released_by=focal)
    make_statistic(kenya, metric="retail_value", currency="KES", value=5, released_by=ke_focal)
    html = client.get(reverse("enforcement:statistics"), {"metric": "retail_value"}).content
    assert b"several currencies" in html and b'<svg role="img"' not in html
    html = client.get(
        reverse("enforcement:statistics"), {"metric": "retail_value", "party": "TH"}
    ).content.decode()
    assert html.count('<svg role="img"') == 2 and "(THB)" in html
