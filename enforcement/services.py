"""Every state change of the enforcement app (STYLE.md 1): views, admin and demo call these."""

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from enforcement import events, permissions
from enforcement.models import (
    PRACTICE_TRANSITIONS,
    RELEASE_TRANSITIONS,
    REPORT_TRANSITIONS,
    Attendee,
    BestPractice,
    ConsultationMeeting,
    CountryReport,
    InfringementStatistic,
    PracticeStatus,
    ReleaseStatus,
    ReportReview,
    ReportStatus,
    ReportVersion,
    ReviewAction,
)
from enforcement.statistics_csv import already_recorded, parse_statistics_csv
from portal.csv_import import RowError
from portal.errors import PortalError
from portal.models import Membership, Party, User
from portal.notifications.services import notify
from portal.uploads import check_upload
from portal.workflow import WorkflowError, move, targets

# The outbox events of a report's workflow.
REPORT_EVENTS = {
    ReviewAction.SENT_FOR_REVIEW: events.REPORT_FOR_REVIEW,
    ReviewAction.APPROVED: events.REPORT_APPROVED,
    ReviewAction.RETURNED: events.REPORT_RETURNED,
}


class UploadRejected(PortalError):
    """A statistics upload with bad rows: nothing was saved; `errors` says which and why."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} bad row(s)")
        self.errors = errors


# Country reports -------------------------------------------------------------------------

_ALLOWED = {
    ReviewAction.SENT_FOR_REVIEW: permissions.can_send_report_for_review,
    ReviewAction.APPROVED: permissions.can_review_report,
    ReviewAction.RETURNED: permissions.can_review_report,
    ReviewAction.NEW_VERSION: permissions.can_upload_report_version,
}


def _may_take_step(actor: User, report: CountryReport, step: str, _target: str) -> bool:
    return _ALLOWED[ReviewAction(step)](actor, report)


@transaction.atomic
def review_report(
    report_pk: int,
    actor: User,
    action: str,
    comment: str = "",
    *,
    version_number: int | None = None,
) -> CountryReport:
    """Take one review step (portal.workflow.move: locks, checks the move and the actor, logs).

    Sending and approving need the document; approving with version_number refuses if a newer
    version arrived since the focal point opened the page. The step records the latest version.
    """
    report = CountryReport.objects.select_related("party", "mission__programme").get(pk=report_pk)
    target = next(
        (to for to, step in targets(REPORT_TRANSITIONS, report.status).items() if step == action),
        None,
    )
    if target is None:
        raise WorkflowError(_("This report cannot be moved that way from its current status."))
    comment = comment.strip()
    return move(
        report,
        target,
        actor=actor,
        table=REPORT_TRANSITIONS,
        may=_may_take_step,
        prepare=partial(_prepare_step, action=action, comment=comment, seen=version_number),
        history=False,  # ReportReview is the history
        record=partial(_record_step, actor=actor, action=action, comment=comment),
    )


def _prepare_step(
    report: CountryReport, target: str, *, action: str, comment: str, seen: int | None
) -> None:
    if action == ReviewAction.RETURNED and not comment:
        raise ValidationError(_("Say what should change when returning a report."))
    latest = report.versions.first()
    _check_document(action, latest, seen)
    approved = target == ReportStatus.APPROVED
    report.approved_at = timezone.now() if approved else None
    report.approved_version = latest if approved else None


def _record_step(
    report: CountryReport, from_status: str, *, actor: User, action: str, comment: str
) -> None:
    ReportReview.objects.create(
        report=report,
        action=action,
        from_status=from_status,
        to_status=report.status,
        actor=actor,
        comment=comment,
        version=report.versions.first(),
    )
    _notify_review(report, action, comment)


def _check_document(action: str, latest: ReportVersion | None, version_number: int | None) -> None:
    """No one sends or approves a report whose document they cannot read."""
    if action not in (ReviewAction.SENT_FOR_REVIEW, ReviewAction.APPROVED):
        return
    if latest is None:
        raise ValidationError(
            _("The report has no file yet: it cannot be sent for review or approved without it.")
        )
    if version_number is not None and version_number != latest.number:
        raise ValidationError(
            _(
                "Version %(latest)s was uploaded after the version %(seen)s you read. Read the "
                "new version before approving it."
            )
            % {"latest": latest.number, "seen": version_number}
        )


@transaction.atomic
def add_report_version(report_pk: int, actor: User, upload: UploadedFile) -> ReportVersion:
    """Store a new version of the report's document (checked like request documents).

    After approval this sends the report back to the party's focal point for approval.
    """
    report = CountryReport.objects.select_for_update().select_related("party").get(pk=report_pk)
    if not permissions.can_upload_report_version(actor, report):
        raise PermissionDenied
    checked = check_upload(upload)
    number = (report.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = ReportVersion(
        report=report,
        number=number,
        file_name=checked.name,
        size=checked.size,
        prepared_by=actor,
    )
    version.file.save(checked.name, upload, save=False)
    version.save()
    review_report(report.pk, actor, ReviewAction.NEW_VERSION)
    return version


def _notify_review(report: CountryReport, action: str, comment: str) -> None:
    """Tell the focal point a report awaits them, or the sender what the party decided.

    Only people who may see the report are told of it (a staff member who sent it and has
    since left the programme's team hears nothing).
    """
    if action == ReviewAction.NEW_VERSION:
        # A new document matters to the focal point only when it is theirs to approve.
        if report.status != ReportStatus.UNDER_NATIONAL_REVIEW:
            return
        event = REPORT_EVENTS[ReviewAction.SENT_FOR_REVIEW]
    else:
        event = REPORT_EVENTS[ReviewAction(action)]
    if report.status == ReportStatus.UNDER_NATIONAL_REVIEW:
        recipients: list = [
            membership.user
            for membership in Membership.objects.filter(
                party=report.party, role=Membership.Role.FOCAL_POINT
            ).select_related("user")
        ]
    else:
        sent = report.reviews.filter(action=ReviewAction.SENT_FOR_REVIEW).select_related("actor")
        recipients = [step.actor for step in sent.order_by("-created_at", "-pk")[:1]]
    told = [user for user in recipients if user and permissions.can_view_report(user, report)]
    notify(
        event=event,
        recipients=told,
        subject_object=report,
        context={"party": report.party.name, "title": report.title, "comment": comment},
        needs_action=action != ReviewAction.APPROVED,
    )


# Best practices and meetings -------------------------------------------------------------


@transaction.atomic
def adopt_best_practices(practice_pks: Iterable[int], actor: User) -> int:
    """Record that the meeting adopted these practices (which makes them public); staff only.

    Returns how many moved; practices already adopted, or with no meeting, are left alone.
    """
    if not permissions.is_staff(actor):
        raise PermissionDenied
    proposed = BestPractice.objects.filter(
        pk__in=practice_pks, source_meeting__isnull=False, status=PracticeStatus.PROPOSED
    )
    for practice in proposed:
        move(
            practice,
            PracticeStatus.ADOPTED,
            actor=actor,
            table=PRACTICE_TRANSITIONS,
            may=lambda actor, _practice, _who, _to: permissions.is_staff(actor),
        )
    return len(proposed)


@transaction.atomic
def add_attendees(meeting: ConsultationMeeting, actor: User, rows: list[dict]) -> list[Attendee]:
    """Add the attendees named in rows (party, agency_type, name, organisation, position)."""
    if not permissions.is_staff(actor):
        raise PermissionDenied
    return Attendee.objects.bulk_create(Attendee(meeting=meeting, **row) for row in rows)


# Infringement statistics -----------------------------------------------------------------


def _check_reporter(actor: User, party: Party) -> None:
    if not permissions.can_report_statistics(actor, party):
        raise PermissionDenied


@transaction.atomic
def record_statistic(party: Party, actor: User, **fields: Any) -> InfringementStatistic:
    """Record one figure for the party (unreleased); ValidationError if the cell is taken."""
    _check_reporter(actor, party)
    try:
        with transaction.atomic():
            return InfringementStatistic.objects.create(party=party, created_by=actor, **fields)
    except IntegrityError:
        raise ValidationError(already_recorded()) from None


@transaction.atomic
def import_statistics(
    party: Party, actor: User, upload: UploadedFile
) -> list[InfringementStatistic]:
    """Record every row of a CSV upload, or none: UploadRejected lists each bad line."""
    _check_reporter(actor, party)
    rows, errors = parse_statistics_csv(upload, party)
    if errors:
        raise UploadRejected(errors)
    return InfringementStatistic.objects.bulk_create(
        InfringementStatistic(party=party, created_by=actor, **row) for row in rows
    )


def release_statistics(party: Party, actor: User, statistic_pks: Iterable[int]) -> int:
    """Publish the party's chosen figures; only its focal point may. Returns how many changed."""
    return _set_released(party, actor, statistic_pks, released=True)


def withdraw_statistics(party: Party, actor: User, statistic_pks: Iterable[int]) -> int:
    """Take released figures off the public pages again; the focal point's decision too."""
    return _set_released(party, actor, statistic_pks, released=False)


@transaction.atomic
def _set_released(
    party: Party, actor: User, statistic_pks: Iterable[int], *, released: bool
) -> int:
    if not permissions.can_release_statistics(actor, party):
        raise PermissionDenied
    source, target = (
        (ReleaseStatus.UNRELEASED, ReleaseStatus.RELEASED)
        if released
        else (ReleaseStatus.RELEASED, ReleaseStatus.UNRELEASED)
    )

    def stamp(statistic: InfringementStatistic, _to: str) -> None:
        statistic.released_at = timezone.now() if released else None
        statistic.released_by = actor if released else None

    chosen = InfringementStatistic.objects.filter(party=party, pk__in=statistic_pks, status=source)
    for statistic in chosen:
        move(
            statistic,
            target,
            actor=actor,
            table=RELEASE_TRANSITIONS,
            may=lambda actor, statistic, who, _to: (
                who == "focal_point"
                and statistic.party_id == party.pk
                and permissions.can_release_statistics(actor, party)
            ),
            prepare=stamp,
        )
    return len(chosen)
