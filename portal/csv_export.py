"""The one way the project writes CSV: text cells a spreadsheet would run as formulas are inert.

A spreadsheet opening a CSV runs a cell starting with = + - @ (or a tab or carriage return
before one) as a formula: "=HYPERLINK(...)" in an activity's title would become a live link,
worse in some programs. Following OWASP's guidance on CSV injection, such text cells get a
leading single quote, which spreadsheets show as text. Numbers are left alone, whether passed
as numbers or as plain numeric text ("-12.5" stays a negative number). A CSV the project
reads back (the flexibilities import) passes each cell through restored(), so a download
imported again changes nothing.
"""

import csv
import re

# The characters OWASP lists, and their full-width forms, which some spreadsheets also accept.
_FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def inert(value):
    """The cell as a spreadsheet should show it: text that would start a formula is quoted."""
    if value.__class__ is str and value and _quoted_on_export(value):
        return "'" + value
    return value


def restored(value: str) -> str:
    """The text inert() was given, from what it wrote."""
    return value[1:] if value.startswith("'") and _quoted_on_export(value[1:]) else value


def _quoted_on_export(text: str) -> bool:
    # Text already starting with quotes before a formula gets one more, so restored() is exact.
    bare = text.lstrip("'")
    return bool(bare) and bare[0] in _FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(bare)


class _InertWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([inert(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(file, **options) -> _InertWriter:
    """csv.writer(file, **options) whose every cell goes through inert()."""
    return _InertWriter(csv.writer(file, **options))
