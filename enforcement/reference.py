"""Real reference data from seeds/002: the ASEAN best-practices programme of 2013.

Every text field but `staff_notes` is read by the public: it says what the source says, in
words for a visitor; working notes, doubts and our file names go to `staff_notes` only.

The loader takes an app registry so the data migration can pass its historical models. It
records only what the source page says; what it does not say (funder, implementing agency,
the programme's own period, exact mission days, the expert's name, attendees, the text of
the adopted recommendations) is left empty. It is idempotent: rows are matched on the
programme's key and, inside it, on titles.
"""

from datetime import date

from django.apps import apps as django_apps

PROGRAMME_KEY = "asean-ipr-enforcement-best-practices"
# What the public reads as the source of every record below.
SOURCE = (
    "The organisation's Program Activities page “Best practices on IPR enforcement for "
    "interested ASEAN enforcement agencies” (2013)."
)
# ASEAN had ten member states in 2013 (Timor-Leste joined in 2025); all ten sent
# representatives to the Manila meeting, so all ten took part in the programme.
ASEAN_2013 = ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN")

PROGRAMME = {
    "name": "Best practices on IPR enforcement for interested ASEAN enforcement agencies",
    "description": (
        "This activity is aimed at improving the capacity of the ASEAN enforcement agencies to "
        "adequately enforce IPRs in the region. It consists of identifying and documenting best "
        "practices on IPR enforcement for enforcement agencies in the region, in areas such as "
        "interagency coordination; intelligence-led approaches; systems to gather, analyse and "
        "report on the scope and scale of infringements of IPRs; enforcement support measures "
        "for SMEs and GI producers; and awareness creation initiatives. The project provides "
        "for expert missions and a consultation meeting to identify and document such best "
        "practices. Outcome: individual country reports for the interested ASEAN member "
        "states, followed by a comprehensive report on Best Practices on IPR Enforcement."
    ),
    "source": SOURCE,
    # Staff only: never rendered on a public page (tests/enforcement/test_public_text.py).
    "staff_notes": (
        "Transcribed from seeds/002. The page names no funder, implementing agency or "
        "programme period, so they are left empty and the page shows them as not known. It "
        "mentions an “ECAP National Coordinator” for each country without saying what ECAP "
        "stands for; the pages repeat the name only."
    ),
}

MISSION_PURPOSE = (
    "(a) Gathering information on the current situation, needs and expectations concerning IPR "
    "enforcement in each interested ASEAN member state; (b) documenting best practices that "
    "could be proposed for adoption by ASEAN IPR enforcement agencies; (c) gathering "
    "suggestions concerning the preparation of draft guidelines or materials on IPR enforcement "
    "that could be proposed for adoption at the ASEAN regional level; (d) gathering suggestions "
    "concerning a plan to foster IPR enforcement interagency coordination within ASEAN."
)
MISSION_NOTES = (
    "Transcribed from seeds/002: an expert on IPR enforcement carried out field work following "
    "a programme prepared by the ECAP National Coordinator for each country, holding "
    "consultation meetings with the IP Office and other relevant IPR enforcement agencies. The "
    "page gives the month only, not the days, the expert's name, the programmes or the other "
    "agencies met."
)
MISSIONS = [
    {
        "title": "Best Practices on IPR Enforcement - Expert mission to PH, MY, TH",
        "start": date(2013, 8, 1),
        "parties": ("PH", "MY", "TH"),
    },
    {
        "title": "Best Practices on IPR Enforcement - Expert mission to SG, LA, KH, BN, ID",
        "start": date(2013, 10, 1),
        "parties": ("SG", "LA", "KH", "BN", "ID"),
    },
]

MEETING = {
    "title": "Consultation Meeting on IPR Enforcement 2013",
    "venue": "Manila, Philippines",
    "start_date": date(2013, 11, 25),
    "end_date": date(2013, 11, 27),
    "date_precision": "day",
    "description": (
        "A Consultation Meeting on IPR Enforcement following the expert missions. It concluded "
        "by adopting a number of recommendations regarding best practices on IPR enforcement "
        "that might be considered for implementation at the regional level within ASEAN."
    ),
    "attendance_rule": (
        "Three representatives from each ASEAN member state: one official from the national IP "
        "Office and two other representatives from national law enforcement agencies and/or "
        "members of the national court."
    ),
    "source": SOURCE,
    "staff_notes": (
        "Transcribed from seeds/002. The page does not name the attendees or give the text of "
        "the recommendations adopted."
    ),
}


def load_asean_programme(apps=django_apps) -> int:
    """Create or refresh the seeds/002 programme, its two missions and the Manila meeting."""
    party_model = apps.get_model("portal", "Party")
    programme_model = apps.get_model("enforcement", "Programme")
    parties = {party.code: party for party in party_model.objects.filter(code__in=ASEAN_2013)}
    programme, _ = programme_model.objects.update_or_create(
        key=PROGRAMME_KEY,
        defaults={**PROGRAMME, "funder": "", "implementing_agency": "", "start_date": None},
    )
    programme.participating_parties.set(parties.values())
    for item in MISSIONS:
        _load_mission(apps, programme, item, parties)
    meeting, _ = programme.meetings.update_or_create(
        title=MEETING["title"], defaults={**MEETING, "host_party": parties["PH"]}
    )
    meeting.invited_parties.set(parties.values())
    return 1 + len(MISSIONS) + 1


def _load_mission(apps, programme, item, parties) -> None:
    mission, _ = programme.missions.update_or_create(
        title=item["title"],
        defaults={
            "start_date": item["start"],
            "end_date": None,
            "date_precision": "month",
            "purpose": MISSION_PURPOSE,
            "other_experts": "An expert on IPR enforcement (name not known)",
            "coordinator_programme": (
                "Prepared by each country's ECAP National Coordinator; its content is not known."
            ),
            "source": SOURCE,
            "staff_notes": MISSION_NOTES,
        },
    )
    visited = [parties[code] for code in item["parties"]]
    mission.parties.set(visited)
    # The page says each visit met the IP Office; the other agencies are not named.
    for party in visited:
        mission.meetings.get_or_create(party=party, agency_type="ip_office", agency_name="")
