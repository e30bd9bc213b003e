"""Rebuild every provision's search vector and the typo vocabulary, in batches.

Run it after editing a flexibility's or a party's names (their words are in the vectors of
their provisions) or after loading provisions by other means than the services.
"""

from django.core.management.base import BaseCommand

from flexibilities.search_index import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the search vectors of all provisions and the search vocabulary."

    def handle(self, *args, **options):
        def report(done: int, total: int) -> None:
            self.stdout.write(f"{done}/{total} provisions")

        total = rebuild_all(report)
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the search index of {total} provisions."))
