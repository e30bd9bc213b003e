"""Every problem the import reports to staff is marked for translation, placeholders named."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from tests.conftest import client_for, make_user

ROOT = Path(__file__).resolve().parents[2]
# The import's checks, the category's own check of an option, and the CSV reader.
REPORTING_MODULES = ["flexibilities/imports.py", "flexibilities/models.py", "portal/csv_import.py"]

REPORTED = [
    "The file must be a .csv or a .json file.",
    "The file is empty.",
    "The file is not UTF-8 text.",
    "Unreadable CSV: %(error)s.",
    "Unknown column(s): %(columns)s.",
    "Missing required column(s): %(columns)s.",
    "The column “%(name)s” appears more than once in the header; keep one.",
    "Invalid JSON: %(error)s.",
    'Expected a list of records or {"provisions": [...]}.',
    "Malformed record: %(values)s values for %(columns)s columns.",
    "The file is not UTF-8 text; save it as “CSV UTF-8”.",
    "a record must be an object",
    "Malformed record: %(problem)s.",
    "Unknown field.",
    "Required.",
    "Longer than %(limit)s characters.",
    "Unknown party code %(code)s.",
    "Unknown category %(category)s.",
    "Not an ISO 639-1 language code.",
    "Expected true or false.",
    "Not an http(s) address.",
    "none (leave it empty)",
    "Not an option of this category: %(allowed)s.",
    "Expected a date as YYYY-MM-DD.",
    "Before the date of the law.",
    "In the future.",
    "Same provision as line %(line)s (party, category, law, article).",
    "Expected text.",
    "Contains a control character.",
]


def test_every_import_problem_is_extracted_for_translation(tmp_path):
    """What makemessages would extract from the modules that report import problems (run on
    them alone, into a scratch file)."""
    if shutil.which("xgettext") is None:
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    output = tmp_path / "imports.po"
    subprocess.run(
        ["xgettext", "--language=Python", "--keyword=_", "--keyword=gettext",
         "--from-code=UTF-8", "-o", str(output), *REPORTING_MODULES],
        cwd=ROOT, check=True, timeout=60,
    )  # fmt: skip
    extracted = {entry.msgid for entry in polib.pofile(str(output))} if output.exists() else set()
    assert [message for message in REPORTED if message not in extracted] == []


@pytest.fixture
def french_catalogue_with(request):
    """Adds entries to the French catalogue for one test, then takes them out again."""
    catalogue = trans_real.translation("fr")._catalog
    added = []

    def add(msgid: str, msgstr: str) -> None:
        catalogue[msgid] = msgstr
        added.append(msgid)

    yield add
    for msgid in added:
        for layer in catalogue._catalogs:
            layer.pop(msgid, None)


@pytest.mark.django_db
def test_the_admin_upload_form_says_the_wrong_file_type_in_the_active_language(
    french_catalogue_with,
):
    french_catalogue_with(
        "The file must be a .csv or a .json file.", "Le fichier doit être un .csv ou un .json."
    )
    staff = make_user("curator", is_staff=True, is_superuser=True)
    upload = SimpleUploadedFile("provisions.xlsx", b"party,category\n")
    with translation.override("fr"):
        url = reverse("admin:flexibilities_provision_import")
    response = client_for(staff).post(
        url, {"file": upload}, headers={"accept-language": "fr"}, follow=False
    )
    assert "Le fichier doit être un .csv ou un .json." in response.content.decode()
