"""State changes of the outbox: write rows with the change, deliver each once, queue again.

A row moves pending -> sending -> sent, or back to pending after a failure that may pass, or
to failed after the last try. Only the worker that moved a row from pending to sending (one
conditional UPDATE) may send it, so two deliveries of the same row send one e-mail.
"""

import json
import logging
import smtplib
from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import KombuError, OperationalError

from portal import queue
from portal.errors import PortalError
from portal.models import (
    Notification,
    NotificationLevel,
    NotificationPreference,
    User,
)
from portal.notifications import conf
from portal.notifications.events import Event
from portal.notifications.mail import send_mail_message
from portal.notifications.rendering import render_email
from portal.roles import runs_the_outbox

logger = logging.getLogger(__name__)

Status = Notification.Status

# Failures that may pass (the mail server is down, busy or slow): worth another try.
RETRYABLE_ERRORS = (smtplib.SMTPException, OSError, SoftTimeLimitExceeded)
# What publishing a task raises when the broker cannot be reached.
BROKER_ERRORS = (OperationalError, KombuError, OSError)


class RetryLater(PortalError):
    """Delivery failed for a reason that may pass; the row is pending again."""

    def __init__(self, delay: float, error: str):
        super().__init__(delay, error)
        self.delay = delay
        self.error = error


def notify(
    *,
    event: Event,
    recipients: Iterable[User],
    subject_object: models.Model | None = None,
    context: dict[str, Any] | None = None,
    needs_action: bool = False,
    dedupe_key: str = "",
) -> list[Notification]:
    """Write one outbox row per recipient who wants it; call inside the change's transaction.

    Delivery is queued when the transaction commits. A broker that is down leaves the rows
    pending for the sweep; it never makes the caller fail. `context` must hold plain data
    (text, numbers, dates): it is stored as JSON and rendered later in the recipient's language.
    """
    users = _wanting(_active_unique(recipients), needs_action=needs_action)
    if not users:
        return []
    reference, url = describe(subject_object)
    payload = json.loads(json.dumps(context or {}, cls=DjangoJSONEncoder))
    rows = [
        Notification(
            recipient=user,
            event=event.key,
            reference=reference,
            url=url,
            context=payload,
            needs_action=needs_action,
            dedupe_key=dedupe_key,
        )
        for user in users
    ]
    if dedupe_key:
        rows = _not_yet_written(rows, dedupe_key)
    created = Notification.objects.bulk_create(rows)
    if created:
        transaction.on_commit(partial(enqueue_delivery, [row.pk for row in created]))
    return created


def describe(subject_object: models.Model | None) -> tuple[str, str]:
    """The reference and the link an e-mail shows for what it is about."""
    if subject_object is None:
        return "", ""
    reference = getattr(subject_object, "reference", "") or str(subject_object)
    get_url = getattr(subject_object, "get_absolute_url", None)
    url = get_url() if callable(get_url) else ""
    return str(reference)[:200], str(url)[:500]


def _active_unique(recipients: Iterable[User]) -> list[User]:
    seen: dict[int, User] = {}
    for user in recipients:
        if user is not None and user.is_active and user.pk not in seen:
            seen[user.pk] = user
    return list(seen.values())


def _wanting(users: list[User], *, needs_action: bool) -> list[User]:
    """Drop those who asked only for notifications that need their action (one query)."""
    if needs_action or not users:
        return users
    action_only = set(
        NotificationPreference.objects.filter(
            user__in=users, level=NotificationLevel.ACTION_ONLY
        ).values_list("user_id", flat=True)
    )
    return [user for user in users if user.pk not in action_only]


def _not_yet_written(rows: list[Notification], dedupe_key: str) -> list[Notification]:
    already = set(
        Notification.objects.filter(
            dedupe_key=dedupe_key, recipient__in=[row.recipient for row in rows]
        ).values_list("recipient_id", flat=True)
    )
    return [row for row in rows if row.recipient_id not in already]


def enqueue_delivery(notification_ids: list[int]) -> int:
    """Hand rows to the broker; returns how many it took. Broker down: log, leave pending."""
    task = queue.task("portal.notifications.tasks.deliver_notification_task")
    if task.app.conf.task_always_eager:
        return _deliver_in_process(task, notification_ids)
    queued = 0
    try:
        with task.app.producer_pool.acquire(block=True, timeout=5) as producer:
            # Fail fast: left alone, kombu keeps retrying for broker_connection_timeout, and a
            # person's request would wait that long for a broker that is down.
            producer.connection.ensure_connection(
                max_retries=1, interval_start=0, interval_step=0.2, timeout=2
            )
            for notification_id in notification_ids:
                task.apply_async((notification_id,), producer=producer, retry=False)
                queued += 1
    except BROKER_ERRORS as error:
        logger.warning(
            "broker unavailable (%s: %s): %d notification(s) stay pending for the sweep",
            error.__class__.__name__,
            error,
            len(notification_ids) - queued,
        )
    return queued


