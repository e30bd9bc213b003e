"""Cached results of expensive reads, all retired at once when their data changes.

A `VersionedCache` keys every value under its current version; a write calls `retire()`, which
moves the version when the write's transaction commits, never before: moved earlier, a reader
between the move and the commit would cache the old data under the new version. A rollback
moves nothing. Until the commit every reader, the writer included, reads the committed data's
values. With several processes the cache must be shared (CACHE_URL, Redis) for a move to reach
them all; `timeout` bounds the staleness otherwise. The cache backend ignores its own outages
(settings.CACHES): then every read computes.
"""

import hashlib
import uuid
from collections.abc import Callable, Hashable
from typing import Any

from django.core.cache import cache
from django.db import transaction


class VersionedCache:
    def __init__(self, name: str, timeout: int):
        self.name, self.timeout = name, timeout
        self.version_key = f"{name}:version"

    def version(self) -> str:
        """The current version (a new one when the cache has none)."""
        return cache.get_or_set(self.version_key, uuid.uuid4().hex, None) or ""

    def get_or_set(self, key_parts: tuple[Hashable, ...], compute: Callable[[], Any]) -> Any:
        """compute() once per key and version."""
        digest = hashlib.sha256(repr(key_parts).encode()).hexdigest()
        key = f"{self.name}:{self.version()}:{digest}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, self.timeout)
        return value

    def retire(self) -> None:
        """Call on every change to the data: retires every cached value when it commits."""
        transaction.on_commit(self._move)

    def _move(self) -> None:
        # A new random version, not an increment: a version key evicted and started again
        # from 1 would bring old values back.
        cache.set(self.version_key, uuid.uuid4().hex, None)
