"""The enforcement cast adds Thailand (an ASEAN state of seeds/002) to the shared cast, and
builders that reach every state through the real services."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from enforcement import services
from enforcement.models import (
    BestPractice,
    CountryReport,
    InfringementStatistic,
    PracticeArea,
    PracticeScope,
    Programme,
    ReportStatus,
    ReviewAction,
)
from portal.models import Membership, Party, Region
from portal.roles import OFFICERS_GROUP, ensure_staff_groups
from portal.services import sync_role_groups
from tests.conftest import make_member, make_user

# Every user of the cast, by fixture name; None is the anonymous visitor.
CAST = [
    None,
    "th_official",
    "th_focal",
    "ke_official",
    "ke_focal",
    "cl_official",
    "cl_focal",
    "triage",
    "officer",
    "bureau_africa",
    "bureau_asia",
    "team_member",
    "superuser",
    "stranger",
]
# Staff who handle Thailand's reports of the test programme: everyone else on the staff sees
# only approved ones, like the public.
HANDLERS = {"triage", "bureau_asia", "team_member", "superuser"}
STAFF = HANDLERS | {"officer", "bureau_africa"}
THAI = {"th_official", "th_focal"}


def user_from(request, name):
    return None if name is None else request.getfixturevalue(name)


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Report files go to a temporary folder, never into the project's var/private."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }


def pdf_upload(text: str = "thai report", name: str = "report.pdf") -> SimpleUploadedFile:
    """A small PDF (recognised as one by its content, as the upload check requires)."""
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + text.encode() + b"\n%%EOF\n")


@pytest.fixture
def thailand(db):
    return Party.objects.get(code="TH")


@pytest.fixture
def th_official(db):
    """An official of Thailand: sees Thailand's confidential reports, cannot approve them."""
    return make_member("th-official", "TH", Membership.Role.OFFICIAL)


@pytest.fixture
def th_focal(db):
    """Thailand's focal point: approves or returns Thailand's reports, releases its figures."""
    return make_member("th-focal", "TH", Membership.Role.FOCAL_POINT)


@pytest.fixture
def bureau_asia(db):
    """Staff of the Regional Bureau for Asia and the Pacific: handles Thailand's reports."""
    user = make_user("bureau-asia", is_staff=True, bureau=Region.ASIA_PACIFIC)
    sync_role_groups(user)
    return user


@pytest.fixture
def team_member(db, programme):
    """An officer on the test programme's staff team: handles its reports, whatever the region."""
    user = make_user("team-member", is_staff=True)
    user.groups.add(ensure_staff_groups()[OFFICERS_GROUP])
    programme.team.add(user)
    return user


@pytest.fixture
def superuser(db):
    """A superuser: handles everything, as the triage desk does."""
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.fixture
def programme(db):
    return Programme.objects.create(name="A test programme")


@pytest.fixture
def mission(programme, thailand):
    mission = programme.missions.create(title="Mission to Thailand", start_date=date(2024, 3, 1))
    mission.parties.set([thailand])
    return mission


@pytest.fixture
def make_report(mission, thailand, triage, th_focal):
    """A report of Thailand in the given status, moved there through the real workflow."""

    def make(status=ReportStatus.DRAFT, title="Report on Thailand", *, with_file=None):
        """A draft has no file unless with_file; a report past draft always has version 1."""
        report = CountryReport.objects.create(mission=mission, party=thailand, title=title)
        if with_file or (with_file is None and status != ReportStatus.DRAFT):
            services.add_report_version(report.pk, triage, pdf_upload(title))
        if status != ReportStatus.DRAFT:
            services.review_report(report.pk, triage, ReviewAction.SENT_FOR_REVIEW)
        if status == ReportStatus.APPROVED:
            services.review_report(report.pk, th_focal, ReviewAction.APPROVED)
        report.refresh_from_db()
        assert report.status == status
        return report

    return make


def make_practice(title="A practice", *, report=None, meeting=None, party=None, **fields):
    return BestPractice.objects.create(
        title=title,
        description=f"{title} described.",
        area=fields.pop("area", PracticeArea.CUSTOMS),
        scope=PracticeScope.NATIONAL if party else PracticeScope.REGIONAL,
        party=party,
        source_report=report,
        source_meeting=meeting,
        **fields,
    )


def make_statistic(party, year=2023, *, released_by=None, **fields):
    """A figure of the party; released through the service when released_by is given."""
    defaults = {"agency_type": "customs", "metric": "cases", "value": 10}
    statistic = InfringementStatistic.objects.create(
        party=party, year=year, **{**defaults, **fields}
    )
    if released_by is not None:
        services.release_statistics(party, released_by, [statistic.pk])
        statistic.refresh_from_db()
    return statistic
