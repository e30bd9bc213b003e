"""The import format of provisions: reading CSV or JSON records and checking each one.

The format is the export format (exports.py): one record per provision with the columns of
columns.py. Records are read lazily so that a large CSV file is never held in memory; a JSON file
is parsed whole (use CSV for very large files). Writing is in services.py.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from flexibilities.columns import COLUMNS, DATE, FLAG, IMPORTED, NAMES, REQUIRED
from portal.csv_import import FileError, RowError, read_rows
from portal.models import Party

# Derived columns of the downloads (verification): accepted and ignored on import.
EXPORT_ONLY = tuple(column.name for column in COLUMNS if not column.imported)
DATE_FIELDS = tuple(column.name for column in IMPORTED if column.kind == DATE)
BOOLEAN_FIELDS = tuple(column.name for column in IMPORTED if column.kind == FLAG)
# Without these columns, an update keeps the provision's flags (and a new one is neither).
KEPT_WHEN_ABSENT = ("published", "sample")
MAX_LENGTHS = {"law_title": 500, "law_number": 200, "article": 200, "source_url": 500}
TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no", ""}
# Tab, newline and carriage return are text; any other control character is refused.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_url = URLValidator(schemes=["http", "https"])


@dataclass
class CleanRow:
    """A valid record: the natural key's parts and the provision's field values."""

    line: int
    key: tuple
    values: dict = field(default_factory=dict)


def format_of(name: str) -> str:
    """'csv' or 'json' from a file name; raises FileError otherwise."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ("csv", "json"):
        raise FileError(_("The file must be a .csv or a .json file."))
    return suffix


def read_records(stream, fmt: str) -> Iterator[tuple[int, dict]]:
    """(line number, raw record) for each record of a binary stream."""
    if fmt == "csv":
        yield from _read_csv(stream)
    else:
        yield from _read_json(stream)


def _read_csv(stream) -> Iterator[tuple[int, dict]]:
    rows = read_rows(stream, columns=(*NAMES, *EXPORT_ONLY), required=REQUIRED)
    for line, values, error in rows:
        yield line, ({"__shape__": error.message} if error else values)


