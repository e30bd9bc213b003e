from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from enforcement.models.choices import AgencyType, IPRight, Metric, ProductCategory

# What a figure is a figure of, within its party: one figure per cell.
STATISTIC_CELL = ("year", "agency_type", "agency_name", "metric", "ip_right", "product_category")


class ReleaseStatus(models.TextChoices):
    UNRELEASED = "unreleased", _("Not released")
    RELEASED = "released", _("Released")


# {from: {to: who}} (portal.workflow): release is the party's decision, taken by its focal
# point, who may also take released figures off the public pages again.
RELEASE_TRANSITIONS: dict[str, dict[str, str]] = {
    ReleaseStatus.UNRELEASED: {ReleaseStatus.RELEASED: "focal_point"},
    ReleaseStatus.RELEASED: {ReleaseStatus.UNRELEASED: "focal_point"},
}


class InfringementStatistic(models.Model):
    """One figure a party's agency reported; public only once its focal point releases it."""

    party = models.ForeignKey(
        "portal.Party",
        on_delete=models.PROTECT,
        related_name="infringement_statistics",
        verbose_name=_("party"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    agency_type = models.CharField(_("agency type"), max_length=16, choices=AgencyType.choices)
    agency_name = models.CharField(_("agency"), max_length=200, blank=True)
    metric = models.CharField(_("metric"), max_length=24, choices=Metric.choices)
    ip_right = models.CharField(
        _("IP right"), max_length=32, choices=IPRight.choices, default=IPRight.ALL
    )
    product_category = models.CharField(
        _("product category"),
        max_length=24,
        choices=ProductCategory.choices,
        default=ProductCategory.ALL,
    )
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, for retail value.")
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    # Moved only by enforcement.services through portal.workflow.move (a history row per
    # move); released_at and released_by are the facts the public pages read, set with it.
    status = models.CharField(
        _("release"),
        max_length=16,
        choices=ReleaseStatus.choices,
        default=ReleaseStatus.UNRELEASED,
        editable=False,
    )
    released_at = models.DateTimeField(_("released at"), null=True, blank=True, editable=False)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("released by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    class Meta:
        ordering = ["party__name", "-year", "metric", "agency_type", "agency_name"]
        verbose_name = _("infringement statistic")
        verbose_name_plural = _("infringement statistics")
        constraints = [
            # One figure per cell: a second upload of the same cell is an error, not a duplicate.
            models.UniqueConstraint(
                fields=["party", *STATISTIC_CELL],
                name="enforcement_one_figure_per_cell",
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="enforcement_statistic_not_negative"
            ),
        ]
        indexes = [
            models.Index(fields=["party", "metric", "year"]),
            models.Index(fields=["released_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.party} {self.year} {self.get_metric_display()}: {self.value}"

    @property
    def is_released(self) -> bool:
        return self.released_at is not None
