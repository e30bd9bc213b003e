"""Downloads of provisions as CSV and JSON, streamed in chunks from a database cursor.

A record of the download is a record of the import format (imports.COLUMNS), so a download
imported back changes nothing.
"""

import json
from collections.abc import Iterator

from django.db.models import QuerySet

from flexibilities.imports import COLUMNS, EXPORT_ONLY
from flexibilities.models import Provision, verification
from portal.csv_export import csv_writer

CHUNK_SIZE = 2000
# The import format's columns, then "verification" (verified / unverified-sample / unverified:
# a provision is verified only with a source link and a date of last verification).
EXPORTED = [*COLUMNS, *EXPORT_ONLY]


def record(row: dict) -> dict:
    """A provision (a row of `_rows`) as a record of the import format (dates YYYY-MM-DD or
    None, flags bool)."""
    return {
        "party": row["party__code"],
        "category": row["category__slug"],
        "law_title": row["law_title"],
        "law_number": row["law_number"],
        "law_date": _date(row["law_date"]),
        "last_amended": _date(row["last_amended"]),
        "article": row["article"],
        "text": row["text"],
        "text_is_excerpt": row["text_is_excerpt"],
        "language": row["language"],
        "implementation_option": row["implementation_option"],
        "source_url": row["source_url"],
        "last_verified": _date(row["last_verified"]),
        "note": row["note"],
        "published": row["is_published"],
        "sample": row["is_sample"],
        "verification": verification(row["source_url"], row["last_verified"], row["is_sample"]),
    }


def _date(value) -> str | None:
    return value.isoformat() if value else None


class _Line:
    """A file-like object whose write returns what it was given (csv.writer into a stream)."""

    def write(self, value: str) -> str:
        return value


_FIELDS = (
    "party__code", "category__slug", "law_title", "law_number", "law_date", "last_amended",
    "article", "text", "text_is_excerpt", "language", "implementation_option", "source_url",
    "last_verified", "note", "is_published", "is_sample",
)  # fmt: skip


def _provisions(queryset: QuerySet[Provision]) -> Iterator[dict]:
    # Plain rows, not model instances: building 230,000 provisions with their party and
    # category took the full CSV export to 28 s (issue 9's benchmark; the target is 20 s).
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
