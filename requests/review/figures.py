"""The figures of one year's review, computed with a few aggregate queries.

Definitions (the page repeats them):
- an activity belongs to the year it started (actual start, else planned start); cancelled
  activities are left out; every activity counts, published or not (this is a staff review);
- a request belongs to the year it was submitted;
- "LDC": the party's status on the last day of the year (portal.development), so a party that
  graduates during the year counts as an LDC for that year and as other from the next;
- "delivered within the agreed time frame": requests delivered in the year whose delivery day
  is on or before their agreed time frame (moved on by the days spent waiting on the party);
- medians: whole days from submission to the acceptance (or delivery) made in the year;
- paused days (the request waited on the party's information, or was on hold) are counted
  apart: their total for the requests delivered in the year, and the median days to delivery
  without them;
- feedback: the ratings given in the year;
- matching (recommendation 9): needs published, resources offered, matches proposed and
  concluded (accepted by both sides) in the year; time to match: whole days from the need's
  publication to the conclusion, median over the matches concluded in the year.
Figures hold codes (type, region, cluster letter, recommendation number); labels are added
when shown, in the reader's language.
"""

import statistics
from collections.abc import Callable

from django.db.models import Avg, Count, Exists, OuterRef, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from portal.development import end_of_year, has_status
from portal.matching.selectors import year_figures as matching_figures
from portal.models import Activity, ActivityStatus, StatusKind
from requests.models import AssistanceRequest, Feedback, Status, StatusChange

START = Coalesce("actual_start", "planned_start")


def _counts(queryset: QuerySet, field: str) -> dict[str, int]:
    """{value: number of distinct rows} for one grouping field, nulls left out."""
    rows = queryset.values(field).annotate(n=Count("pk", distinct=True)).order_by(field)
    return {str(row[field]): row["n"] for row in rows if row[field] is not None}


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def activities_of_year(year: int) -> QuerySet[Activity]:
    return (
        Activity.objects.annotate(start_on=START)
        .filter(start_on__year=year)
        .exclude(status=ActivityStatus.CANCELLED)
    )


def activity_figures(year: int) -> dict:
    activities = activities_of_year(year)
    total = activities.count()
    ldc_beneficiary = Exists(
        Activity.beneficiaries.through.objects.filter(activity=OuterRef("pk")).filter(
            has_status(StatusKind.LDC, end_of_year(year), "party")
        )
    )
    with_ldc = activities.filter(ldc_beneficiary).count()
    completed = activities.filter(status=ActivityStatus.COMPLETED).only(
        "due_date", "actual_start", "actual_end", "planned_start", "planned_end", "status"
    )
    on_time = sum(1 for activity in completed if activity.timeliness() == "on_time")
    return {
        "total": total,
        "by_type": _counts(activities, "type"),
        "by_cluster": _counts(activities, "recommendations__cluster__letter"),
        "by_recommendation": _counts(activities, "recommendations__number"),
        "by_region": _counts(activities, "beneficiaries__region"),
        "by_ldc": {"ldc": with_ldc, "other": total - with_ldc},
        "completed": len(completed),
        "completed_on_time": on_time,
    }


def _first_change_days(year: int, to_status: str) -> list[tuple[AssistanceRequest, int, object]]:
    """(request, days since submission, day of the change) for changes made in the year."""
    changes = (
        StatusChange.objects.filter(to_status=to_status, at__year=year)
        .select_related("assistance_request")
        .order_by("assistance_request_id", "at", "pk")
    )
    seen, rows = set(), []
    for change in changes:
        assistance_request = change.assistance_request
        if assistance_request.pk in seen or assistance_request.submitted_at is None:
            continue
        seen.add(assistance_request.pk)
        day = timezone.localdate(change.at)
        rows.append(
            (
                assistance_request,
                (day - timezone.localdate(assistance_request.submitted_at)).days,
                day,
            )
        )
    return rows


def request_figures(year: int) -> dict:
    submitted = AssistanceRequest.objects.filter(submitted_at__year=year)
    ldc = submitted.filter(has_status(StatusKind.LDC, end_of_year(year), "party")).count()
    total = submitted.count()
    accepted = _first_change_days(year, Status.ACCEPTED)
    delivered = _first_change_days(year, Status.DELIVERED)
    with_time_frame = [(r, day) for r, _, day in delivered if r.due_date is not None]
    on_time = sum(1 for r, day in with_time_frame if day <= r.due_date)
    return {
        "submitted": total,
        "by_kind": _counts(submitted, "kind"),
        "by_region": _counts(submitted, "party__region"),
        "by_ldc": {"ldc": ldc, "other": total - ldc},
        "by_cluster": _counts(
            submitted, "activity_links__activity__recommendations__cluster__letter"
        ),
        "by_recommendation": _counts(
            submitted, "activity_links__activity__recommendations__number"
        ),
        "accepted": len(accepted),
        "median_days_to_acceptance": _median([days for _, days, _ in accepted]),
        "delivered": len(delivered),
        "delivered_with_time_frame": len(with_time_frame),
        "delivered_on_time": on_time,
        "on_time_share": round(on_time / len(with_time_frame), 4) if with_time_frame else None,
        "median_days_to_delivery": _median([days for _, days, _ in delivered]),
        "delivered_paused_days": sum(r.paused_days for r, _, _ in delivered),
        "median_working_days_to_delivery": _median(
            [max(days - r.paused_days, 0) for r, days, _ in delivered]
        ),
    }


def feedback_figures(year: int) -> dict:
    given = Feedback.objects.filter(given_at__year=year).aggregate(
        count=Count("pk"),
        relevance=Avg("relevance"),
        timeliness=Avg("timeliness"),
        quality=Avg("quality"),
    )
    return {
        key: (round(value, 2) if isinstance(value, float) else value)
        for key, value in given.items()
    }


STAGES: list[tuple[str, Callable[[int], dict]]] = [
    ("activities", activity_figures),
    ("requests", request_figures),
    ("feedback", feedback_figures),
    ("matching", matching_figures),  # recommendation 9: needs, resources, matches
]


def compute(year: int, on_progress: Callable[[int], None] | None = None) -> dict:
    """Every figure of the year; on_progress(per cent) is told after each stage."""
    figures: dict = {"year": year}
    for index, (name, stage) in enumerate(STAGES, start=1):
        figures[name] = stage(year)
        if on_progress is not None:
            on_progress(round(100 * index / len(STAGES)))
    return figures
