"""The one reader of uploaded CSV files (the flexibilities import, the enforcement figures).

It decodes UTF-8 with or without a byte-order mark, takes ";" as the separator when the header
has more of them than commas (spreadsheets in many locales save so), reads the header's names
loosely ("Agency name" and "agency-name" are agency_name), refuses a header with unknown,
missing or repeated columns, skips blank lines and gives each record with the line it starts
on. The file is read line by line, never held whole, and a line that is not UTF-8 is reported
by its number. What a record must hold is each app's rule.
"""

import codecs
import csv
import itertools
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import gettext as _

from portal.csv_export import restored
from portal.errors import PortalError

# A text cell can be long (a provision's text); the csv module's default cap (128 KiB per
# field) is not a rule of any format. The cap is process-wide, and only ever raised here.
csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))


# A line with its end: \r\n, \n or a lone \r (str.splitlines would also cut at form feeds
# and Unicode separators, which are text inside a cell).
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


class FileError(PortalError):
    """The file as a whole cannot be read (encoding, header, syntax); `line` says where."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message, self.line = message, line


@dataclass(frozen=True)
class RowError:
    """What is wrong with one record: its line, the column to blame ("" for the whole row)."""

    line: int
    column: str
    message: str


class Row(NamedTuple):
    line: int
    values: dict[str, str]  # header name -> cell; empty when `error` is set
    error: RowError | None  # the record's cells do not fit the header


def as_code(raw: str) -> str:
    """A name or a code as typed: 'Articles seized ' or 'ARTICLES-SEIZED' -> 'articles_seized'."""
    return "_".join(raw.strip().lower().replace("-", " ").split())


def read_rows(
    stream: Iterable[bytes],
    *,
    columns: Collection[str],
    required: Collection[str] = (),
    short_rows: bool = False,
) -> Iterator[Row]:
    """Each record of a binary CSV stream; FileError when the file or its header is unusable.

    A record with more cells than the header is an error (a cell would be lost); one with fewer
    is an error too unless `short_rows`, when the missing last cells read as empty.
    """
    lines = _Lines(stream)
    first = next(lines, "")
    if not first:
        raise FileError(_("The file is empty."), 1)
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    try:
        header = [as_code(name) for name in next(reader)]
        _check_header(header, columns, required)
        last = reader.line_num
        for cells in reader:
            start, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # blank lines between records are harmless
            if len(cells) > len(header) or (len(cells) < len(header) and not short_rows):
                message = _("Malformed record: %(values)s values for %(columns)s columns.") % {
                    "values": len(cells),
                    "columns": len(header),
                }
                yield Row(start, {}, RowError(start, "", message))
                continue
            # A download made formula-like cells inert ('=...); reading it back restores them.
            values = map(restored, cells)
            yield Row(start, dict(itertools.zip_longest(header, values, fillvalue="")), None)
    except csv.Error as error:
        message = _("Unreadable CSV: %(error)s.") % {"error": error}
        raise FileError(message, reader.line_num) from error


class _Lines:
    """The text lines of a binary stream, counted, each decoded on its own so that a byte that
    is not UTF-8 is reported on its line."""

    def __init__(self, stream: Iterable[bytes]):
        self._raw = iter(stream)
        self._pending: list[str] = []
        self.read = 0  # lines given so far

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        while not self._pending:
            raw = next(self._raw)
            if self.read == 0:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                message = _("The file is not UTF-8 text; save it as “CSV UTF-8”.")
                raise FileError(message, self.read + 1) from error
            # Old spreadsheets end lines with a lone carriage return.
            self._pending = _LINE.findall(text)
        self.read += 1
        return self._pending.pop(0)


def _check_header(header: list[str], columns: Collection[str], required: Collection[str]) -> None:
    problems = []
    unknown = [name for name in header if name not in columns]
    if unknown:
        problems.append(_("Unknown column(s): %(columns)s.") % {"columns": ", ".join(unknown)})
    missing = [name for name in required if name not in header]
    if missing:
        problems.append(
            _("Missing required column(s): %(columns)s.") % {"columns": ", ".join(missing)}
        )
    # Read into a dict, the last of two same-named cells would silently win.
    for name in sorted({name for name in header if header.count(name) > 1}):
        problems.append(
            _("The column “%(name)s” appears more than once in the header; keep one.")
            % {"name": name}
        )
    if problems:
        raise FileError(" ".join(problems), 1)
