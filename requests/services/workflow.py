"""The one place a request's status changes (DESIGN.md s.3)."""

import datetime
from collections.abc import Iterable
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.models import User
from portal.roles import is_triage
from portal.workflow import WorkflowError, move
from requests import notifications
from requests.date_drilldown import retire_cached_drilldowns
from requests.models import (
    PARTY_ONLY_STATUSES,
    PAUSED_STATUSES,
    Assignment,
    AssistanceRequest,
    Document,
    Status,
    StatusChange,
)
from requests.models.workflow import TRANSITIONS
from requests.permissions import can_take, is_requesting_member, may_take_region, plays
from requests.services import access
from requests.services.activities import LEADS_TO_ACTIVITIES
from requests.services.conversation import add_document, post_message
from requests.services.drafting import answers_of, check_request_rules
from requests.services.needs import link_concluded_matches


def _check_pause(locked: AssistanceRequest, to_status: str, *, note: str) -> None:
    """A pause says why (the party reads it); resuming returns where the pause was taken."""
    if to_status == Status.INFORMATION_REQUESTED and not note.strip():
        raise ValidationError({"note": _("Write the question the party should answer.")})
    if to_status == Status.ON_HOLD and not note.strip():
        raise ValidationError({"note": _("Give the reason for the pause; the party sees it.")})
    if locked.status in PAUSED_STATUSES and to_status != Status.WITHDRAWN:
        paused_from = locked.paused_from or Status.UNDER_REVIEW
        if to_status != paused_from:
            raise ValidationError(
                _("This request resumes where it was paused: “%(status)s”.")
                % {"status": Status(paused_from).label}
            )


def _stop_the_pause(locked: AssistanceRequest) -> None:
    """Recommendations 1 and 13: the clock stops while a request is paused, so the agreed
    time frame moves on by the days it waited, and the days are counted apart."""
    if locked.waiting_since:
        waited = (timezone.localdate() - timezone.localdate(locked.waiting_since)).days
        if locked.due_date:
            locked.due_date += datetime.timedelta(days=waited)
        locked.paused_days += waited
    locked.waiting_since = None
    locked.paused_from = ""


def _check_requirements(
    locked: AssistanceRequest,
    to_status: str,
    *,
    reason: str,
    due_date: datetime.date | None,
    deliverable: UploadedFile | None,
    note: str = "",
) -> None:
    if locked.status == Status.READY and to_status == Status.DRAFT and not note.strip():
        # The official must learn what to change.
        raise ValidationError({"note": _("Say what should change before it is submitted.")})
    if to_status == Status.DECLINED and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for declining.")})
    if to_status == Status.ACCEPTED and locked.status not in PAUSED_STATUSES:
        if due_date is None:
            raise ValidationError({"due_date": _("Accepting needs an agreed time frame.")})
        if due_date < timezone.localdate():
            raise ValidationError({"due_date": _("The time frame cannot be in the past.")})
    if deliverable is not None and to_status != Status.DELIVERED:
        raise ValidationError({"deliverable": _("A deliverable is attached only on delivery.")})
    if to_status == Status.DELIVERED and deliverable is None:
        has_one = locked.documents.filter(kind=Document.Kind.DELIVERABLE).exists()
        if not has_one:
            raise ValidationError({"deliverable": _("Delivering needs a deliverable document.")})
    if to_status == Status.SUBMITTED:
        check_request_rules(locked.party, answers_of(locked))


@transaction.atomic
def transition(
    assistance_request: AssistanceRequest,
    to_status: str,
    *,
    actor: User,
    note: str = "",
    note_visible_to_party: bool = True,
    reason: str = "",
    due_date: datetime.date | None = None,
    deliverable: UploadedFile | None = None,
    expected_status: str | None = None,
) -> AssistanceRequest:
    """Move the request to `to_status` if the workflow and the actor allow it.

    Locks the row, so two people acting at once cannot lose each other's change: the second
    is told the request moved meanwhile (WorkflowError); a move the table does not list is a
    WorkflowError, an actor without the right PermissionDenied. Records a StatusChange and
    queues notifications to be sent once the transaction commits.
    """
    before: dict[str, datetime.date | None] = {}  # the due date before the move
    return move(
        assistance_request,
        to_status,
        actor=actor,
        table=TRANSITIONS,
        may=plays,
        expected_status=expected_status,
        prepare=partial(
            _prepare,
            actor=actor,
            note=note,
            reason=reason,
            due_date=due_date,
            deliverable=deliverable,
            before=before,
        ),
        history=False,  # StatusChange is the history
        record=partial(
            _record,
            actor=actor,
            note=note,
            note_visible_to_party=note_visible_to_party,
            before=before,
        ),
    )


