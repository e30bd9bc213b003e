"""Reads of activities and the roster, the visibility scope applied first (STYLE.md s.2)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import SafeString

from portal.activities.permissions import public_activities
from portal.models import (
    Activity,
    ActivityConsent,
    ActivityStatus,
    Consultant,
    Party,
    Recommendation,
)
from portal.templatetags.bidi import as_list

# When an activity happened: its actual start, or its planned start until it has begun.
START = Coalesce("actual_start", "planned_start")
RECENT_YEARS = 2


def _with_public_relations(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    return queryset.prefetch_related(
        Prefetch("beneficiaries", queryset=Party.objects.only("pk", "name", "code", "region")),
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.only("pk", "number", "short_title", "cluster_id"),
        ),
    )


def activities_for_public_list() -> QuerySet[Activity]:
    """Published activities, latest first, with beneficiaries and recommendations (3 queries)."""
    return _with_public_relations(
        public_activities().annotate(start_on=START).order_by("-start_on", "-pk")
    )


@dataclass(frozen=True)
class SummaryDate:
    iso: str
    shown: str  # SHORT_DATE_FORMAT in the current language


@dataclass(frozen=True)
class RecommendationLink:
    number: int
    url: str
    short_title: str


@dataclass(frozen=True)
class ActivitySummary:
    """One published activity as a row of portal/activities/_table.html, worked out once."""

    url: str
    type_label: str
    title: str  # "" unless its details are public
    beneficiaries: SafeString
    start: SummaryDate | None
    end: SummaryDate | None  # None when it ends the day it starts
    recommendations: list[RecommendationLink]
    status: str
    status_label: str


def summary_rows(activities: Iterable[Activity]) -> list[ActivitySummary]:
    """The rows of the activity tables from activities with their relations prefetched
    (_with_public_relations): each value computed here, so the template only writes them."""
    links: dict[int, RecommendationLink] = {}  # a recommendation recurs across rows

    def link(recommendation: Recommendation) -> RecommendationLink:
        if recommendation.number not in links:
            links[recommendation.number] = RecommendationLink(
                recommendation.number,
                reverse("recommendation_detail", args=[recommendation.number]),
                recommendation.short_title,
            )
        return links[recommendation.number]

    def day(value: datetime.date | None) -> SummaryDate | None:
        return (
            SummaryDate(value.isoformat(), date_format(value, "SHORT_DATE_FORMAT"))
            if value
            else None
        )

    return [
        ActivitySummary(
            url=activity.get_absolute_url(),
            type_label=activity.get_type_display(),
            title=activity.title if activity.details_public else "",
            beneficiaries=as_list(activity.beneficiaries.all()),
            start=day(activity.start),
            end=day(activity.end) if activity.end != activity.start else None,
            recommendations=[link(r) for r in activity.recommendations.all()],
            status=activity.status,
            status_label=activity.get_status_display(),
        )
        for activity in activities
    ]


def public_activities_for_recommendation(
    recommendation: Recommendation, limit: int = 20
) -> list[Activity]:
    """The latest published activities implementing the recommendation."""
    return list(activities_for_public_list().filter(recommendations=recommendation)[:limit])


def public_counts_by_year(recommendation: Recommendation) -> list[dict]:
    """[{"year": 2026, "count": 3}, ...] of published activities, latest year first."""
    rows = (
        public_activities()
        .filter(recommendations=recommendation)
        .annotate(start_year=ExtractYear(START))  # Activity.year is a property already
        .values("start_year")
        .annotate(count=Count("pk"))
        .order_by("-start_year")
    )
    return [{"year": row["start_year"], "count": row["count"]} for row in rows]


def recent_window(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last two years up to today, the window the cluster view looks at."""
    try:
        since = today.replace(year=today.year - RECENT_YEARS)
    except ValueError:  # 29 February
        since = today.replace(year=today.year - RECENT_YEARS, day=28)
    return since, today


def has_recent_public_activity(today: datetime.date) -> Exists:
    """For annotating recommendations: a published activity began in the last two years."""
    since, until = recent_window(today)
    return Exists(
        public_activities()
        .annotate(start_on=START)
        .filter(recommendations=OuterRef("pk"), start_on__gte=since, start_on__lte=until)
    )


@dataclass(frozen=True)
class PartyConsent:
    party: Party
    consent: ActivityConsent | None


def consent_overview(activity: Activity) -> list[PartyConsent]:
    """Each beneficiary party with its latest consent (None: not given yet)."""
    latest = {}
    for consent in activity.consents.select_related("by").order_by("at", "pk"):
        latest[consent.party_id] = consent
    return [PartyConsent(party, latest.get(party.pk)) for party in activity.beneficiaries.all()]


def consultants_of(activity: Activity) -> list[Consultant]:
    return list(activity.consultants.select_related("nationality").order_by("name"))


def roster() -> QuerySet[Consultant]:
    """The public roster: listed consultants with how many published activities they did."""
    published = Q(activities__details_public=True) & ~Q(activities__status=ActivityStatus.CANCELLED)
    return (
        Consultant.objects.filter(is_listed=True)
        .select_related("nationality")
        .annotate(public_activity_count=Count("activities", filter=published, distinct=True))
        .order_by("name", "pk")
    )


def public_activities_of(consultant: Consultant) -> list[Activity]:
    """Activities the consultant worked on whose details every beneficiary made public."""
    return list(activities_for_public_list().filter(details_public=True, consultants=consultant))
