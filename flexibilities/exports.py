"""Downloads of provisions as CSV and JSON, streamed in chunks from a database cursor.

A record of the download is a record of the import format (columns.py), so a download
imported back changes nothing.
"""

import json
from collections.abc import Iterator

from django.db.models import QuerySet

from flexibilities.columns import COLUMNS, DATE, IMPORTED
from flexibilities.models import Provision, verification
from portal.csv_export import csv_writer

CHUNK_SIZE = 2000
EXPORTED = [column.name for column in COLUMNS]
_FIELDS = tuple(column.source for column in IMPORTED)


def record(row: dict) -> dict:
    """A provision (a row of `_rows`) as a record of the import format (dates YYYY-MM-DD or
    None, flags bool), with its derived verification."""
    values = {
        column.name: _date(row[column.source]) if column.kind == DATE else row[column.source]
        for column in IMPORTED
    }
    values["verification"] = verification(row["source_url"], row["last_verified"], row["is_sample"])
    return values


def _date(value) -> str | None:
    return value.isoformat() if value else None


class _Line:
    """A file-like object whose write returns what it was given (csv.writer into a stream)."""

    def write(self, value: str) -> str:
        return value


def _provisions(queryset: QuerySet[Provision]) -> Iterator[dict]:
    # Plain rows, not model instances: building 230,000 provisions with their party and
    # category took the full CSV export to 28 s (the benchmark world; the target is 20 s).
    return queryset.values(*_FIELDS).iterator(chunk_size=CHUNK_SIZE)


def csv_chunks(queryset: QuerySet[Provision]) -> Iterator[str]:
    """The CSV text: a header row, then one row per provision (booleans as true/false)."""
    writer = csv_writer(_Line())
    yield writer.writerow(EXPORTED)
    lines = []
    for provision in _provisions(queryset):
        values = record(provision)
        row = [_csv_value(values[name]) for name in EXPORTED]
        lines.append(writer.writerow(row))
        if len(lines) >= 200:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


def _csv_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def json_chunks(queryset: QuerySet[Provision]) -> Iterator[str]:
    """A JSON list of records, written one record at a time."""
    yield "["
    separator = "\n"
    for provision in _provisions(queryset):
        yield separator + json.dumps(record(provision), ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
