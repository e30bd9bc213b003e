"""Copy every stored file from the private folder to the configured storage, verified.

Run once after setting STORAGE_URL (README "Production shape"): each file a FileField of any
model names is read from the folder (PRIVATE_MEDIA_ROOT, or --source), written to the bucket
under the same name, read back and compared by SHA-256. A file already in the bucket with the
same checksum is left alone, so the command can be run again after an interruption. Nothing is
deleted from the folder; the command ends in an error if any file could not be verified.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError
from django.db import models


def sha256(storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def stored_names() -> list[str]:
    """Every file name that a FileField of any model holds."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                rows = model._default_manager.exclude(**{field.name: ""}).values_list(
                    field.name, flat=True
                )
                names.update(name for name in rows.iterator() if name)
    return sorted(names)


def ensure_bucket(storage) -> None:
    """Create the bucket when the store has none yet (a fresh MinIO/SeaweedFS, say)."""
    client = storage.connection.meta.client
    try:
        client.head_bucket(Bucket=storage.bucket_name)
    except client.exceptions.ClientError:
        client.create_bucket(Bucket=storage.bucket_name)


class Command(BaseCommand):
    help = "Copy the stored documents from the private folder to the bucket, verifying each."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", default=str(settings.PRIVATE_MEDIA_ROOT), help="the folder to copy from"
        )

    def handle(self, *args, source: str, **options):
        target = storages["default"]
        if isinstance(target, FileSystemStorage):
            raise CommandError("STORAGE_URL is not set: the documents already live in a folder.")
        ensure_bucket(target)
        folder = FileSystemStorage(location=source)
        copied = unchanged = 0
        failures = []
        for name in stored_names():
            if not folder.exists(name):
                failures.append(f"{name}: not in {source}")
                continue
            digest = sha256(folder, name)
            if target.exists(name) and sha256(target, name) == digest:
                unchanged += 1
                continue
            with folder.open(name, "rb") as handle:
                target._save(name, File(handle))  # the very name the rows hold, never a renamed one
            if sha256(target, name) != digest:
                failures.append(f"{name}: the copy's checksum differs")
                continue
            copied += 1
        self.stdout.write(f"{copied} copied, {unchanged} already there, {len(failures)} failed.")
        if failures:
            raise CommandError("Not verified:\n" + "\n".join(failures))
