"""Cached counts of the public search: the number of matches and the facet counts.

Counting 230,000 published provisions by category, party and language costs half a second
(issue 9's benchmark); the counts change only when a provision is written. Every cached value
is keyed by a data version that the services bump whenever they write provisions, so a write
makes every cached count stale at once. With several processes, the cache must be shared
(CACHE_URL, Redis) for that to reach them all; TIMEOUT bounds the staleness otherwise.
"""

import hashlib
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "flexibilities:data-version"
TIMEOUT = 5 * 60


def data_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY, "")
    return version


def provisions_changed() -> None:
    """Call on every write to provisions: at once (this process reads its own write) and
    again on commit (so a count cached by another reader meanwhile is dropped too)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


def _state(filterset) -> str:
    """The filters that decide the counts (not the order of the rows, not the page)."""
    values = {name: value for name, value in filterset.cleaned().items() if name != "sort"}
    text = repr(
        sorted((name, sorted(v) if isinstance(v, list) else v) for name, v in values.items())
    )
    return hashlib.sha256(text.encode()).hexdigest()


def cached(name: str, filterset, compute: Callable):
    """compute() once per filter state and data version."""
    key = f"flexibilities:{name}:{data_version()}:{_state(filterset)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def cached_summary(name: str, compute: Callable):
    """compute() once per data version: counts that depend on no filter (the dataset page)."""
    key = f"flexibilities:{name}:{data_version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
