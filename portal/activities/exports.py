"""The CSV export of the public activity list: general information, details only if public."""

from collections.abc import Iterable, Iterator

from portal.csv_export import csv_writer

HEADER_FIELDS = [
    "id",
    "type",
    "status",
    "start",
    "end",
    "beneficiaries",
    "beneficiary_codes",
    "regions",
    "recommendations",
    "details_public",
    "title",
    "venue",
    "online",
    "url",
]


class _Echo:
    """A file-like object that hands each written line straight back (for streaming)."""

    def write(self, value):
        return value


def activity_rows(activities: Iterable, base_url: str) -> Iterator[list]:
    for activity in activities:
        beneficiaries = list(activity.beneficiaries.all())
        details = activity.details_public
        yield [
            activity.pk,
            activity.get_type_display(),
            activity.get_status_display(),
            activity.start.isoformat(),
            activity.end.isoformat() if activity.end else "",
            "; ".join(party.name for party in beneficiaries),
            "; ".join(party.code for party in beneficiaries),
            "; ".join(sorted({party.get_region_display() for party in beneficiaries} - {""})),
            "; ".join(str(r.number) for r in sorted(activity.recommendations.all(), key=_number)),
            "yes" if details else "no",
            activity.title if details else "",
            activity.venue if details else "",
            ("yes" if activity.online else "no") if details else "",
            base_url + activity.get_absolute_url(),
        ]


def _number(recommendation) -> int:
    return recommendation.number


def csv_lines(activities: Iterable, base_url: str) -> Iterator[str]:
    """The CSV, line by line: a header naming the columns, then one row per activity."""
    writer = csv_writer(_Echo())
    yield writer.writerow(HEADER_FIELDS)
    for row in activity_rows(activities, base_url):
        yield writer.writerow(row)
