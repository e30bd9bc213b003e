"""Development status is dated: the rules read it as of a day, and the data cannot go stale.

The scenarios are built on real parties by replacing their LDC records (graduation, deferral,
re-entry) with ones dated around a fixed day; the shipped records are tested as they are.
"""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.development import stale_schedules, status_as_of
from portal.models import Activity, ActivityType, DevelopmentStatus, Membership, Party, StatusKind
from requests.models import AssistanceRequest, Kind, Status
from requests.review import figures
from requests.services.drafting import check_request_rules
from tests.conftest import make_member
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db

GRADUATION = datetime.date(2026, 11, 24)
BEFORE, AFTER = GRADUATION - datetime.timedelta(days=1), GRADUATION


def record(party, kind, starts=None, ends=None, **fields):
    fields.setdefault("source_title", "test")
    fields.setdefault("checked_on", datetime.date(2026, 11, 30))
    return DevelopmentStatus.objects.create(
        party=party, kind=kind, starts=starts, ends=ends, **fields
    )


def graduate(party, on=GRADUATION):
    """The party's LDC period ends on the day, and the graduation is recorded."""
    DevelopmentStatus.objects.filter(party=party, kind=StatusKind.LDC).update(ends=on)
    record(party, StatusKind.GRADUATED, on)


# status_as_of --------------------------------------------------------------------------------


def test_a_party_is_an_ldc_until_the_day_it_graduates():
    nepal = Party.objects.get(code="NP")
    graduate(nepal)
    assert status_as_of(nepal, BEFORE).ldc
    assert not status_as_of(nepal, AFTER).ldc
    assert status_as_of(nepal, AFTER).developing  # graduating leaves it a developing country


def test_a_deferral_keeps_the_party_an_ldc_past_the_first_date():
    bangladesh = Party.objects.get(code="BD")
    record(
        bangladesh,
        StatusKind.DEFERRAL_DECIDED,
        datetime.date(2026, 10, 1),
        datetime.date(2029, 11, 24),
    )
    record(bangladesh, StatusKind.GRADUATION_SCHEDULED, datetime.date(2029, 11, 24))
    graduate(bangladesh, on=datetime.date(2029, 11, 24))
    assert status_as_of(bangladesh, datetime.date(2027, 1, 1)).ldc
    assert status_as_of(bangladesh, datetime.date(2029, 11, 23)).ldc
    assert not status_as_of(bangladesh, datetime.date(2029, 11, 24)).ldc
    # The decided deferral settles the first date: no "outcome not confirmed" record is needed.
    DevelopmentStatus.objects.filter(party=bangladesh, kind=StatusKind.OUTCOME_UNCONFIRMED).delete()
    stale = stale_schedules(datetime.date(2026, 12, 1))
    assert "BD" not in {entry.party_code for entry in stale}


def test_a_party_that_re_enters_the_list_is_an_ldc_again_from_that_day():
    party = Party.objects.get(code="KE")  # not an LDC: an invented history
    record(party, StatusKind.LDC, None, datetime.date(2010, 1, 1))
    record(party, StatusKind.LDC, datetime.date(2020, 6, 1))
    assert status_as_of(party, datetime.date(2009, 12, 31)).ldc
    assert not status_as_of(party, datetime.date(2015, 1, 1)).ldc
    assert status_as_of(party, datetime.date(2020, 6, 1)).ldc
    annotated = Party.objects.with_status(datetime.date(2015, 1, 1)).get(pk=party.pk)
    assert annotated.status_ldc is False


def test_status_as_of_says_where_each_fact_comes_from():
    status = status_as_of(Party.objects.get(code="BD"), datetime.date(2026, 11, 30))
    assert status.ldc and status.developing
    assert all(row.source_title and row.checked_on for row in status.records)
    kinds = [event.kind for event in status.events]
    assert StatusKind.GRADUATION_SCHEDULED in kinds and StatusKind.OUTCOME_UNCONFIRMED in kinds
    scheduled = next(e for e in status.events if e.kind == StatusKind.GRADUATION_SCHEDULED)
    assert scheduled.basis == "A/RES/76/8" and scheduled.starts == GRADUATION


def test_the_annotation_answers_for_every_party_in_one_query():
    day = datetime.date(2026, 11, 30)
    with CaptureQueriesContext(connection) as queries:
        parties = list(Party.objects.with_status(day))
    assert len(queries) == 1
    by_code = {party.code: party for party in parties}
    assert by_code["AF"].status_ldc and by_code["AF"].status_lldc
    assert by_code["MK"].status_grouping == "developing"
    assert by_code["UA"].status_grouping == "transition"
    assert by_code["FR"].status_grouping == "developed"


# The rules ------------------------------------------------------------------------------------


def strategy_allowed(party, day, monkeypatch) -> bool:
    monkeypatch.setattr(timezone, "localdate", lambda *args: day)
    try:
        check_request_rules(party, {"kind": Kind.STRATEGY})
    except ValidationError:
        return False
    return True


