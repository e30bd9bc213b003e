from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlexibilitiesConfig(AppConfig):
    name = "flexibilities"
    verbose_name = _("Flexibilities database")

    def ready(self):
        from flexibilities import demo, tasks
        from portal import demo_loaders, queue

        queue.provide(tasks.run_import)
        demo_loaders.register(self.label, demo.load)
