"""The notification outbox (DESIGN.md s.5) and each person's choice of what to receive."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.notifications.events import lookup


class NotificationLevel(models.TextChoices):
    ALL = "all", _("All notifications")
    ACTION_ONLY = "action_only", _("Only those that need my action")


class NotificationPreference(models.Model):
    """What a person wants to receive, and in which language; no row means the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    level = models.CharField(
        _("notifications to receive"),
        max_length=16,
        choices=NotificationLevel.choices,
        default=NotificationLevel.ALL,
    )
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user} · {self.level} · {self.language}"


class Notification(models.Model):
    """One e-mail to one person about one event: written with the change, delivered later."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    # A plain key, not choices: each app declares its events (portal.notifications.events)
    # without a portal migration.
    event = models.CharField(_("event"), max_length=64, db_index=True)
    # What the e-mail is about, as text: portal imports no feature app (DESIGN.md s.2).
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    context = models.JSONField(_("template context"), default=dict, blank=True)
    needs_action = models.BooleanField(_("needs the recipient's action"), default=False)
    # Set for reminders, so that a daily run repeated on the same day writes nothing new.
    dedupe_key = models.CharField(_("deduplication key"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Earliest moment a worker should try again; the sweep re-queues pending rows past it.
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed by a worker at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notification_due_idx"),
            models.Index(fields=["-created_at", "-id"], name="notification_recent_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=~Q(dedupe_key=""),
                name="notification_unique_dedupe_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.recipient_id} ({self.status})"

    @property
    def event_label(self) -> str:
        event = lookup(self.event)
        return event.label if event is not None else self.event
