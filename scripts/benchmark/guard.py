"""Protect real data: the benchmark only ever wipes a database it built itself (or --force)."""

from django.core.management import call_command
from django.db import connection

MARKER_TABLE = "benchmark_world"
# Tables whose rows mean "someone's data": refuse to wipe them without the marker.
_DATA_TABLES = [
    "requests_assistancerequest",
    "flexibilities_provision",
    "portal_activity",
    "enforcement_infringementstatistic",
    "portal_membership",
]


class RefusedError(Exception):
    pass


def _tables() -> set[str]:
    return set(connection.introspection.table_names())


def is_benchmark_database() -> bool:
    return MARKER_TABLE in _tables()


def holds_other_data() -> list[str]:
    """The data tables that have rows in them (empty when the database is new)."""
    present = _tables()
    busy = []
    with connection.cursor() as cursor:
        for table in _DATA_TABLES:
            if table in present:
                cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {table})")  # noqa: S608
                if cursor.fetchone()[0]:
                    busy.append(table)
    return busy


def check_may_wipe(*, force: bool) -> None:
    if is_benchmark_database() or force:
        return
    busy = holds_other_data()
    if busy:
        raise RefusedError(
            f"Database {connection.settings_dict['NAME']!r} holds data that the benchmark did "
            f"not create (rows in {', '.join(busy)}). Use a database of its own, or --force "
            "to wipe it."
        )


def reset_schema() -> None:
    """Start from nothing: drop every table, migrate, and mark the database as a benchmark."""
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0, interactive=False)
    create_marker()


def create_marker() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (key text PRIMARY KEY, value text NOT NULL)"
        )


def remember(key: str, value) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (key, value) VALUES (%s, %s) "  # noqa: S608
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            [key, str(value)],
        )


def recall() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, value FROM {MARKER_TABLE}")  # noqa: S608
        return dict(cursor.fetchall())
