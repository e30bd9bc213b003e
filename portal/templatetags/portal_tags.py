import datetime

from django import template
from django.conf import settings
from django.utils import timezone

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None or "" drops one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.simple_tag
def session_idle_minutes() -> int:
    """How long a session may stay idle before it ends (the forms' warning says so)."""
    return settings.SESSION_IDLE_MINUTES


@register.simple_tag
def session_ends_at():
    """When this session ends if the page stays open with no further request."""
    return timezone.localtime() + datetime.timedelta(minutes=settings.SESSION_IDLE_MINUTES)


def _matches(reason) -> bool:
    # A stored reason is a dict; one stored before misses were recorded is a match.
    value = reason.get("matches", True) if isinstance(reason, dict) else reason.matches
    return value is not False


@register.filter
def reasons_met(reasons) -> list:
    """The lines of a score's explanation that match."""
    return [reason for reason in reasons if _matches(reason)]


@register.filter
def reasons_missed(reasons) -> list:
    """The lines of a score's explanation that say where need and resource differ."""
    return [reason for reason in reasons if not _matches(reason)]
