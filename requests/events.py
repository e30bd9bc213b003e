"""The notification events of assistance requests (portal.notifications.events)."""

from django.utils.translation import gettext_lazy as _

from portal.notifications.events import declare

SUBMITTED = declare("request.submitted", _("Request submitted"))
NEW_SUBMISSION = declare("request.new_submission", _("New request to triage"))
ACKNOWLEDGED = declare("request.acknowledged", _("Request acknowledged"))
INFORMATION_REQUESTED = declare("request.information_requested", _("More information requested"))
ACCEPTED = declare("request.accepted", _("Request accepted"))
DECLINED = declare("request.declined", _("Request declined"))
DELIVERED = declare("request.delivered", _("Request delivered"))
MESSAGE = declare("request.message", _("New message on a request"))
ASSIGNED = declare("request.assigned", _("Request assigned to you"))
INFORMATION_PROVIDED = declare(
    "request.information_provided", _("The party sent the information requested")
)
PAUSED = declare("request.paused", _("Request paused"))
RESUMED = declare("request.resumed", _("Work on the request resumed"))
OVERDUE = declare("reminder.overdue", _("Request past or near its time frame"))
WAITING_ON_PARTY = declare("reminder.waiting_on_party", _("Request waiting on the party"))
