"""Daily reminders: feature apps register sources; portal imports none of them (DESIGN s.2).

A source is a callable taking today's date and yielding Reminder items, for instance in
requests/apps.py::

    def ready(self):
        from portal.notifications import reminders
        from requests.reminders import overdue_requests
        reminders.register("requests.overdue", overdue_requests)
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from portal.notifications import services
from portal.notifications.events import Event

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminder:
    """One reminder: who, about what; sent at most once a day per recipient and subject."""

    event: Event
    recipients: Iterable[Any]
    subject_object: Any
    context: dict = field(default_factory=dict)
    needs_action: bool = True


Source = Callable[[date], Iterable[Reminder]]
_SOURCES: dict[str, Source] = {}


def register(name: str, source: Source) -> None:
    """Add a reminder source under a unique name (registering the same again replaces it)."""
    _SOURCES[name] = source


def unregister(name: str) -> None:
    _SOURCES.pop(name, None)


def registered() -> list[str]:
    return sorted(_SOURCES)


def send_reminders(name: str, *, today: date | None = None) -> int:
    """Write today's reminders of one source; returns how many rows were written."""
    source = _SOURCES.get(name)
    if source is None:
        logger.warning("no reminder source named %s", name)
        return 0
    today = today or timezone.localdate()
    written = 0
    for reminder in source(today):
        written += len(
            services.notify_once(
                event=reminder.event,
                recipients=reminder.recipients,
                subject_object=reminder.subject_object,
                context=reminder.context,
                needs_action=reminder.needs_action,
                dedupe_key=_key(name, reminder, today),
            )
        )
    logger.info("reminders %s for %s: %d notification(s) written", name, today, written)
    return written


def _key(name: str, reminder: Reminder, today: date) -> str:
    subject = reminder.subject_object
    meta = getattr(subject, "_meta", None)
    subject_key = f"{meta.label_lower}:{subject.pk}" if meta else services.describe(subject)[0]
    return f"{name}|{reminder.event}|{subject_key}|{today.isoformat()}"[:200]
