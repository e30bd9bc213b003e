"""Who may see and do what in the enforcement app: every decision lives here (STYLE.md 3).

Staff means an active user with is_staff. "The party" means a user whose membership is in it.
Outsiders get 404 (they must not learn a confidential thing exists); insiders without the
right to act get 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from enforcement.models import (
    PUBLIC_PRACTICE,
    BestPractice,
    ConsultationMeeting,
    CountryReport,
    ExpertMission,
    InfringementStatistic,
    NationalCoordinator,
    Programme,
    ReportStatus,
    ReportVersion,
)
from portal.actors import Actor
from portal.models import Membership, Party, User
from portal.roles import bureau_region, is_triage


def is_staff(user: Actor) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def _membership(user: Actor) -> Membership | None:
    if not (user.is_authenticated and user.is_active):
        return None
    return getattr(user, "membership", None)


def belongs_to(user: Actor, party: Party) -> bool:
    membership = _membership(user)
    return membership is not None and membership.party_id == party.pk


def is_focal_point_of(user: Actor, party: Party) -> bool:
    membership = _membership(user)
    return (
        membership is not None
        and membership.party_id == party.pk
        and membership.role == Membership.Role.FOCAL_POINT
    )


def is_insider(user: Actor, party: Party) -> bool:
    """Staff, or a member of the party: who sees the party's confidential enforcement data."""
    return is_staff(user) or belongs_to(user, party)


# Country reports -------------------------------------------------------------------------
# A report on one country's enforcement gaps is as confidential as a request: until
# the party approves it, only the party and the staff who handle it see it. Staff handle a
# report as the triage desk, as the programme's team, or as the bureau of the party's region.


def handles_report(user: Actor, report: CountryReport) -> bool:
    """Staff who handle the report: triage, its programme's team, its party's regional bureau."""
    if not (is_staff(user) and isinstance(user, User)):
        return False
    if is_triage(user) or _in_bureau_of(user, report.party):
        return True
    return Programme.objects.filter(pk=report.mission.programme_id, team=user).exists()


def _in_bureau_of(user: User, party: Party) -> bool:
    return bool(bureau_region(user)) and bureau_region(user) == party.region


def is_report_insider(user: Actor, report: CountryReport) -> bool:
    """Sees the report in every state, with its history and every version: party or handler."""
    return belongs_to(user, report.party) or handles_report(user, report)


def can_view_report(user: Actor, report: CountryReport) -> bool:
    return report.status == ReportStatus.APPROVED or is_report_insider(user, report)


def can_send_report_for_review(user: Actor, report: CountryReport) -> bool:
    return report.status == ReportStatus.DRAFT and handles_report(user, report)


def can_review_report(user: Actor, report: CountryReport) -> bool:
    """Only the party's focal point approves or returns its report, and only under review."""
    return (
        is_focal_point_of(user, report.party)
        and report.status == ReportStatus.UNDER_NATIONAL_REVIEW
    )


def can_upload_report_version(user: Actor, report: CountryReport) -> bool:
    """Staff who handle the report add versions; one after approval sends it back for review."""
    return handles_report(user, report)


def can_act_on_report(user: Actor, report: CountryReport) -> bool:
    return (
        can_send_report_for_review(user, report)
        or can_review_report(user, report)
        or can_upload_report_version(user, report)
    )


def can_download_version(user: Actor, version: ReportVersion) -> bool:
    """Insiders read every version; everyone else only the one the party approved."""
    report = version.report
    if is_report_insider(user, report):
        return True
    return report.status == ReportStatus.APPROVED and report.approved_version_id == version.pk


def handled_reports(user: Actor) -> QuerySet[CountryReport]:
    """The reports the user handles as staff (the admin's scope); none for anyone else."""
    reports = CountryReport.objects.all()
    if not (is_staff(user) and isinstance(user, User)):
        return reports.none()
    if is_triage(user):
        return reports
    return reports.filter(_handled_scope(user))


def _handled_scope(user: User) -> Q:
    # A subquery, not a join: a join through the team would repeat a report per team member.
    teams = Programme.objects.filter(team=user).values("pk")
    scope = Q(mission__programme_id__in=teams)
    if region := bureau_region(user):  # the one bureau scope (portal.roles)
        scope |= Q(party__region=region)
    return scope


