"""The notification events of the core app (portal.notifications.events)."""

from django.utils.translation import gettext_lazy as _

from portal.notifications.events import declare

PASSWORD_RESET = declare("account.password_reset", _("Password reset link"))
