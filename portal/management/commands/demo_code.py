import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from portal.demo.accounts import DEMO_TOTP_KEY

# What to set (manage.py says the same when the settings themselves refuse to load).
HOW_TO_RUN = (
    "The demo accounts' code exists only in the demo world: run `make code`, or set DEBUG=1 "
    "and DEMO_MODE=1 as `make run` does: `DEBUG=1 DEMO_MODE=1 python manage.py demo_code`."
)


class Command(BaseCommand):
    help = "Print the current second-factor code of the demo staff accounts (demo world only)."

    def handle(self, *args, **options):
        # A production site (DEBUG off, no demo banner) has no demo accounts to sign in to.
        if not (settings.DEBUG or settings.DEMO_MODE):
            raise CommandError(HOW_TO_RUN)
        code = TOTP(bytes.fromhex(DEMO_TOTP_KEY)).token()
        seconds_left = 30 - int(time.time()) % 30
        self.stdout.write(f"{code:06d}  (valid for about {seconds_left} more seconds)")
