"""Measure the benchmark's pages served as in production, from outside, under concurrency:
`python -m scripts.benchmark.served --output FILE.json [--connections 4] [--duration 10]`.

gunicorn (2 sync workers) serves portal.wsgi with the production settings (DEBUG off, a
SECRET_KEY and ALLOWED_HOSTS of the run's own, the static files collected as scripts/build-app
does, a private Redis as the shared cache) on DATABASE_URL, as behind its TLS proxy. First a
worker's resident memory after 500 and after 5,000 requests (every page in turn, each checked
for 200), then wrk drives each page with N connections for D seconds: p50, p95, p99, requests
per second, and each page's p50 against the floor (the home page) of the same run. Everything
it starts it stops. Needs Debian's wrk (`make benchmark-served` installs it).
"""

import argparse
import itertools
import json
import logging
import os
import secrets
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import server

SERVED_FACTOR, PAGE_P95_MS, ADMIN_P95_MS = 6, 50, 100
LUA = Path(__file__).with_name("served.lua")


def production_env(cache_url: str) -> dict[str, str]:
    """The production settings, with secrets that live as long as the run."""
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BEHIND_TLS_PROXY": "1",  # wrk plays the proxy: X-Forwarded-Proto and -For
        "CACHE_URL": cache_url,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }


def prepare() -> list[dict]:
    """In this process, with the production settings: static files, pages and their cookies."""
    from django.core.management import call_command

    from ._django import setup

    setup()
    from .pages import ADMIN_LISTS, pages, user
    from .run import unapplied_migrations
    from .wsgi import Caller

    if pending := unapplied_migrations():
        raise SystemExit(f"Unapplied migrations ({', '.join(pending)}): migrate or seed again.")
    call_command("collectstatic", interactive=False, verbosity=0)  # as scripts/build-app
    caller, plan = Caller(), []
    logging.disable(logging.INFO)  # a line per sign-in (django-axes) buries the figures
    for page in pages():
        person = user(page.username) if page.username else None
        audience = "admin" if page.name in ADMIN_LISTS else "official" if person else "public"
        plan.append(
            {
                "page": page.name,
                "path": page.path,
                "audience": audience,
                "cookie": caller.cookie_for(person),
            }
        )
    plan[0]["audience"] = "floor"
    return plan


def serve_requests(site: server.Gunicorn, plan: list[dict], count: int, clients: int) -> None:
    """`count` requests, every page in turn, `clients` at a time; each must answer 200."""
    jobs = itertools.islice(itertools.cycle(plan), count)
    addresses = (f"10.9.{n // 256 % 256}.{n % 256}" for n in itertools.count())

    def one(args):
        page, address = args
        status = server.get(site.url, page["path"], page["cookie"], address)
        if status != 200:
            raise RuntimeError(f"{page['page']} ({page['path']}) answered {status}, not 200")

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, zip(jobs, addresses, strict=False)))


def measure_memory(site, plan, checkpoints: list[int], clients: int) -> dict:
    sizes, served = {}, 0
    for checkpoint in checkpoints:
        serve_requests(site, plan, checkpoint - served, clients)
        served = checkpoint
        sizes[checkpoint] = site.rss_mb()
        print(f"  after {checkpoint:>5} requests: worker RSS {_mb(sizes[checkpoint])}", flush=True)
    first, last = sizes[checkpoints[0]], sizes[checkpoints[-1]]
    ratios = [last[pid] / first[pid] for pid in first if pid in last]
    return {
        "rss_mb": {str(n): list(by_pid.values()) for n, by_pid in sizes.items()},
        "largest_growth": round(max(ratios), 3) if ratios else None,
    }


def _mb(by_pid: dict) -> str:
    return ", ".join(f"{mb:.1f} MB (pid {pid})" for pid, mb in by_pid.items())


