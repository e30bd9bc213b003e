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

        from portal.notifications import events

        events.discover()
        from portal import admin_guards

        admin_guards.install()  # a bad admin query value is a bad filter, never a 500
