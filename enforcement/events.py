"""The notification events of enforcement country reports (portal.notifications.events)."""

from django.utils.translation import gettext_lazy as _

from portal.notifications.events import declare

REPORT_FOR_REVIEW = declare(
    "enforcement.report_for_review", _("Country report awaiting your review")
)
REPORT_APPROVED = declare("enforcement.report_approved", _("Country report approved by the party"))
REPORT_RETURNED = declare("enforcement.report_returned", _("Country report returned with comments"))
