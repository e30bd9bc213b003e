"""With STORAGE_URL set, documents live in a private S3 bucket (moto's server here), are read
only through the portal's permission-checked view, and move_files_to_storage brings the files
of a folder over, each verified by checksum."""

import hashlib
import io

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.urls import reverse

from portal.env import env_s3_storage
from requests.services.conversation import add_document
from tests.conftest import client_for
from tests.requests.conftest import PDF, pdf
from tests.s3_server import ACCESS_KEY, SECRET_KEY, PrivateS3

pytestmark = pytest.mark.django_db

BUCKET = "portal-documents"


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    server = PrivateS3(tmp_path_factory.mktemp("s3"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch, tmp_path):
    """STORAGE_URL pointing at a fresh bucket; the disk folder it replaces, for the move."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("STORAGE_URL", s3_server.storage_url(BUCKET))
    client = s3_server.client()
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": env_s3_storage("STORAGE_URL"),
        },
    }
    yield client
    for entry in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=entry["Key"])
    client.delete_bucket(Bucket=BUCKET)


def download(user, document):
    url = reverse("requests:document", args=[document.assistance_request.reference, document.pk])
    return client_for(user).get(url)


def test_an_upload_goes_to_the_private_bucket_and_is_read_only_through_the_portal(
    bucket, ke_submitted, ke_focal, cl_official
):
    document = add_document(ke_submitted, pdf(), actor=ke_focal)
    stored = bucket.get_object(Bucket=BUCKET, Key=document.file.name)
    assert stored["Body"].read() == PDF
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=document.file.name)["Grants"]
    assert not [g for g in grants if "AllUsers" in str(g.get("Grantee", {}).get("URI", ""))]

    response = download(ke_focal, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "Location" not in response  # streamed through the view, no public or signed URL
    assert download(cl_official, document).status_code == 404  # another party's document


def test_a_document_missing_from_the_bucket_is_a_clear_404(bucket, ke_submitted, ke_focal):
    document = add_document(ke_submitted, pdf(), actor=ke_focal)
    bucket.delete_object(Bucket=BUCKET, Key=document.file.name)
    response = download(ke_focal, document)
    assert response.status_code == 404
    assert b"draft-law.pdf" in response.content


def test_move_files_to_storage_copies_every_file_and_verifies_it(
    s3_server, ke_submitted, ke_focal, settings, tmp_path, monkeypatch
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path, "base_url": None},
        },
    }
    on_disk = add_document(ke_submitted, pdf(), actor=ke_focal)
    assert isinstance(default_storage._wrapped, FileSystemStorage)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("STORAGE_URL", s3_server.storage_url("moved-documents"))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": env_s3_storage("STORAGE_URL"),
        },
    }
    out = io.StringIO()
    call_command("move_files_to_storage", source=str(tmp_path), stdout=out)
    assert "1 copied, 0 already there, 0 failed." in out.getvalue()
    body = s3_server.client().get_object(Bucket="moved-documents", Key=on_disk.file.name)["Body"]
    assert (
        hashlib.sha256(body.read()).hexdigest() == on_disk.sha256 == hashlib.sha256(PDF).hexdigest()
    )
    assert b"".join(download(ke_focal, on_disk).streaming_content) == PDF

    again = io.StringIO()
    call_command("move_files_to_storage", source=str(tmp_path), stdout=again)
    assert "0 copied, 1 already there, 0 failed." in again.getvalue()
