"""State changes of the yearly review: asking for a report, and building it (in a task)."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import queue
from portal.models import User
from requests.models import ReviewReport
from requests.permissions import can_open_review
from requests.review import figures

logger = logging.getLogger(__name__)

FIRST_YEAR = 2007  # the year the Development Agenda was adopted


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise ValidationError(
            _("Choose a year from %(first)d to this year.") % {"first": FIRST_YEAR}
        )


@transaction.atomic
def request_report(year: int, *, actor: User) -> ReviewReport:
    """Queue a new report for the year; the task starts once this transaction commits.

    Without a broker the task runs at once, in this process (CELERY_TASK_ALWAYS_EAGER).
    """
    if not can_open_review(actor):
        raise PermissionDenied
    check_year(year)
    report = ReviewReport.objects.create(year=year, requested_by=actor)
    build = queue.task("requests.review.tasks.build_review_report_task")
    transaction.on_commit(lambda: build.delay(report.pk))
    return report


def build_report(report_id: int) -> ReviewReport | None:
    """Compute the figures of a queued report, recording progress; safe to run twice."""
    claimed = ReviewReport.objects.filter(
        pk=report_id, state__in=[ReviewReport.State.QUEUED, ReviewReport.State.FAILED]
    ).update(state=ReviewReport.State.RUNNING, progress=0, error="")
    if not claimed:
        return None  # already built, or being built by another worker

    def on_progress(per_cent: int) -> None:
        ReviewReport.objects.filter(pk=report_id).update(progress=per_cent)

    report = ReviewReport.objects.get(pk=report_id)
    try:
        result = figures.compute(report.year, on_progress=on_progress)
    except Exception as error:
        logger.exception("yearly review %s failed", report_id)
        ReviewReport.objects.filter(pk=report_id).update(
            state=ReviewReport.State.FAILED, error=str(error)[:1000], finished_at=timezone.now()
        )
        raise
    ReviewReport.objects.filter(pk=report_id).update(
        state=ReviewReport.State.DONE, progress=100, figures=result, finished_at=timezone.now()
    )
    report.refresh_from_db()
    return report
