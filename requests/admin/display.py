"""How the desk shows a request's values: words, not codes (choices, legal areas, countdown)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from requests.models import OPEN_STATUSES, PAUSED_STATUSES, AssistanceRequest


def countdown(assistance_request: AssistanceRequest) -> str:
    """ "due in 5 days", "3 days overdue", "paused for 2 days"; empty once no longer open."""
    if assistance_request.status not in OPEN_STATUSES:
        return ""
    today = timezone.localdate()
    if assistance_request.status in PAUSED_STATUSES and assistance_request.waiting_since:
        days = (today - timezone.localdate(assistance_request.waiting_since)).days
        return ngettext(
            "paused for %(days)d day: the time frame moves on",
            "paused for %(days)d days: the time frame moves on",
            days,
        ) % {"days": days}
    time_frame = assistance_request.time_frame
    if time_frame is None:
        return _("no time frame yet")
    days = (time_frame - today).days
    if days == 0:
        return _("due today")
    if days > 0:
        return ngettext("due in %(days)d day", "due in %(days)d days", days) % {"days": days}
    return ngettext("%(days)d day overdue", "%(days)d days overdue", -days) % {"days": -days}


def is_late(assistance_request: AssistanceRequest) -> bool:
    return (
        assistance_request.status in OPEN_STATUSES - PAUSED_STATUSES
        and assistance_request.is_overdue
    )
