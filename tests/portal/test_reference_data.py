"""The reference data the migrations load is complete and agrees with its sources."""

import datetime
import json
import re

import pytest
from django.db.models import Q

from flexibilities.reference.loaders import SAMPLE_PROVISIONS_FILE
from portal.development import status_as_of
from portal.models import Cluster, DevelopmentStatus, Party, Recommendation, Region
from portal.reference.loaders import DEVELOPMENT_AGENDA_FILE, HERE, load_all

pytestmark = pytest.mark.django_db

SEED = HERE / "sources" / "development_agenda_2007.txt"


def test_there_are_193_member_states_with_unique_codes():
    states = Party.objects.filter(kind=Party.Kind.STATE)
    assert states.count() == 193
    assert len(set(states.values_list("iso3", flat=True))) == 193
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in states.values_list("code", flat=True))


def test_the_data_files_name_their_sources():
    for name in ("member_states.csv", "organisations.csv", "development_status.csv"):
        header = (HERE / name).read_text(encoding="utf-8").split("\n", 3)[:3]
        assert any("Source" in line or "source" in line for line in header), name
    agenda = json.loads(DEVELOPMENT_AGENDA_FILE.read_text())
    assert "General Assembly" in agenda["source"]
    assert "eff.org" in agenda["source"]  # the transcription the texts come from
    assert "wipo.int/ip-development/en/agenda/recommendations.html" in agenda["source"]
    samples = json.loads(SAMPLE_PROVISIONS_FILE.read_text())
    assert "verification" in samples and "Sample data" in samples["note"]


def test_every_development_status_record_names_its_source_and_date():
    header, *rows = [
        line
        for line in (HERE / "development_status.csv").read_text().splitlines()
        if not line.startswith("#")
    ]
    assert header.startswith("code,kind,starts,ends,basis,source_title,source_url,checked_on")
    for record in DevelopmentStatus.objects.all():
        assert record.source_title and record.checked_on, record
    assert DevelopmentStatus.objects.count() == len(rows)


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("KE", Region.AFRICA),
        ("EG", Region.ARAB),  # an Arab state in Africa
        ("SA", Region.ARAB),  # and one in Asia
        ("TH", Region.ASIA_PACIFIC),
        ("CL", Region.LATIN_AMERICA_CARIBBEAN),
        ("KZ", Region.EUROPE_ASIA),
        ("DE", ""),  # developed states belong to no bureau
        ("JP", ""),
    ],
)
def test_states_sit_in_the_bureau_that_serves_them(code, region):
    assert Party.objects.get(code=code).region == region


def test_development_status_matches_the_un_lists():
    day = datetime.date(2026, 11, 30)
    afghanistan = status_as_of(Party.objects.get(code="AF"), day)
    assert afghanistan.ldc and afghanistan.lldc and afghanistan.developing
    assert status_as_of(Party.objects.get(code="FJ"), day).sids
    assert status_as_of(Party.objects.get(code="CH"), day).grouping == "developed"
    assert Party.objects.with_status(day).filter(status_ldc=True).count() in range(40, 47)


@pytest.mark.parametrize(
    ("code", "grouping"),
    [
        ("MK", "developing"),  # an LLDC in Europe: developing, not developed
        ("MD", "developing"),
        ("KZ", "developing"),
        ("UA", "transition"),  # certain countries in Europe and Asia
        ("PL", "transition"),
        ("KE", "developing"),
        ("DE", "developed"),
        ("JP", "developed"),
    ],
)
def test_one_classification_rule_places_every_state(code, grouping):
    status = status_as_of(Party.objects.get(code=code), datetime.date(2026, 11, 30))
    assert status.grouping == grouping
    assert not (status.lldc and status.grouping != "developing")


def test_no_state_on_a_un_list_is_classed_developed_or_in_transition():
    day = datetime.date(2026, 11, 30)
    listed = Q(status_ldc=True) | Q(status_lldc=True) | Q(status_sids=True)
    parties = Party.objects.with_status(day).filter(listed)
    assert set(parties.values_list("status_grouping", flat=True)) == {"developing"}
    assert parties.filter(code__in=["MK", "MD"]).count() == 2


def test_every_member_state_has_exactly_one_grouping_today():
    day = datetime.date(2026, 11, 30)
    states = Party.objects.filter(kind=Party.Kind.STATE).with_status(day)
    assert not states.filter(status_grouping__isnull=True).exists()


