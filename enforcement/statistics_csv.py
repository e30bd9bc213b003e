"""Parse and check an upload of infringement statistics, reporting every bad row by line.

The file is all or nothing: parse_statistics_csv returns the rows only when every one is good,
otherwise the list of (line number, reason) for each problem, so the party fixes them in one go.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.figures import figure_errors
from enforcement.models import AgencyType, InfringementStatistic, IPRight, Metric, ProductCategory

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
REQUIRED_COLUMNS = ("year", "agency_type", "metric", "value")
OPTIONAL_COLUMNS = ("agency_name", "ip_right", "product_category", "currency", "note")
TEMPLATE_ROWS = [
    ("year", "agency_type", "agency_name", "metric", "ip_right", "product_category", "value",
     "currency", "note"),
    ("2024", "customs", "Customs Department", "articles_seized", "trademark", "clothing",
     "125000", "", ""),
    ("2024", "customs", "Customs Department", "retail_value", "trademark", "clothing",
     "3400000.50", "USD", "Estimated"),
]  # fmt: skip
CELL_FIELDS = ("year", "agency_type", "agency_name", "metric", "ip_right", "product_category")


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


def _normalise(raw: str) -> str:
    """'Articles seized' or 'ARTICLES-SEIZED' -> 'articles_seized': codes and labels both work."""
    return "_".join(raw.strip().lower().replace("-", " ").split())


def _choice(raw: str, choices, default: str | None = None) -> str:
    value = _normalise(raw)
    if not value and default is not None:
        return default
    if value in choices.values:
        return value
    for code, label in choices.choices:
        if _normalise(str(label)) == value:
            return code
    allowed = ", ".join(choices.values)
    raise ValueError(_("“%(raw)s” is not one of: %(allowed)s.") % {"raw": raw, "allowed": allowed})


def _year(raw: str) -> int:
    try:
        year = int(raw.strip())
    except ValueError:
        raise ValueError(_("The year “%(raw)s” is not a number.") % {"raw": raw}) from None
    if not 1900 <= year <= timezone.localdate().year:
        raise ValueError(_("The year %(year)s is outside 1900 to this year.") % {"year": year})
    return year


def _value(raw: str) -> Decimal:
    text = raw.strip().replace(" ", "")
    if "," in text:
        raise ValueError(
            _("Write the value without thousands separators, with a point for decimals.")
        )
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("The value “%(raw)s” is not a number.") % {"raw": raw}) from None
    if not value.is_finite() or value.as_tuple().exponent < -2 or abs(value) >= 10**16:
        raise ValueError(_("The value “%(raw)s” is not a figure we can store.") % {"raw": raw})
    return value


def _row(record: dict[str, str]) -> dict:
    """One CSV record as model fields; raises ValueError with every problem joined."""
    problems, fields = [], {}
    parsers = {
        "year": _year,
        "agency_type": lambda raw: _choice(raw, AgencyType),
        "metric": lambda raw: _choice(raw, Metric),
        "ip_right": lambda raw: _choice(raw, IPRight, IPRight.ALL),
        "product_category": lambda raw: _choice(raw, ProductCategory, ProductCategory.ALL),
        "value": _value,
    }
    for name, parse in parsers.items():
        raw = (record.get(name) or "").strip()
        if not raw and name in REQUIRED_COLUMNS:
            problems.append(_("%(column)s is empty.") % {"column": name})
            continue
        try:
            fields[name] = parse(raw)
        except ValueError as error:
            problems.append(str(error))
    fields["agency_name"] = (record.get("agency_name") or "").strip()[:200]
    fields["currency"] = (record.get("currency") or "").strip().upper()
    fields["note"] = (record.get("note") or "").strip()[:500]
    if "metric" in fields:
        problems += figure_errors(
            fields["metric"], fields.get("value"), fields["currency"]
        ).values()
    if problems:
        raise ValueError(" ".join(problems))
    return fields


def _read_text(upload) -> str:
    if upload.size > MAX_BYTES:
        raise ValueError(_("The file is larger than 2 MB; split it."))
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(_("The file is not UTF-8 text; save it as “CSV UTF-8”.")) from None


def _reader(text: str) -> csv.DictReader:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [_normalise(name or "") for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    unknown = [name for name in columns if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown:
        raise ValueError(
            _("The header must name the columns %(required)s (and may add %(optional)s).")
            % {"required": ", ".join(REQUIRED_COLUMNS), "optional": ", ".join(OPTIONAL_COLUMNS)}
            + (_(" Missing: %(names)s.") % {"names": ", ".join(missing)} if missing else "")
            + (_(" Unknown: %(names)s.") % {"names": ", ".join(unknown)} if unknown else "")
        )
    # DictReader would keep only the last of two same-named cells, silently dropping a figure.
    duplicated = sorted({name for name in columns if columns.count(name) > 1})
    if duplicated:
        raise ValueError(
            " ".join(
                _("The column “%(name)s” appears more than once in the header; keep one.")
                % {"name": name}
                for name in duplicated
            )
        )
    reader.fieldnames = columns
    return reader


def parse_statistics_csv(upload, party) -> tuple[list[dict], list[RowError]]:
    """The rows of the file as model fields, or every problem with its line number."""
    try:
        reader = _reader(_read_text(upload))
    except ValueError as error:
        return [], [RowError(1, str(error))]
    rows, errors, seen = [], [], {}
    existing = _existing_cells(party)
    for record in reader:
        line = reader.line_num
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(
                RowError(line, _("More than %(max)s rows; split the file.") % {"max": MAX_ROWS})
            )
            break
        if None in record:
            errors.append(RowError(line, _("This row has more cells than the header.")))
            continue
        try:
            fields = _row(record)
        except ValueError as error:
            errors.append(RowError(line, str(error)))
            continue
        cell = tuple(fields[name] for name in CELL_FIELDS)
        if cell in seen:
            errors.append(RowError(line, _("Same figure as line %(line)s.") % {"line": seen[cell]}))
        elif cell in existing:
            errors.append(RowError(line, already_recorded()))
        else:
            seen[cell] = line
            rows.append(fields)
    if not rows and not errors:
        errors.append(RowError(1, _("The file has a header but no rows.")))
    return ([] if errors else rows), errors


def already_recorded() -> str:
    return _("A figure for this year, agency, metric, right and product is already recorded.")


def _existing_cells(party) -> set[tuple]:
    values = InfringementStatistic.objects.filter(party=party).values_list(*CELL_FIELDS)
    return set(values)
