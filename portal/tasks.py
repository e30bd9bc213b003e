"""Celery's autodiscovery imports `portal.tasks`; the portal's tasks live by their feature."""

from portal.matching.tasks import send_weekly_digest_task
from portal.notifications.tasks import (
    deliver_notification_task,
    send_daily_reminders_task,
    send_reminders_task,
    sweep_outbox_task,
)

__all__ = [
    "deliver_notification_task",
    "send_daily_reminders_task",
    "send_reminders_task",
    "send_weekly_digest_task",
    "sweep_outbox_task",
]
