"""The public rows of needs and resources, for CSV, JSON and the API (never a party's name)."""

import io
from collections.abc import Iterable, Iterator

from portal.csv_export import csv_writer

NEED_COLUMNS = (
    "id",
    "title",
    "description",
    "legal_areas",
    "kinds",
    "offer_types",
    "languages",
    "starts_on",
    "ends_on",
    "expected_outcome",
    "published_at",
)
RESOURCE_COLUMNS = (
    "id",
    "title",
    "description",
    "provider",
    "offer_type",
    "legal_areas",
    "kinds",
    "languages",
    "regions",
    "ldc_only",
    "capacity",
    "available_from",
    "available_until",
)


def need_row(need) -> dict:
    row = {column: getattr(need, column) for column in NEED_COLUMNS}
    row["published_at"] = need.published_at.date() if need.published_at else None
    return row


def resource_row(resource) -> dict:
    row = {column: getattr(resource, column) for column in RESOURCE_COLUMNS if column != "provider"}
    return {**row, "provider": resource.provider.name}


def _cell(value):
    """Lists as "a; b", nothing as empty; csv_writer makes formula-like text inert."""
    return "; ".join(value) if isinstance(value, list) else "" if value is None else value


def csv_lines(rows: Iterable[dict], columns: tuple[str, ...]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in columns])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
