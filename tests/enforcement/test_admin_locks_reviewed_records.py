"""Once a report leaves draft, or a figure is released, staff can no longer change it in the admin.

A report under national review or approved is what the party approves or approved: changing
its text there would publish words the party never saw. A released figure is the party's
published figure: only the party withdraws it.
"""

import pytest
from django.urls import reverse

from enforcement.models import ReportStatus
from portal.models import Party
from tests.conftest import client_for, make_user
from tests.enforcement.conftest import make_statistic

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return make_user("boss", is_staff=True, is_superuser=True)


def management_data(response) -> dict:
    """The inline formsets' management forms, as the change page would post them back."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name, field in management.fields.items():
            data[management.add_prefix(name)] = management.initial.get(name, field.initial)
    return data


def post_report_change(client, report, kenya):
    url = reverse("admin:enforcement_countryreport_change", args=[report.pk])
    data = management_data(client.get(url)) | {
        "mission": report.mission_id,
        "party": kenya.pk,
        "title": "A title the party never saw",
        "summary": "A summary the party never saw",
    }
    return client.post(url, data)


@pytest.mark.parametrize("status", [ReportStatus.UNDER_NATIONAL_REVIEW, ReportStatus.APPROVED])
def test_a_report_past_draft_cannot_be_changed_in_the_admin(admin_user, make_report, kenya, status):
    report = make_report(status)
    client = client_for(admin_user)
    page = client.get(reverse("admin:enforcement_countryreport_change", args=[report.pk]))
    html = page.content.decode()
    for name in ("title", "summary", "party", "mission"):
        assert f'name="{name}"' not in html
    post_report_change(client, report, kenya)
    report.refresh_from_db()
    assert (report.title, report.summary, report.party.code) == ("Report on Thailand", "", "TH")
    assert list(report.versions.values_list("number", flat=True)) == [1]


def test_a_draft_report_can_still_be_changed_in_the_admin(admin_user, make_report, kenya):
    report = make_report(ReportStatus.DRAFT)
    response = post_report_change(client_for(admin_user), report, kenya)
    assert response.status_code == 302, response.content.decode()[-2000:]
    report.refresh_from_db()
    assert (report.title, report.party) == ("A title the party never saw", kenya)


def post_statistic_change(client, statistic, party):
    url = reverse("admin:enforcement_infringementstatistic_change", args=[statistic.pk])
    return client.post(
        url,
        {
            "party": party.pk,
            "year": statistic.year,
            "agency_type": statistic.agency_type,
            "metric": statistic.metric,
            "ip_right": statistic.ip_right,
            "product_category": statistic.product_category,
            "value": "999",
        },
    )


def test_a_released_figure_cannot_be_changed_in_the_admin(admin_user, thailand, th_focal):
    statistic = make_statistic(thailand, value=10, released_by=th_focal)
    client = client_for(admin_user)
    url = reverse("admin:enforcement_infringementstatistic_change", args=[statistic.pk])
    html = client.get(url).content.decode()
    for name in ("party", "value", "year", "metric", "currency", "note"):
        assert f'name="{name}"' not in html
    post_statistic_change(client, statistic, Party.objects.get(code="KE"))
    statistic.refresh_from_db()
    assert (statistic.party, statistic.value) == (thailand, 10)


def test_an_unreleased_figure_can_still_be_corrected_in_the_admin(admin_user, thailand, kenya):
    statistic = make_statistic(thailand, value=10)
    response = post_statistic_change(client_for(admin_user), statistic, kenya)
    assert response.status_code == 302, response.content.decode()[-2000:]
    statistic.refresh_from_db()
    assert (statistic.party, statistic.value) == (kenya, 999)
