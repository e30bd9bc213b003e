"""The notification events of the core (portal.notifications.events finds this module)."""

from django.utils.translation import gettext_lazy as _

from portal.notifications.events import declare

PASSWORD_RESET = declare("account.password_reset", _("Password reset link"))
MATCH_PROPOSED = declare("match.proposed", _("A match is proposed to you"))
MATCH_ACCEPTED = declare("match.accepted", _("A match was accepted"))
MATCH_DECLINED = declare("match.declined", _("A match was declined"))
NEEDS_DIGEST = declare("match.digest", _("Weekly digest of new needs that fit your offers"))
CONSENT_CARRIED_OVER = declare(
    "activity.consent_carried_over", _("Consent given on a request applied to an activity")
)
APPLICATION_WAITING = declare(
    "provider_application.waiting", _("A provider application waits for a decision")
)
