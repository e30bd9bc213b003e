import functools

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Django REST framework imports `requests` if it can and takes it for the HTTP library
        # (rest_framework.compat); what it finds is our `requests/` app. Tell it the library
        # is absent, as it is, before anything imports rest_framework.test.
        from rest_framework import compat

        if not hasattr(compat.requests, "Session"):
            compat.requests = None

        from portal import demo, demo_loaders, queue
        from portal.events import PASSWORD_RESET
        from portal.notifications import events, rendering, tasks
        from portal.security import kept_forms  # noqa: F401  (connects its sign-in receiver)
        from portal.security.password_reset import reset_context

        events.discover()
        demo_loaders.register(self.label, demo.load)
        queue.provide(tasks.deliver_notification_task)
        rendering.register_secret_maker(PASSWORD_RESET.key, reset_context)
        _refuse_out_of_range_date_drill_downs()


def _refuse_out_of_range_date_drill_downs() -> None:
    """Every admin list answers an out-of-range drill-down year as a bad lookup, not a 500.

    Django 5.2 catches only ValueError around the drill-down's dates, so ?<field>__year=9999
    (its following year overflows) or 99999999999 (OverflowError) escapes as a 500 on every
    list with a date_hierarchy, third-party ones included. Django fixed this upstream after 5.2
    (ticket #37357); until the project runs a release with the fix, the same conversion is
    applied here. The list then redirects to ?e=1, as for any other bad filter.
    """
    from django.contrib.admin.options import IncorrectLookupParameters
    from django.contrib.admin.views.main import ChangeList

    get_filters = ChangeList.get_filters
    if getattr(get_filters, "refuses_out_of_range", False):
        return

    @functools.wraps(get_filters)
    def checked_get_filters(self, request):
        try:
            return get_filters(self, request)
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error

    checked_get_filters.refuses_out_of_range = True
    ChangeList.get_filters = checked_get_filters
