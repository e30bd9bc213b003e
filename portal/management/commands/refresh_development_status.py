from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from portal.development import stale_schedules
from portal.reference.loaders import load_development_status


class Command(BaseCommand):
    help = (
        "Replace the parties' development status records with portal/reference/"
        "development_status.csv (idempotent) and warn about graduations with no recorded outcome."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            try:
                count = load_development_status()
            except ValueError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Development status: {count} records loaded."))
        for stale in stale_schedules(timezone.localdate()):
            self.stderr.write(
                self.style.WARNING(
                    f"{stale.party_code}: graduation scheduled {stale.scheduled}: {stale.reason}."
                    " Record the outcome in portal/reference/status_records.py and rebuild."
                )
            )
