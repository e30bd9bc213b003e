"""Backups use a pg_dump that can read the server: the checkout's own PostgreSQL 18 is newer
than Debian's client (15 here), which refuses it ("server version mismatch")."""

import subprocess

import pytest
from django.core.management.base import CommandError

from portal.management.postgres import find_tool


def major(binary) -> int:
    output = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
    return int(output.split(") ")[1].split(".")[0])


@pytest.mark.parametrize("tool", ["pg_dump", "pg_restore"])
def test_the_tool_chosen_can_work_with_the_embedded_server(tool):
    assert major(find_tool(tool, 18)) >= 18


def test_a_server_newer_than_every_client_says_what_to_install():
    with pytest.raises(CommandError, match="install postgresql-client-99"):
        find_tool("pg_dump", 99)
