"""How the served run and the two-scale comparison judge their figures (no timing involved)."""

import json

from scripts.benchmark import compare, served, table


def row(audience, p50, p95, errors=0):
    return {"audience": audience, "p50_ms": p50, "p95_ms": p95, "errors": errors}


def test_a_public_or_official_page_must_stay_within_6x_the_floor_and_50_ms_at_p95():
    for audience in ("public", "official"):
        within, slow, spiky = row(audience, 18, 49), row(audience, 19, 30), row(audience, 10, 50)
        for page in (within, slow, spiky):
            served.judge(page, floor_p50=3.0)
        assert within["meets_target"] and within["floor_ratio"] == 6.0
        assert not slow["meets_target"] and not spiky["meets_target"]


def test_an_admin_list_is_judged_on_its_p95_alone_and_errors_fail_any_page():
    slow_but_fine, too_slow = row("admin", 60, 99), row("admin", 20, 100)
    failing = row("floor", 1, 1, errors=3)
    for page in (slow_but_fine, too_slow, failing):
        served.judge(page, floor_p50=1.0)
    assert slow_but_fine["meets_target"] and not too_slow["meets_target"]
    assert not failing["meets_target"]


def test_the_comparison_flags_a_page_slower_than_1_3x_or_with_other_query_counts():
    small = {
        "steady": {"p50_ms": 10.0, "queries": 4},
        "grows": {"p50_ms": 10.0, "queries": 4},
        "more queries": {"p50_ms": 10.0, "queries": 4},
    }
    full = {
        "steady": {"p50_ms": 13.0, "queries": 4},
        "grows": {"p50_ms": 13.1, "queries": 4},
        "more queries": {"p50_ms": 10.0, "queries": 5},
    }
    verdicts = {row["page"]: row["meets_target"] for row in compare.compare(small, full)}
    assert verdicts == {"steady": True, "grows": False, "more queries": False}


def test_the_readme_table_shows_each_page_its_miss_and_the_figure_before(tmp_path):
    def run(path, pages):
        rows = []
        for name, audience, p50, p95 in pages:
            page = {"page": name, "audience": audience, "p50_ms": p50, "p95_ms": p95}
            page.update({"p99_ms": p95 * 2, "rps": 100.0, "errors": 0})
            served.judge(page, floor_p50=rows[0]["p50_ms"] if rows else p50)
            rows.append(page)
        figures = {"pages": rows, "connections": 4, "seconds_per_page": 10, "workers": 2}
        figures |= {"load_average_before": [0.5], "load_average_after": [0.7]}
        path.write_text(json.dumps(figures))
        return str(path)

    before = run(
        tmp_path / "before.json", [("floor", "floor", 4, 8), ("list", "official", 90, 120)]
    )
    after = run(
        tmp_path / "after.json",
        [("floor", "floor", 4, 8), ("list", "official", 30, 40), ("new", "public", 8, 12)],
    )
    lines = table.table(after, before).splitlines()
    rows = {line.split(" | ")[0].removeprefix("| "): line for line in lines if line[:2] == "| "}
    assert rows["list"].split(" | ")[1:4] == ["90.0", "120.0", "30.0"]
    assert rows["list"].endswith("| **no** |")  # 7.5x the floor
    assert rows["new"].split(" | ")[1:3] == ["", ""]  # not measured before
    assert rows["new"].endswith("| yes |")
