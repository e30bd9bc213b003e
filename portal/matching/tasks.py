"""Celery tasks of recommendation 9: thin, calling a service, safe to run twice."""

from celery import shared_task

from portal.matching import services


@shared_task(ignore_result=True, soft_time_limit=300, time_limit=360)
def send_weekly_digest_task() -> int:
    """The providers' weekly digest of new needs that fit their offers."""
    return services.send_weekly_digest()
