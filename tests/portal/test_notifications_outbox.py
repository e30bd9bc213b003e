"""The outbox: rows written with the change, delivered once, retried, swept, never lost."""

import smtplib
from datetime import date, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from portal.celery import app as celery_app
from portal.models import Notification, NotificationLevel, Party
from portal.notifications import reminders, services
from portal.notifications.events import choices, declare, lookup
from portal.notifications.rendering import render_email
from requests import events
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

Status = Notification.Status
MISSION_SOON = declare("test.mission_soon", "Mission starting soon")
CLOSED_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def kenya_subject(kenya):
    return kenya


def submit(recipients, subject, **kwargs):
    """What a feature app does: notify inside the transaction of its change."""
    with transaction.atomic():
        return services.notify(
            event=kwargs.pop("event", events.SUBMITTED),
            recipients=recipients,
            subject_object=subject,
            context=kwargs.pop("context", {"title": "Revision of the patent law"}),
            **kwargs,
        )


@pytest.fixture
def broker_down(settings):
    """Celery publishing to a port where no broker listens, as when Redis is down."""
    settings.CELERY_BROKER_URL = CLOSED_BROKER
    conf = celery_app.conf
    saved = conf.broker_url, conf.task_always_eager
    conf.broker_url, conf.task_always_eager = CLOSED_BROKER, False
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield
    conf.broker_url, conf.task_always_eager = saved
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_notify_writes_one_pending_row_per_recipient_with_the_subject(ke_focal, ke_official, kenya):
    rows = submit([ke_focal, ke_official, ke_focal], kenya)
    assert len(rows) == 2
    row = Notification.objects.get(recipient=ke_focal)
    assert row.status == Status.PENDING
    assert row.event == "request.submitted"
    assert row.reference == "Kenya"
    assert row.context == {"title": "Revision of the patent law"}


def test_an_event_key_declared_twice_with_another_label_stops_start_up():
    with pytest.raises(ImproperlyConfigured, match=r"request\.submitted"):
        declare("request.submitted", "Something else")


def test_every_app_declares_its_events_and_the_core_knows_them_all():
    keys = {key for key, _label in choices()}
    assert {"request.submitted", "reminder.overdue", "enforcement.report_approved"} <= keys
    assert lookup("request.submitted") is events.SUBMITTED


def test_notify_stores_dates_as_text_so_the_worker_can_render_them(ke_focal, kenya):
    submit([ke_focal], kenya, context={"title": "T", "due": date(2026, 12, 1)})
    assert Notification.objects.get().context["due"] == "2026-12-01"


def test_those_who_want_only_action_notifications_get_only_those(ke_focal, ke_official, kenya):
    services.update_notification_preferences(
        ke_official, level=NotificationLevel.ACTION_ONLY, language="en"
    )
    submit([ke_focal, ke_official], kenya, needs_action=False)
    submit([ke_focal, ke_official], kenya, event=events.INFORMATION_REQUESTED, needs_action=True)
    assert sorted(
        Notification.objects.values_list("recipient__username", "event").order_by("id")
    ) == [
        ("ke-focal", "request.information_requested"),
        ("ke-focal", "request.submitted"),
        ("ke-official", "request.information_requested"),
    ]


def test_inactive_users_are_not_notified(ke_focal, kenya):
    ke_focal.is_active = False
    ke_focal.save()
    assert submit([ke_focal], kenya) == []


