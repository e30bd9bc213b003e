"""The periodic work of the outbox, for settings.CELERY_BEAT_SCHEDULE (imports no Django)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    "notifications-sweep-outbox": {
        "task": "portal.notifications.tasks.sweep_outbox_task",
        "schedule": 60.0,
        # Sweeps that piled up while no worker ran are worthless; the next one does the work.
        "options": {"expires": 55},
    },
    "notifications-daily-reminders": {
        "task": "portal.notifications.tasks.send_daily_reminders_task",
        "schedule": crontab(hour=7, minute=0),  # CELERY_TIMEZONE, Europe/Zurich
        "options": {"expires": 6 * 60 * 60},
    },
    # Recommendation 9: new needs that fit each provider's offers (portal.matching).
    "matching-weekly-digest": {
        "task": "portal.matching.tasks.send_weekly_digest_task",
        "schedule": crontab(hour=7, minute=30, day_of_week="monday"),
        "options": {"expires": 24 * 60 * 60},
    },
}
