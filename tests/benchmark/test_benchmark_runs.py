"""The benchmark works: it seeds a (tiny) world and measures every page of it.

Not a timing test: CI machines vary. It proves the seed and the measurement run end to end and
that the JSON has the figures the issue asks for.
"""

import json

import pytest

from scripts.benchmark import guard, run, seed

pytestmark = pytest.mark.django_db

PAGES = {
    "floor (home page)",
    "flexibilities search (query + 2 filters)",
    "flexibilities search (no query, facets)",
    "API provision list (filtered)",
    "provision page",
    "compare matrix (10 parties)",
    "compare matrix (20 parties)",
    "flexibilities search (typo + 2 filters)",
    "flexibilities dataset page",
    "official's request list",
    "request page (50 timeline entries)",
    "admin triage list (triage)",
    "admin triage list (bureau)",
    "desk queue: mine (officer)",
    "desk queue: overdue (triage)",
    "desk queue: waiting on the party (triage)",
    "desk queue: closed (bureau)",
    "desk case page (triage, 50 timeline entries)",
    "public activities list",
    "recommendation page",
}


def test_the_seed_and_the_benchmark_run_and_write_every_figure(keep_test_connection, tmp_path):
    result = seed.seed(0.001, fresh=False)
    assert result["counts"]["requests"] == 101  # 100 plus the request with 50 timeline entries
    assert result["counts"]["provisions"] == 250
    assert result["counts"]["statistics"] == 20
    assert "total" in result["seconds"]
    assert_searchable()

    rows = run.measure(requests=3, export_in_process=True, review_year=2025)
    output = tmp_path / "figures.json"
    output.write_text(json.dumps(rows))
    figures = json.loads(output.read_text())

    pages = [row for row in figures if row["kind"] == "page"]
    assert {row["page"] for row in pages} == PAGES
    for row in pages:
        assert row["status"] == 200, row
        assert {"page", "queries", "p50_ms", "p95_ms"} <= row.keys()
        assert row["queries"] >= 0 and row["p95_ms"] >= row["p50_ms"] > 0
        split = row["sql_ms"] + row["template_ms"] + row["python_ms"]
        assert split == pytest.approx(row["mean_ms"], abs=0.05), row
        if not row["path"].startswith("/api/"):  # the API answers JSON, no template
            assert row["template_ms"] > 0, row
    assert (
        pages[0]["page"] == "floor (home page)" and pages[0]["floor_p50_ms"] == pages[0]["p50_ms"]
    )
    export = next(row for row in figures if row["kind"] == "export")
    assert export["rows"] == export_count() and export["peak_rss_mb"] > 0
    review = next(row for row in figures if row["kind"] == "review")
    assert review["seconds"] >= 0


def assert_searchable() -> None:
    """The seed wrote every provision's own vector and one vector per flexibility and party
    of its provisions, so the measured search finds what the real one would."""
    from flexibilities.models import Provision, SearchTarget

    assert not Provision.objects.filter(search_vector__isnull=True).exists()
    used = Provision.objects.values("category_id").distinct().count()
    assert SearchTarget.objects.filter(category__isnull=False).count() >= used
    assert SearchTarget.objects.filter(party__in=Provision.objects.values("party_id")).exists()


def export_count() -> int:
    from flexibilities.models import Provision

    return Provision.objects.filter(is_published=True).count()


def test_the_seed_refuses_a_database_holding_other_data(ke_official):
    """A membership that the benchmark did not create: the seed will not wipe it."""
    with pytest.raises(guard.RefusedError, match="--force"):
        seed.seed(0.001)
