"""Back up the database and every stored document into one folder (`restore` reads it back).

    python manage.py backup /backups/2026-12-07

writes `database.dump` (pg_dump's custom format, without owners or grants, so it restores into
any PostgreSQL role), `files/<name>` for every file a FileField names, read through the
configured storage (the folder or the bucket), and `manifest.json` with each file's SHA-256.
The folder must not exist yet. Files missing from storage are listed and fail the command once
the rest is written, so a backup never hides a loss.
"""

import json
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from portal.management.commands.move_files_to_storage import sha256, stored_names
from portal.management.postgres import run_postgres_tool


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and every stored document into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("destination", help="a folder that does not exist yet")

    def handle(self, *args, destination: str, **options):
        folder = Path(destination)
        if folder.exists():
            raise CommandError(f"{folder} exists already; back up into a new folder.")
        (folder / "files").mkdir(parents=True)
        run_postgres_tool(
            "pg_dump", "--format=custom", "--no-owner", "--no-acl", "-f", folder / "database.dump"
        )
        manifest, missing = {}, []
        for name in stored_names():
            if not default_storage.exists(name):
                missing.append(name)
                continue
            target = folder / "files" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, target.open("wb") as copy:
                for chunk in iter(lambda: source.read(1024 * 1024), b""):
                    copy.write(chunk)
            manifest[name] = sha256(default_storage, name)
        (folder / "manifest.json").write_text(json.dumps({"files": manifest}, indent=1))
        self.stdout.write(f"Backed up the database and {len(manifest)} files to {folder}.")
        if missing:
            raise CommandError("Missing from storage, not backed up:\n" + "\n".join(missing))
