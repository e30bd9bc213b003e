from django.core.management.base import BaseCommand

from portal.demo.accounts import ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print where the demo portal is and its accounts (`make run` prints this last)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="Where it is served.")

    def handle(self, *args, url, **options):
        self.stdout.write("")
        self.stdout.write(f"The portal is at {url}  (staff administration: {url}admin/)")
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (password for all: {DEMO_PASSWORD}):"))
        for username, description in ACCOUNTS:
            self.stdout.write(f"  {username:<14} {description}")
        self.stdout.write(
            "Staff accounts then ask for a second-factor code: `make code` (in another terminal) "
            "prints the demo authenticator's current one."
        )
        self.stdout.write("")
