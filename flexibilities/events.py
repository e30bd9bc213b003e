"""The notification events of the flexibilities database (portal.notifications.events)."""

from django.utils.translation import gettext_lazy as _

from portal.notifications.events import declare

CHANGED = declare(
    "flexibilities.changed", _("Provisions you follow in the flexibilities database changed")
)
