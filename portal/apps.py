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

        from portal import admin_guards, demo, demo_loaders, queue
        from portal.events import PASSWORD_RESET
        from portal.notifications import events, rendering, tasks
        from portal.security import kept_forms  # noqa: F401  (connects its sign-in receiver)
        from portal.security.password_reset import reset_context

        events.discover()
        demo_loaders.register(self.label, demo.load)
        queue.provide(tasks.deliver_notification_task)
        rendering.register_secret_maker(PASSWORD_RESET.key, reset_context)

        admin_guards.install()  # a bad admin query value is a bad filter, never a 500