def test_delivery_is_queued_only_when_the_change_commits(
    ke_focal, kenya, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        submit([ke_focal], kenya)
        assert mailoutbox == []
    assert len(callbacks) == 1
    assert len(mailoutbox) == 1
    assert Notification.objects.get().status == Status.SENT


def test_a_rolled_back_change_leaves_no_notification(ke_focal, kenya, mailoutbox):
    def change_that_fails():
        with transaction.atomic():
            services.notify(event=events.SUBMITTED, recipients=[ke_focal], subject_object=kenya)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails()
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_delivered_mail_has_text_and_html_a_link_and_the_reference(ke_focal, kenya, mailoutbox):
    (row,) = submit([ke_focal], kenya)
    services.deliver_notification(row.pk)
    (message,) = mailoutbox
    assert message.to == ["ke-focal@example.org"]
    assert message.subject == "[Kenya] Request submitted"
    assert "Revision of the patent law" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Revision of the patent law" in html
    assert message.extra_headers["X-Portal-Notification"] == str(row.pk)
    row.refresh_from_db()
    assert row.status == Status.SENT and row.sent_at is not None and row.attempts == 1


def test_plain_text_is_not_html_escaped_but_html_is(ke_focal, kenya, mailoutbox):
    (row,) = submit([ke_focal], kenya, context={"title": "Marks & <designs>"})
    services.deliver_notification(row.pk)
    (message,) = mailoutbox
    assert "Marks & <designs>" in message.body
    assert "Marks &amp; &lt;designs&gt;" in message.alternatives[0][0]


def test_mail_is_written_in_the_recipients_language(ke_focal, kenya, mailoutbox):
    services.update_notification_preferences(ke_focal, level="all", language="fr")
    (row,) = submit([ke_focal], kenya)
    services.deliver_notification(row.pk)
    assert '<html lang="fr" dir="ltr">' in mailoutbox[0].alternatives[0][0]


def test_arabic_mail_is_right_to_left(ke_focal, kenya):
    services.update_notification_preferences(ke_focal, level="all", language="ar")
    (row,) = submit([ke_focal], kenya)
    assert 'dir="rtl"' in render_email(Notification.objects.get(pk=row.pk)).alternatives[0][0]


def test_an_event_without_its_own_templates_uses_the_generic_ones(ke_focal):
    row = Notification.objects.create(recipient=ke_focal, event="request.reopened", reference="R1")
    message = render_email(row)
    assert message.subject == "[R1] request.reopened"
    assert "There is news on R1" in message.body


def test_delivering_the_same_row_twice_sends_one_email(ke_focal, kenya, mailoutbox):
    (row,) = submit([ke_focal], kenya)
    services.deliver_notification(row.pk)
    services.deliver_notification(row.pk)
    assert len(mailoutbox) == 1


def test_a_row_claimed_by_another_worker_is_left_to_it(ke_focal, kenya, mailoutbox):
    (row,) = submit([ke_focal], kenya)
    Notification.objects.filter(pk=row.pk).update(status=Status.SENDING)
    services.deliver_notification(row.pk)
    assert mailoutbox == []


def test_a_failing_mail_server_puts_the_row_back_with_its_error_and_a_later_try(
    ke_focal, kenya, monkeypatch
):
    (row,) = submit([ke_focal], kenya)

    def refuse(message):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("portal.notifications.services.send_mail_message", refuse)
    with pytest.raises(services.RetryLater) as raised:
        services.deliver_notification(row.pk)
    assert raised.value.delay == 30
    row.refresh_from_db()
    assert row.status == Status.PENDING and row.attempts == 1
    assert row.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=25)


