"""Every sentence a visitor reads on the enforcement pages is meant for the public.

The walk takes every URL pattern of the enforcement app from the resolver (a new page is walked
the day it is added) and fills it with every real object of the reference data (the ASEAN
programme) and the demo world, then reads each page as an anonymous visitor.
"""

import pytest
from django.urls import URLPattern, reverse

from enforcement import demo, urls
from enforcement.models import (
    Attendee,
    BestPractice,
    ConsultationMeeting,
    CountryReport,
    ExpertMission,
    NationalCoordinator,
    Programme,
    ReportVersion,
)
from portal.demo import load as load_accounts

pytestmark = pytest.mark.django_db

# Words of our working notes, our files and our guesses: never on a public page.
INTERNAL_MARKERS = ["seeds/", ".py", "presumably", "/work/", "shared/data", "TODO"]


@pytest.fixture
def world():
    load_accounts()
    demo.load()


def kwargs_for(name: str) -> list[dict]:
    """Every real object a pattern can show, as its URL parameters."""
    pks = {
        "programme_detail": Programme.objects.values_list("pk", flat=True),
        "meeting_detail": ConsultationMeeting.objects.values_list("pk", flat=True),
        "meeting_attendees": ConsultationMeeting.objects.values_list("pk", flat=True),
        "report_detail": CountryReport.objects.values_list("pk", flat=True),
        "report_review": CountryReport.objects.values_list("pk", flat=True),
        "report_upload": CountryReport.objects.values_list("pk", flat=True),
        "best_practice_detail": BestPractice.objects.values_list("pk", flat=True),
    }
    if name in pks:
        return [{"pk": pk} for pk in pks[name]]
    if name == "report_file":
        return [
            {"pk": report_id, "number": number}
            for report_id, number in ReportVersion.objects.values_list("report_id", "number")
        ]
    if name.startswith("statistics_") and name not in (
        "statistics_csv",
        "statistics_json",
        "statistics_csv_template",
        "statistics_manage",
    ):
        return [{"code": "TH"}, {"code": "PH"}]
    return [{}]


def public_urls() -> list[str]:
    walked = []
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        params = set(pattern.pattern.converters)
        for kwargs in kwargs_for(pattern.name):
            if set(kwargs) != params:
                pytest.fail(f"the walk cannot fill {pattern.name} {params}: teach it")
            walked.append(reverse(f"enforcement:{pattern.name}", kwargs=kwargs))
    return walked


def staff_only_texts() -> list[str]:
    """The content of every field meant for staff (or for a party) only."""
    texts = []
    for model in (Programme, ExpertMission, ConsultationMeeting):
        texts += model.objects.exclude(staff_notes="").values_list("staff_notes", flat=True)
    texts += ExpertMission.objects.exclude(findings="").values_list("findings", flat=True)
    for field in ("email", "phone"):
        texts += NationalCoordinator.objects.exclude(**{field: ""}).values_list(field, flat=True)
    texts += Attendee.objects.values_list("name", flat=True)
    return texts


def test_no_public_enforcement_page_shows_a_note_a_file_name_or_a_staff_field(world, client):
    secrets = staff_only_texts()
    assert any("seeds/" in text for text in secrets)  # the reference notes are really there
    assert len(secrets) >= 5
    read, problems = 0, []
    for url in public_urls():
        response = client.get(url)
        if response.status_code != 200 or response.streaming:
            continue
        read += 1
        html = response.content.decode()
        problems += [f"{url}: {marker!r}" for marker in INTERNAL_MARKERS if marker in html]
        problems += [f"{url}: staff text {text[:40]!r}" for text in secrets if text in html]
    assert problems == []
    # Programmes, the meeting, approved reports, public practices, lists: all were read.
    assert read >= 10


def test_the_asean_programme_says_plainly_what_the_source_leaves_open(client):
    programme = Programme.objects.get(key="asean-ipr-enforcement-best-practices")
    html = client.get(programme.get_absolute_url()).content.decode()
    assert html.count("Not known") >= 3  # funder, implementing agency, period
    assert "An expert on IPR enforcement (name not known)" in html
    assert "Who attended: not known." in html
    assert "The text of the recommendations adopted: not known." in html
    assert "Program Activities page" in html  # the public source is named
