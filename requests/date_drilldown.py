"""The admin triage list's date drill-down, cached.

Django's date hierarchy reads the dates of every request in the list's scope (MIN/MAX, then
DISTINCT years, months or days): about 100 ms for a bureau seeing a third of the benchmark
world's 100,000 requests. Its result depends only on the viewer's scope, the list's query
string and the requests themselves, so it is cached under those, and every change to a
request retires all cached drill-downs at once (portal.cache_versions).
"""

from django.contrib.admin.templatetags.admin_list import date_hierarchy

from portal.cache_versions import VersionedCache
from portal.roles import is_triage

DRILLDOWNS = VersionedCache("requests:date-drilldown", timeout=15 * 60)


def retire_cached_drilldowns() -> None:
    """Call after any change to a request (status, dates, visibility); retires on commit."""
    DRILLDOWNS.retire()


def cached_date_hierarchy(cl, user) -> dict:
    """Django's date_hierarchy(cl), from the cache when the same scope asked the same."""
    scope = "triage" if is_triage(user) else f"user:{user.pk}"
    return DRILLDOWNS.get_or_set(
        (scope, cl.get_query_string()), lambda: _plain(date_hierarchy(cl) or {})
    )


def _plain(value):
    """Lazy translations become text, so the result can be stored in any cache."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)
