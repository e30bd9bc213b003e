"""What a document upload must be: an allowed type by its content as well as its name.

Types are recognised from the first bytes with `filetype`; a name whose extension disagrees
with the content is refused, and so are macro-bearing Office files and Office files (zip
archives inside) that would unpack to more than DOCUMENT_MAX_UNPACKED_MB, measured by unpacking
them with a running cap (an archive's directory may lie about its sizes).
"""

import copy
import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.module_loading import import_string
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

# extension -> content type it must have (recognised by filetype, or text for the text ones)
ALLOWED = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain",
    "csv": "text/csv",
}
_TEXT = {"txt", "csv"}
_ZIP_BASED = {"docx", "xlsx", "odt", "ods"}  # Office Open XML and OpenDocument are zip files
_HEAD = 8192
_OLE_MACROS = "_VBA_PROJECT".encode("utf-16-le")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content_type: str
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return settings.DOCUMENT_MAX_UPLOAD_MB * 1024 * 1024


def max_unpacked_bytes() -> int:
    return settings.DOCUMENT_MAX_UNPACKED_MB * 1024 * 1024


def safe_name(name: str) -> str:
    """A file name safe to show and to send back: no path, no odd characters, not too long."""
    base = PurePath(name.replace("\\", "/")).name
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    cleaned = get_valid_filename(stem.strip(". ") or "document")[:120] or "document"
    return f"{cleaned}.{extension.lower()}" if extension else cleaned


def check_upload(upload) -> CheckedUpload:
    """Accept the file or raise ValidationError saying why, in words for the uploader."""
    name = safe_name(upload.name or "")
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise ValidationError(
            _(
                "“%(name)s” is not an accepted type. Upload PDF, Word, OpenDocument, RTF, "
                "spreadsheet or plain-text files."
            )
            % {"name": name}
        )
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("“%(name)s” is %(size)s; the largest accepted is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_upload_bytes()),
            }
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name})
    digest, head = hashlib.sha256(), b""
    upload.seek(0)
    for chunk in upload.chunks():
        if len(head) < _HEAD:
            head += chunk[: _HEAD - len(head)]
        digest.update(chunk)
    upload.seek(0)
    expected = ALLOWED[extension]
    if not _content_matches(upload, head, extension, expected):
        raise ValidationError(
            _("The content of “%(name)s” is not a %(extension)s file.")
            % {"name": name, "extension": extension.upper()}
        )
    if extension in _ZIP_BASED and _unpacks_past(upload, max_unpacked_bytes()):
        raise ValidationError(
            _(
                "“%(name)s” would unpack to more than %(limit)s, the largest accepted. "
                "Remove large embedded pictures or files, or split the document."
            )
            % {"name": name, "limit": filesizeformat(max_unpacked_bytes())}
        )
    if not settings.DOCUMENT_ALLOW_MACROS and _has_macros(upload, extension):
        raise ValidationError(
            _("“%(name)s” contains macros, which are not accepted. Save it without macros.")
            % {"name": name}
        )
    _scan(upload)
    return CheckedUpload(
        name=name, content_type=expected, size=upload.size, sha256=digest.hexdigest()
    )


def _content_matches(upload, head: bytes, extension: str, expected: str) -> bool:
    if extension in _TEXT:
        return _is_text(head)
    kind = filetype.guess(head)
    return kind is not None and kind.mime == expected


def _has_macros(upload, extension: str) -> bool:
    if extension in ("docx", "xlsx"):
        return _ooxml_has_macros(upload)
    if extension in ("doc", "xls"):
        return _ole_has_macros(upload)
    return False


def _scan(upload) -> None:
    """Hand the file to the configured virus scanner (settings.DOCUMENT_SCANNER), if any.

    The scanner is a callable taking the uploaded file; it raises ValidationError to refuse it.
    """
    if settings.DOCUMENT_SCANNER:
        upload.seek(0)
        try:
            import_string(settings.DOCUMENT_SCANNER)(upload)
        finally:
            upload.seek(0)


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        return exc.start >= len(head) - 3
    return True


def _ooxml_has_macros(upload) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        return True
    finally:
        upload.seek(0)
    return any(name.lower().endswith("vbaproject.bin") for name in names)


def _unpacks_past(upload, cap: int) -> bool:
    """Whether the zip's members unpack to more than `cap` bytes, counted while unpacking.

    The sizes the archive's directory declares are not trusted: each member is decompressed
    through zipfile in chunks, with its declared unpacked size lifted so zipfile does not stop
    where the directory says, and the count stops as soon as it passes the cap. Nothing is kept.
    """
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            total = 0
            for info in archive.infolist():
                total += _member_size(archive, info, cap - total)
                if total > cap:
                    return True
            return False
    except zipfile.BadZipFile:
        return False  # no readable directory: nothing could unpack it either
    finally:
        upload.seek(0)


def _member_size(archive, info: zipfile.ZipInfo, room: int) -> int:
    """Bytes one member unpacks to, counting at most one past `room`."""
    measured = copy.copy(info)
    # zipfile stops at the declared size (and checks the CRC there): declare past the cap.
    measured.file_size = room + 2 * _CHUNK
    size = 0
    try:
        with archive.open(measured) as member:
            while size <= room and (chunk := member.read(_CHUNK)):
                size += len(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        pass  # a damaged or unsupported member counts what it gave before failing
    return size


def _ole_has_macros(upload) -> bool:
    upload.seek(0)
    try:
        return _OLE_MACROS in upload.read()
    finally:
        upload.seek(0)
