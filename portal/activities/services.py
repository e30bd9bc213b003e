"""State changes of activities: recording them, and the consent that alone makes them public."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import events
from portal.activities import permissions
from portal.models import (
    Activity,
    ActivityConsent,
    ActivityStatus,
    Consultant,
    Membership,
    Party,
    Recommendation,
    User,
)
from portal.models.activities import ACTIVITY_TRANSITIONS
from portal.notifications.services import notify
from portal.workflow import move, route


def latest_consents(activity: Activity) -> dict[int, ActivityConsent]:
    """Each party's most recent consent on the activity, by party id (one query)."""
    latest: dict[int, ActivityConsent] = {}
    for consent in activity.consents.order_by("at", "pk"):
        latest[consent.party_id] = consent  # later rows overwrite earlier ones
    return latest


def publication_state(
    beneficiary_ids: Iterable[int], latest: dict[int, ActivityConsent]
) -> tuple[bool, bool]:
    """(general, details): each is public only if every beneficiary's latest consent says so."""
    beneficiary_ids = set(beneficiary_ids)
    if not beneficiary_ids:
        return False, False
    consents = [latest.get(party_id) for party_id in beneficiary_ids]
    general = all(consent is not None and consent.general for consent in consents)
    details = general and all(consent is not None and consent.details for consent in consents)
    return general, details


@transaction.atomic
def refresh_publication(activity: Activity) -> Activity:
    """Recompute the public flags from the consents and beneficiaries; locks the activity row.

    Called in the same transaction as every change of consent or beneficiaries, so a
    withdrawal takes the activity off the public pages the moment it commits.
    """
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    general, details = publication_state(
        locked.beneficiaries.values_list("pk", flat=True), latest_consents(locked)
    )
    if (locked.general_info_public, locked.details_public) != (general, details):
        locked.general_info_public, locked.details_public = general, details
        locked.save(update_fields=["general_info_public", "details_public"])
    activity.general_info_public, activity.details_public = general, details
    return activity


def _check_consent_shape(general: bool, details: bool) -> None:
    if details and not general:
        raise ValidationError(
            {"details": _("Details can be shared only if general information may be published.")}
        )


def _append_consent(
    activity: Activity,
    party: Party,
    *,
    by: User,
    general: bool,
    details: bool,
    source: str,
) -> ActivityConsent | None:
    """Add a consent row unless it says what the party's latest already says."""
    Activity.objects.select_for_update().filter(pk=activity.pk).first()  # serialise consents
    latest = activity.consents.filter(party=party).order_by("-at", "-pk").first()
    if latest is not None and (latest.general, latest.details) == (general, details):
        return None
    consent = ActivityConsent.objects.create(
        activity=activity,
        party=party,
        general=general,
        details=details,
        by=by,
        at=timezone.now(),
        source=source,
    )
    refresh_publication(activity)
    return consent


@transaction.atomic
def record_consent(
    activity: Activity,
    *,
    actor: User,
    general: bool,
    details: bool,
    source: str = ActivityConsent.Source.ACTIVITY,
) -> ActivityConsent | None:
    """The focal point of a beneficiary party gives or withdraws its consent (recommendation 5).

    Returns the new row, or None when nothing changed. Details need general consent too.
    """
    if not permissions.can_consent(actor, activity):
        raise PermissionDenied
    _check_consent_shape(general, details)
    return _append_consent(
        activity, actor.party, by=actor, general=general, details=details, source=source
    )


@transaction.atomic
def carry_over_consent(
    activity: Activity, *, actor: User, party: Party, by: User, general: bool, details: bool
) -> ActivityConsent | None:
    """Apply a consent the party already recorded elsewhere (on the request) to this activity.

    `by` is the focal point who gave it; `actor` the staff who link the activity, or that
    focal point. A party that is not a beneficiary is ignored.
    """
    if not permissions.can_carry_over_consent(actor, activity):
        raise PermissionDenied
    _check_consent_shape(general, details)
    if not activity.beneficiaries.filter(pk=party.pk).exists():
        return None
    consent = _append_consent(
        activity,
        party,
        by=by,
        general=general,
        details=details,
        source=ActivityConsent.Source.REQUEST,
    )
    if consent is not None and (general or details):
        _tell_consent_carried_over(activity, party, actor=actor, general=general, details=details)
    return consent


