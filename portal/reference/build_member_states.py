#!/usr/bin/env python3
"""Build member_states.csv (the organisation's 193 member states) from datasets/country-codes.

Usage:
    python portal/reference/build_member_states.py [SOURCE_CSV] [-o OUTPUT_CSV]

SOURCE_CSV defaults to /work/shared/data/country-codes.csv (a trimmed copy of the public-domain
dataset https://github.com/datasets/country-codes, ODC PDDL 1.0). OUTPUT_CSV defaults to
member_states.csv next to this script.

This script is the reviewable place where every derivation lives: which entries are member
states, how names are cleaned, the regional-bureau mapping with its overrides, the LDC
corrections and the ASEAN list. Each decision carries its source or, where no source could be
found, says so. Nothing here is fetched from the network: re-running it on the same input gives
the same output.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

DEFAULT_SOURCE = Path("/work/shared/data/country-codes.csv")
DEFAULT_OUTPUT = Path(__file__).resolve().with_name("member_states.csv")

# Date at which the facts below (membership, LDC list, ASEAN) were checked.
AS_OF = "2026-11-21"

COLUMNS = [
    "code",
    "iso3",
    "m49",
    "name_en",
    "name_fr",
    "name_es",
    "name_ar",
    "name_zh",
    "name_ru",
    "bureau",
    "is_asean",
    "membership_note",
]
STATUS_OUTPUT = Path(__file__).resolve().with_name("development_status.csv")
STATUS_COLUMNS = [
    "code",
    "kind",
    "starts",
    "ends",
    "basis",
    "source_title",
    "source_url",
    "checked_on",
    "recheck_by",
    "note",
]

# --------------------------------------------------------------------------------------------
# 1. Membership of the organisation
# --------------------------------------------------------------------------------------------
# UN member states are recognised in the dataset by their UNTERM short name (UNTERM lists the
# 193 UN members plus four non-members that it marks with "*" (Holy See, State of Palestine)
# or "**" (Cook Islands, Niue)). In this trimmed copy two UN members have blank UNTERM columns,
# so they are added by hand:
UN_MEMBERS_WITHOUT_UNTERM_ROW = {
    "CI": "Côte d'Ivoire: UNTERM columns blank in this copy (present upstream, see NAME_OVERRIDES)",
    "TR": "Türkiye: UNTERM columns blank in this copy; official_name_* columns say 'Türkiye'",
}

# Parties to the founding convention that are not UN members. Included whatever the dataset's
# is_independent column says (CK and NU are "Associated with NZ").
NON_UN_MEMBERS = {
    "CK": "Cook Islands: party since 2016 (189 parties in 2016 = 186 UN members + CK, VA, NU)",
    "VA": "Holy See",
    "NU": "Niue",
}

# UN member states that are NOT members of the organisation as of AS_OF.
# Sourced facts: 189 parties in Aug 2016 (186 UN members + CK, VA, NU); the organisation's own
# pages give 191 member states for the Oct 2017 and Sept 2018 Assemblies, 192 for the Oct 2019
# Assemblies, and 193 from Nauru's 2020 accession onwards (still 193 on its members page).
# The seven UN members outside in 2016 were MH, FM, NR, PW, SB, SS, TL; so four of them joined
# 2016-2020 (NR in 2020) and three are still outside.
# NOT SOURCED: which three. No accession notice for MH, SB or TL, and no statement about FM,
# PW or SS, could be found in the reference material available when this file was built. The
# choice below (MH, SB, TL joined; FM, PW, SS did not) is the builder's best recollection and
# is an ASSUMPTION to check against WIPO Lex, "WIPO Convention - Contracting Parties".
# If it is wrong, swap the codes here: the 193 total does not change.
UN_NON_MEMBERS = {
    "FM": "Micronesia (Federated States of): assumed not a member (unverified)",
    "PW": "Palau: assumed not a member (unverified)",
    "SS": "South Sudan: assumed not a member (unverified)",
}
# Shown on the party's pages: membership of these three rests on the assumption above. Searched
# again 2026-11-30 (public pages): Wikipedia's 2015 list still names all seven as outside; the
# organisation's archived members page (Oct 2021) gives 193 without naming them. Still unsourced.
MEMBERSHIP_ASSUMED = {
    "MH": "Membership assumed, not sourced (see the data file's header); checked 2026-11-30.",
    "SB": "Membership assumed, not sourced (see the data file's header); checked 2026-11-30.",
    "TL": "Membership assumed, not sourced (see the data file's header); checked 2026-11-30.",
}
EXPECTED_MEMBER_COUNT = 193

# --------------------------------------------------------------------------------------------
# 2. Names
# --------------------------------------------------------------------------------------------
LANG_COLUMNS = {
    # lang: (UNTERM short name column, fallback official name column)
    "en": ("UNTERM English Short", "official_name_en"),
    "fr": ("UNTERM French Short", "official_name_fr"),
    "es": ("UNTERM Spanish Short", "official_name_es"),
    "ar": ("UNTERM Arabic Short", "official_name_ar"),
    "zh": ("UNTERM Chinese Short", "official_name_cn"),
    "ru": ("UNTERM Russian Short", "official_name_ru"),
}

# UNTERM appends the article a name takes in running text, e.g. "Afghanistan (l')",
# "Afganistán (el)", "Netherlands (the)". For display the article is
# dropped. Parentheses that are part of the name ("Bolivia (Plurinational State of)",
# "Iran (République islamique d')") are kept: only these exact trailing suffixes are removed.
# English "(the)" is removed too, for the same reason ("Marshall Islands (the)").
ARTICLE_SUFFIXES = {
    "en": (" (the)",),
    "fr": (" (l')", " (le)", " (la)", " (les)"),
    "es": (" (el)", " (la)", " (los)", " (las)"),
}
# UNTERM footnote markers on non-UN-member entries: "Holy See (the) *", "Niue **".
MARKER_RE = re.compile(r"\s*\*+\s*$")

# Names replaced by hand, with the reason.
NAME_OVERRIDES = {
    # This copy has blank UNTERM columns and official_name_en "Ivory Coast" for CI, which is not
    # the UN name. Values are the UNTERM short names in the upstream dataset
    # (datasets/country-codes, data/country-codes.csv at commit
    # 060e8c02fc8d9281a294669b89a0e50b5164abd4), articles dropped as above.
    "CI": {
        "en": "Côte d'Ivoire",
        "fr": "Côte d'Ivoire",
        "es": "Côte d'Ivoire",
        "ar": "كوت ديفوار",
        "zh": "科特迪瓦",
        "ru": "Кот-д'Ивуар",
    },
    # The UN now writes "Netherlands (Kingdom of the)" (the dataset's UNTERM formal-name column
    # carries the same wording per language). Arabic keeps the short name: the formal column
    # holds a placeholder ("هولندا (مملكة _)") that is not a display name.
    "NL": {
        "en": "Netherlands (Kingdom of the)",
        "fr": "Pays-Bas (Royaume des)",
        "es": "Países Bajos (Reino de los)",
        "ar": "هولندا",
        "zh": "荷兰王国",
        "ru": "Нидерланды (Королевство)",
    },
}

# --------------------------------------------------------------------------------------------
# 3. Regional bureaus
# --------------------------------------------------------------------------------------------
# Bureau values are portal.models.parties.Region values; "" = no bureau (developed countries).
# Order of precedence: ARAB_LEAGUE, then BUREAU_OVERRIDES, then SUBREGION_BUREAU.

# The Arab bureau covers the League of Arab States (22 members, spanning Africa and Asia; Syria
# reinstated 7 May 2023). The 22nd member, Palestine, is not a member state of the
# organisation, so 21 rows get "arab".
ARAB_LEAGUE = {
    "DZ",
    "BH",
    "KM",
    "DJ",
    "EG",
    "IQ",
    "JO",
    "KW",
    "LB",
    "LY",
    "MR",
    "MA",
    "OM",
    "PS",
    "QA",
    "SA",
    "SO",
    "SD",
    "SY",
    "TN",
    "AE",
    "YE",
}

# Default bureau per UN M49 sub-region. None = no default: every member state in that
# sub-region must be listed in ARAB_LEAGUE or BUREAU_OVERRIDES (the script fails otherwise).
SUBREGION_BUREAU = {
    "Northern Africa": "africa",  # in practice all Arab League members
    "Sub-Saharan Africa": "africa",
    "Latin America and the Caribbean": "latin_america_caribbean",
    "Northern America": "",  # Canada, United States: developed
    "Central Asia": "europe_asia",
    "Eastern Asia": "asia_pacific",
    "South-eastern Asia": "asia_pacific",
    "Southern Asia": "asia_pacific",
    "Western Asia": None,  # Arab states, the Caucasus, Cyprus, Israel, Türkiye: all explicit
    "Eastern Europe": "europe_asia",  # Central and Eastern European states
    "Northern Europe": "",
    "Southern Europe": "",
    "Western Europe": "",
    "Australia and New Zealand": "",
    "Melanesia": "asia_pacific",
    "Micronesia": "asia_pacific",
    "Polynesia": "asia_pacific",
}

BUREAU_OVERRIDES = {
    # Asia, developed (M49 convention, section 4): no bureau.
    "JP": "",  # Japan: Eastern Asia but developed
    "IL": "",  # Israel: Western Asia but developed
    "CY": "",  # Cyprus: Western Asia (M49) but developed, EU member
    # Caucasus: Western Asia in M49, covered by the Europe-and-Asia department.
    "AM": "europe_asia",  # Armenia
    "AZ": "europe_asia",  # Azerbaijan
    "GE": "europe_asia",  # Georgia
    # Türkiye: Western Asia, developing (M49), not in the Arab League. Mapping decision: the
    # Europe-and-Asia department rather than Asia and the Pacific. Review if the organisation
    # assigns it differently.
    "TR": "europe_asia",
    # Baltic states: Northern Europe in M49.
    "EE": "europe_asia",  # Estonia
    "LV": "europe_asia",  # Latvia
    "LT": "europe_asia",  # Lithuania
    # Central European and Western Balkan states in M49 Southern Europe.
    "AL": "europe_asia",  # Albania
    "BA": "europe_asia",  # Bosnia and Herzegovina
    "HR": "europe_asia",  # Croatia
    "ME": "europe_asia",  # Montenegro
    "MK": "europe_asia",  # North Macedonia
    "RS": "europe_asia",  # Serbia
    "SI": "europe_asia",  # Slovenia
}

# --------------------------------------------------------------------------------------------
# 4. The classification rule (one rule; written out in the CSV header and the README)
# --------------------------------------------------------------------------------------------
# (a) LDC, LLDC and SIDS are the UN's lists (UN DESA/CDP for LDCs, UN-OHRLLS for LLDCs and
#     SIDS) as copied in the dataset, with the dated corrections of section 5.
# (b) The organisation's own grouping follows its regional bureau: a state served by the
#     Africa, Arab, Asia and the Pacific or Latin America and the Caribbean bureau is
#     "developing"; one of "certain countries in Europe and Asia" is "transition"; a state
#     with no bureau is "developed".
# (c) A state on a UN list of LDCs, LLDCs or SIDS is "developing" whatever its bureau: the
#     lists are lists of developing countries. (This settles North Macedonia and the Republic
#     of Moldova, LLDCs on the UN-OHRLLS list: developing, not developed.)
# Replaced: the former rule classed all of Europe (plus Northern America, Japan, Australia,
# New Zealand, Cyprus, Israel) as developed. It came from the UN M49 "developed / developing
# regions" grouping, which UNSD itself says is no established convention and which M49 no
# longer carries (dropped in 2021); it also contradicted (a) for MK and MD.
DEVELOPING_BUREAUS = {"africa", "arab", "asia_pacific", "latin_america_caribbean"}
GROUPING_SOURCE = (
    "Portal classification rule (README, 'Reference data'; build_member_states.py section 4):"
    " the organisation's regional bureau, overridden by the UN LDC/LLDC/SIDS lists"
)

# --------------------------------------------------------------------------------------------
# 5. LDC, LLDC, SIDS: the dataset's columns, plus the dated records of status_records.py
# --------------------------------------------------------------------------------------------
sys.path.insert(0, str(Path(__file__).resolve().parent))
import status_records  # noqa: E402 - a sibling data module, importable when run as a script

# --------------------------------------------------------------------------------------------
# 6. ASEAN
# --------------------------------------------------------------------------------------------
# The ten members plus Timor-Leste, admitted as the 11th member on 26 October 2025 (Declaration
# on the Admission of Timor-Leste into ASEAN, 47th ASEAN Summit, Kuala Lumpur).
ASEAN = {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL"}

HEADER_COMMENTS = [
    "The organisation's member states, built by build_member_states.py (edit that, not this file).",
    "Source dataset: datasets/country-codes on GitHub (https://github.com/datasets/country-codes),"
    " ODC Public Domain Dedication and License (PDDL) 1.0, compiled from ISO 3166, UN M49 (UNSD)"
    " and UNTERM; trimmed copy /work/shared/data/country-codes.csv. Names: UNTERM short names with"
    " the trailing article and footnote markers dropped; official_name_* where UNTERM is blank"
    " (TR); CI from the upstream UNTERM columns (commit 060e8c02fc8d9281a294669b89a0e50b5164abd4).",
    f"Membership as of {AS_OF}: 193 = 190 UN member states + Cook Islands, Holy See, Niue."
    " Sources: WIPO Convention had 189 parties in Aug 2016 (186 UN members + CK, VA, NU);"
    " wipo.int Assemblies pages give 191 member states (2017, 2018) and 192 (Oct 2019);"
    " Nauru's 2020 accession made 193; wipo.int/members still gives 193.",
    "Membership ASSUMPTION (not sourced): of the 7 UN members outside in 2016, Marshall Islands,"
    " Solomon Islands and Timor-Leste are taken to have joined 2016-2019 and Micronesia (Fed."
    " States of), Palau and South Sudan to remain outside. No accession record for these could be"
    " found; verify against WIPO Lex, WIPO Convention contracting parties.",
    "Development status (LDC, LLDC, SIDS, developing/transition/developed) is not in this"
    " file: it is dated, sourced records in development_status.csv, built by the same script.",
    "bureau: derived from UN M49 region/sub-region with the overrides listed in"
    " build_member_states.py; arab = the 21 League of Arab States members that are member states"
    " (Palestine, the 22nd, is not); empty = developed country, no bureau.",
    "membership_note: non-empty where membership is an assumption rather than a sourced fact.",
    "ASEAN (is_asean): 11 members as of 26 Oct 2025, when Timor-Leste was admitted as the 11th"
    " member at the 47th ASEAN Summit in Kuala Lumpur (Declaration on the Admission of"
    " Timor-Leste into ASEAN).",
]


def clean_name(value: str, lang: str) -> str:
    value = MARKER_RE.sub("", value.strip())
    for suffix in ARTICLE_SUFFIXES.get(lang, ()):
        if value.endswith(suffix):
            value = value[: -len(suffix)]
            break
    return value.strip()


def names_for(row: dict[str, str]) -> dict[str, str]:
    code = row["ISO3166-1-Alpha-2"]
    out = {}
    for lang, (unterm_col, official_col) in LANG_COLUMNS.items():
        if code in NAME_OVERRIDES:
            out[f"name_{lang}"] = NAME_OVERRIDES[code][lang]
            continue
        raw = row[unterm_col].strip() or row[official_col].strip()
        if not raw:
            raise ValueError(f"{code}: no {lang} name")
        out[f"name_{lang}"] = clean_name(raw, lang)
    return out


def bureau_for(row: dict[str, str]) -> str:
    code = row["ISO3166-1-Alpha-2"]
    if code in ARAB_LEAGUE:
        return "arab"
    if code in BUREAU_OVERRIDES:
        return BUREAU_OVERRIDES[code]
    subregion = row["Sub-region Name"]
    if subregion not in SUBREGION_BUREAU or SUBREGION_BUREAU[subregion] is None:
        raise ValueError(f"{code}: no bureau rule for sub-region {subregion!r}")
    return SUBREGION_BUREAU[subregion]


def grouping_for(bureau: str, on_un_list: bool) -> str:
    """The classification rule of section 4."""
    if on_un_list or bureau in DEVELOPING_BUREAUS:
        return "developing"
    return "transition" if bureau == "europe_asia" else "developed"


def is_un_member(row: dict[str, str]) -> bool:
    code = row["ISO3166-1-Alpha-2"]
    unterm = row["UNTERM English Short"]
    return code in UN_MEMBERS_WITHOUT_UNTERM_ROW or (bool(unterm.strip()) and "*" not in unterm)


def flag(value: str) -> int:
    return 1 if value.strip().lower() == "x" else 0


def build(source: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {row["ISO3166-1-Alpha-2"]: row for row in rows}

    un_members = {code for code, row in by_code.items() if is_un_member(row)}
    if len(un_members) != 193:
        raise SystemExit(f"expected 193 UN member states in the source, found {len(un_members)}")
    for code in set(UN_NON_MEMBERS) | set(NON_UN_MEMBERS):
        if code not in by_code:
            raise SystemExit(f"{code} not in source")
    members = (un_members - set(UN_NON_MEMBERS)) | set(NON_UN_MEMBERS)
    if len(members) != EXPECTED_MEMBER_COUNT:
        raise SystemExit(f"expected {EXPECTED_MEMBER_COUNT} members, got {len(members)}")

    states, statuses = [], []
    for code in sorted(members):
        row = by_code[code]
        bureau = bureau_for(row)
        lists = {
            "ldc": flag(row["Least Developed Countries (LDC)"]),
            "lldc": flag(row["Land Locked Developing Countries (LLDC)"]),
            "sids": flag(row["Small Island Developing States (SIDS)"]),
        }
        grouping = grouping_for(bureau, any(lists.values()))
        if grouping == "developing" and bureau == "":
            raise SystemExit(f"{code}: developing country without a bureau")
        states.append(
            {
                "code": code,
                "iso3": row["ISO3166-1-Alpha-3"],
                "m49": f"{int(row['M49']):03d}",
                **names_for(row),
                "bureau": bureau,
                "is_asean": "1" if code in ASEAN else "0",
                "membership_note": MEMBERSHIP_ASSUMED.get(code, ""),
            }
        )
        statuses.extend(status_rows(code, lists, grouping))
    statuses.extend(event_rows(members))
    return states, statuses


def status_rows(code: str, lists: dict[str, int], grouping: str) -> list[dict[str, str]]:
    """The periods of one state: its UN lists (dated where status_records says) and grouping."""
    rows = []
    title, url = status_records.DATASET_SOURCE
    for kind, on_list in lists.items():
        ending = status_records.PERIOD_ENDS.get((code, kind))
        if not on_list and (code, kind) not in status_records.EXTRA_PERIODS:
            continue
        row = _status(code, kind, "", title, url, status_records.DATASET_CHECKED)
        if ending:
            ends, basis, title_, url_, checked, note = ending
            row.update(ends=ends, basis=basis, source_title=title_, source_url=url_)
            row.update(checked_on=checked, note=note)
        rows.append(row)
    rows.append(_status(code, grouping, "", GROUPING_SOURCE, "", status_records.CHECKED))
    return rows


def event_rows(members: set[str]) -> list[dict[str, str]]:
    rows = []
    for (
        code,
        kind,
        starts,
        ends,
        basis,
        title,
        url,
        checked,
        recheck,
        note,
    ) in status_records.EVENTS:
        if code not in members:
            raise SystemExit(f"{code}: event for a non-member")
        row = _status(code, kind, starts, title, url, checked)
        row.update(ends=ends, basis=basis, recheck_by=recheck, note=note)
        rows.append(row)
    return rows


def _status(code, kind, starts, title, url, checked) -> dict[str, str]:
    return {
        "code": code,
        "kind": kind,
        "starts": starts,
        "ends": "",
        "basis": "",
        "source_title": title,
        "source_url": url,
        "checked_on": checked,
        "recheck_by": "",
        "note": "",
    }


def write(rows, output: Path, header=HEADER_COMMENTS, columns=COLUMNS) -> None:
    with output.open("w", encoding="utf-8", newline="") as handle:
        for line in header:
            handle.write(f"# {line}\n")
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    states, statuses = build(args.source)
    write(states, args.output)
    write(statuses, STATUS_OUTPUT, status_records.HEADER, STATUS_COLUMNS)
    print(f"wrote {len(states)} member states, {len(statuses)} status records", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
