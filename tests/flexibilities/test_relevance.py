"""The relevance set: researchers' queries on the demo data, each with the provisions it must
find and rank first (tests/flexibilities/data/relevance_queries.json).

One test loads the demo data once and runs every query through the public search's filter set
(the same query, filters and ranking as the page); it lists every query that fails.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from flexibilities import demo
from flexibilities.selectors import provision_filter

pytestmark = pytest.mark.django_db
QUERIES = json.loads((Path(__file__).parent / "data" / "relevance_queries.json").read_text())[
    "queries"
]


def key(provision) -> str:
    return f"{provision.party.code}|{provision.article}"


def failures(case: dict, ranked: list, demo_rows: list[dict]) -> list[str]:
    keys = [key(provision) for provision in ranked]
    problems = []
    if "category" in case:
        expected = {
            f"{row['party']}|{row['article']}"
            for row in demo_rows
            if row["category"] == case["category"]
            and row["party"] == case.get("party", row["party"])
        }
        missing = expected - set(keys)
        if missing:
            problems.append(f"misses {sorted(missing)}")
        top = case.get("top", 5)
        wrong = [k for k, p in zip(keys[:top], ranked[:top], strict=True) if k not in expected]
        if wrong:
            problems.append(f"first {top} include {wrong}")
    if "find" in case:
        within = keys[: case.get("within", 10)]
        missing = [k for k in case["find"] if k not in within]
        if missing:
            problems.append(f"first {case.get('within', 10)} miss {missing}")
    if "first" in case and (not keys or keys[0] != case["first"]):
        problems.append(f"first is {keys[:1]}, not {case['first']}")
    return problems


def test_every_researcher_query_finds_and_ranks_its_provisions():
    demo.load()
    demo_rows = demo.sample_records()
    report = {}
    for case in QUERIES:
        ranked = list(provision_filter({"q": case["q"]}).qs)
        problems = failures(case, ranked, demo_rows)
        if problems:
            report[case["q"]] = problems
    assert report == {}, json.dumps(report, ensure_ascii=False, indent=1)


def test_the_set_covers_six_languages_and_every_kind_of_query():
    assert len(QUERIES) >= 60
    languages = Counter(case["lang"] for case in QUERIES)
    assert set(languages) == {"en", "fr", "es", "ar", "zh", "ru"}
    assert min(languages.values()) >= 4
    kinds = {case["kind"] for case in QUERIES}
    assert {"name", "synonym", "typo", "plural", "treaty", "party", "accents"} <= kinds
