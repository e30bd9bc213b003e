from django.core.management.base import BaseCommand
from django.db import transaction

from portal.reference.loaders import load_all


class Command(BaseCommand):
    help = (
        "Load or refresh the shipped reference data (parties, their development status, the"
        " Development Agenda). Idempotent."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        counts = load_all()
        self.stdout.write(
            self.style.SUCCESS(
                f"Reference data: {counts['parties']} parties, "
                f"{counts['statuses']} development status records, "
                f"{counts['registry']} clusters and recommendations."
            )
        )
