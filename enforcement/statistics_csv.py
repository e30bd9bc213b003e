"""Parse and check an upload of infringement statistics, reporting every bad row by line.

The file is all or nothing: parse_statistics_csv returns the rows only when every one is good,
otherwise the list of (line number, reason) for each problem, so the party fixes them in one go.
"""

from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement.figures import figure_errors
from enforcement.models import (
    STATISTIC_CELL,
    AgencyType,
    InfringementStatistic,
    IPRight,
    Metric,
    ProductCategory,
)
from portal.csv_import import FileError, RowError, as_code, read_rows

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
# The template's columns, in its order.
COLUMNS = ("year", "agency_type", "agency_name", "metric", "ip_right", "product_category", "value",
           "currency", "note")  # fmt: skip
REQUIRED_COLUMNS = ("year", "agency_type", "metric", "value")
TEMPLATE_ROWS = [
    COLUMNS,
    ("2024", "customs", "Customs Department", "articles_seized", "trademark", "clothing",
     "125000", "", ""),
    ("2024", "customs", "Customs Department", "retail_value", "trademark", "clothing",
     "3400000.50", "USD", "Estimated"),
]  # fmt: skip


def _choice(raw: str, choices, default: str | None = None) -> str:
    value = as_code(raw)
    if not value and default is not None:
        return default
    if value in choices.values:
        return value
    for code, label in choices.choices:
        if as_code(str(label)) == value:
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


def parse_statistics_csv(upload, party) -> tuple[list[dict], list[RowError]]:
    """The rows of the file as model fields, or every problem with its line number."""
    if upload.size > MAX_BYTES:
        return [], [RowError(1, "", _("The file is larger than 2 MB; split it."))]
    rows, errors, seen = [], [], {}
    existing = _existing_cells(party)
    records = read_rows(
        upload, columns=COLUMNS, required=REQUIRED_COLUMNS,
        short_rows=True,  # the optional columns at the end may be left off
    )  # fmt: skip
    try:
        for line, record, shape_error in records:
            if len(rows) + len(errors) >= MAX_ROWS:
                message = _("More than %(max)s rows; split the file.") % {"max": MAX_ROWS}
                errors.append(RowError(line, "", message))
                break
            if shape_error:
                errors.append(shape_error)
                continue
            try:
                fields = _row(record)
            except ValueError as error:
                errors.append(RowError(line, "", str(error)))
                continue
            cell = tuple(fields[name] for name in STATISTIC_CELL)
            if cell in seen:
                message = _("Same figure as line %(line)s.") % {"line": seen[cell]}
                errors.append(RowError(line, "", message))
            elif cell in existing:
                errors.append(RowError(line, "", already_recorded()))
            else:
                seen[cell] = line
                rows.append(fields)
    except FileError as error:
        errors.append(RowError(error.line or 1, "", error.message))
    if not rows and not errors:
        errors.append(RowError(1, "", _("The file has a header but no rows.")))
    return ([] if errors else rows), errors


def already_recorded() -> str:
    return _("A figure for this year, agency, metric, right and product is already recorded.")


def _existing_cells(party) -> set[tuple]:
    values = InfringementStatistic.objects.filter(party=party).values_list(*STATISTIC_CELL)
    return set(values)
