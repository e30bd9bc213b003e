"""Saved replies: texts the desk writes again and again, kept by staff with placeholders.

A saved reply is also a macro: besides its text (in the six languages, requests/translation.py)
it may move the request and assign it. Shared ones are the desk's (kept by the triage desk);
personal ones are their owner's alone.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from requests.models.choices import Status

PLACEHOLDERS = ("reference", "title", "party", "officer", "time_frame")


class SavedReply(models.Model):
    """A reply staff insert into the composer; {reference}, {party}... are filled in then."""

    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders filled in when inserted: {reference}, {title}, {party}, {officer}, "
            "{time_frame}."
        ),
    )
    to_status = models.CharField(
        _("then move the request to"),
        max_length=24,
        choices=Status.choices,
        blank=True,
        help_text=_("Chosen in the composer when inserted, if the move is open there."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("and assign it to"),
    )
    shared = models.BooleanField(
        _("shared with the desk"),
        default=True,
        help_text=_("Shared replies are kept by the triage desk; the others are yours alone."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        editable=False,
        verbose_name=_("owner"),
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
