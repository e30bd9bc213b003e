"""Run PostgreSQL's client tools (pg_dump, pg_restore) on the configured database."""

import os
import shutil
import subprocess

from django.core.management.base import CommandError
from django.db import connection


def run_postgres_tool(tool: str, *arguments) -> None:
    """Run the tool with the default database's connection settings; raise with its message.

    For pg_restore, `-d` must be the last argument before the dump: the database name follows.
    """
    if connection.vendor != "postgresql":
        raise CommandError("Backups need PostgreSQL (DATABASE_URL=postgres://…).")
    binary = shutil.which(tool)
    if binary is None:
        raise CommandError(f"{tool} is not installed (apt-get install postgresql-client).")
    settings = connection.settings_dict
    environment = os.environ | {
        "PGHOST": settings["HOST"] or "",
        "PGPORT": str(settings["PORT"] or ""),
        "PGUSER": settings["USER"] or "",
        "PGPASSWORD": settings["PASSWORD"] or "",
    }
    parts = [str(argument) for argument in arguments]
    if "-d" in parts:
        at = parts.index("-d")
        parts[at : at + 1] = ["-d", settings["NAME"]]
    else:
        parts.append(settings["NAME"])
    # The arguments are our own and the connection settings: no input of a visitor.
    result = subprocess.run(  # noqa: S603
        [binary, *parts], env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise CommandError(f"{tool} failed: {result.stderr.strip()}")
