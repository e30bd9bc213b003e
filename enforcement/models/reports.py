from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from enforcement.models.choices import (
    PracticeArea,
    PracticeScope,
    PracticeStatus,
    ReportStatus,
    ReviewAction,
)
from enforcement.models.programmes import ConsultationMeeting, ExpertMission

# The workflow of a country report as data, in portal.workflow's shape {from: {to: who}}: here
# "who" is the review step, whose permission enforcement.permissions answers. Only
# enforcement.services moves a report, through portal.workflow.move.
REPORT_TRANSITIONS = {
    ReportStatus.DRAFT: {
        ReportStatus.UNDER_NATIONAL_REVIEW: ReviewAction.SENT_FOR_REVIEW,
        ReportStatus.DRAFT: ReviewAction.NEW_VERSION,
    },
    ReportStatus.UNDER_NATIONAL_REVIEW: {
        ReportStatus.APPROVED: ReviewAction.APPROVED,
        ReportStatus.DRAFT: ReviewAction.RETURNED,
        ReportStatus.UNDER_NATIONAL_REVIEW: ReviewAction.NEW_VERSION,
    },
    # A new version of the document: what the party approved is no longer what is published.
    ReportStatus.APPROVED: {ReportStatus.UNDER_NATIONAL_REVIEW: ReviewAction.NEW_VERSION},
}

# A best practice becomes public when the meeting that discussed it adopts it.
PRACTICE_TRANSITIONS = {PracticeStatus.PROPOSED: {PracticeStatus.ADOPTED: "staff"}}


class CountryReport(models.Model):
    """A report drafted after a mission; confidential to staff and the party until approved."""

    mission = models.ForeignKey(
        ExpertMission, on_delete=models.PROTECT, related_name="reports", verbose_name=_("mission")
    )
    party = models.ForeignKey(
        "portal.Party",
        on_delete=models.PROTECT,
        related_name="enforcement_reports",
        verbose_name=_("party"),
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    # Written only through portal.workflow.move (enforcement.services.review_report).
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        editable=False,
        db_index=True,
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    # The version the party approved (what the public reads); empty whenever not approved.
    approved_version = models.ForeignKey(
        "ReportVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("approved version"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["party__name", "-created_at"]
        verbose_name = _("country report")
        verbose_name_plural = _("country reports")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("enforcement:report_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status == ReportStatus.APPROVED


class ReportVersion(models.Model):
    """One uploaded document of a report; versions are added, never replaced (services only)."""

    report = models.ForeignKey(
        CountryReport, on_delete=models.CASCADE, related_name="versions", verbose_name=_("report")
    )
    number = models.PositiveIntegerField(_("version"))
    # Stored privately (see STORAGES) and served only through a permission-checked view.
    file = models.FileField(_("file"), upload_to="enforcement/reports/%Y/", max_length=300)
    file_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("prepared by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="enforcement_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.report} · v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("enforcement:report_file", args=[self.report_id, self.number])


class ReportReview(models.Model):
    """One move of a country report through its workflow, with who, when and why."""

    report = models.ForeignKey(
        CountryReport, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("report")
    )
    action = models.CharField(_("action"), max_length=24, choices=ReviewAction.choices)
    from_status = models.CharField(_("from"), max_length=24, choices=ReportStatus.choices)
    to_status = models.CharField(_("to"), max_length=24, choices=ReportStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    comment = models.TextField(_("comment"), blank=True)
    # The document the move was about: what was sent, approved, or newly uploaded.
    version = models.ForeignKey(
        ReportVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version"),
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report review step")
        verbose_name_plural = _("report review steps")

    def __str__(self) -> str:
        return f"{self.report} · {self.get_action_display()}"


# A best practice is public when the meeting adopted it or the report it came from is approved.
PUBLIC_PRACTICE = Q(source_meeting__isnull=False, status=PracticeStatus.ADOPTED) | Q(
    source_report__status=ReportStatus.APPROVED
)


class BestPractice(models.Model):
    """A documented enforcement practice, national or regional, from a report or a meeting."""

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    area = models.CharField(_("area"), max_length=16, choices=PracticeArea.choices)
    scope = models.CharField(_("scope"), max_length=16, choices=PracticeScope.choices)
    party = models.ForeignKey(
        "portal.Party",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enforcement_best_practices",
        verbose_name=_("party"),
        help_text=_("The party whose practice it is; empty for a regional practice."),
    )
    source_report = models.ForeignKey(
        CountryReport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="best_practices",
        verbose_name=_("from the country report"),
    )
    source_meeting = models.ForeignKey(
        ConsultationMeeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="best_practices",
        verbose_name=_("from the consultation meeting"),
    )
    # Only meaningful for a practice from a meeting: a report's practice follows the report.
    status = models.CharField(
        _("status at the meeting"),
        max_length=16,
        choices=PracticeStatus.choices,
        default=PracticeStatus.PROPOSED,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["area", "title"]
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")
        constraints = [
            models.CheckConstraint(
                condition=Q(source_report__isnull=True, source_meeting__isnull=False)
                | Q(source_report__isnull=False, source_meeting__isnull=True),
                name="enforcement_practice_has_one_source",
            ),
            models.CheckConstraint(
                condition=Q(scope=PracticeScope.REGIONAL, party__isnull=True)
                | Q(scope=PracticeScope.NATIONAL, party__isnull=False),
                name="enforcement_national_practice_has_party",
            ),
        ]
        indexes = [models.Index(fields=["area", "party"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("enforcement:best_practice_detail", args=[self.pk])

    @property
    def source(self):
        return self.source_report or self.source_meeting

    @property
    def is_public(self) -> bool:
        """The Python twin of PUBLIC_PRACTICE, for a row already in hand."""
        if self.source_meeting_id:
            return self.status == PracticeStatus.ADOPTED
        return self.source_report.status == ReportStatus.APPROVED
