"""The programme page tells the programme's story in order, with links between its parts."""

from datetime import date

import pytest
from django.urls import reverse

from enforcement import services
from enforcement.models import PracticeArea, PracticeStatus, ReportStatus
from tests.conftest import client_for
from tests.enforcement.conftest import make_practice, make_statistic

pytestmark = pytest.mark.django_db

# Programme, its parties, missions (+ parties, experts, agencies met), meetings, coordinators,
# reports, practices, attendance counts, statistics summary: whatever the number of rows. A
# signed-in viewer adds the session, the user and their membership or second factor and role.
PROGRAMME_PAGE_QUERIES = {None: 12, "th_focal": 16, "triage": 16}


@pytest.fixture
def story(programme, mission, thailand, make_report, triage, th_focal, kenya):
    """Two missions recorded out of order, a meeting with attendees and adopted practices."""
    programme.participating_parties.set([thailand, kenya])
    later = programme.missions.create(title="Second mission", start_date=date(2024, 10, 1))
    later.parties.set([kenya])
    earlier = mission  # the conftest's mission to Thailand, March 2024
    report = make_report(ReportStatus.APPROVED, title="Approved Thai report")
    make_practice("Customs risk profiles", report=report, party=thailand)
    meeting = programme.meetings.create(
        title="Bangkok consultation", venue="Bangkok", start_date=date(2024, 11, 5)
    )
    for agency_type in ("ip_office", "customs", "police"):
        meeting.attendees.create(party=thailand, agency_type=agency_type, name="Secret name")
    adopted = make_practice(
        "Regional contact points", meeting=meeting, area=PracticeArea.INTERAGENCY
    )
    services.adopt_best_practices([adopted.pk], triage)
    make_practice("Still proposed", meeting=meeting, status=PracticeStatus.PROPOSED)
    make_statistic(thailand, 2023, released_by=th_focal)
    make_statistic(kenya, 2022)  # not released: the public does not count it
    return {"earlier": earlier, "later": later, "meeting": meeting, "report": report}


def test_the_story_runs_from_missions_to_meeting_to_recommendations_practices_and_figures(
    client, programme, story
):
    html = client.get(programme.get_absolute_url()).content.decode()
    headings = [
        "1. Expert missions",
        "2. Consultation meetings and attendance",
        "3. Recommendations adopted",
        "4. Best practices by area",
        "5. Infringement statistics",
    ]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)
    # Missions by date, each headed by its date and the countries visited.
    assert html.index("1 March 2024: Thailand") < html.index("1 October 2024: Kenya")
    # Attendance as counts, never names, for the public.
    assert "Representatives by party and agency type" in html and "Secret name" not in html
    adopted_section = html[positions[2] : positions[3]]
    assert "Regional contact points" in adopted_section and "Still proposed" not in html
    practices_section = html[positions[3] : positions[4]]
    assert "Customs" in practices_section and "Interagency cooperation" in practices_section
    figures_section = html[positions[4] :]
    assert "?party=TH" in figures_section and "?party=KE" not in figures_section


def test_each_part_links_to_the_next_and_back_to_the_programme(client, programme, story):
    html = client.get(programme.get_absolute_url()).content.decode()
    assert story["meeting"].get_absolute_url() in html
    assert story["report"].get_absolute_url() in html
    assert f'href="#recommendations-{story["meeting"].pk}"' in html
    back = f"{programme.get_absolute_url()}#"
    meeting_page = client.get(story["meeting"].get_absolute_url()).content.decode()
    report_page = client.get(story["report"].get_absolute_url()).content.decode()
    practice = story["report"].best_practices.get()
    practice_page = client.get(practice.get_absolute_url()).content.decode()
    for page in (meeting_page, report_page, practice_page):
        assert back in page


def test_a_fact_the_source_leaves_open_reads_not_known(client, programme):
    html = client.get(programme.get_absolute_url()).content.decode()
    assert html.count("Not known") >= 3  # funder, implementing agency, period
    assert "Who attended" not in html  # no meeting: no sentence about one


@pytest.mark.parametrize("viewer", [None, "th_focal", "triage"])
def test_the_programme_page_costs_the_same_with_ten_times_the_story(
    request, programme, story, thailand, django_assert_num_queries, viewer
):
    client = client_for(None if viewer is None else request.getfixturevalue(viewer))
    url = programme.get_absolute_url()
    client.get(url)  # warm the content-type and translation caches
    with django_assert_num_queries(PROGRAMME_PAGE_QUERIES[viewer]):
        assert client.get(url).status_code == 200
    for index in range(10):
        mission = programme.missions.create(title=f"Mission {index}", start_date=date(2025, 1, 1))
        mission.parties.set([thailand])
        meeting = programme.meetings.create(title=f"Meeting {index}")
        meeting.attendees.create(party=thailand, agency_type="customs", name=f"Name {index}")
        make_statistic(thailand, 2000 + index, released_by=request.getfixturevalue("th_focal"))
    with django_assert_num_queries(PROGRAMME_PAGE_QUERIES[viewer]):
        assert client.get(url).status_code == 200
    assert reverse("enforcement:statistics") in client.get(url).content.decode()
