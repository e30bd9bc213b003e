"""What the party's focal point says of a request: consent to publish, and the rating."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import User
from requests.models import AssistanceRequest, ConsentChange, Feedback
from requests.permissions import can_consent, can_rate, is_requesting_focal_point
from requests.services.activities import propagate_consent


@transaction.atomic
def set_consent(
    assistance_request: AssistanceRequest, *, actor: User, general: bool, details: bool
) -> AssistanceRequest:
    """Record the focal point's consent (recommendation 5); details need general consent too."""
    if not can_consent(actor, assistance_request):
        raise PermissionDenied
    if details and not general:
        raise ValidationError(
            {"details": _("Details can be shared only if general information may be published.")}
        )
    locked = AssistanceRequest.objects.select_for_update().get(pk=assistance_request.pk)
    if (locked.consent_general, locked.consent_details) == (general, details):
        return locked
    locked.consent_general, locked.consent_details = general, details
    locked.changed_by(actor)
    locked.save(update_fields=["consent_general", "consent_details"])
    ConsentChange.objects.create(
        assistance_request=locked, general=general, details=details, by=actor
    )
    # The same consent governs the activities delivered on the request (recommendation 5).
    propagate_consent(locked, actor=actor, general=general, details=details)
    return locked


@transaction.atomic
def give_feedback(assistance_request: AssistanceRequest, *, actor: User, **scores: Any) -> Feedback:
    """The focal point rates a delivered request once: relevance, timeliness, quality (1-5)."""
    locked = AssistanceRequest.objects.select_for_update().get(pk=assistance_request.pk)
    if not is_requesting_focal_point(actor, locked):
        raise PermissionDenied
    if not can_rate(actor, locked):  # locked: two quick submissions cannot both rate
        raise ValidationError(_("Only the focal point rates a delivered request, once."))
    for field in ("relevance", "timeliness", "quality"):
        if scores.get(field) not in range(1, 6):
            raise ValidationError({field: _("Give a score from 1 to 5.")})
    return Feedback.objects.create(
        assistance_request=locked,
        given_by=actor,
        relevance=scores["relevance"],
        timeliness=scores["timeliness"],
        quality=scores["quality"],
        comment=(scores.get("comment") or "").strip(),
    )
