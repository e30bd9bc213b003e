"""Who sees a country report: the visibility table, for every staff role and every party.

Until the party's focal point approves it, a report is seen by the party's members and the
staff who handle it (the triage desk, the programme's team, the bureau of the party's region,
superusers); anyone else gets 404 on its page, its file, the list, and in the admin.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from enforcement.models import CountryReport, ReportStatus
from tests.conftest import client_for
from tests.enforcement.conftest import CAST, HANDLERS, STAFF, THAI, user_from

pytestmark = pytest.mark.django_db


def may_see(name, status) -> bool:
    return status == ReportStatus.APPROVED or name in HANDLERS or name in THAI


@pytest.mark.parametrize("status", ReportStatus.values)
@pytest.mark.parametrize("name", CAST)
def test_the_report_page_answers_each_user_of_the_cast_in_each_state(
    request, make_report, name, status
):
    report = make_report(status, title="Thai country report")
    response = client_for(user_from(request, name)).get(report.get_absolute_url())
    assert response.status_code == (200 if may_see(name, status) else 404)
    if may_see(name, status):
        assert "Thai country report" in response.content.decode()


@pytest.mark.parametrize("status", ReportStatus.values)
@pytest.mark.parametrize("name", CAST)
def test_the_report_list_shows_a_report_only_to_those_who_may_see_it(
    request, make_report, name, status
):
    make_report(status, title="Thai country report")
    html = client_for(user_from(request, name)).get(reverse("enforcement:report_list")).content
    assert ("Thai country report" in html.decode()) == may_see(name, status)


@pytest.mark.parametrize("status", ReportStatus.values)
@pytest.mark.parametrize("name", CAST)
def test_the_report_file_follows_the_same_rule_as_its_page(request, make_report, name, status):
    report = make_report(status, title="Thai country report", with_file=True)
    url = reverse("enforcement:report_file", args=[report.pk, 1])
    response = client_for(user_from(request, name)).get(url)
    assert response.status_code == (200 if may_see(name, status) else 404)
    if may_see(name, status):
        assert b"".join(response.streaming_content).startswith(b"%PDF-1.4\nThai country report")


@pytest.mark.parametrize("status", ReportStatus.values)
@pytest.mark.parametrize("name", sorted(STAFF))
def test_the_admin_shows_a_report_only_to_the_staff_who_handle_it(
    request, make_report, name, status
):
    report = make_report(status, title="Thai country report")
    client = client_for(user_from(request, name))
    handles = name in HANDLERS
    changelist = client.get(reverse("admin:enforcement_countryreport_changelist"))
    assert changelist.status_code == 200
    assert ("Thai country report" in changelist.content.decode()) == handles
    for page in ("change", "history"):
        url = reverse(f"admin:enforcement_countryreport_{page}", args=[report.pk])
        assert client.get(url).status_code == (200 if handles else 404), page
    delete = client.get(reverse("admin:enforcement_countryreport_delete", args=[report.pk]))
    assert (delete.status_code == 404) == (not handles)  # handlers: 200 or 403 (model right)
    content_type = ContentType.objects.get_for_model(CountryReport)
    on_site = client.get(f"/admin/r/{content_type.pk}/{report.pk}/")
    # The generic redirect is the triage desk's; the others follow the admin's direct link.
    assert on_site.status_code == (302 if name in {"triage", "superuser"} else 404)


@pytest.mark.parametrize("status", ReportStatus.values)
def test_the_programme_page_lists_a_confidential_report_only_to_insiders(
    make_report, status, programme, cl_official, th_official, officer, team_member
):
    make_report(status, title="Thai country report")
    url = programme.get_absolute_url()
    for user, insider in ((cl_official, False), (officer, False), (th_official, True)):
        html = client_for(user).get(url).content.decode()
        assert ("Thai country report" in html) == (insider or status == ReportStatus.APPROVED)
    assert "Thai country report" in client_for(team_member).get(url).content.decode()


def test_a_report_that_does_not_exist_is_404_for_everyone(triage):
    assert (
        client_for(triage).get(reverse("enforcement:report_detail", args=[999])).status_code == 404
    )
