"""Notification events: each app declares its own in `<app>/events.py`; the core finds them.

An event is a typed constant, not a string: code passes `requests.events.SUBMITTED` to
`notify()`, and only the declaration spells the key. The key is what an outbox row stores and
names the event's e-mail templates (`templates/email/<key>.txt`, `.html`, `.subject.txt`,
falling back to `email/generic.*`). PortalConfig.ready() imports every installed app's
`events` module, so the outbox, its filters and the preferences know every event without the
core importing a feature app (DESIGN.md s.2).
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Event:
    key: str
    label: str | Promise

    def __str__(self) -> str:
        return self.key


_DECLARED: dict[str, Event] = {}


def declare(key: str, label: str | Promise) -> Event:
    """The event under `key`; declaring one key twice with another label is a mistake."""
    existing = _DECLARED.get(key)
    if existing is not None and existing.label != label:
        raise ImproperlyConfigured(f"The notification event {key!r} is declared twice.")
    event = _DECLARED.setdefault(key, Event(key, label))
    return event


def discover() -> None:
    """Import every installed app's `events` module (PortalConfig.ready() calls this)."""
    autodiscover_modules("events")


def lookup(key: str) -> Event | None:
    return _DECLARED.get(key)


def choices() -> list[tuple[str, str | Promise]]:
    """(key, label) of every declared event, in key order: for filters and forms."""
    return [(key, _DECLARED[key].label) for key in sorted(_DECLARED)]
