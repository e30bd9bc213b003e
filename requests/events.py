"""The notification events of assistance requests (portal.notifications.events)."""

from django.utils.translation import gettext_lazy as _

from portal.notifications.events import declare

SUBMITTED = declare("request.submitted", _("Request submitted"))
NEW_SUBMISSION = declare("request.new_submission", _("New request to triage"))
# The draft hand-over inside the party.
READY_FOR_FOCAL_POINT = declare(
    "request.ready_for_focal_point", _("A draft is ready for you to submit")
)
SENT_BACK = declare("request.sent_back", _("Your focal point sent a draft back"))
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
ACTIVITY_LINKED = declare(
    "request.activity_linked", _("An activity from a concluded match joined the request")
)
PAUSED = declare("request.paused", _("Request paused"))
RESUMED = declare("request.resumed", _("Work on the request resumed"))
OVERDUE = declare("reminder.overdue", _("Request past or near its time frame"))
WAITING_ON_PARTY = declare("reminder.waiting_on_party", _("Request waiting on the party"))
