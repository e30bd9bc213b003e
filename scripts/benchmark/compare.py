"""The same pages at two scales: `python -m scripts.benchmark.compare SMALL.json FULL.json`.

Reads two outputs of scripts.benchmark.run (or of .served) and prints, per page, the p50 at
both scales and their ratio, and the query counts at both. Cost that does not grow with the
data: no page above 1.3x, the same queries at both scales.
"""

import argparse
import json
import sys

MAX_RATIO = 1.3


def pages(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as source:
        figures = json.load(source)
    rows = figures["pages"] if isinstance(figures, dict) else figures
    return {row["page"]: row for row in rows if row.get("kind", "page") == "page"}


def compare(small: dict[str, dict], full: dict[str, dict]) -> list[dict]:
    rows = []
    for name, big in full.items():
        little = small.get(name)
        if little is None:
            continue
        ratio = big["p50_ms"] / little["p50_ms"] if little["p50_ms"] else float("inf")
        queries = (little.get("queries"), big.get("queries"))
        rows.append(
            {
                "page": name,
                "p50_small_ms": little["p50_ms"],
                "p50_full_ms": big["p50_ms"],
                "ratio": round(ratio, 2),
                "queries": queries,
                "meets_target": ratio <= MAX_RATIO and queries[0] == queries[1],
            }
        )
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("small", help="figures of the small world (a tenth)")
    parser.add_argument("full", help="figures of the full world")
    args = parser.parse_args(argv)
    rows = compare(pages(args.small), pages(args.full))
    print(f"{'':4} {'page':<42} {'p50 small':>9} {'p50 full':>9} {'ratio':>6}  queries")
    for row in rows:
        mark = "ok " if row["meets_target"] else "MISS"
        small_q, full_q = row["queries"]
        queries = "" if small_q is None else f"{small_q} / {full_q}"
        print(
            f"{mark} {row['page']:<42} {row['p50_small_ms']:>9.1f} {row['p50_full_ms']:>9.1f} "
            f"{row['ratio']:>5.2f}x  {queries}"
        )
    missed = [row["page"] for row in rows if not row["meets_target"]]
    print("Missed: " + ", ".join(missed) if missed else f"Every page within {MAX_RATIO}x.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