def _tell_consent_carried_over(
    activity: Activity, party: Party, *, actor: User, general: bool, details: bool
) -> None:
    """The party's focal points hear what their consent on the request now opens (not the actor)."""
    focal_points = User.objects.filter(
        membership__party=party,
        membership__role=Membership.Role.FOCAL_POINT,
        is_active=True,
    ).exclude(pk=actor.pk)
    notify(
        event=events.CONSENT_CARRIED_OVER,
        recipients=focal_points,
        subject_object=activity,
        context={
            "title": activity.title,
            "general": general,
            "details": details,
            "general_public": activity.general_info_public,
            "details_public": activity.details_public,
        },
    )


# Set with the activity by the services below, never by a form's save_m2m on the side.
RELATED = ("beneficiaries", "recommendations", "consultants")


@transaction.atomic
def create_activity(
    *,
    actor: User,
    beneficiaries: Iterable[Party],
    recommendations: Iterable[Recommendation] = (),
    consultants: Iterable[Consultant] = (),
    status: str = ActivityStatus.PLANNED,
    **fields: Any,
) -> Activity:
    """Record an activity; it stays unpublished until every beneficiary consents.

    One recorded after the fact (in progress, completed, cancelled) starts planned and is
    moved there by the same actor, each step with its history row.
    """
    activity = add_activity(
        Activity(**fields),
        actor=actor,
        beneficiaries=beneficiaries,
        recommendations=recommendations,
        consultants=consultants,
    )
    for step in route(ACTIVITY_TRANSITIONS, ActivityStatus.PLANNED, status):
        activity = move_activity(activity, step, actor=actor)
    return activity


@transaction.atomic
def add_activity(
    activity: Activity,
    *,
    actor: User,
    beneficiaries: Iterable[Party],
    recommendations: Iterable[Recommendation] = (),
    consultants: Iterable[Consultant] = (),
) -> Activity:
    """Record a new activity built elsewhere (the admin's form); unpublished until consent.

    It starts planned; its status then moves only through move_activity.
    """
    if not permissions.records_activities(actor):
        raise PermissionDenied
    if activity.status != Activity._meta.get_field("status").default:
        raise ValidationError({"status": _("A new activity starts planned.")})
    _check_beneficiaries(beneficiaries)
    activity.created_by = actor
    activity.full_clean(exclude=RELATED)
    activity.save()
    activity.beneficiaries.set(beneficiaries)
    activity.recommendations.set(recommendations)
    activity.consultants.set(consultants)
    return refresh_publication(activity)


@transaction.atomic
def update_activity(
    activity: Activity,
    *,
    actor: User,
    beneficiaries: Iterable[Party] | None = None,
    recommendations: Iterable[Recommendation] | None = None,
    consultants: Iterable[Consultant] | None = None,
    **fields: Any,
) -> Activity:
    """Change an activity's fields, and who and what it covers if given; publication follows.

    Not its status: that moves through move_activity.
    """
    if not permissions.can_edit(actor, activity):
        raise PermissionDenied
    if "status" in fields:
        raise ValidationError({"status": _("The status moves through the workflow only.")})
    if beneficiaries is not None:
        _check_beneficiaries(beneficiaries)
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.full_clean(exclude=RELATED)
    activity.save()
    related = zip(RELATED, (beneficiaries, recommendations, consultants), strict=True)
    for name, values in related:
        if values is not None:
            getattr(activity, name).set(values)
    # A beneficiary added without consent takes the activity off the public pages at once.
    return refresh_publication(activity)


def _check_beneficiaries(beneficiaries: Iterable[Party]) -> None:
    if not beneficiaries:
        raise ValidationError({"beneficiaries": _("Name at least one beneficiary party.")})


@transaction.atomic
def move_activity(activity: Activity, to_status: str, *, actor: User) -> Activity:
    """The staff who record the activity move it along ACTIVITY_TRANSITIONS (with history)."""
    return move(
        activity,
        to_status,
        actor=actor,
        table=ACTIVITY_TRANSITIONS,
        may=permissions.may_move_activity,
    )