def test_the_last_failed_try_marks_the_row_failed(ke_focal, kenya, monkeypatch, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    (row,) = submit([ke_focal], kenya)

    def refuse(message):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr("portal.notifications.services.send_mail_message", refuse)
    delays = []
    for _ in range(2):
        with pytest.raises(services.RetryLater) as raised:
            services.deliver_notification(row.pk)
        delays.append(raised.value.delay)
    services.deliver_notification(row.pk)  # the last try records, it does not raise
    row.refresh_from_db()
    assert delays == [30, 60]
    assert row.status == Status.FAILED and row.attempts == 3
    assert "Connection refused" in row.last_error


def test_an_error_another_try_cannot_mend_fails_at_once(ke_focal, kenya, mailoutbox):
    ke_focal.email = ""
    ke_focal.save()
    (row,) = submit([ke_focal], kenya)
    services.deliver_notification(row.pk)
    row.refresh_from_db()
    assert row.status == Status.FAILED and row.attempts == 1
    assert "no e-mail address" in row.last_error
    assert mailoutbox == []


def test_in_process_delivery_does_not_wait_for_a_retry(
    ke_focal, kenya, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(message):
        raise smtplib.SMTPConnectError(421, "try later")

    monkeypatch.setattr("portal.notifications.services.send_mail_message", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        submit([ke_focal], kenya)
    row = Notification.objects.get()
    assert row.status == Status.PENDING and row.attempts == 1  # one try, then the sweep's


def test_a_broker_that_is_down_leaves_the_row_pending_and_the_change_committed(
    ke_focal, kenya, broker_down, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rows = submit([ke_focal], kenya)
    assert [row.pk for row in rows] == list(Notification.objects.values_list("pk", flat=True))
    assert Notification.objects.get().status == Status.PENDING
    assert mailoutbox == []


def test_the_sweep_queues_rows_pending_for_over_a_minute_and_not_fresh_ones(
    ke_focal, ke_official, kenya, mailoutbox
):
    old, fresh = submit([ke_focal], kenya)[0], submit([ke_official], kenya)[0]
    Notification.objects.filter(pk=old.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=2)
    )
    assert services.sweep_pending() == 1
    assert [message.to for message in mailoutbox] == [["ke-focal@example.org"]]
    assert Notification.objects.get(pk=fresh.pk).status == Status.PENDING
    assert services.sweep_pending() == 0


def test_the_sweep_gives_back_rows_whose_worker_died_while_sending(ke_focal, kenya, mailoutbox):
    (row,) = submit([ke_focal], kenya)
    Notification.objects.filter(pk=row.pk).update(
        status=Status.SENDING, claimed_at=timezone.now() - timedelta(minutes=10)
    )
    services.sweep_pending()  # releases it
    services.sweep_pending()  # and delivers it
    assert Notification.objects.get(pk=row.pk).status == Status.SENT
    assert len(mailoutbox) == 1


def test_staff_retry_gives_a_failed_row_fresh_tries(
    ke_focal, kenya, triage, mailoutbox, django_capture_on_commit_callbacks
):
    (row,) = submit([ke_focal], kenya)
    Notification.objects.filter(pk=row.pk).update(
        status=Status.FAILED, attempts=6, last_error="SMTPServerDisconnected"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.retry_notifications([row.pk], actor=triage) == 1
    row.refresh_from_db()
    assert row.status == Status.SENT and row.attempts == 1 and row.last_error == ""
    assert len(mailoutbox) == 1


def test_staff_retry_leaves_sent_rows_alone(ke_focal, kenya, triage, mailoutbox):
    (row,) = submit([ke_focal], kenya)
    services.deliver_notification(row.pk)
    assert services.retry_notifications([row.pk], actor=triage) == 0
    assert len(mailoutbox) == 1


@pytest.fixture
def mission_source(ke_focal, kenya):
    def source(today):
        yield reminders.Reminder(
            event=MISSION_SOON,
            recipients=[ke_focal],
            subject_object=kenya,
            context={"title": "Expert mission", "start_date": today + timedelta(days=5)},
        )

    reminders.register("test.missions", source)
    yield source
    reminders.unregister("test.missions")


def test_a_daily_reminder_run_twice_the_same_day_writes_one_row(mission_source):
    assert reminders.send_reminders("test.missions", today=date(2026, 11, 21)) == 1
    assert reminders.send_reminders("test.missions", today=date(2026, 11, 21)) == 0
    assert reminders.send_reminders("test.missions", today=date(2026, 11, 22)) == 1
    assert Notification.objects.filter(event=MISSION_SOON.key).count() == 2


def test_the_daily_task_runs_every_registered_source(mission_source):
    from portal.notifications.tasks import send_daily_reminders_task

    send_daily_reminders_task.delay()
    row = Notification.objects.get(event=MISSION_SOON.key)
    assert row.needs_action and row.reference == "Kenya"


def test_the_beat_schedule_names_tasks_that_exist():
    from portal.notifications.schedule import BEAT_SCHEDULE

    celery_app.loader.import_default_modules()
    for entry in BEAT_SCHEDULE.values():
        assert entry["task"] in celery_app.tasks, entry["task"]


def test_any_object_can_be_the_subject_until_requests_exist(ke_focal):
    party = Party.objects.get(code="CL")
    (row,) = submit([ke_focal], party)
    other = make_user("plain")
    (row2,) = submit([ke_focal], other, event=events.MESSAGE)
    assert row.reference == "Chile" and row2.reference == "plain"