def test_national_strategy_eligibility_follows_the_status_on_the_day(monkeypatch):
    # A country in transition is eligible only while it is an LDC (an invented history).
    ukraine = Party.objects.get(code="UA")
    record(ukraine, StatusKind.LDC, datetime.date(2000, 1, 1), GRADUATION)
    assert strategy_allowed(ukraine, BEFORE, monkeypatch)
    assert not strategy_allowed(ukraine, AFTER, monkeypatch)
    # A developing country stays eligible when it graduates.
    nepal = Party.objects.get(code="NP")
    graduate(nepal)
    assert strategy_allowed(nepal, AFTER, monkeypatch)


def submitted_in(official, focal, year) -> AssistanceRequest:
    assistance_request = move(draft(official), Status.SUBMITTED, actor=focal)
    moment = datetime.datetime(year, 6, 1, 12, tzinfo=datetime.UTC)
    AssistanceRequest.objects.filter(pk=assistance_request.pk).update(submitted_at=moment)
    return assistance_request


def test_the_yearly_review_counts_an_ldc_by_its_status_at_the_years_end():
    nepal = Party.objects.get(code="NP")
    official = make_member("np-official", "NP", Membership.Role.OFFICIAL)
    focal = make_member("np-focal", "NP", Membership.Role.FOCAL_POINT)
    submitted_in(official, focal, 2026)
    submitted_in(official, focal, 2027)
    for year in (2026, 2027):
        activity = Activity.objects.create(
            type=ActivityType.ADVISORY_MISSION,
            title=f"Mission {year}",
            planned_start=datetime.date(year, 3, 1),
            due_date=datetime.date(year, 4, 1),
        )
        activity.beneficiaries.add(nepal)
    graduate(nepal, on=datetime.date(2027, 3, 1))
    # 2026 ends before the graduation: an LDC; 2027 ends after it: another party.
    assert figures.request_figures(2026)["by_ldc"] == {"ldc": 1, "other": 0}
    assert figures.request_figures(2027)["by_ldc"] == {"ldc": 0, "other": 1}
    assert figures.activity_figures(2026)["by_ldc"] == {"ldc": 1, "other": 0}
    assert figures.activity_figures(2027)["by_ldc"] == {"ldc": 0, "other": 1}


# The data cannot go stale silently ------------------------------------------------------------


def test_no_scheduled_graduation_has_passed_without_a_recorded_outcome():
    """Fails once a scheduled date passes with no outcome, or a re-check date passes.

    To fix: record the outcome (graduated, deferral decided) in
    portal/reference/status_records.py, or re-check and record "outcome not confirmed" again
    with the day checked, the sources searched and a new re-check date; then rebuild.
    """
    assert stale_schedules(timezone.localdate()) == []


def test_a_passed_date_without_an_outcome_is_reported():
    laos = Party.objects.get(code="LA")
    DevelopmentStatus.objects.filter(party=laos, kind=StatusKind.OUTCOME_UNCONFIRMED).delete()
    stale = stale_schedules(datetime.date(2026, 11, 30))
    assert [(s.party_code, s.scheduled) for s in stale] == [("LA", GRADUATION)]
    assert stale_schedules(BEFORE) == []  # not yet due


def test_an_unconfirmed_outcome_is_accepted_only_until_its_re_check_date():
    recheck = DevelopmentStatus.objects.get(
        party__code="BD", kind=StatusKind.OUTCOME_UNCONFIRMED
    ).recheck_by
    assert recheck > datetime.date(2026, 11, 30)
    late = {(s.party_code, s.reason) for s in stale_schedules(recheck)}
    assert ("BD", "re-check date passed or missing") in late


def test_refreshing_from_the_file_is_idempotent_and_restores_the_records():
    DevelopmentStatus.objects.filter(party__code="BD").delete()
    call_command("refresh_development_status", stdout=io.StringIO(), stderr=io.StringIO())
    first = sorted(DevelopmentStatus.objects.values_list("party__code", "kind", "starts", "ends"))
    call_command("refresh_development_status", stdout=io.StringIO(), stderr=io.StringIO())
    again = sorted(DevelopmentStatus.objects.values_list("party__code", "kind", "starts", "ends"))
    assert first == again
    assert ("BD", "graduation_scheduled", GRADUATION, None) in first


def test_the_recommendations_pages_name_the_source_of_their_texts(client):
    for url in ("/recommendations/", "/recommendations/22/"):
        page = client.get(url).content.decode()
        assert "eff.org/pages/new-wipo-development-agenda" in page, url
        assert "wipo.int/ip-development/en/agenda/recommendations.html" in page, url


def test_the_admin_filters_parties_by_their_status_today(admin_client):
    ldc = admin_client.get("/admin/portal/party/", {"development_status": "ldc"}).content.decode()
    developed = admin_client.get("/admin/portal/party/", {"development_status": "developed"})
    assert ">Nepal<" in ldc and ">France<" not in ldc
    assert ">France<" in developed.content.decode()
    nepal = Party.objects.get(code="NP")
    change = admin_client.get(f"/admin/portal/party/{nepal.pk}/change/").content.decode()
    assert "A/RES/76/8" in change and "development_status.csv" in change