def test_bahrain_is_no_longer_a_small_island_developing_state():
    bahrain = Party.objects.get(code="BH")
    assert not status_as_of(bahrain, datetime.date(2026, 11, 30)).sids
    assert status_as_of(bahrain, datetime.date(2023, 3, 31)).sids


def test_names_follow_the_un_and_assumed_memberships_say_so():
    assert Party.objects.get(code="NL").name_en == "Netherlands (Kingdom of the)"
    assumed = set(Party.objects.exclude(membership_note="").values_list("code", flat=True))
    assert assumed == {"MH", "SB", "TL"}
    assert not Party.objects.filter(code__in=["FM", "PW", "SS"]).exists()


def test_asean_members_are_flagged():
    founding = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"}
    flagged = set(Party.objects.filter(is_asean=True).values_list("code", flat=True))
    assert founding <= flagged
    assert flagged - founding <= {"TL"}


@pytest.mark.parametrize(
    ("code", "some_members"),
    [
        ("AP", {"KE", "GH"}),  # ARIPO
        ("OA", {"SN", "CM"}),  # OAPI
        ("EA", {"RU", "KZ"}),  # EAPO
        ("GC", {"SA", "AE"}),  # GCC Patent Office
        ("EM", {"DE", "FR"}),  # EU office
        ("BX", {"BE", "NL", "LU"}),  # Benelux
        ("ASEAN", {"TH", "PH"}),
    ],
)
def test_regional_organisations_have_their_member_states(code, some_members):
    organisation = Party.objects.get(code=code, kind=Party.Kind.ORGANISATION)
    members = set(organisation.members.values_list("code", flat=True))
    assert some_members <= members
    assert Party.objects.filter(code__in=members, kind=Party.Kind.STATE).count() == len(members)


def test_there_are_six_clusters_and_45_recommendations():
    assert list(Cluster.objects.values_list("letter", flat=True)) == list("ABCDEF")
    assert list(Recommendation.objects.values_list("number", flat=True)) == list(range(1, 46))


def test_every_recommendation_text_is_the_adopted_text():
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    # The transcription's slips, corrected as the data file lists them (each with a reason).
    for correction in json.loads(DEVELOPMENT_AGENDA_FILE.read_text())["corrections"]:
        assert correction["from"] in seed and correction["why"]
        seed = seed.replace(correction["from"], correction["to"])
    for recommendation in Recommendation.objects.all():
        assert len(recommendation.text) > 40
        assert " ".join(recommendation.text.split()) in seed, recommendation.number


def test_recommendations_fall_in_the_clusters_of_2007():
    expected = {"A": range(1, 15), "B": range(15, 24), "C": range(24, 33)}
    expected |= {"D": range(33, 39), "E": range(39, 45), "F": range(45, 46)}
    for letter, numbers in expected.items():
        stored = Recommendation.objects.filter(cluster__letter=letter)
        assert list(stored.values_list("number", flat=True)) == list(numbers)


def test_immediate_implementation_is_set_only_where_known():
    flags = dict(Recommendation.objects.values_list("number", "immediate_implementation"))
    assert flags[1] is True and flags[3] is True and flags[4] is True
    assert flags[2] is False and flags[5] is False
    assert flags[12] is flags[13] is flags[14] is True  # CDIP/2: Cluster A's 26 are 2,5,8,9,10
    assert sum(1 for flag in flags.values() if flag) <= 19


def test_every_immediate_flag_has_its_source_or_says_not_known():
    for recommendation in Recommendation.objects.all():
        source = recommendation.immediate_implementation_source
        if recommendation.immediate_implementation is None:
            assert source.startswith("Not known"), recommendation.number
        else:
            assert "https://www.wipo.int/" in source, recommendation.number


def test_the_transcription_slips_are_gone():
    texts = " ".join(Recommendation.objects.values_list("text", flat=True))
    assert "Member Sates" not in texts
    assert "[Least Developed Countries]" not in texts
    assert "transfer of technology)" not in texts


def test_reloading_reference_data_changes_nothing():
    before = (
        Party.objects.count(),
        Recommendation.objects.count(),
        DevelopmentStatus.objects.count(),
    )
    load_all()
    load_all()
    after = Party.objects.count(), Recommendation.objects.count(), DevelopmentStatus.objects.count()
    assert after == before
