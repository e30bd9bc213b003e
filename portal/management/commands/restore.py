"""Restore a `backup` folder into an empty database and the configured storage.

    python manage.py restore /backups/2026-12-07

The database DATABASE_URL names must be empty (created, nothing migrated): the dump brings the
schema and the rows. Each file is then written to the storage (folder or bucket) under the name
the rows hold, read back and compared with the manifest's SHA-256.
"""

import json
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.management.commands.move_files_to_storage import sha256
from portal.management.postgres import run_postgres_tool


class Command(BaseCommand):
    help = "Restore a backup folder into an empty database and the configured storage."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a folder written by `manage.py backup`")

    def handle(self, *args, source: str, **options):
        folder = Path(source)
        manifest = json.loads((folder / "manifest.json").read_text())["files"]
        if connection.introspection.table_names():
            raise CommandError("The database is not empty: restore only into a new database.")
        connection.close()  # pg_restore needs no session of ours open on it
        run_postgres_tool(
            "pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "-d",
            folder / "database.dump",
        )  # fmt: skip
        failures = []
        for name, digest in manifest.items():
            with (folder / "files" / name).open("rb") as handle:
                default_storage._save(name, File(handle))  # the very name the rows hold
            if sha256(default_storage, name) != digest:
                failures.append(name)
        if failures:
            raise CommandError("Restored with a different checksum:\n" + "\n".join(failures))
        self.stdout.write(f"Restored the database and {len(manifest)} files from {folder}.")
