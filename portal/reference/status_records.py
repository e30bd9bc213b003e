"""Dated development-status records that the dataset cannot give: graduations, deferrals,
corrections. Read by build_member_states.py (a plain data module: no Django).

Every entry names its source and the day it was checked. Nothing here is a decision that no
source confirmed: where the outcome of a scheduled graduation is unknown, the record says so
("outcome_unconfirmed") with the day by which it must be looked at again, and
tests/portal/test_development_status.py fails once that day has passed.
"""

AS_OF = "2026-11-21"  # when the dataset's LDC list was last checked (build_member_states.AS_OF)

# --------------------------------------------------------------------------------------------
# 5. Least developed, landlocked and small island developing countries: dated records
# --------------------------------------------------------------------------------------------
# The dataset marks 45 LDCs: the UN list after Bhutan's graduation (13 Dec 2023), before
# Sao Tome and Principe's. Its LDC, LLDC and SIDS columns become open-ended periods ("since
# before these records", no end) checked on DATASET_CHECKED; the corrections and the dated
# events below are what changed since, each with its source.
DATASET_CHECKED = AS_OF
DATASET_SOURCE = (
    "datasets/country-codes (UN M49 / UN-OHRLLS lists: columns 'Least Developed Countries"
    " (LDC)', 'Land Locked Developing Countries (LLDC)', 'Small Island Developing States (SIDS)')",
    "https://github.com/datasets/country-codes",
)
CHECKED = "2026-11-30"  # the day the dated records below were searched for

# Periods that end, keyed (code, kind): (ends, basis, source title, source URL, checked, note)
PERIOD_ENDS = {
    ("ST", "ldc"): (
        "2024-12-13",
        "",
        "UN DESA Committee for Development Policy, 'Sao Tome and Principe graduated from LDC"
        " status' (44 LDCs remain)",
        "",
        AS_OF,
        "Graduated 13 December 2024.",
    ),
    # UNCTAD (as reported by ORF Middle East, 'Bahrain opting out') records Bahrain's removal
    # from the UN SIDS classification in April 2023 at its own request; UN-OHRLLS notes that
    # Bahrain is not a member of AOSIS, whose 38 UN members it recognises as SIDS. The day in
    # April is not given: the first of the month is used.
    ("BH", "sids"): (
        "2023-04-01",
        "",
        "ORF Middle East, 'The UN and SIDS: Bahrain opting out' (citing UNCTAD); UN-OHRLLS,"
        " 'About the Small Island Developing States'",
        "https://orfme.org/?p=2140",
        CHECKED,
        "Removed from the UN SIDS classification in April 2023 at its own request (day not"
        " given; 1 April used). See also http://unohrlls.org/about-sids/ .",
    ),
}
# Periods the dataset no longer shows but that held before (so history reads right).
EXTRA_PERIODS = {("ST", "ldc"), ("BH", "sids")}

