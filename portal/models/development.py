"""A party's development status as dated, sourced records.

Two sorts of record share one table, told apart by `kind`:
- a *period* (LDC, LLDC, SIDS, and the organisation's developing / transition / developed
  grouping) holds from `starts` (inclusive; empty = before the records begin) until `ends`
  (exclusive; empty = still holds);
- an *event* (graduation scheduled, deferral requested or decided, graduated, outcome not
  confirmed) happened or is due on `starts`; a decided deferral's `ends` is the new date.
Every record names its source and the day it was checked. The rows come from
portal/reference/development_status.csv (`manage.py refresh_development_status`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusKind(models.TextChoices):
    LDC = "ldc", _("Least developed country")
    LLDC = "lldc", _("Landlocked developing country")
    SIDS = "sids", _("Small island developing state")
    DEVELOPING = "developing", _("Developing country")
    TRANSITION = "transition", _("Country in transition")
    DEVELOPED = "developed", _("Developed country")
    GRADUATION_SCHEDULED = "graduation_scheduled", _("Graduation from the LDC category scheduled")
    DEFERRAL_REQUESTED = "deferral_requested", _("Deferral of graduation requested")
    DEFERRAL_DECIDED = "deferral_decided", _("Deferral of graduation decided")
    GRADUATED = "graduated", _("Graduated from the LDC category")
    OUTCOME_UNCONFIRMED = "outcome_unconfirmed", _("Outcome not confirmed")


GROUPINGS = (StatusKind.DEVELOPING, StatusKind.TRANSITION, StatusKind.DEVELOPED)
CATEGORIES = (StatusKind.LDC, StatusKind.LLDC, StatusKind.SIDS)
PERIODS = frozenset(CATEGORIES + GROUPINGS)


class DevelopmentStatus(models.Model):
    """One dated, sourced fact about a party's development status."""

    party = models.ForeignKey(
        "portal.Party",
        on_delete=models.CASCADE,
        related_name="development_statuses",
        verbose_name=_("party"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=StatusKind.choices)
    starts = models.DateField(_("from / on"), null=True, blank=True)
    ends = models.DateField(_("until (exclusive)"), null=True, blank=True)
    # The decision it rests on, e.g. the General Assembly resolution "A/RES/76/8".
    basis = models.CharField(_("basis"), max_length=200, blank=True)
    source_title = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    checked_on = models.DateField(_("checked on"))
    # Only for an outcome not confirmed: the day by which someone must look again.
    recheck_by = models.DateField(_("re-check by"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["party", "kind", "starts"]
        verbose_name = _("development status record")
        verbose_name_plural = _("development status records")
        indexes = [models.Index(fields=["kind", "party"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__isnull=True)
                | models.Q(starts__isnull=True)
                | models.Q(ends__gt=models.F("starts")),
                name="portal_development_status_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.party_id} · {self.get_kind_display()} {self.starts or ''}..{self.ends or ''}"

    @property
    def is_period(self) -> bool:
        return self.kind in PERIODS

    def holds_on(self, day) -> bool:
        """For a period: whether it covers the day."""
        return (self.starts is None or self.starts <= day) and (
            self.ends is None or day < self.ends
        )
