"""Uploads: only allowed types, checked by content as well as name; safe names; size limit."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.uploads import check_upload, safe_name
from requests.models import Document
from tests.conftest import client_for
from tests.requests.conftest import PDF, pdf

pytestmark = pytest.mark.django_db


def upload(client, assistance_request, file):
    return client.post(
        reverse("requests:upload", args=[assistance_request.reference]),
        {"file": file, "kind": "supporting"},
    )


def docx(*, macros=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<w:document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00" * 16)
    return buffer.getvalue()


def test_an_accepted_pdf_is_stored_privately_with_its_checksum(ke_official, ke_submitted):
    response = upload(client_for(ke_official), ke_submitted, pdf("comments.pdf"))
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.original_name == "comments.pdf"
    assert document.size == len(PDF) and len(document.sha256) == 64
    assert document.content_type == "application/pdf"
    assert "comments" not in document.file.name or document.file.name.startswith("documents/")


def test_a_file_of_the_wrong_type_is_refused_beside_the_field(ke_official, ke_submitted):
    response = upload(
        client_for(ke_official), ke_submitted, SimpleUploadedFile("tool.exe", b"MZ\x90\x00")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "not an accepted type" in html and 'id="id_file_error"' in html
    assert Document.objects.count() == 0


def test_a_file_whose_content_disagrees_with_its_name_is_refused(ke_official, ke_submitted):
    disguised = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 this is a program")
    response = upload(client_for(ke_official), ke_submitted, disguised)
    assert response.status_code == 400
    assert "is not a PDF file" in response.content.decode()
    assert Document.objects.count() == 0


def test_an_oversized_file_is_refused(ke_official, ke_submitted, settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    response = upload(client_for(ke_official), ke_submitted, big)
    assert response.status_code == 400
    assert "the largest accepted is 1.0" in response.content.decode()
    assert Document.objects.count() == 0


def test_word_files_with_macros_are_refused_and_without_are_accepted():
    clean = SimpleUploadedFile("law.docx", docx())
    assert check_upload(clean).content_type.endswith("wordprocessingml.document")
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("law.docx", docx(macros=True)))
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("law.docm", docx(macros=True)))


def test_macros_are_accepted_only_when_the_organisation_allows_them(settings):
    with pytest.raises(ValidationError, match="contains macros"):
        check_upload(SimpleUploadedFile("law.docx", docx(macros=True)))
    settings.DOCUMENT_ALLOW_MACROS = True
    assert check_upload(SimpleUploadedFile("law.docx", docx(macros=True))).size


def refuse_everything(upload):
    """A stand-in virus scanner that finds every file infected."""
    raise ValidationError("The virus scanner refused this file.")


def test_the_configured_virus_scanner_sees_every_upload(ke_official, ke_submitted, settings):
    settings.DOCUMENT_SCANNER = "tests.requests.test_documents.refuse_everything"
    response = upload(client_for(ke_official), ke_submitted, pdf("clean.pdf"))
    assert response.status_code == 400
    assert "The virus scanner refused this file." in response.content.decode()
    assert Document.objects.count() == 0


def test_plain_text_must_be_text():
    assert check_upload(SimpleUploadedFile("notes.txt", "Commentaires: été".encode())).size
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("notes.txt", b"\x00\x01binary"))


@pytest.mark.parametrize(
    ("hostile", "safe"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\evil.PDF", "evil.pdf"),
        ('<script>alert("x")</script>.pdf', "script.pdf"),
        ("   .pdf", "document.pdf"),
        ("a" * 300 + ".pdf", "a" * 120 + ".pdf"),
    ],
)
def test_hostile_file_names_are_made_safe(hostile, safe):
    assert safe_name(hostile) == safe


def test_a_hostile_name_is_stored_and_sent_back_safely(ke_official, ke_submitted):
    client = client_for(ke_official)
    upload(client, ke_submitted, pdf('../../<b>"law".pdf'))
    document = Document.objects.get()
    assert "/" not in document.original_name and "<" not in document.original_name
    response = client.get(reverse("requests:document", args=[ke_submitted.reference, document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_a_staff_download_is_recorded_for_the_focal_point(ke_submitted, ke_focal, triage):
    from requests.services.conversation import add_document

    document = add_document(ke_submitted, pdf(), actor=ke_focal)
    client_for(triage).get(reverse("requests:document", args=[ke_submitted.reference, document.pk]))
    html = client_for(ke_focal).get(ke_submitted.get_absolute_url()).content.decode()
    assert "Who at the organisation opened this request" in html
    assert "triage" in html and "draft-law.pdf" in html


def zip_bomb(*, unpacked_mb: int) -> bytes:
    """A Word file whose one member is megabytes of zeros: a few kilobytes on the wire."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w") as member:
            for _ in range(unpacked_mb):
                member.write(b"\x00" * 1024 * 1024)
    return buffer.getvalue()


def test_an_office_file_that_would_unpack_past_the_limit_is_refused_beside_the_field(
    ke_official, ke_submitted, settings
):
    settings.DOCUMENT_MAX_UNPACKED_MB = 10
    bomb = zip_bomb(unpacked_mb=30)
    assert len(bomb) < 100 * 1024
    response = upload(client_for(ke_official), ke_submitted, SimpleUploadedFile("law.docx", bomb))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_file_error"' in html and "would unpack to more than 10.0" in html
    assert Document.objects.count() == 0


def lying_about_its_sizes(archive: bytes, *, declared: int) -> bytes:
    """The archive with every member's unpacked size, local and central, rewritten to lie."""
    data = bytearray(archive)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(signature)
        while start != -1:
            data[start + offset : start + offset + 4] = declared.to_bytes(4, "little")
            start = data.find(signature, start + 4)
    return bytes(data)


def test_an_office_file_whose_directory_lies_about_its_sizes_is_measured_by_unpacking(
    ke_official, ke_submitted, settings
):
    settings.DOCUMENT_MAX_UNPACKED_MB = 10
    liar = lying_about_its_sizes(zip_bomb(unpacked_mb=30), declared=1024)
    with zipfile.ZipFile(io.BytesIO(liar)) as archive:  # the directory claims a few kilobytes
        assert sum(member.file_size for member in archive.infolist()) < 10 * 1024
    response = upload(client_for(ke_official), ke_submitted, SimpleUploadedFile("law.docx", liar))
    assert response.status_code == 400
    assert "would unpack to more than 10.0" in response.content.decode()
    assert Document.objects.count() == 0


def test_an_office_file_within_the_unpacked_limit_is_accepted(settings):
    settings.DOCUMENT_MAX_UNPACKED_MB = 10
    assert check_upload(SimpleUploadedFile("law.docx", zip_bomb(unpacked_mb=5))).size
