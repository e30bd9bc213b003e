from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from portal import demo_loaders

DUMMY_MAIL = "django.core.mail.backends.dummy.EmailBackend"


class Command(BaseCommand):
    help = (
        "Load the demo world (clearly marked as demo) on top of the reference data: accounts, "
        "then the demo objects of each app, by the loader it registered. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts",
            dest="accounts",
            action="store_false",
            help="Do not list the accounts at the end (`make run` lists them after everything).",
        )

    def handle(self, *args, **options):
        call_command("load_reference_data", stdout=self.stdout)
        # The demo world's notifications are delivered to nobody: the addresses are invented
        # (@demo.invalid) and printing a hundred e-mails would bury the accounts below.
        with override_settings(EMAIL_BACKEND=DUMMY_MAIL), transaction.atomic():
            for label, load in demo_loaders.loaders():
                self.stdout.write(f"Demo data for {label}: {load()}")
        if options["accounts"]:
            call_command("demo_accounts", stdout=self.stdout)
