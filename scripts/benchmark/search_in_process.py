"""Time the public search in process, counts not cached: `python -m
scripts.benchmark.search_in_process [--requests 20]`.

For each query (with and without the two filters of the benchmark's search page): the query
parsed, the matches counted, the page of 20 listed (ranked when there are few enough) and
highlighted, as the search page does, without the facets and the template. Prints the median
and 95th percentile.
"""

import argparse
import statistics
import time

from ._django import setup

QUERIES = [
    ("query + 2 filters", "compulsory licence", True),
    ("typo + 2 filters", "compulsory lisence", True),
    ("Chinese + 2 filters", "强制许可", True),
    ("query alone", "compulsory licence", False),
    ("Chinese alone", "强制许可", False),
]


def one_search(q: str, filtered: bool) -> int:
    from django.http import QueryDict

    from flexibilities import search, selectors
    from flexibilities.models import FlexibilityCategory

    params = QueryDict(mutable=True)
    params["q"] = q
    if filtered:
        params["category"] = FlexibilityCategory.objects.values_list("slug", flat=True)[0]
        params["region"] = "africa"
    categories, parties = selectors.all_categories(), selectors.all_parties()
    filterset = selectors.provision_filter(params, categories=categories, parties=parties)
    rows = list(filterset.qs[:20])
    search.headlines(rows, filterset.parsed_query)
    return filterset.match_count or 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args(argv)
    setup()
    from flexibilities import counts_cache

    counts_cache.COUNTS.get_or_set = lambda key, compute: compute()  # type: ignore[method-assign]
    for name, q, filtered in QUERIES:
        matches = one_search(q, filtered)  # warm-up
        times = []
        for _ in range(args.requests):
            start = time.perf_counter()
            one_search(q, filtered)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        print(
            f"{name:<22} {matches:>7} matches  p50 {statistics.median(times):7.1f} ms"
            f"  p95 {p95:7.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
