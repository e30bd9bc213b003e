"""Cached counts of the public search and the dataset page: matches, facets, summaries.

Counting 230,000 published provisions by category, party and language costs half a second;
the counts change only when a provision is written, so the services retire them all then
(portal.cache_versions: on commit).
"""

from collections.abc import Callable

from portal.cache_versions import VersionedCache

COUNTS = VersionedCache("flexibilities:counts", timeout=5 * 60)


def provisions_changed() -> None:
    """Call on every write to provisions (inside its transaction)."""
    COUNTS.retire()


def _state(filterset) -> str:
    """The filters that decide the counts (not the order of the rows, not the page)."""
    values = {name: value for name, value in filterset.cleaned().items() if name != "sort"}
    return repr(
        sorted((name, sorted(v) if isinstance(v, list) else v) for name, v in values.items())
    )


def cached(name: str, filterset, compute: Callable):
    """compute() once per filter state and data version."""
    return COUNTS.get_or_set((name, _state(filterset)), compute)
