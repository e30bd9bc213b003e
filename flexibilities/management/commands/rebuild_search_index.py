"""Rebuild every flexibility's, party's and provision's search vector and the typo vocabulary,
in batches.

Run it after loading provisions, flexibilities or parties by other means than the services
(saving a flexibility or a party through them rewrites its own vector; provisions do not copy
it).
"""

from django.core.management.base import BaseCommand

from flexibilities.search_index import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the search vectors of flexibilities, parties, provisions, and the vocabulary."

    def handle(self, *args, **options):
        def report(done: int, total: int) -> None:
            self.stdout.write(f"{done}/{total} provisions")

        total = rebuild_all(report)
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the search index of {total} provisions."))
