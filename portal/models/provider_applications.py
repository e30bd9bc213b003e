"""An organisation's application to become a provider of recommendation 9's resources."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models.matching import Provider


class ApplicationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Address not confirmed yet")
    PENDING = "pending", _("Awaiting the staff's decision")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


# {from: {to: who}}, moved by portal.workflow.move only (portal.matching.applications).
APPLICATION_TRANSITIONS = {
    ApplicationStatus.UNCONFIRMED: {ApplicationStatus.PENDING: "applicant"},
    ApplicationStatus.PENDING: {
        ApplicationStatus.APPROVED: "staff",
        ApplicationStatus.DECLINED: "staff",
    },
}

APPLYING_KINDS = [
    (kind.value, kind.label)
    for kind in (Provider.Kind.ORGANISATION, Provider.Kind.COMPANY, Provider.Kind.INSTITUTION)
]


class ProviderApplication(models.Model):
    """Nothing here is trusted or approved until staff decide; the address is confirmed first."""

    organisation = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=APPLYING_KINDS)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("what you would offer"), max_length=2_000)
    contact_name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10, default="en")
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.UNCONFIRMED,
        db_index=True,
    )
    decline_reason = models.TextField(_("reason for declining"), max_length=2_000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    provider = models.OneToOneField(
        Provider, on_delete=models.PROTECT, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("applied"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("provider application")
        verbose_name_plural = _("provider applications")

    def __str__(self) -> str:
        return self.organisation
