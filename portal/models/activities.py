"""Activities: the units of technical assistance delivered, and the parties' consent to publish.

The request an activity came from is recorded on the request's side (requests.RequestActivity),
so the core app depends on no feature app (DESIGN.md s.2).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.timeframes import timeliness


class ActivityType(models.TextChoices):
    ADVISORY_MISSION = "advisory_mission", _("Advisory mission")
    EXPERT_MISSION = "expert_mission", _("Expert mission")
    NATIONAL_WORKSHOP = "national_workshop", _("National workshop")
    REGIONAL_WORKSHOP = "regional_workshop", _("Regional workshop")
    CONSULTATION = "consultation", _("Consultation")
    STUDY_VISIT = "study_visit", _("Study visit")
    TRAINING = "training", _("Training")
    LEGISLATIVE_ADVICE = "legislative_advice", _("Legislative advice given")
    STRATEGY_DEVELOPMENT = "strategy_development", _("Strategy development")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# {from: {to: who}} (portal.workflow): the staff who record the activity move it along.
ACTIVITY_TRANSITIONS: dict[str, dict[str, str]] = {
    ActivityStatus.PLANNED: {
        ActivityStatus.IN_PROGRESS: "staff",
        ActivityStatus.COMPLETED: "staff",
        ActivityStatus.CANCELLED: "staff",
    },
    ActivityStatus.IN_PROGRESS: {
        ActivityStatus.COMPLETED: "staff",
        ActivityStatus.CANCELLED: "staff",
    },
}


class Activity(models.Model):
    """A unit of technical assistance; public only as far as every beneficiary consented."""

    type = models.CharField(_("type"), max_length=32, choices=ActivityType.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ActivityStatus.choices,
        default=ActivityStatus.PLANNED,
        db_index=True,
    )
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    # Recommendations 1 and 13: every activity carries a time frame.
    due_date = models.DateField(_("time frame (to be completed by)"))
    beneficiaries = models.ManyToManyField(
        "portal.Party", related_name="activities", verbose_name=_("beneficiary parties")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online = models.BooleanField(_("held online"), default=False)
    recommendations = models.ManyToManyField(
        "portal.Recommendation",
        related_name="activities",
        blank=True,
        verbose_name=_("Development Agenda recommendations implemented"),
    )
    consultants = models.ManyToManyField(
        "portal.Consultant",
        related_name="activities",
        blank=True,
        verbose_name=_("consultants engaged"),
    )
    # Derived from the ActivityConsent rows by portal.activities.services.refresh_publication,
    # in the same transaction as the consent that changes them: only a recorded consent turns
    # them on, and a withdrawal turns them off at once. Never edited by hand.
    general_info_public = models.BooleanField(
        _("general information public"), default=False, editable=False, db_index=True
    )
    details_public = models.BooleanField(_("details public"), default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-planned_start", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["general_info_public", "-planned_start"]),
            # The public list's order, newest first, over published activities only: without it
            # PostgreSQL sorts the whole table (41 ms at 50,000 activities; 0.07 ms with it).
            models.Index(
                Coalesce("actual_start", "planned_start").desc(),
                models.F("id").desc(),
                name="portal_activity_public_start",
                condition=models.Q(general_info_public=True) & ~models.Q(status="cancelled"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(details_public=False) | models.Q(general_info_public=True),
                name="activity_details_public_needs_general",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activity_detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.planned_end and self.planned_start and self.planned_end < self.planned_start:
            errors["planned_end"] = _("The planned end cannot come before the planned start.")
        if self.actual_end and self.actual_start and self.actual_end < self.actual_start:
            errors["actual_end"] = _("The actual end cannot come before the actual start.")
        if self.actual_end and not self.actual_start:
            errors["actual_start"] = _("Give the actual start as well as the actual end.")
        if errors:
            raise ValidationError(errors)

    @property
    def start(self):
        """When it began, or failing that when it is planned to begin."""
        return self.actual_start or self.planned_start

    @property
    def end(self):
        return self.actual_end or self.planned_end

    @property
    def year(self) -> int:
        return self.start.year

    def timeliness(self, today=None) -> str | None:
        """on_time / due_soon / late against the time frame; None once cancelled."""
        if self.status == ActivityStatus.CANCELLED:
            return None
        # Once completed, the day it ended is what counts against the time frame.
        done_on = (self.end or self.start) if self.status == ActivityStatus.COMPLETED else None
        return timeliness(self.due_date, today or timezone.localdate(), done_on=done_on)


class ActivityConsent(models.Model):
    """Append-only: one party's consent to publish an activity, with who gave it and when."""

    class Source(models.TextChoices):
        ACTIVITY = "activity", _("on the activity page")
        REQUEST = "request", _("on the request the activity came from")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="consents", verbose_name=_("activity")
    )
    party = models.ForeignKey(
        "portal.Party", on_delete=models.PROTECT, related_name="+", verbose_name=_("party")
    )
    general = models.BooleanField(_("general information may be published"))
    details = models.BooleanField(_("details may be shared"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("given by"),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    source = models.CharField(
        _("given"), max_length=16, choices=Source.choices, default=Source.ACTIVITY
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("activity consent")
        verbose_name_plural = _("activity consents")
        indexes = [models.Index(fields=["activity", "party", "-at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(details=False) | models.Q(general=True),
                name="activity_consent_details_need_general",
            )
        ]

    def __str__(self) -> str:
        return f"{self.party} · general={self.general} details={self.details} · {self.by}"
