from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "enforcement"
    verbose_name = _("IPR enforcement")

    def ready(self):
        from enforcement import demo
        from portal import demo_loaders

        demo_loaders.register(self.label, demo.load)