def visible_reports(user: Actor) -> QuerySet[CountryReport]:
    """Approved reports for everyone; the party's own and the handled ones in every state."""
    reports = CountryReport.objects.all()
    if is_staff(user) and is_triage(user):
        return reports
    scope = Q(status=ReportStatus.APPROVED)
    if is_staff(user) and isinstance(user, User):
        scope |= _handled_scope(user)
    membership = _membership(user)
    if membership is not None:
        scope |= Q(party_id=membership.party_id)
    return reports.filter(scope)


def get_report_for_user(user: Actor, pk: int, *, for_edit: bool = False) -> CountryReport:
    """The report, or 404 if the user may not see it; 403 if for_edit and they may not act."""
    report = get_object_or_404(
        CountryReport.objects.select_related("party", "mission__programme"), pk=pk
    )
    if not can_view_report(user, report):
        raise Http404
    if for_edit and not can_act_on_report(user, report):
        raise PermissionDenied
    return report


def get_version_for_user(user: Actor, pk: int, number: int) -> ReportVersion:
    """One version of a report, 404 unless the user may read that very version."""
    report = get_report_for_user(user, pk)
    version = get_object_or_404(report.versions.all(), number=number)
    version.report = report
    if not can_download_version(user, version):
        raise Http404
    return version


# Missions, coordinators, meetings --------------------------------------------------------


def can_see_mission_findings(user: Actor, mission: ExpertMission) -> bool:
    """What a mission gathered feeds the confidential reports: staff and visited parties."""
    if is_staff(user):
        return True
    membership = _membership(user)
    return membership is not None and any(
        party.pk == membership.party_id for party in mission.parties.all()
    )


def can_see_coordinator_contact(user: Actor, coordinator: NationalCoordinator) -> bool:
    return is_insider(user, coordinator.party)


def can_see_attendee_names(user: Actor) -> bool:
    return is_staff(user)


def get_meeting_for_user(user: Actor, pk: int, *, for_edit: bool = False) -> ConsultationMeeting:
    """Meetings are public; editing their attendees is for staff (403 for anyone else)."""
    meeting = get_object_or_404(
        ConsultationMeeting.objects.select_related("programme", "host_party"), pk=pk
    )
    if for_edit and not is_staff(user):
        raise PermissionDenied
    return meeting


# Best practices --------------------------------------------------------------------------


def visible_best_practices(user: Actor) -> QuerySet[BestPractice]:
    """Public practices for everyone; staff also see proposed ones and those of draft reports."""
    practices = BestPractice.objects.all()
    return practices if is_staff(user) else practices.filter(PUBLIC_PRACTICE)


def get_best_practice_for_user(user: Actor, pk: int) -> BestPractice:
    queryset = visible_best_practices(user).select_related(
        "party",
        "source_report__party",
        "source_report__mission__programme",
        "source_meeting__programme",
    )
    return get_object_or_404(queryset, pk=pk)


# Infringement statistics -----------------------------------------------------------------


def visible_statistics(user: Actor) -> QuerySet[InfringementStatistic]:
    """Released rows for everyone; every row of the party for its members; all for staff."""
    statistics = InfringementStatistic.objects.all()
    if is_staff(user):
        return statistics
    scope = Q(released_at__isnull=False)
    membership = _membership(user)
    if membership is not None:
        scope |= Q(party_id=membership.party_id)
    return statistics.filter(scope)


def can_report_statistics(user: Actor, party: Party) -> bool:
    return is_insider(user, party)


def can_release_statistics(user: Actor, party: Party) -> bool:
    """Publishing the figures is the party's decision, taken by its focal point."""
    return is_focal_point_of(user, party)


def get_statistics_party_for_user(user: Actor, code: str, *, for_release: bool = False) -> Party:
    """The party whose figures the user manages: 404 to outsiders, 403 if they may not release."""
    party = get_object_or_404(Party, code=code.upper())
    if not can_report_statistics(user, party):
        raise Http404
    if for_release and not can_release_statistics(user, party):
        raise PermissionDenied
    return party
