"""Settings come from the environment and refuse to start on a bad or missing value."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 30 + "-a-production-like-secret-key-of-fifty-chars",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal@db.example:5432/portal",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # manage.py chooses portal.settings itself; the suite's own settings module must not leak in.
    dropped = {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_a_malformed_boolean_names_its_variable():
    result = manage("check", **{**PRODUCTION, "DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_typed_helpers_read_and_reject(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "yes")
    monkeypatch.setenv("SOME_NUMBER", "12")
    monkeypatch.setenv("SOME_LIST", "a.org, b.org,,")
    assert env_bool("SOME_FLAG", False) is True
    assert env_int("SOME_NUMBER", 0) == 12
    assert env_list("SOME_LIST", []) == ["a.org", "b.org"]
    monkeypatch.setenv("SOME_NUMBER", "twelve")
    with pytest.raises(ImproperlyConfigured, match="SOME_NUMBER must be a whole number"):
        env_int("SOME_NUMBER", 0)


def test_tasks_run_eagerly_without_a_broker_and_not_with_one():
    code = "from django.conf import settings; print(settings.CELERY_TASK_ALWAYS_EAGER)"
    base = {"DEBUG": "1", "DJANGO_SETTINGS_MODULE": "portal.settings"}
    without = manage("shell", "-c", code, **base, CELERY_BROKER_URL="")
    with_broker = manage("shell", "-c", code, **base, CELERY_BROKER_URL="redis://127.0.0.1:6379/0")
    assert without.stdout.split()[-1] == "True"
    assert with_broker.stdout.split()[-1] == "False"


def test_postgresql_is_used_when_database_url_says_so():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = manage("shell", "-c", code, DEBUG="1", DATABASE_URL="postgres://u@db.example:5432/p")
    assert result.stdout.split()[-1] == "django.db.backends.postgresql"


@pytest.mark.parametrize("debug", ["0", "1"])
def test_templates_and_widgets_are_compiled_once_per_process_with_debug_on_or_off(debug):
    """Django's cached loader, in production and in development alike (Django 4.1 and later
    use it whenever TEMPLATES names no loaders; runserver clears it on a template change),
    and the form widgets rendered through that same engine (FORM_RENDERER)."""
    code = (
        "from django.forms.renderers import get_default_renderer; "
        "from django.template import engines; "
        "engine = engines['django'].engine; "
        "print(type(engine.template_loaders[0]).__module__, "
        "type(get_default_renderer()).__name__)"
    )
    env = {**PRODUCTION, "DEBUG": debug}
    result = manage("shell", "-c", code, **env)
    # TemplatesSetting: the widgets' templates come from engines["django"], the cached one.
    assert result.stdout.split()[-2:] == [
        "django.template.loaders.cached",
        "TemplatesSetting",
    ], result.stderr


def test_a_storage_url_becomes_a_private_bucket_and_a_bad_one_names_its_variable(monkeypatch):
    from portal.env import env_s3_storage

    assert env_s3_storage("STORAGE_URL_UNSET") is None
    monkeypatch.setenv("STORE", "s3://docs?endpoint_url=http://storage:8333&addressing_style=path")
    options = env_s3_storage("STORE")
    assert options["bucket_name"] == "docs"
    assert options["endpoint_url"] == "http://storage:8333"
    assert options["default_acl"] == "private" and options["querystring_expire"] <= 60
    for bad in ("https://docs", "s3://", "s3://docs/sub", "s3://docs?public=1"):
        monkeypatch.setenv("STORE", bad)
        with pytest.raises(ImproperlyConfigured, match="STORE"):
            env_s3_storage("STORE")
