"""Measure the benchmark's pages on the seeded world: `python -m scripts.benchmark.run --output
FILE.json [--requests 50]`.

For each page: the SQL queries of one request, then the median and 95th percentile of the
server time over N requests after a warm-up, through Django's WSGI handler with the real
middleware, and where that time goes on average: SQL, template rendering and the rest
(Python). The floor is the home page (a real template, the base layout, the same
middleware). Then the full CSV export in a fresh process (time, peak memory) and the yearly
review. Prints a table and writes the figures as JSON.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from ._django import setup
from .split import splitting

WARM_UP = 5
# In-process p95 targets: the official's two pages 15 ms; the served targets of
# every other page (scripts.benchmark.served) bound their in-process time too.
PAGE_TARGET_MS, ADMIN_TARGET_MS, MAX_QUERIES = 50, 100, 12
IN_PROCESS_TARGETS_MS = {"official's request list": 15, "request page (50 timeline entries)": 15}
EXPORT_TARGET_S, EXPORT_TARGET_MB, REVIEW_TARGET_S = 20, 250, 30
REVIEW_YEAR = 2025


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class QueryCounter:
    """Counts the SQL statements run while installed (the handler resets connection.queries)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def count_queries(caller, path: str, cookie: str) -> tuple[int, int, int]:
    """(status, bytes, SQL statements) of one request."""
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        status, size = caller.get(path, cookie)
    return status, size, counter.count


def query_counts() -> dict[str, tuple[int, int]]:
    """Each page's (status, SQL statements), after one request to warm per-process caches."""
    from .pages import pages, user
    from .wsgi import Caller

    caller, counts = Caller(), {}
    for page in pages():
        cookie = caller.cookie_for(user(page.username) if page.username else None)
        caller.get(page.path, cookie)
        status, _size, queries = count_queries(caller, page.path, cookie)
        counts[page.name] = (status, queries)
    return counts


def measure_page(caller, page, user, requests: int) -> dict:
    cookie = caller.cookie_for(user)
    for _ in range(WARM_UP):
        caller.get(page.path, cookie)
    status, size, queries = count_queries(caller, page.path, cookie)
    timings = []
    with splitting() as split:
        for _ in range(requests):
            started = time.perf_counter()
            caller.get(page.path, cookie)
            timings.append((time.perf_counter() - started) * 1000)
    mean = statistics.mean(timings) if timings else 0.0
    sql_ms = split.sql * 1000 / max(requests, 1)
    template_ms = split.template * 1000 / max(requests, 1)
    return {
        "page": page.name,
        "path": page.path,
        "user": page.username or "anonymous",
        "status": status,
        "bytes": size,
        "queries": queries,
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "requests": requests,
        # The mean request, split: SQL, template rendering (less its SQL), the rest.
        "mean_ms": round(mean, 2),
        "sql_ms": round(sql_ms, 2),
        "template_ms": round(template_ms, 2),
        "python_ms": round(max(mean - sql_ms - template_ms, 0.0), 2),
    }


def judge(row: dict, admin: bool) -> None:
    limit = IN_PROCESS_TARGETS_MS.get(row["page"], ADMIN_TARGET_MS if admin else PAGE_TARGET_MS)
    row["target_p95_ms"] = round(limit, 2)
    row["meets_target"] = (
        row["status"] == 200 and row["p95_ms"] < limit and row["queries"] <= MAX_QUERIES
    )


def measure_export(caller=None) -> dict:
    """In a child process, so the peak memory is the export's; in this one given a caller."""
    if caller is not None:
        from .export_probe import export_figures

        figures = export_figures(caller)
    else:
        child = subprocess.run(
            [sys.executable, "-m", "scripts.benchmark.export_probe"],
            capture_output=True,
            text=True,
            env={**os.environ},
            check=True,
        )
        figures = json.loads(child.stdout)
    return {
        "page": "CSV export of every provision",
        "kind": "export",
        **figures,
        "meets_target": figures["seconds"] < EXPORT_TARGET_S
        and figures["peak_rss_mb"] < EXPORT_TARGET_MB,
    }


