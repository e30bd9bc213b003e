"""A restore drill: `manage.py backup` of a site with a request, a document and its history,
restored by `manage.py restore` into an empty database and an empty storage folder; the
restored portal then serves the same request, the same document bytes and the same history."""

import hashlib
import io
import json
import os
import subprocess
import sys
import urllib.parse
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from requests.models import Status
from requests.services.conversation import add_document
from tests.requests.conftest import PDF, draft, move, pdf

pytestmark = [
    pytest.mark.production,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]

# Run inside the restored portal: what its pages answer, as JSON.
SERVE = """
import hashlib, json, django
django.setup()
from django.test import Client
from portal.models import User
from requests.models import AssistanceRequest, Document
client = Client()
client.force_login(User.objects.get(username="ke-focal"))
document = Document.objects.get()
page = client.get(document.assistance_request.get_absolute_url())
download = client.get(f"/requests/{document.assistance_request.reference}/documents/{document.pk}/")
print(json.dumps({
    "page": page.status_code,
    "reference_shown": document.assistance_request.reference in page.content.decode(),
    "download": download.status_code,
    "sha256": hashlib.sha256(b"".join(download.streaming_content)).hexdigest()
    if download.status_code == 200 else None,
    "history": AssistanceRequest.history.count(),
}))
"""


@pytest.fixture
def empty_database():
    name = f"portal_restored_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(
        dbname="postgres",
        host=connection.settings_dict["HOST"],
        port=connection.settings_dict["PORT"],
        user=connection.settings_dict["USER"],
        password=connection.settings_dict["PASSWORD"],
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    settings = connection.settings_dict
    # The host may be a socket's folder (the checkout's own server): quoted, and no port.
    host = urllib.parse.quote(settings["HOST"] or "", safe="")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    url = urllib.parse.urlunsplit(
        ("postgres", f"{settings['USER']}@{host}{port}", f"/{name}", "", "")
    )
    try:
        yield url
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_backup_restores_into_an_empty_database_and_storage(
    ke_official, ke_focal, settings, tmp_path, empty_database
):
    if connection.vendor != "postgresql":
        pytest.skip("backups need PostgreSQL")
    settings.STORAGES = {
        **django_settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "documents", "base_url": None},
        },
    }
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    document = add_document(submitted, pdf(), actor=ke_focal)
    out = io.StringIO()
    call_command("backup", str(tmp_path / "backup"), stdout=out)
    assert "1 files" in out.getvalue()
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())["files"]
    assert manifest == {document.file.name: hashlib.sha256(PDF).hexdigest()}

    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": empty_database,
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-documents"),
    }
    restore = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path / "backup")],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert restore.returncode == 0, restore.stderr
    assert "Restored the database and 1 files" in restore.stdout
    served = subprocess.run(
        [sys.executable, "-c", SERVE],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert served.returncode == 0, served.stderr
    answer = json.loads(served.stdout.strip().splitlines()[-1])
    from requests.models import AssistanceRequest

    assert answer == {
        "page": 200,
        "reference_shown": True,
        "download": 200,
        "sha256": hashlib.sha256(PDF).hexdigest(),
        "history": AssistanceRequest.history.count(),
    }

    again = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path / "backup")],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert again.returncode != 0 and "not empty" in again.stderr
