"""French and Spanish are complete: every interface string is extracted and translated."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = ["fr", "es"]
IGNORE = [".venv/*", "var/*", "tests/*", "scripts/*", "node_modules/*"]
SKIP_COPY = [".venv", ".git", "node_modules", "var", "docs", "db.sqlite3", "__pycache__", "tests"]


def catalogue(language: str, root: Path = ROOT / "locale") -> polib.POFile:
    return polib.pofile(str(root / language / "LC_MESSAGES" / "django.po"))


def missing(po: polib.POFile) -> list[str]:
    return [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]


@pytest.mark.parametrize("language", COMPLETE)
def test_the_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    assert missing(catalogue(language)) == []


@pytest.mark.parametrize("language", COMPLETE)
def test_the_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"not compiled: {entry.msgid!r} (run make messages)"
        if not entry.msgid_plural:
            assert compiled[key] == entry.msgstr, entry.msgid


def test_every_string_in_the_code_is_in_the_catalogues_and_translated(tmp_path):
    """Extract afresh into a scratch copy: a string added but never extracted fails here."""
    if shutil.which("xgettext") is None:
        if os.environ.get("REQUIRE_GETTEXT"):
            pytest.fail("GNU gettext is missing: apt-get install gettext")
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    # makemessages writes beside the files it reads, so it runs on a copy of the project.
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(*SKIP_COPY))
    command = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "-v", "0"]
    command += [arg for pattern in IGNORE for arg in ("--ignore", pattern)]
    command += [arg for language in COMPLETE for arg in ("-l", language)]
    env = {**os.environ, "DEBUG": "1", "LOCALE_DIR": str(project / "locale")}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"  # the copy has no tests package
    subprocess.run(command, cwd=project, env=env, check=True, timeout=300)
    for language in COMPLETE:
        untranslated = missing(catalogue(language, project / "locale"))
        assert untranslated == [], f"{language}: run `make messages` and translate {untranslated}"
