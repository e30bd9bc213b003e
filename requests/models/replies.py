"""Saved replies: texts the desk writes again and again, kept by staff with placeholders."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = ("reference", "title", "party", "officer", "time_frame")


class SavedReply(models.Model):
    """A reply staff insert into the composer; {reference}, {party}... are filled in then."""

    title = models.CharField(_("title"), max_length=120, unique=True)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders filled in when inserted: {reference}, {title}, {party}, {officer}, "
            "{time_frame}."
        ),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("saved reply")
        verbose_name_plural = _("saved replies")

    def __str__(self) -> str:
        return self.title
