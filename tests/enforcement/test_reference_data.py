"""The seeds/002 programme is real data loaded by migration, with nothing invented."""

import pytest
from django.urls import reverse

from enforcement.models import ConsultationMeeting, DatePrecision, Programme
from enforcement.reference import PROGRAMME_KEY, load_asean_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def asean():
    return Programme.objects.get(key=PROGRAMME_KEY)


def test_the_asean_programme_is_present_with_what_the_source_does_not_say_left_empty(asean):
    assert asean.name == (
        "Best practices on IPR enforcement for interested ASEAN enforcement agencies"
    )
    assert (asean.funder, asean.implementing_agency, asean.start_date) == ("", "", None)
    assert "ECAP" in asean.staff_notes and not asean.is_demo
    assert "Program Activities page" in asean.source
    codes = set(asean.participating_parties.values_list("code", flat=True))
    assert codes == {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"}


def test_the_missions_of_2013_are_dated_to_the_month_only(asean):
    missions = {
        m.start_date.month: m for m in asean.missions.prefetch_related("parties", "meetings")
    }
    assert set(missions) == {8, 10}
    august, october = missions[8], missions[10]
    assert {p.code for p in august.parties.all()} == {"PH", "MY", "TH"}
    assert {p.code for p in october.parties.all()} == {"SG", "LA", "KH", "BN", "ID"}
    for mission in (august, october):
        assert mission.date_precision == DatePrecision.MONTH
        assert mission.end_date is None and mission.experts.count() == 0
        assert {m.agency_type for m in mission.meetings.all()} == {"ip_office"}
    assert august.period_display == "August 2013"


def test_the_manila_meeting_has_its_dates_and_the_attendance_rule(asean):
    meeting = ConsultationMeeting.objects.get(programme=asean)
    assert meeting.venue == "Manila, Philippines" and meeting.host_party.code == "PH"
    assert (str(meeting.start_date), str(meeting.end_date)) == ("2013-11-25", "2013-11-27")
    assert "one official from the national IP Office" in meeting.attendance_rule
    assert meeting.invited_parties.count() == 10
    assert not meeting.attendees.exists() and not meeting.best_practices.exists()


def test_loading_again_changes_nothing(asean):
    load_asean_programme()
    load_asean_programme()
    assert Programme.objects.filter(key=PROGRAMME_KEY).count() == 1
    assert asean.missions.count() == 2 and asean.meetings.count() == 1
    assert sum(m.meetings.count() for m in asean.missions.all()) == 8


def test_the_programme_page_shows_missions_and_the_meeting_to_the_public(asean, client):
    html = client.get(asean.get_absolute_url()).content.decode()
    assert "August 2013" in html and "October 2013" in html
    assert "Consultation Meeting on IPR Enforcement 2013" in html
    assert "Lao People" in html and "Brunei Darussalam" in html
    meeting = asean.meetings.get()
    assert client.get(reverse("enforcement:meeting_detail", args=[meeting.pk])).status_code == 200
