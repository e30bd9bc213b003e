from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Cluster(models.Model):
    """One of the six clusters (A-F) the 45 Development Agenda recommendations are grouped in."""

    letter = models.CharField(_("letter"), max_length=1, unique=True)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["letter"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self) -> str:
        return f"{self.letter}. {self.title}"


class Recommendation(models.Model):
    """One of the 45 recommendations adopted by the General Assembly in 2007."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("cluster")
    )
    short_title = models.CharField(_("short title"), max_length=200)
    text = models.TextField(_("text"))
    # True/False only where a source says so; None means not known (see the data file).
    immediate_implementation = models.BooleanField(
        _("identified in 2007 for immediate implementation"), null=True, blank=True
    )
    # Where the flag comes from (document and link), or why it is not known.
    immediate_implementation_source = models.TextField(
        _("source of the immediate-implementation flag"), blank=True
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.number}. {self.short_title}"

    def get_absolute_url(self) -> str:
        return reverse("recommendation_detail", args=[self.number])