def _deliver_in_process(task: Any, notification_ids: list[int]) -> int:
    """Without a broker (the embedded default) each row is delivered right here."""
    for notification_id in notification_ids:
        try:
            task.apply_async((notification_id,))
        except Exception:
            # The row has recorded its failure; the person's request must still succeed.
            logger.exception("delivering notification %s in-process failed", notification_id)
    return len(notification_ids)


def deliver_notification(notification_id: int) -> None:
    """Send the row's e-mail unless it is sent, failed or being sent by another worker.

    Raises RetryLater when the mail server failed and tries remain; after the last try, or on
    an error that another try cannot mend, the row is marked failed with the error.
    """
    claimed = Notification.objects.filter(pk=notification_id, status=Status.PENDING).update(
        status=Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        logger.info("notification %s is not pending: nothing to deliver", notification_id)
        return
    notification = Notification.objects.select_related("recipient__notification_preference").get(
        pk=notification_id
    )
    try:
        if not notification.recipient.email:
            raise ValueError("the recipient has no e-mail address")
        send_mail_message(render_email(notification))
    except RETRYABLE_ERRORS as error:
        _record_failure(notification, error, retryable=True)
    except Exception as error:
        _record_failure(notification, error, retryable=False)
    else:
        _update_claimed(notification, status=Status.SENT, sent_at=timezone.now(), last_error="")
        logger.info(
            "notification %s (%s) sent to user %s after %d attempt(s)",
            notification.pk,
            notification.event,
            notification.recipient_id,
            notification.attempts,
        )


def _update_claimed(notification: Notification, **fields: Any) -> None:
    Notification.objects.filter(pk=notification.pk, status=Status.SENDING).update(
        claimed_at=None, **fields
    )


def _record_failure(notification: Notification, error: BaseException, *, retryable: bool) -> None:
    text = f"{error.__class__.__name__}: {error}"[:2000]
    if retryable and notification.attempts < conf.max_attempts():
        delay = conf.retry_delay(notification.attempts)
        _update_claimed(
            notification,
            status=Status.PENDING,
            last_error=text,
            next_attempt_at=timezone.now() + timedelta(seconds=delay),
        )
        logger.warning(
            "notification %s: attempt %d failed (%s); next try in %.0f s",
            notification.pk,
            notification.attempts,
            text,
            delay,
        )
        raise RetryLater(delay, text) from error
    _update_claimed(notification, status=Status.FAILED, last_error=text)
    logger.error(
        "notification %s failed after %d attempt(s): %s",
        notification.pk,
        notification.attempts,
        text,
    )


def sweep_pending() -> int:
    """Queue again the pending rows whose task seems lost (older than a minute); how many."""
    now = timezone.now()
    # A worker killed past its hard time limit leaves its row 'sending': give it back.
    Notification.objects.filter(
        status=Status.SENDING, claimed_at__lt=now - conf.stale_claim()
    ).update(status=Status.PENDING, claimed_at=None, next_attempt_at=now - conf.sweep_grace())
    due = list(
        Notification.objects.filter(
            status=Status.PENDING, next_attempt_at__lte=now - conf.sweep_grace()
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[: conf.SWEEP_BATCH]
    )
    if not due:
        return 0
    queued = enqueue_delivery(due)
    # Queued rows get a fresh grace period, so a slow queue is not flooded every minute.
    Notification.objects.filter(pk__in=due[:queued], status=Status.PENDING).update(
        next_attempt_at=now
    )
    logger.info("outbox sweep: %d of %d pending notification(s) queued", queued, len(due))
    return queued


def retry_notifications(notification_ids: Iterable[int], *, actor: User) -> int:
    """Give failed (or stuck pending) rows a fresh set of tries; queued on commit."""
    if not runs_the_outbox(actor):
        raise PermissionDenied
    with transaction.atomic():
        ids = list(
            Notification.objects.select_for_update()
            .filter(pk__in=list(notification_ids), status__in=[Status.FAILED, Status.PENDING])
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=ids).update(
            status=Status.PENDING, attempts=0, next_attempt_at=timezone.now(), claimed_at=None
        )
        if ids:
            transaction.on_commit(partial(enqueue_delivery, ids))
    logger.info("%d notification(s) put back in the queue by staff", len(ids))
    return len(ids)


def update_notification_preferences(
    user: User, *, level: str, language: str
) -> NotificationPreference:
    """Record what the person wants to receive and in which language."""
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, defaults={"level": level, "language": language}
    )
    return preference


def notify_once(**kwargs: Any) -> list[Notification]:
    """notify() for reminders: a repeated run (same dedupe_key) writes nothing new."""
    try:
        with transaction.atomic():
            return notify(**kwargs)
    except IntegrityError:
        # Another run wrote the same reminder between our check and our insert.
        logger.info("reminder %s already written", kwargs.get("dedupe_key"))
        return []
