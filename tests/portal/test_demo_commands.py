"""What a newcomer sees: `make run` ends with the accounts, over a quiet log, and
`manage.py demo_code` says what to set instead of failing with a traceback."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from portal.demo.accounts import ACCOUNTS

ROOT = Path(__file__).resolve().parents[2]


# DJANGO_SETTINGS_MODULE too: the suite's own settings module (tests.settings) forces DEBUG on.
PROJECT_VARIABLES = {"DEBUG", "LOG_LEVEL", "DEMO_MODE", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}


def python(*args, **env) -> subprocess.CompletedProcess:
    """Python in a fresh process, with only the given project variables set."""
    clean = {k: v for k, v in os.environ.items() if k not in PROJECT_VARIABLES}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_demo_code_without_debug_names_what_to_set_instead_of_a_traceback():
    result = python("manage.py", "demo_code")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "DEBUG=1" in result.stderr and "DEMO_MODE=1" in result.stderr


def test_demo_code_refuses_outside_the_demo_world_even_when_the_settings_load(settings):
    settings.DEBUG, settings.DEMO_MODE = False, False
    with pytest.raises(CommandError, match="DEBUG=1 and DEMO_MODE=1"):
        call_command("demo_code", stdout=StringIO())


def test_demo_code_prints_a_six_digit_code_in_the_demo_world(settings):
    settings.DEMO_MODE = True
    out = StringIO()
    call_command("demo_code", stdout=out)
    assert re.match(r"\d{6}  \(valid for about \d+ more seconds\)", out.getvalue())


def test_the_log_of_in_process_mail_is_quiet_in_development_unless_log_level_asks():
    probe = (
        "import django, logging; django.setup(); "
        "print(logging.getLevelName(logging.getLogger('celery.app.trace').getEffectiveLevel()),"
        " logging.getLevelName("
        "logging.getLogger('portal.notifications.services').getEffectiveLevel()))"
    )
    settings_env = {"DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": "1"}
    quiet = python("-c", probe, **settings_env)
    assert quiet.stdout.split() == ["WARNING", "WARNING"], quiet.stderr
    chatty = python("-c", probe, **settings_env, LOG_LEVEL="INFO")
    assert chatty.stdout.split() == ["INFO", "INFO"], chatty.stderr


@pytest.mark.django_db
def test_load_demo_lists_the_accounts_last_unless_make_run_lists_them_itself():
    out = StringIO()
    call_command("load_demo", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    assert ACCOUNTS[-1][0] in lines[-2] and "second-factor" in lines[-1]
    quiet = StringIO()
    call_command("load_demo", "--no-accounts", stdout=quiet)
    assert "Demo accounts" not in quiet.getvalue()


def test_make_run_prints_the_accounts_after_the_set_up_and_just_before_the_server():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    steps = [line.strip() for line in recipe.splitlines()[1:] if line.startswith("\t")]
    commands = [re.search(r"manage\.py (\w+)", step).group(1) for step in steps]
    assert commands == ["load_demo", "demo_accounts", "runserver"]
    assert "--no-accounts" in steps[0]
