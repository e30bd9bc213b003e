from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsConfig(AppConfig):
    # The label stays "requests"; the HTTP library of that name is never installed (DESIGN.md).
    name = "requests"
    verbose_name = _("Assistance requests")

    def ready(self):
        from portal.activities import permissions as activity_permissions
        from portal.notifications import reminders
        from requests.permissions import staff_activity_scope
        from requests.reminders import overdue_requests, waiting_on_party

        # Activities recorded on a request follow the request's visibility for staff.
        activity_permissions.register_staff_scope(staff_activity_scope)

        reminders.register("requests.overdue", overdue_requests)
        reminders.register("requests.waiting_on_party", waiting_on_party)
