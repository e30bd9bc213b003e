"""Reads of the enforcement app, shaped for its pages, with the visibility scope applied first."""

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet, Sum

from enforcement import permissions
from enforcement.models import (
    AgencyType,
    Attendee,
    BestPractice,
    ConsultationMeeting,
    CountryReport,
    ExpertMission,
    InfringementStatistic,
    MissionMeeting,
    NationalCoordinator,
    Programme,
    ReportReview,
    ReportVersion,
    ReviewAction,
)
from portal.actors import Actor
from portal.models import Party


def programme_list() -> QuerySet[Programme]:
    """Every programme with its participating parties (two queries)."""
    return Programme.objects.prefetch_related("participating_parties").annotate(
        mission_count=Count("missions", distinct=True),
        meeting_count=Count("meetings", distinct=True),
    )


def programme_for_page(pk: int) -> Programme | None:
    """A programme with its missions (by date), meetings (by date) and coordinators."""
    missions = ExpertMission.objects.order_by("start_date", "pk").prefetch_related(
        "parties",
        "experts",
        Prefetch("meetings", MissionMeeting.objects.select_related("party")),
    )
    meetings = ConsultationMeeting.objects.order_by("start_date", "pk").select_related("host_party")
    return (
        Programme.objects.prefetch_related(
            "participating_parties",
            Prefetch("missions", missions),
            Prefetch("meetings", meetings),
            Prefetch("coordinators", NationalCoordinator.objects.select_related("party")),
        )
        .filter(pk=pk)
        .first()
    )


def programme_story(programme: Programme, user: Actor) -> dict:
    """The outputs of a programme in the order its page tells them, scoped to the user.

    A fixed number of queries: reports, practices, attendance counts, statistics summary.
    """
    reports = list(report_list(user).filter(mission__programme=programme))
    practices = list(
        best_practice_list(user).filter(
            Q(source_report__mission__programme=programme) | Q(source_meeting__programme=programme)
        )
    )
    attendance: dict[int, list[dict]] = {}
    for row in (
        Attendee.objects.filter(meeting__programme=programme)
        .values("meeting_id", "party__name", "agency_type")
        .annotate(count=Count("pk"))
        .order_by("meeting_id", "party__name", "agency_type")
    ):
        label = AgencyType(row["agency_type"]).label
        attendance.setdefault(row["meeting_id"], []).append({**row, "agency_label": label})
    by_area: dict[str, list] = {}
    for practice in practices:
        by_area.setdefault(practice.get_area_display(), []).append(practice)
    for meeting in programme.meetings.all():
        # For the template: what this page may show of each meeting and mission.
        meeting.attendance = attendance.get(meeting.pk, [])  # type: ignore[attr-defined]
        meeting.adopted = [p for p in practices if p.source_meeting_id == meeting.pk]  # type: ignore[attr-defined]
    for mission in programme.missions.all():
        mission.visible_reports = [r for r in reports if r.mission_id == mission.pk]  # type: ignore[attr-defined]
    return {
        "reports": reports,
        "practices_by_area": sorted(by_area.items()),
        "statistics": _statistics_summary(programme, user),
    }


def _statistics_summary(programme: Programme, user: Actor) -> list[dict]:
    """Per participating party: how many figures the user may see, and over which years."""
    parties = programme.participating_parties.values("pk")
    return [
        dict(row)
        for row in permissions.visible_statistics(user)
        .filter(party__in=parties)
        .order_by()
        .values("party__code", "party__name")
        .annotate(count=Count("pk"), first=Min("year"), last=Max("year"))
        .order_by("party__name")
    ]


def report_list(user: Actor) -> QuerySet[CountryReport]:
    """The reports the user may see, with party and mission (one query)."""
    return permissions.visible_reports(user).select_related("party", "mission")


def report_history(report: CountryReport) -> QuerySet[ReportReview]:
    return report.reviews.select_related("actor", "version")


