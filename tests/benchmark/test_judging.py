"""How the served run and the two-scale comparison judge their figures (no timing involved)."""

from scripts.benchmark import compare, served


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
