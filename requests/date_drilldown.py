"""The admin triage list's date drill-down, cached.

Django's date hierarchy reads the dates of every request in the list's scope (MIN/MAX, then
DISTINCT years, months or days): about 100 ms for a bureau seeing a third of the benchmark
world's 100,000 requests. Its result depends only on the viewer's scope, the list's query
string and the requests themselves, so it is cached under those, and every change to a
request moves a version number that retires all cached drill-downs at once.
"""

import hashlib

from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.core.cache import cache
from django.db import transaction

from portal.roles import is_triage

VERSION_KEY = "requests:date-drilldown:version"
TIMEOUT = 15 * 60


def retire_cached_drilldowns() -> None:
    """Call after any change to a request (status, dates, visibility); bumps on commit.

    Bumped inside the transaction, a reader could cache the old dates under the new version
    before the change commits; after commit, the next read computes the committed dates.
    """
    transaction.on_commit(_bump_version)


def _bump_version() -> None:
    # The cache ignores its own outages (settings.CACHES): with Redis down this does nothing,
    # and the cached drill-downs expire within TIMEOUT.
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or it was evicted)
        cache.set(VERSION_KEY, 1, None)


def cached_date_hierarchy(cl, user) -> dict:
    """Django's date_hierarchy(cl), from the cache when the same scope asked the same."""
    scope = "triage" if is_triage(user) else f"user:{user.pk}"
    version = cache.get_or_set(VERSION_KEY, 1, None)
    query = cl.get_query_string()
    key = (
        "requests:date-drilldown:"
        + hashlib.sha256(f"{version}|{scope}|{query}".encode()).hexdigest()
    )
    found = cache.get(key)
    if found is None:
        found = _plain(date_hierarchy(cl) or {})
        cache.set(key, found, TIMEOUT)
    return found


def _plain(value):
    """Lazy translations become text, so the result can be stored in any cache."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