def _prepare(
    locked: AssistanceRequest,
    to_status: str,
    *,
    actor: User,
    note: str,
    reason: str,
    due_date: datetime.date | None,
    deliverable: UploadedFile | None,
    before: dict[str, datetime.date | None],
) -> None:
    """The move's requirements, then the fields that change with it."""
    _check_pause(locked, to_status, note=note)
    _check_requirements(
        locked, to_status, reason=reason, due_date=due_date, deliverable=deliverable, note=note
    )
    now = timezone.now()
    before["due_date"] = locked.due_date  # the history row says if the move changed it
    resuming = locked.status in PAUSED_STATUSES
    if resuming:
        _stop_the_pause(locked)
    if to_status in PAUSED_STATUSES:
        locked.waiting_since, locked.paused_from = now, locked.status
    if to_status == Status.SUBMITTED:
        locked.submitted_by, locked.submitted_at = actor, now
    if to_status == Status.ACCEPTED and not resuming:
        locked.due_date = due_date
    if to_status == Status.DECLINED:
        locked.decline_reason = reason.strip()
    if deliverable is not None:
        add_document(locked, deliverable, actor=actor, kind=Document.Kind.DELIVERABLE)
    locked.last_activity_at = now
    locked.changed_by(actor)  # the audit trail names the actor, from a task as from a page


def _record(
    locked: AssistanceRequest,
    from_status: str,
    *,
    actor: User,
    note: str,
    note_visible_to_party: bool,
    before: dict[str, datetime.date | None],
) -> None:
    """The history row, who sees the request from now on, and the notifications."""
    if locked.status == Status.DECLINED:
        note = note or locked.decline_reason
    if locked.status in PAUSED_STATUSES:
        note_visible_to_party = True  # the question, or the reason for the pause, is the party's
    StatusChange.objects.create(
        assistance_request=locked,
        from_status=from_status,
        to_status=locked.status,
        actor=actor,
        at=locked.last_activity_at,
        note=note.strip(),
        note_visible_to_party=note_visible_to_party,
        due_date=locked.due_date if locked.due_date != before.get("due_date") else None,
    )
    if from_status in PARTY_ONLY_STATUSES:
        access.refresh_view_access(locked)  # beneficiaries see it from now on
    if locked.status in LEADS_TO_ACTIVITIES and from_status not in LEADS_TO_ACTIVITIES:
        # A match on the request's need may have concluded before the request was accepted.
        link_concluded_matches(locked, actor=actor)
    notifications.status_changed(
        locked,
        locked.status,
        actor=actor,
        from_status=from_status,
        note=note.strip() if note_visible_to_party else "",
    )
    retire_cached_drilldowns()


@transaction.atomic
def assign_officer(
    assistance_request: AssistanceRequest, officer: User, *, actor: User
) -> AssistanceRequest:
    """The triage desk gives the request to an officer, who then sees and works on it."""
    if not is_triage(actor):
        raise PermissionDenied
    return _assign(assistance_request, officer, actor=actor)


@transaction.atomic
def take(assistance_request: AssistanceRequest, *, actor: User) -> AssistanceRequest:
    """ "Take it": staff who may handle the request's region assign it to themselves."""
    locked = AssistanceRequest.objects.select_related("party").get(pk=assistance_request.pk)
    if not can_take(actor, locked):
        raise PermissionDenied
    return _assign(locked, actor, actor=actor)


def _assign(
    assistance_request: AssistanceRequest, officer: User | None, *, actor: User
) -> AssistanceRequest:
    """Lock, assign, record who decided it and when (the timeline shows it), notify."""
    locked = (
        AssistanceRequest.objects.select_for_update()
        .select_related("party")
        .get(pk=assistance_request.pk)
    )
    if officer is not None and not may_take_region(officer, locked.party.region):
        raise ValidationError(
            {"officer": _("Choose a member of staff who may handle this party's region.")}
        )
    if locked.status in PARTY_ONLY_STATUSES:
        raise WorkflowError(_("A draft cannot be assigned."))
    previous = locked.assigned_officer
    if officer == previous:
        return locked
    locked.assigned_officer = officer
    locked.last_activity_at = timezone.now()
    locked.changed_by(actor)
    locked.save(update_fields=["assigned_officer", "last_activity_at"])
    Assignment.objects.create(
        assistance_request=locked, officer=officer, actor=actor, at=locked.last_activity_at
    )
    access.refresh_view_access(locked)
    if officer is not None and officer != actor:
        notifications.officer_assigned(locked, officer)
    return locked


@transaction.atomic
def send_information(
    assistance_request: AssistanceRequest,
    *,
    actor: User,
    body: str,
    attachments: Iterable[UploadedFile] = (),
) -> AssistanceRequest:
    """The party answers a request for information: its message, its files and the return to
    the stage the request was paused at happen together or not at all."""
    if not is_requesting_member(actor, assistance_request):
        raise PermissionDenied
    if assistance_request.status != Status.INFORMATION_REQUESTED:
        raise ValidationError(_("This request is not waiting for information from your party."))
    post_message(assistance_request, actor=actor, body=body, attachments=attachments)
    resume_at = assistance_request.paused_from or Status.UNDER_REVIEW
    return transition(assistance_request, resume_at, actor=actor)
