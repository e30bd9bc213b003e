"""The link from a development need (recommendation 9) to the request it became.

Kept on this side: the need is the core's, and portal imports no feature app (DESIGN.md s.2).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from requests.models.assistance import AssistanceRequest


class NeedRequest(models.Model):
    """A need turned into an assistance request; one request per need."""

    need = models.OneToOneField(
        "portal.Need",
        on_delete=models.PROTECT,
        related_name="request_link",
        verbose_name=_("development need"),
    )
    assistance_request = models.OneToOneField(
        AssistanceRequest,
        on_delete=models.CASCADE,
        related_name="need_link",
        verbose_name=_("assistance request"),
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)

    class Meta:
        verbose_name = _("request made from a need")
        verbose_name_plural = _("requests made from needs")

    def __str__(self) -> str:
        return f"{self.need} → {self.assistance_request.reference}"
