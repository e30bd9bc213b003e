"""On the real Redis broker with real workers: failures delay mail, never lose or double it."""

import socket
import time

import pytest
from django.db import transaction
from django.utils import timezone

from portal.models import Notification, NotificationPreference
from portal.notifications import services
from requests import events
from tests.broker.conftest import delivered, publishing_to, wait_for

pytestmark = [
    pytest.mark.broker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Status = Notification.Status


def closed_port() -> int:
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def submit(user, subject) -> Notification:
    """A change and its notification in one transaction, as the requests app does it."""
    with transaction.atomic():
        NotificationPreference.objects.update_or_create(user=user, defaults={"language": "fr"})
        (row,) = services.notify(
            event=events.SUBMITTED,
            recipients=[user],
            subject_object=subject,
            context={"title": "Revision of the patent law"},
        )
    return row


def status_of(row: Notification) -> str:
    return Notification.objects.values_list("status", flat=True).get(pk=row.pk)


def test_a_notification_is_delivered_by_a_real_worker(
    start_worker, broker, mail_dir, ke_focal, kenya
):
    start_worker()
    with publishing_to(broker):
        row = submit(ke_focal, kenya)
    wait_for(lambda: status_of(row) == Status.SENT, 30, "the worker to send the e-mail")
    assert delivered(mail_dir, row.pk) == 1
    text = "".join(path.read_text() for path in mail_dir.glob("*.log"))
    assert "Subject: [Kenya] Demande soumise" in text  # in the recipient's language
    assert "To: ke-focal@example.org" in text
    assert '<html lang="fr" dir="ltr">' in text
    row.refresh_from_db()
    assert row.attempts == 1 and row.sent_at is not None


def test_a_broker_that_is_down_delays_the_mail_and_the_sweep_delivers_it_once(
    start_worker, broker, mail_dir, ke_focal, kenya
):
    started = time.monotonic()
    with publishing_to(f"redis://127.0.0.1:{closed_port()}/0"):
        row = submit(ke_focal, kenya)
    assert time.monotonic() - started < 5, "the change waited too long on a dead broker"
    # The change committed, and its notification waits in the outbox.
    assert NotificationPreference.objects.get(user=ke_focal).language == "fr"
    assert status_of(row) == Status.PENDING

    start_worker()  # the broker is back, with a worker on it
    Notification.objects.filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - timezone.timedelta(minutes=2)
    )
    with publishing_to(broker):
        assert services.sweep_pending() == 1
        wait_for(lambda: status_of(row) == Status.SENT, 30, "the swept row to be sent")
        assert services.sweep_pending() == 0
    assert delivered(mail_dir, row.pk) == 1


def test_a_failing_mail_server_is_retried_then_the_row_is_marked_failed(
    start_worker, broker, mail_dir, ke_focal, kenya
):
    port = closed_port()
    worker = start_worker(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_TIMEOUT="2",
    )
    with publishing_to(broker):
        row = submit(ke_focal, kenya)
    wait_for(lambda: status_of(row) == Status.FAILED, 60, "the last try to fail")
    row.refresh_from_db()
    assert row.attempts == 6
    assert row.last_error.startswith("ConnectionRefusedError")
    assert worker.output().count("Retry in") == 5
    assert delivered(mail_dir, row.pk) == 0


def test_two_workers_delivering_the_same_row_send_one_email(
    start_worker, broker, mail_dir, ke_focal, kenya
):
    slow = {"EMAIL_BACKEND": "tests.broker.mail.SlowFileBackend", "SLOW_MAIL_SECONDS": "2"}
    first, second = start_worker(**slow), start_worker(**slow)
    with publishing_to(f"redis://127.0.0.1:{closed_port()}/0"):
        row = submit(ke_focal, kenya)  # written, not queued
    with publishing_to(broker):
        assert services.enqueue_delivery([row.pk, row.pk]) == 2
    both = (first, second)
    wait_for(
        lambda: all("deliver_notification_task" in w.output() for w in both),
        20,
        "each worker to receive a delivery task",
    )
    wait_for(
        lambda: sum(w.output().count("succeeded in") for w in both) == 2,
        30,
        "both deliveries to finish",
    )
    assert status_of(row) == Status.SENT
    assert delivered(mail_dir, row.pk) == 1
    assert sum(w.output().count("is not pending: nothing to deliver") for w in both) == 1