def _read_json(stream) -> Iterator[tuple[int, dict]]:
    try:
        data = json.loads(stream.read().decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise FileError(_("The file is not UTF-8 text.")) from error
    except json.JSONDecodeError as error:
        message = _("Invalid JSON: %(error)s.") % {"error": error.msg}
        raise FileError(message, error.lineno) from error
    if isinstance(data, dict) and isinstance(data.get("provisions"), list):
        data = data["provisions"]
    if not isinstance(data, list):
        raise FileError(_('Expected a list of records or {"provisions": [...]}.'))
    for number, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            problem = _("a record must be an object")
            yield number, {"__shape__": _("Malformed record: %(problem)s.") % {"problem": problem}}
            continue
        yield number, record


class RowValidator:
    """Checks records one by one against the rules of the format; remembers keys it has seen."""

    def __init__(self, categories: dict):
        self.parties = dict(Party.objects.values_list("code", "pk"))
        self.categories = categories
        self.seen: dict[tuple, int] = {}
        self.today = timezone.localdate()

    def clean(self, line: int, raw: dict) -> tuple[CleanRow | None, list[RowError]]:
        if "__shape__" in raw:
            return None, [RowError(line, "", raw["__shape__"])]
        errors: list[RowError] = []
        values: dict = {}
        for name, value in raw.items():
            if name in EXPORT_ONLY:
                continue
            if name not in NAMES:
                errors.append(RowError(line, name, _("Unknown field.")))
                continue
            text, problem = _as_text(name, value)
            if problem:
                errors.append(RowError(line, name, problem))
            values[name] = text
        for name in NAMES:
            values.setdefault(name, "")
        if not errors:
            errors = self._check(line, values)
        if errors:
            return None, errors
        return self._row(line, values, present=set(raw))

    def _check(self, line: int, values: dict) -> list[RowError]:
        errors = [RowError(line, name, _("Required.")) for name in REQUIRED if not values[name]]
        for name, limit in MAX_LENGTHS.items():
            if len(values[name]) > limit:
                message = _("Longer than %(limit)s characters.") % {"limit": limit}
                errors.append(RowError(line, name, message))
        if values["party"] and values["party"] not in self.parties:
            message = _("Unknown party code %(code)s.") % {"code": repr(values["party"])}
            errors.append(RowError(line, "party", message))
        category = self.categories.get(values["category"])
        if values["category"] and category is None:
            message = _("Unknown category %(category)s.") % {"category": repr(values["category"])}
            errors.append(RowError(line, "category", message))
        if values["language"] and values["language"] not in LANG_INFO:
            errors.append(RowError(line, "language", _("Not an ISO 639-1 language code.")))
        errors += self._check_dates(line, values)
        for name in BOOLEAN_FIELDS:
            if values[name].lower() not in TRUE | FALSE:
                errors.append(RowError(line, name, _("Expected true or false.")))
        if values["source_url"]:
            try:
                _url(values["source_url"])
            except ValidationError:
                errors.append(RowError(line, "source_url", _("Not an http(s) address.")))
        if category is not None and (
            problem := category.option_error(values["implementation_option"])
        ):
            errors.append(RowError(line, "implementation_option", problem))
        return errors

    def _check_dates(self, line: int, values: dict) -> list[RowError]:
        errors, parsed = [], {}
        for name in DATE_FIELDS:
            if not values[name]:
                continue
            try:
                if not _ISO_DATE.match(values[name]):
                    raise ValueError
                parsed[name] = date.fromisoformat(values[name])
            except ValueError:
                errors.append(RowError(line, name, _("Expected a date as YYYY-MM-DD.")))
        law_date, amended = parsed.get("law_date"), parsed.get("last_amended")
        if law_date and amended and amended < law_date:
            errors.append(RowError(line, "last_amended", _("Before the date of the law.")))
        verified = parsed.get("last_verified")
        if verified and verified > self.today:
            errors.append(RowError(line, "last_verified", _("In the future.")))
        return errors

    def _row(self, line: int, values: dict, present: set) -> tuple[CleanRow | None, list[RowError]]:
        law_key = values["law_number"] or values["law_title"]
        party_id = self.parties[values["party"]]
        category = self.categories[values["category"]]
        key = (party_id, category.pk, law_key, values["article"])
        if key in self.seen:
            message = _("Same provision as line %(line)s (party, category, law, article).") % {
                "line": self.seen[key]
            }
            return None, [RowError(line, "", message)]
        self.seen[key] = line
        fields: dict = {"party_id": party_id, "category_id": category.pk, "law_key": law_key}
        for column in IMPORTED:
            value = values[column.name]
            if column.name in ("party", "category"):
                continue  # written as the ids above
            if column.kind == DATE:
                value = _date_or_none(value)
            elif column.kind == FLAG:
                if column.name in KEPT_WHEN_ABSENT and column.name not in present:
                    continue
                value = value.lower() in TRUE
            fields[column.source] = value
        return CleanRow(line, key, fields), []


def _as_text(name: str, value) -> tuple[str, str]:
    """A raw value as stripped text, or a problem; JSON may give booleans and numbers."""
    if value is None:
        return "", ""
    if isinstance(value, bool):
        return ("true" if value else "false"), ""
    if isinstance(value, int | float):
        return str(value), ""
    if not isinstance(value, str):
        return "", _("Expected text.")
    if _CONTROL.search(value):
        return "", _("Contains a control character.")
    text = value.strip()
    if name in ("party",):
        text = text.upper()
    elif name in ("category", "language"):
        text = text.lower()
    return text, ""


def _date_or_none(value: str) -> date | None:
    return date.fromisoformat(value) if value else None
