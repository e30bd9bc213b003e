"""What a person typed into a form posted after their session ended, kept until they return."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Long enough to sign in again (second factor included), short enough not to keep drafts around.
KEPT_FOR = datetime.timedelta(hours=1)


class KeptForm(models.Model):
    """A form's posted text, found through a random token held in a short-lived cookie.

    Nobody is known when it is kept (the session has ended), so it is bound to the account
    that signs in next on that browser; when the ended session's account is known, only that
    account may have it. It is never put in a URL and is deleted once given back.
    """

    token = models.CharField(max_length=64, unique=True)
    # The account whose session had just ended, when known: no other account may claim it.
    expected_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    path = models.CharField(_("page"), max_length=500)
    data = models.JSONField(_("posted text"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("kept form")
        verbose_name_plural = _("kept forms")

    def __str__(self) -> str:
        return self.path