def drive(site, page: dict, connections: int, seconds: int) -> dict:
    """wrk on one page; its Lua script prints the percentiles."""
    threads = min(connections, 2)
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-s", str(LUA), site.url + page["path"], "--", page["path"], page["cookie"],
    ]  # fmt: skip
    # The run's own command line, no shell.
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in output.splitlines() if line.startswith("WRK-RESULT "))
    raw = json.loads(line.removeprefix("WRK-RESULT "))
    return {
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "requests": raw["requests"],
        "errors": raw["errors"] + raw["bad_status"],
    }


def judge(row: dict, floor_p50: float) -> None:
    row["floor_ratio"] = round(row["p50_ms"] / floor_p50, 1)
    if row["audience"] == "admin":
        row["target"] = f"p95 < {ADMIN_P95_MS} ms"
        row["meets_target"] = row["p95_ms"] < ADMIN_P95_MS
    elif row["audience"] in ("public", "official"):
        row["target"] = f"p50 <= {SERVED_FACTOR}x floor, p95 < {PAGE_P95_MS} ms"
        row["meets_target"] = row["floor_ratio"] <= SERVED_FACTOR and row["p95_ms"] < PAGE_P95_MS
    else:
        row["target"], row["meets_target"] = "", True
    row["meets_target"] = row["meets_target"] and row["errors"] == 0


def measure(args) -> dict:
    load_before = os.getloadavg()
    with server.private_redis() as cache_url:
        os.environ.update(production_env(cache_url))
        plan = prepare()
        site = server.Gunicorn(dict(os.environ), args.workers, Path(args.log))
        try:
            site.wait_ready()
            print(f"gunicorn {site.url}, workers {site.workers()}; memory:", flush=True)
            checkpoints = [int(n) for n in args.memory.split(",")] if args.memory else []
            memory = (
                measure_memory(site, plan, checkpoints, args.connections) if checkpoints else {}
            )
            if not checkpoints:
                serve_requests(site, plan, 2 * len(plan), args.connections)  # warm up, check
            rows = []
            print(f"\n{'':4} {'page':<42} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7}  x floor")
            for page in plan:
                row = {"page": page["page"], "path": page["path"], "audience": page["audience"]}
                row.update(drive(site, page, args.connections, args.duration))
                judge(row, rows[0]["p50_ms"] if rows else row["p50_ms"])
                rows.append(row)
                print(_line(row), flush=True)
        finally:
            site.stop()
    return {
        "connections": args.connections,
        "seconds_per_page": args.duration,
        "workers": args.workers,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "pages": rows,
        "memory": memory,
    }


def _line(row: dict) -> str:
    mark = "ok " if row["meets_target"] else "MISS"
    errors = f"  {row['errors']} errors" if row["errors"] else ""
    return (
        f"{mark} {row['page']:<42} {row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f} "
        f"{row['p99_ms']:>7.1f} {row['rps']:>7.1f} {row['floor_ratio']:>6.1f}x  {row['target']}"
        f"{errors}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True, help="file to write the JSON figures to")
    parser.add_argument("--connections", type=int, default=4, help="concurrent clients")
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--memory", default="500,5000", help="request counts at which to read worker RSS ('' skips)"
    )
    parser.add_argument("--log", default="var/benchmark-gunicorn.log", help="gunicorn's output")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install -y wrk).", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to the benchmark's PostgreSQL database.", file=sys.stderr)
        return 2
    figures = measure(args)
    with open(args.output, "w", encoding="utf-8") as output:
        json.dump(figures, output, indent=2)
    memory = figures["memory"]
    if memory:
        print(f"\nWorker RSS, last/first checkpoint: up to {memory['largest_growth']}x")
    missed = [row["page"] for row in figures["pages"] if not row["meets_target"]]
    print(
        f"Load average {figures['load_average_before']} -> {figures['load_average_after']}. "
        f"Written to {args.output}. "
        + (f"Missed: {', '.join(missed)}" if missed else "All targets met.")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
