"""A confidential country report, walked over every enforcement and admin URL by every staff
role and every party: only Kenya and the staff who handle Kenya's report ever see it.

The URLs come from tests/security/test_url_walk.py (the resolver's, not a typed list) plus the
admin pages of the report; the handlers are the triage desk, the programme's team, the bureau
of Kenya's region (Africa) and superusers.
"""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enforcement.models import CountryReport, Programme
from enforcement.services import add_report_version
from portal.models import Membership, Party, Region
from portal.roles import OFFICERS_GROUP, ensure_staff_groups
from portal.services import sync_role_groups
from tests.conftest import client_for, make_member, make_user
from tests.security.test_url_walk import PUBLIC_VALUES, _body, patterns

pytestmark = pytest.mark.django_db

SECRET = "Kenya-report-only-5d1e"

# Who should see Kenya's draft report: its party and the staff who handle it.
SEES = {"ke_official", "ke_focal", "triage", "superuser", "team_member", "bureau_africa"}
CAST = [
    "anonymous",
    "stranger",
    "ke_official",
    "ke_focal",
    "cl_official",
    "cl_focal",
    "th_focal",
    "triage",
    "superuser",
    "officer",
    "team_member",
    "bureau_africa",
    "bureau_asia",
]


@pytest.fixture
def report(triage, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    programme = Programme.objects.create(name="Walk programme")
    mission = programme.missions.create(title="Walk mission", start_date=date(2025, 1, 1))
    report = CountryReport.objects.create(
        mission=mission, party=Party.objects.get(code="KE"), title=f"Report {SECRET}"
    )
    upload = SimpleUploadedFile(f"{SECRET}.pdf", b"%PDF-1.4\n" + SECRET.encode() + b"\n")
    add_report_version(report.pk, triage, upload)
    return report


@pytest.fixture
def people(request, report, ke_official, ke_focal, cl_official, cl_focal, triage, officer):
    team_member = make_user("team-member", is_staff=True)
    team_member.groups.add(ensure_staff_groups()[OFFICERS_GROUP])
    report.mission.programme.team.add(team_member)
    bureau_asia = make_user("bureau-asia", is_staff=True, bureau=Region.ASIA_PACIFIC)
    sync_role_groups(bureau_asia)
    return {
        "anonymous": None,
        "stranger": request.getfixturevalue("stranger"),
        "ke_official": ke_official,
        "ke_focal": ke_focal,
        "cl_official": cl_official,
        "cl_focal": cl_focal,
        "th_focal": make_member("th-focal", "TH", Membership.Role.FOCAL_POINT),
        "triage": triage,
        "superuser": make_user("root", is_staff=True, is_superuser=True),
        "officer": officer,
        "team_member": team_member,
        "bureau_africa": request.getfixturevalue("bureau_africa"),
        "bureau_asia": bureau_asia,
    }


def urls(report) -> list[str]:
    """Every enforcement URL (the report's own filled in) and the report's admin pages."""
    walked = []
    for name, _route, params in patterns():
        if not name.startswith("enforcement:"):
            continue
        kwargs = {"pk": report.pk, "number": 1, "code": "KE", **PUBLIC_VALUES}
        walked.append(reverse(name, kwargs={param: kwargs[param] for param in params}))
    content_type = ContentType.objects.get_for_model(CountryReport)
    walked += [
        reverse("admin:enforcement_countryreport_changelist"),
        reverse("admin:enforcement_countryreport_change", args=[report.pk]),
        reverse("admin:enforcement_countryreport_history", args=[report.pk]),
        f"/admin/r/{content_type.pk}/{report.pk}/",
    ]
    return walked


@pytest.mark.parametrize("who", CAST)
def test_only_kenya_and_the_staff_who_handle_its_report_see_it_anywhere(report, people, who):
    client = client_for(people[who])
    seen, statuses = [], {}
    for url in urls(report):
        response = client.get(url, follow=url.startswith("/admin/r/"))
        statuses[url] = response.status_code
        if response.status_code == 200 and SECRET.encode() in _body(response):
            seen.append(url)
    page = report.get_absolute_url()
    if who in SEES:
        assert page in seen and statuses[page] == 200
    else:
        assert seen == []
        assert statuses[page] == 404  # never "forbidden": the report does not exist for them
        if who not in ("anonymous", "stranger") and people[who].is_staff:
            change = reverse("admin:enforcement_countryreport_change", args=[report.pk])
            assert statuses[change] == 404
