"""The README's table from the served benchmark's JSON: one run, or a run before and after.

    python -m scripts.benchmark.table var/benchmark-served.json
    python -m scripts.benchmark.table --before var/served-before.json var/served-after.json

Prints Markdown: each page's p50, p95 and p99, requests per second, its p50 against the floor
of the same run, whether it meets its target, and with --before the p50 and p95 of the run
before the change beside them.
"""

import argparse
import json
import sys
from pathlib import Path


def _pages(path: str) -> tuple[dict[str, dict], dict]:
    figures = json.loads(Path(path).read_text(encoding="utf-8"))
    return {row["page"]: row for row in figures["pages"]}, figures


def table(after_path: str, before_path: str | None = None) -> str:
    after, figures = _pages(after_path)
    before = _pages(before_path)[0] if before_path else {}
    head = ["page"]
    if before_path:
        head += ["p50 before", "p95 before"]
    head += ["p50 ms", "p95 ms", "p99 ms", "req/s", "p50 / floor", "target", "met"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 3) + "---|---|"]
    for name, row in after.items():
        cells = [name]
        if before_path:
            earlier = before.get(name)
            cells += (
                [f"{earlier['p50_ms']:.1f}", f"{earlier['p95_ms']:.1f}"] if earlier else ["", ""]
            )
        cells += [
            f"{row['p50_ms']:.1f}",
            f"{row['p95_ms']:.1f}",
            f"{row['p99_ms']:.1f}",
            f"{row['rps']:.1f}",
            f"{row['floor_ratio']:.1f}x",
            row["target"] or "floor",
            "yes" if row["meets_target"] else "**no**",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    load = f"load average {figures['load_average_before']} -> {figures['load_average_after']}"
    lines.append("")
    lines.append(
        f"{figures['connections']} connections, {figures['seconds_per_page']} s a page, "
        f"{figures['workers']} workers; {load}."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("after", help="the served benchmark's JSON output")
    parser.add_argument("--before", help="the same benchmark's JSON from before a change")
    args = parser.parse_args(argv)
    print(table(args.after, args.before))
    return 0


if __name__ == "__main__":
    sys.exit(main())
