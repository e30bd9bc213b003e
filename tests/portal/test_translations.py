"""The five translated languages are complete: every interface string extracted, translated,
with its placeholders and the language's plural forms, compiled; the glossary agrees with them."""

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
# English is the source language; each of these has every string translated.
COMPLETE = ["fr", "es", "ar", "zh_Hans", "ru"]
PLURAL_FORMS = {"fr": 2, "es": 2, "ar": 6, "zh_Hans": 1, "ru": 3}
IGNORE = [".venv/*", "var/*", "tests/*", "scripts/*", "node_modules/*"]
SKIP_COPY = [".venv", ".git", "node_modules", "var", "docs", "__pycache__", "tests"]
GLOSSARY = ROOT / "locale" / "glossary.csv"
# %(name)s and its kin, a bare %s or %d, and str.format's {name}.
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrx]|%[sdif]|\{\w*\}")


def catalogue(language: str, root: Path = ROOT / "locale") -> polib.POFile:
    return polib.pofile(str(root / language / "LC_MESSAGES" / "django.po"))


def missing(po: polib.POFile) -> list[str]:
    return [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text.replace("%%", "")))


def translations(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("language", COMPLETE)
def test_the_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    assert missing(catalogue(language)) == []


@pytest.mark.parametrize("language", COMPLETE)
def test_every_translation_keeps_the_placeholders_of_its_source(language):
    """A dropped %(count)s shows the wrong text; an invented one raises KeyError at runtime."""
    wrong = []
    for entry in catalogue(language).translated_entries():
        # Each plural form must name what the plural source names (its count included).
        expected = placeholders(entry.msgid_plural or entry.msgid)
        allowed = expected | placeholders(entry.msgid)
        for text in translations(entry):
            found = placeholders(text)
            if not expected <= found or not found <= allowed:
                wrong.append(f"{entry.msgid!r} -> {text!r}")
    assert wrong == [], f"{language}: placeholders differ from the source in {wrong}"


@pytest.mark.parametrize("language", COMPLETE)
def test_plural_entries_have_the_number_of_forms_of_the_language(language):
    po = catalogue(language)
    count = PLURAL_FORMS[language]
    assert f"nplurals={count};" in po.metadata["Plural-Forms"].replace(" ", "")
    wrong = [
        entry.msgid
        for entry in po.translated_entries()
        if entry.msgid_plural and sorted(entry.msgstr_plural) != list(range(count))
    ]
    assert wrong == [], f"{language}: these need exactly {count} plural forms: {wrong}"


@pytest.mark.parametrize("language", COMPLETE)
def test_the_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): translations(entry) for entry in mo}
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"not compiled: {entry.msgid!r} (run make messages)"
        assert compiled[key] == translations(entry), f"out of date: {entry.msgid!r}"


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


def glossary() -> list[dict[str, str]]:
    with GLOSSARY.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_glossary_gives_every_term_in_every_language():
    rows = glossary()
    assert rows, "locale/glossary.csv is empty"
    assert list(rows[0]) == ["english", *COMPLETE, "note"]
    gaps = [(row["english"], lang) for row in rows for lang in COMPLETE if not row[lang].strip()]
    assert gaps == []
    assert not list((ROOT / "locale").glob("*/glossary.csv")), "one glossary, beside the catalogues"


def same_term(language: str, text: str) -> str:
    """The term without case, and in Arabic without the article: labels use the definite form."""
    text = text.strip().casefold()
    if language == "ar":
        text = " ".join(word.removeprefix("ال") for word in text.split())
    return text


@pytest.mark.parametrize("language", COMPLETE)
def test_the_catalogue_says_a_glossary_term_as_the_glossary_does(language):
    """Where a term is itself a msgid ("focal point", "time frame"), the translations agree."""
    by_msgid = {}
    for entry in catalogue(language).translated_entries():
        if not entry.msgid_plural and not entry.msgctxt:
            by_msgid.setdefault(entry.msgid.casefold(), entry.msgstr)
    checked, differ = 0, []
    for row in glossary():
        said = by_msgid.get(row["english"].casefold())
        if said is None:
            continue
        checked += 1
        if same_term(language, said) != same_term(language, row[language]):
            differ.append(f"{row['english']}: glossary {row[language]!r}, catalogue {said!r}")
    assert checked >= 30, "the glossary no longer names the interface's terms"
    assert differ == [], f"{language}: {differ}"