def report_page(report: CountryReport, user: Actor) -> dict:
    """What the report page shows the user: the versions they may read, history, practices.

    `latest` is the version a focal point would approve; `shown` is the one the page presents
    (the approved version to the public, the latest to insiders).
    """
    insider = permissions.is_report_insider(user, report)
    versions = list(report.versions.select_related("prepared_by")) if insider else []
    if not insider and report.approved_version_id:
        versions = [
            ReportVersion.objects.select_related("prepared_by").get(pk=report.approved_version_id)
        ]
    latest = versions[0] if versions else None
    return {
        "versions": versions,
        "latest": latest,
        "history": report_history(report) if insider else [],
        "practices": best_practice_list(user).filter(source_report=report),
    }


def approval_in_question(report: CountryReport, version_number: int | None) -> dict | None:
    """What approving would publish: the latest version (if it is the one read, when one is
    named), and who sent the report for review and when; None when there is nothing to approve
    (the service then says why)."""
    latest = report.versions.select_related("prepared_by").first()
    if latest is None or (version_number and version_number != latest.number):
        return None
    sent = (
        report.reviews.filter(action=ReviewAction.SENT_FOR_REVIEW)
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
    return {"version": latest, "sent": sent}


def best_practice_list(user: Actor) -> QuerySet[BestPractice]:
    """The best practices the user may see, with what they came from (one query)."""
    return permissions.visible_best_practices(user).select_related(
        "party", "source_report__party", "source_meeting"
    )


def parties_with_practices(user: Actor) -> QuerySet[Party]:
    ids = permissions.visible_best_practices(user).filter(party__isnull=False).values("party_id")
    return Party.objects.filter(pk__in=ids)


def meeting_attendance(meeting: ConsultationMeeting) -> list[dict]:
    """Attendees counted by party and agency type (what the public may know of attendance)."""
    return [
        {**row, "agency_label": AgencyType(row["agency_type"]).label}
        for row in meeting.attendees.values("party__name", "agency_type")
        .annotate(count=Count("pk"))
        .order_by("party__name", "agency_type")
    ]


def meeting_parties(meeting: ConsultationMeeting) -> list[Party]:
    """The parties an attendee may come from: those invited, or every state if none are."""
    parties = list(meeting.invited_parties.all())
    return parties or list(Party.objects.filter(kind=Party.Kind.STATE))


def meeting_attendees(meeting: ConsultationMeeting) -> QuerySet[Attendee]:
    return meeting.attendees.select_related("party")


def meeting_practices(meeting: ConsultationMeeting, user: Actor) -> QuerySet[BestPractice]:
    return best_practice_list(user).filter(source_meeting=meeting)


def statistic_list(user: Actor) -> QuerySet[InfringementStatistic]:
    """The figures the user may see (released ones for the public), with their party."""
    return permissions.visible_statistics(user).select_related("party")


def parties_with_statistics(user: Actor) -> QuerySet[Party]:
    return Party.objects.filter(pk__in=permissions.visible_statistics(user).values("party_id"))


def totals_by_year(statistics: QuerySet) -> list[tuple[int, object]]:
    rows = statistics.order_by().values("year").annotate(total=Sum("value")).order_by("year")
    return [(row["year"], row["total"]) for row in rows]


def totals_by_agency_and_year(statistics: QuerySet) -> list[dict]:
    return list(
        statistics.order_by()
        .values("agency_type", "year")
        .annotate(total=Sum("value"))
        .order_by("agency_type", "year")
    )


def currencies(statistics: QuerySet) -> list[str]:
    return list(statistics.order_by("currency").values_list("currency", flat=True).distinct())


def member_states() -> QuerySet[Party]:
    return Party.objects.filter(kind=Party.Kind.STATE)


def party_statistics(party: Party) -> QuerySet[InfringementStatistic]:
    """Every figure of one party, released or not, for its members and staff."""
    return InfringementStatistic.objects.filter(party=party).select_related("released_by")
