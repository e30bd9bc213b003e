"""What accumulates on a request: history, messages, documents, feedback, access and consent."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from requests.models.assistance import AssistanceRequest
from requests.models.choices import Status

_REQUEST = {"on_delete": models.CASCADE, "verbose_name": _("assistance request")}
_USER = settings.AUTH_USER_MODEL
READ_IN_PLACE = {
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


# A message is a letter, not a document: longer texts travel as attachments.
MESSAGE_MAX_LENGTH = 10_000


class StatusChange(models.Model):
    """One move along the workflow; written only by services.transition."""

    assistance_request = models.ForeignKey(
        AssistanceRequest, related_name="status_changes", **_REQUEST
    )
    from_status = models.CharField(_("from"), max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=24, choices=Status.choices)
    actor = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)
    note_visible_to_party = models.BooleanField(_("note visible to the party"), default=True)
    # The time frame as this move set it (agreed on acceptance, moved on by a pause), or none.
    due_date = models.DateField(_("time frame set"), null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.get_from_status_display() or '—'} → {self.get_to_status_display()}"


class Message(models.Model):
    """The bilateral thread; internal notes are for staff and never shown to the party."""

    assistance_request = models.ForeignKey(AssistanceRequest, related_name="messages", **_REQUEST)
    author = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    internal = models.BooleanField(_("internal note (staff only)"), default=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["assistance_request", "internal", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author} · {self.created_at:%Y-%m-%d %H:%M}"


class Document(models.Model):
    """An uploaded file, stored privately under a random name and served only after a check."""

    class Kind(models.TextChoices):
        DRAFT_LAW = "draft_law", _("Draft law or regulation")
        EXISTING_LAW = "existing_law", _("Existing law or regulation")
        SUPPORTING = "supporting", _("Supporting material")
        OTHER = "other", _("Other document")
        DELIVERABLE = "deliverable", _("Deliverable")

    assistance_request = models.ForeignKey(AssistanceRequest, related_name="documents", **_REQUEST)
    kind = models.CharField(_("kind of document"), max_length=16, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)
    content_type = models.CharField(_("content type"), max_length=120)
    uploaded_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    # A file sent with a message (the information requested and its files, in one step).
    message = models.ForeignKey(
        Message,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("sent with message"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.original_name

    @property
    def reads_in_place(self) -> bool:
        """A PDF or a Word document opens in the portal (requests.views.document_read)."""
        return self.content_type in READ_IN_PLACE


class Feedback(models.Model):
    """The party's rating of a delivered request: the raw material of the yearly review."""

    _SCORE = [MinValueValidator(1), MaxValueValidator(5)]

    assistance_request = models.OneToOneField(
        AssistanceRequest, related_name="feedback", **_REQUEST
    )
    relevance = models.PositiveSmallIntegerField(_("relevance"), validators=_SCORE)
    timeliness = models.PositiveSmallIntegerField(_("timeliness"), validators=_SCORE)
    quality = models.PositiveSmallIntegerField(_("quality"), validators=_SCORE)
    comment = models.TextField(_("comment"), blank=True)
    given_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    given_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.relevance}/{self.timeliness}/{self.quality}"


class AccessRecord(models.Model):
    """Who opened a confidential request: one row per person, day and kind of view, counted.

    The request's party and the staff see these (requests.selectors.access_summary).
    """

    class Kind(models.TextChoices):
        PORTAL_PAGE = "page", _("request page")
        STAFF_PAGE = "staff_page", _("staff page")
        DOCUMENT = "document", _("document")

    assistance_request = models.ForeignKey(
        AssistanceRequest, related_name="access_records", **_REQUEST
    )
    user = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("day"), default=timezone.localdate)
    kind = models.CharField(_("what was opened"), max_length=16, choices=Kind.choices)
    document = models.ForeignKey(
        "Document",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    count = models.PositiveIntegerField(_("times"), default=1)
    at = models.DateTimeField(_("last opened"), default=timezone.now)

    class Meta:
        ordering = ["-day", "-at", "-pk"]
        verbose_name = _("access record")
        verbose_name_plural = _("access records")
        constraints = [
            # One row per person, day and thing opened: a page, or one document by name.
            models.UniqueConstraint(
                fields=["assistance_request", "user", "day", "kind", "document"],
                name="access_record_per_day_and_document",
                nulls_distinct=False,
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.day} · {self.kind} x {self.count}"

    @property
    def what(self) -> str:
        """What was opened that day, a document by its name (the party's page shows this)."""
        if self.document_id:
            return _("document “%(name)s”") % {"name": self.document.original_name}
        return ngettext("%(kind)s, %(count)d time", "%(kind)s, %(count)d times", self.count) % {
            "kind": self.get_kind_display(),
            "count": self.count,
        }


class ConsentChange(models.Model):
    """Append-only record of the focal point's consent to publish (recommendation 5)."""

    assistance_request = models.ForeignKey(
        AssistanceRequest, related_name="consent_changes", **_REQUEST
    )
    general = models.BooleanField(_("general information may be published"))
    details = models.BooleanField(_("details may be shared"))
    by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("consent change")
        verbose_name_plural = _("consent changes")

    def __str__(self) -> str:
        return f"general={self.general} details={self.details} · {self.by}"


class AccessGrant(models.Model):
    """Staff let one more party, or one person such as a consultant, see a single request."""

    assistance_request = models.ForeignKey(
        AssistanceRequest,
        on_delete=models.CASCADE,
        related_name="access_grants",
        verbose_name=_("assistance request"),
    )
    party = models.ForeignKey(
        "portal.Party", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    granted_by = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)
    revoked_by = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("access grant")
        verbose_name_plural = _("access grants")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(party__isnull=False) ^ models.Q(user__isnull=False),
                name="access_grant_to_party_or_user",
            )
        ]

    def __str__(self) -> str:
        return str(self.party or self.user)


class Assignment(models.Model):
    """Who handles a request from when, and who decided it: the case's timeline shows each."""

    assistance_request = models.ForeignKey(
        AssistanceRequest, related_name="assignments", **_REQUEST
    )
    officer = models.ForeignKey(
        _USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(_USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self) -> str:
        return f"{self.officer or '—'} · {self.at:%Y-%m-%d %H:%M}"
