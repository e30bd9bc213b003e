"""Demo objects of the enforcement app, invented and marked as such (never the seeds/002 data).

A demo programme for Thailand with a mission, a country report in each state of its workflow,
a consultation meeting, best practices public and not, a national coordinator, and statistics
of which some are released. Every name carries "(demo)"; load() is idempotent.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from enforcement import services
from enforcement.models import (
    AgencyType,
    BestPractice,
    CountryReport,
    DatePrecision,
    InfringementStatistic,
    IPRight,
    Metric,
    PracticeArea,
    PracticeScope,
    PracticeStatus,
    ProductCategory,
    Programme,
    ReportStatus,
    ReviewAction,
)
from portal.models import Party

PROGRAMME_KEY = "demo-thailand-enforcement"

# Figures per (agency type, metric): the values of 2021..2024, with 2024 left unreleased.
FIGURES = {
    (AgencyType.CUSTOMS, Metric.CASES): (410, 455, 512, 538),
    (AgencyType.POLICE, Metric.CASES): (620, 590, 640, 701),
    (AgencyType.IP_OFFICE, Metric.CASES): (95, 120, 131, 150),
    (AgencyType.CUSTOMS, Metric.ARTICLES_SEIZED): (250_000, 310_000, 298_000, 355_000),
    (AgencyType.POLICE, Metric.RAIDS): (140, 152, 149, 170),
    (AgencyType.PROSECUTION, Metric.PROSECUTIONS): (80, 86, 97, 102),
    (AgencyType.JUDICIARY, Metric.CONVICTIONS): (61, 70, 77, 85),
}
YEARS = (2021, 2022, 2023, 2024)


def load() -> str:
    """Create or refresh the enforcement demo world; returns a one-line summary."""
    thailand = Party.objects.get(code="TH")
    users = get_user_model().objects
    staff, focal = users.get(username="admin"), users.get(username="th-focal")
    programme = _programme(thailand)
    # The demo officer handles this programme: it sees Thailand's confidential reports, while
    # the Africa bureau does not (Thailand is in Asia and the Pacific).
    programme.team.add(users.get(username="officer"))
    mission = _mission(programme, thailand)
    reports = _reports(mission, thailand, staff, focal)
    meeting = _meeting(programme, thailand)
    _practices(reports, meeting, thailand)
    count = _statistics(thailand, focal)
    return f"1 programme, {len(reports)} country reports, {count} statistics (Thailand)"


def _programme(thailand) -> Programme:
    programme, _ = Programme.objects.update_or_create(
        key=PROGRAMME_KEY,
        defaults={
            "name": "Enforcement support for Thai agencies (demo)",
            "description": "An invented programme that shows the enforcement pages. (demo)",
            "funder": "Demo funder (demo)",
            "implementing_agency": "Demo implementing agency (demo)",
            "start_date": date(2024, 1, 1),
            "end_date": date(2026, 1, 1),
            "date_precision": DatePrecision.YEAR,
            "source": "Invented demo data.",
            "is_demo": True,
        },
    )
    programme.participating_parties.set([thailand])
    programme.coordinators.update_or_create(
        party=thailand,
        defaults={
            "name": "National coordinator (demo)",
            "organisation": "Department of Intellectual Property (demo)",
            "email": "th-coordinator@demo.invalid",
            "phone": "+66 0000 0000 (demo)",
        },
    )
    return programme


def _mission(programme, thailand):
    mission, _ = programme.missions.update_or_create(
        title="Expert mission to Thailand (demo)",
        defaults={
            "start_date": date(2024, 3, 11),
            "end_date": date(2024, 3, 15),
            "date_precision": DatePrecision.DAY,
            "other_experts": "An IPR enforcement expert (demo)",
            "purpose": "Document enforcement practices of Thai agencies. (demo)",
            "coordinator_programme": "Day 1 IP office; day 2 customs; day 3 police. (demo)",
            "findings": "Interagency task force meets monthly; no shared case database. (demo)",
            "source": "Invented demo data.",
        },
    )
    mission.parties.set([thailand])
    for agency_type in (AgencyType.IP_OFFICE, AgencyType.CUSTOMS, AgencyType.POLICE):
        mission.meetings.get_or_create(
            party=thailand, agency_type=agency_type, defaults={"agency_name": "(demo)"}
        )
    return mission


# A minimal PDF: what the focal point reads and approves in the demo.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _reports(mission, thailand, staff, focal) -> dict[str, CountryReport]:
    """One report per workflow state, each reached through the real service.

    The draft has no document yet (so its page says why it cannot be sent); the others have
    version 1, which the focal point reads before approving.
    """
    steps = {
        ReportStatus.DRAFT: [],
        ReportStatus.UNDER_NATIONAL_REVIEW: [(ReviewAction.SENT_FOR_REVIEW, staff)],
        ReportStatus.APPROVED: [
            (ReviewAction.SENT_FOR_REVIEW, staff),
            (ReviewAction.APPROVED, focal),
        ],
    }
    reports = {}
    for status, moves in steps.items():
        title = f"Country report on Thailand, {ReportStatus(status).label.lower()} (demo)"
        report, created = CountryReport.objects.get_or_create(
            mission=mission,
            party=thailand,
            title=title,
            defaults={"summary": "An invented report that shows the review workflow. (demo)"},
        )
        if created and moves:
            upload = ContentFile(DEMO_PDF, name="country-report-thailand-demo.pdf")
            services.add_report_version(report.pk, staff, upload)
        if created:
            for action, actor in moves:
                report = services.review_report(report.pk, actor, action)
        reports[status] = report
    return reports


def _meeting(programme, thailand):
    meeting, _ = programme.meetings.update_or_create(
        title="Consultation on IPR enforcement (demo)",
        defaults={
            "venue": "Bangkok, Thailand (demo)",
            "host_party": thailand,
            "start_date": date(2025, 2, 4),
            "end_date": date(2025, 2, 5),
            "description": "An invented meeting. (demo)",
            "attendance_rule": "One IP office official and two enforcement or court "
            "representatives per state. (demo)",
        },
    )
    meeting.invited_parties.set([thailand])
    for agency_type, name in (
        (AgencyType.IP_OFFICE, "IP office official (demo)"),
        (AgencyType.CUSTOMS, "Customs officer (demo)"),
        (AgencyType.JUDICIARY, "Judge (demo)"),
    ):
        meeting.attendees.get_or_create(party=thailand, agency_type=agency_type, name=name)
    return meeting


def _practices(reports, meeting, thailand) -> None:
    national = {"scope": PracticeScope.NATIONAL, "party": thailand}
    regional = {"scope": PracticeScope.REGIONAL, "party": None}
    rows = [
        ("Customs risk profiles shared with right holders (demo)", PracticeArea.CUSTOMS,
         {"source_report": reports[ReportStatus.APPROVED], **national}),
        ("A specialised IP court with technical assessors (demo)", PracticeArea.COURTS,
         {"source_report": reports[ReportStatus.APPROVED], **national}),
        ("One national register of seizures (demo)", PracticeArea.STATISTICS,
         {"source_report": reports[ReportStatus.DRAFT], **national}),
        ("A regional network of enforcement contact points (demo)", PracticeArea.INTERAGENCY,
         {"source_meeting": meeting, "status": PracticeStatus.ADOPTED, **regional}),
        ("Awareness campaigns aimed at SMEs and GI producers (demo)", PracticeArea.AWARENESS,
         {"source_meeting": meeting, "status": PracticeStatus.PROPOSED, **regional}),
    ]  # fmt: skip
    for title, area, fields in rows:
        BestPractice.objects.update_or_create(
            title=title,
            defaults={
                "area": area,
                "description": f"{title}: invented to show the page.",
                **fields,
            },
        )


def _statistics(thailand, focal) -> int:
    released = []
    for (agency_type, metric), values in FIGURES.items():
        for year, value in zip(YEARS, values, strict=True):
            statistic, _ = InfringementStatistic.objects.update_or_create(
                party=thailand,
                year=year,
                agency_type=agency_type,
                agency_name="",
                metric=metric,
                ip_right=IPRight.ALL,
                product_category=ProductCategory.ALL,
                defaults={"value": Decimal(value), "note": "(demo)", "is_demo": True},
            )
            if year < YEARS[-1]:
                released.append(statistic.pk)
    services.release_statistics(thailand, focal, released)
    return len(FIGURES) * len(YEARS)