# Events: (code, kind, starts, ends, basis, source title, source URL, checked, recheck_by, note)
# Nothing here is a General Assembly decision that no source confirmed.
A_RES_76_8 = (
    "A/RES/76/8",
    "UN General Assembly resolution 76/8 'Graduation of Bangladesh, the Lao People's Democratic"
    " Republic and Nepal from the least developed country category' (as cited by the Lao PDR"
    " SDG portal)",
    "https://sdg.pilot-test.bdb.com.la/en/ldc_graduation",
)
UNCONFIRMED_NOTE = (
    "Searched {checked} (public pages: UN, government and press): no source confirms the"
    " General Assembly's decision, nor the graduation, for {name}. {detail} Until an outcome is"
    " recorded the portal keeps the LDC period open (rule: a period ends only where a"
    " graduation is recorded)."
)
RECHECK_BY = "2027-01-31"
NO_SOURCE = "No confirming source found (search of public pages); see the note"
EVENTS = [
    (
        "BD",
        "graduation_scheduled",
        "2026-11-24",
        "",
        *A_RES_76_8,
        CHECKED,
        "",
        "Five-year preparatory period (adopted 24 November 2021).",
    ),
    (
        "BD",
        "deferral_requested",
        "2026-02-18",
        "",
        "",
        "Prothom Alo, 'Bangladesh formally requests three-year postponement of LDC graduation'",
        "https://en.prothomalo.com/business/local/6oissxr1dn",
        CHECKED,
        "",
        "Extension of the preparatory period to 24 November 2029 requested of the CDP on"
        " 18 February 2026. The CDP found it appropriate for the General Assembly to approve the"
        " extension (June 2026: https://justenergynews24.com/?p=8847).",
    ),
    (
        "BD",
        "outcome_unconfirmed",
        "2026-11-24",
        "",
        "",
        NO_SOURCE,
        "",
        CHECKED,
        RECHECK_BY,
        UNCONFIRMED_NOTE.format(
            checked=CHECKED,
            name="Bangladesh",
            detail="Press reports said the request would go to the General Assembly in its autumn"
            " 2026 session (The Financial Express, https://thefinancialexpress.com.bd/economy/"
            "bangladesh/bd-to-seek-diplomatic-support-for-delay-in-ldc-graduation).",
        ),
    ),
    (
        "LA",
        "graduation_scheduled",
        "2026-11-24",
        "",
        *A_RES_76_8,
        CHECKED,
        "",
        "Five-year preparatory period (adopted 24 November 2021).",
    ),
    (
        "LA",
        "outcome_unconfirmed",
        "2026-11-24",
        "",
        "",
        NO_SOURCE,
        "",
        CHECKED,
        RECHECK_BY,
        UNCONFIRMED_NOTE.format(
            checked=CHECKED,
            name="the Lao People's Democratic Republic",
            detail="No deferral request was found; the government declared itself ready to"
            " graduate (Vientiane Times, December 2025, https://www.vientianetimes.org.la/"
            "freefreenews/freecontent_236_Laos_steps_y25.php).",
        ),
    ),
    (
        "NP",
        "graduation_scheduled",
        "2026-11-24",
        "",
        *A_RES_76_8,
        CHECKED,
        "",
        "Five-year preparatory period (adopted 24 November 2021).",
    ),
    (
        "NP",
        "outcome_unconfirmed",
        "2026-11-24",
        "",
        "",
        NO_SOURCE,
        "",
        CHECKED,
        RECHECK_BY,
        UNCONFIRMED_NOTE.format(
            checked=CHECKED,
            name="Nepal",
            detail="The government was reported preparing a request to defer by three years"
            " (https://nepalinews.sanjayasubedi.com.np/news/134248/); no formal request or"
            " decision was found, so no 'deferral requested' record is made.",
        ),
    ),
    (
        "SB",
        "graduation_scheduled",
        "2024-12-13",
        "",
        "",
        "Islands Business, 'Solomon Islands granted three years LDC graduation extension by UN'",
        "https://islandsbusiness.com/news-break/solomon-islands-granted-three-years-ldc-graduation"
        "-extension-by-un/",
        CHECKED,
        "",
        "Originally due to graduate in 2024.",
    ),
    (
        "SB",
        "deferral_decided",
        "2023-08-25",
        "2027-12-13",
        "General Assembly resolution of 25 August 2023",
        "Islands Business, 'Solomon Islands granted three years LDC graduation extension by UN'",
        "https://islandsbusiness.com/news-break/solomon-islands-granted-three-years-ldc-graduation"
        "-extension-by-un/",
        CHECKED,
        "",
        "Three more years of preparatory period (2024-2027). The source gives the year 2027;"
        " the day is the original date (13 December) moved by three years.",
    ),
    (
        "SB",
        "graduation_scheduled",
        "2027-12-13",
        "",
        "General Assembly resolution of 25 August 2023",
        "Solomon Star, 'SI join high-level meeting on LDC graduation'",
        "https://www.solomonstarnews.com/si-join-high-level-meeting-on-ldc-graduation",
        CHECKED,
        "",
        "Government: 'prepares to graduate from LDC status by the end of 2027' (Dec 2025).",
    ),
    (
        "ST",
        "graduated",
        "2024-12-13",
        "",
        "",
        "UN DESA Committee for Development Policy, 'Sao Tome and Principe graduated from LDC"
        " status'",
        "",
        AS_OF,
        "",
        "",
    ),
]

HEADER = [
    "Development status of the member states as dated records, built by build_member_states.py"
    " (edit status_records.py or the script, not this file); loaded by"
    " `manage.py refresh_development_status`.",
    "Columns: kind = ldc | lldc | sids | developing | transition | developed (periods: from"
    " 'starts', inclusive, empty = before these records; until 'ends', exclusive, empty = still"
    " holds) or graduation_scheduled | deferral_requested | deferral_decided | graduated |"
    " outcome_unconfirmed (events on 'starts'; a decided deferral's 'ends' is the new date)."
    " Every row has source_title, source_url (where one exists) and checked_on.",
    "Sources: LDC, LLDC, SIDS from datasets/country-codes (https://github.com/datasets/"
    "country-codes, ODC PDDL 1.0; UN DESA/CDP and UN-OHRLLS lists as of " + AS_OF + "),"
    " corrected and dated from the sources named on each row (UN General Assembly resolution"
    " A/RES/76/8; CDP; UNCTAD via ORF Middle East for Bahrain; press reports for 2026"
    " deferral requests).",
    "Classification rule: LDC/LLDC/SIDS are the UN lists; the organisation's grouping follows"
    " its regional bureau (Africa, Arab, Asia-Pacific, Latin America-Caribbean = developing;"
    " certain countries in Europe and Asia = transition; no bureau = developed); a state on a"
    " UN LDC/LLDC/SIDS list is developing whatever its bureau. The former 'all of Europe is"
    " developed' rule (UN M49 developed regions, no longer carried by M49 since 2021) is dropped.",
    "Scheduled graduations: an LDC period ends only where a graduation is recorded. Bangladesh,"
    " Lao PDR and Nepal (24 Nov 2026, A/RES/76/8): outcome not confirmed as of " + CHECKED + ","
    " re-check by " + RECHECK_BY + ". Solomon Islands: deferred to 13 Dec 2027.",
]
