from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlexibilitiesConfig(AppConfig):
    name = "flexibilities"
    verbose_name = _("Flexibilities database")

    def ready(self):
        from flexibilities import demo, services, tasks
        from portal import demo_loaders, queue
        from portal.services import follow_party_region

        follow_party_region(services.party_saved)
        queue.provide(tasks.run_import)
        demo_loaders.register(self.label, demo.load)
