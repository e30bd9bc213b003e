from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsConfig(AppConfig):
    # The label stays "requests"; the HTTP library of that name is never installed (DESIGN.md).
    name = "requests"
    verbose_name = _("Assistance requests")

    def ready(self):
        from portal import demo_loaders, queue
        from portal.activities import permissions as activity_permissions
        from portal.matching.services import register_concluded_hook
        from portal.notifications import reminders
        from portal.services import follow_party_region
        from requests import demo, demo_activities
        from requests.permissions import staff_activity_scope
        from requests.reminders import overdue_requests, waiting_on_party
        from requests.review import tasks as review_tasks
        from requests.services.drafting import restamp_region
        from requests.services.needs import link_match_activity

        # Activities recorded on a request follow the request's visibility for staff.
        activity_permissions.register_staff_scope(staff_activity_scope)
        # An accepted match's activity joins the request its need became (recommendation 9).
        register_concluded_hook(link_match_activity)
        # A party's requests carry its region, which the bureau's scope filters on.
        follow_party_region(restamp_region)

        queue.provide(review_tasks.build_review_report_task)
        # The demo activities hang on the demo requests: loaded after them.
        demo_loaders.register(self.label, demo.load)
        demo_loaders.register(f"{self.label} (activities)", demo_activities.load)
        reminders.register("requests.overdue", overdue_requests)
        reminders.register("requests.waiting_on_party", waiting_on_party)
