#!/usr/bin/env python
"""Django's command-line utility for the assistance portal."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        from django.conf import settings

        if settings.configured:
            raise  # not the settings: a real fault, with its traceback
        # The settings refused the environment: say what to set, not a traceback.
        sys.exit(f"{os.path.basename(sys.argv[0])}: {error}\n{_hint(sys.argv[1:2])}")


def _hint(command: list[str]) -> str:
    # Plain text here: importing the project to ask it would need the settings that failed.
    if command == ["demo_code"]:
        return (
            "The demo accounts' code exists only in the demo world: run `make code`, or set "
            "DEBUG=1 and DEMO_MODE=1 as `make run` does: "
            "`DEBUG=1 DEMO_MODE=1 python manage.py demo_code`."
        )
    return (
        "For development and the demo, set DEBUG=1 (as `make run` does); in production, set "
        "the variables README.md lists under Configuration."
    )


if __name__ == "__main__":
    main()