def measure_review(year: int) -> dict | None:
    from importlib.util import find_spec

    if find_spec("requests.review") is None:
        return None
    from django.db import connection

    from requests.review import figures

    counter = QueryCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        result = figures.compute(year)
    seconds = time.perf_counter() - started
    return {
        "page": f"yearly review {year}",
        "kind": "review",
        "seconds": round(seconds, 2),
        "queries": counter.count,
        "requests_submitted": result["requests"]["submitted"],
        "activities": result["activities"]["total"],
        "meets_target": seconds < REVIEW_TARGET_S,
    }


def measure(
    requests: int = 50,
    *,
    export: bool = True,
    export_in_process: bool = False,
    review_year: int = REVIEW_YEAR,
    only: str = "",
) -> list:
    from django.conf import settings

    from .pages import ADMIN_LISTS, FLOOR, pages, user
    from .wsgi import Caller

    settings.DEBUG = False  # measured as served: no debug cursor (queries are captured apart)
    caller = Caller()
    rows, floor_p50 = [], None
    for page in pages():
        if only and only not in page.name and page.name != FLOOR:
            continue
        row = measure_page(caller, page, user(page.username) if page.username else None, requests)
        row["kind"] = "page"
        if floor_p50 is None:
            floor_p50 = row["floor_p50_ms"] = row["p50_ms"]
        row["floor_ratio"] = round(row["p50_ms"] / floor_p50, 1) if floor_p50 else None
        judge(row, page.name in ADMIN_LISTS)
        rows.append(row)
        print(_line(row), flush=True)
    if export:
        rows.append(measure_export(caller if export_in_process else None))
        print(_extra(rows[-1]), flush=True)
    review = None if only else measure_review(review_year)
    if review:
        rows.append(review)
        print(_extra(review), flush=True)
    return rows


def _line(row: dict) -> str:
    mark = "ok " if row["meets_target"] else "MISS"
    return (
        f"{mark} {row['page']:<42} {row['queries']:>3} q  p50 {row['p50_ms']:>7.1f} ms  "
        f"p95 {row['p95_ms']:>7.1f} ms  (target {row['target_p95_ms']:.0f} ms, {row['status']})"
        f"  split: SQL {row['sql_ms']:.1f}, templates {row['template_ms']:.1f}, "
        f"Python {row['python_ms']:.1f} ms"
    )


def _extra(row: dict) -> str:
    mark = "ok " if row["meets_target"] else "MISS"
    details = ", ".join(f"{k}={v}" for k, v in row.items() if k not in ("page", "kind"))
    return f"{mark} {row['page']:<42} {details}"


def unapplied_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, help="file to write the JSON figures to")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--no-export", action="store_true", help="skip the CSV export")
    parser.add_argument("--review-year", type=int, default=REVIEW_YEAR)
    parser.add_argument(
        "--only", default="", help="measure only the pages whose name holds this (and the floor)"
    )
    args = parser.parse_args(argv)
    setup()
    if pending := unapplied_migrations():
        print(
            f"Unapplied migrations ({', '.join(pending)}): migrate or seed again.", file=sys.stderr
        )
        return 2
    print(f"{'':4} {'page':<42} {'SQL':>5}  {'median':>14}  {'95th percentile':>16}")
    rows = measure(
        args.requests, export=not args.no_export, review_year=args.review_year, only=args.only
    )
    with open(args.output, "w", encoding="utf-8") as output:
        json.dump(rows, output, indent=2)
    missed = [row["page"] for row in rows if not row["meets_target"]]
    print(
        f"\nWritten to {args.output}. "
        + (f"Missed: {', '.join(missed)}" if missed else "All targets met.")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
