"""State changes of recommendation 9: needs, providers, resources, matches (STYLE.md s.1)."""

import datetime
from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import events
from portal.activities.services import create_activity
from portal.actors import Actor
from portal.matching import permissions, ranking
from portal.models import (
    Activity,
    ActivityType,
    Match,
    MatchStatus,
    Need,
    NeedStatus,
    OfferType,
    Provider,
    Recommendation,
    Resource,
    ResourceStatus,
    User,
    Visibility,
)
from portal.models.matching import (
    MATCH_TRANSITIONS,
    NEED_TRANSITIONS,
    PROVIDER_TRANSITIONS,
    RESOURCE_TRANSITIONS,
)
from portal.notifications.services import notify, notify_once
from portal.workflow import move

NEED_FIELDS = (
    "title",
    "description",
    "legal_areas",
    "kinds",
    "offer_types",
    "languages",
    "starts_on",
    "ends_on",
    "expected_outcome",
)
RESOURCE_FIELDS = (
    "title",
    "description",
    "offer_type",
    "legal_areas",
    "kinds",
    "languages",
    "regions",
    "ldc_only",
    "capacity",
    "available_from",
    "available_until",
    "visibility",
)
Editable = TypeVar("Editable", Need, Resource)
ACTIVITY_TYPES: dict[str, str] = {
    OfferType.EXPERTISE: ActivityType.EXPERT_MISSION,
    OfferType.TRAINING_PLACES: ActivityType.TRAINING,
}


def _check_rules(obj: Need | Resource, *, start: str, end: str) -> None:
    """Shape and rules of a need or a resource; raises per field, before anything is saved."""
    errors: dict[str, list[str]] = {}
    try:
        obj.full_clean(exclude=["provider", "party", "created_by"], validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not obj.legal_areas:
        errors.setdefault("legal_areas", []).append(_("Choose at least one legal area."))
    first, last = getattr(obj, start), getattr(obj, end)
    if first and last and last < first:
        errors.setdefault(end, []).append(_("The end cannot come before the start."))
    if errors:
        raise ValidationError(errors)


def _update(
    obj: Editable, fields: tuple[str, ...], data: dict, *, start: str, end: str
) -> Editable:
    """The edit of a need or a resource: its fields from the form's data, checked, saved."""
    for name in fields:
        setattr(obj, name, data.get(name))
    _check_rules(obj, start=start, end=end)
    obj.save()
    return obj


# Needs


@transaction.atomic
def create_need(*, actor: Actor, data: dict) -> Need:
    """A draft need of the actor's party."""
    party = permissions.party_of(actor)
    if party is None:
        raise PermissionDenied
    assert isinstance(actor, User)  # a party is only ever a signed-in member's
    need = Need(party=party, created_by=actor, **{f: data.get(f) for f in NEED_FIELDS})
    _check_rules(need, start="starts_on", end="ends_on")
    need.save()
    return need


@transaction.atomic
def update_need(need: Need, *, actor: Actor, data: dict) -> Need:
    """Change a draft need; its party's members only."""
    if not permissions.can_edit_need(actor, need):
        raise PermissionDenied
    return _update(need, NEED_FIELDS, data, start="starts_on", end="ends_on")


@transaction.atomic
def set_need_visibility(need: Need, *, actor: Actor, visibility: str) -> Need:
    """The focal point publishes the need (a draft) at the visibility they consent to."""
    if not permissions.can_consent_need(actor, need):
        raise PermissionDenied
    assert isinstance(actor, User)  # a focal point is signed in
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": _("Choose who may see the need.")})
    locked = Need.objects.select_for_update().get(pk=need.pk)
    locked.visibility, locked.visibility_by = visibility, actor
    locked.save(update_fields=["visibility", "visibility_by"])
    if locked.status == NeedStatus.DRAFT:

        def publish(published: Need, _to: str) -> None:
            published.published_at = timezone.now()

        locked = move(
            locked,
            NeedStatus.PUBLISHED,
            actor=actor,
            table=NEED_TRANSITIONS,
            may=permissions.may_move_need,
            prepare=publish,
        )
    return locked


@transaction.atomic
def close_need(need: Need, *, actor: Actor) -> Need:
    """The focal point or the staff close a need: off every list, no new match."""
    if not permissions.can_close_need(actor, need):
        raise PermissionDenied
    return move(
        need, NeedStatus.CLOSED, actor=actor, table=NEED_TRANSITIONS, may=permissions.may_move_need
    )


# Providers and resources


@transaction.atomic
def approve_provider(provider: Provider, *, actor: Actor) -> Provider:
    """Staff approve a provider's account: its resources may then be offered."""
    if not permissions.is_staff(actor):
        raise PermissionDenied
    assert isinstance(actor, User)  # staff are signed in

    def approve(approved: Provider, _to: str) -> None:
        approved.approved_by, approved.approved_at = actor, timezone.now()

    return move(
        provider,
        Provider.Status.APPROVED,
        actor=actor,
        table=PROVIDER_TRANSITIONS,
        may=permissions.may_move_provider,
        prepare=approve,
    )


@transaction.atomic
def create_resource(*, actor: Actor, provider: Provider, data: dict) -> Resource:
    """An offer of an approved provider the actor acts for."""
    if provider not in permissions.offering_providers(actor):
        raise PermissionDenied
    assert isinstance(actor, User)  # only a signed-in member offers for a provider
    resource = Resource(
        provider=provider, created_by=actor, **{f: data.get(f) for f in RESOURCE_FIELDS}
    )
    _check_rules(resource, start="available_from", end="available_until")
    resource.save()
    return resource


@transaction.atomic
def update_resource(resource: Resource, *, actor: Actor, data: dict) -> Resource:
    if not permissions.can_edit_resource(actor, resource):
        raise PermissionDenied
    return _update(resource, RESOURCE_FIELDS, data, start="available_from", end="available_until")


@transaction.atomic
def withdraw_resource(resource: Resource, *, actor: Actor) -> Resource:
    if not permissions.can_edit_resource(actor, resource):
        raise PermissionDenied
    return move(
        resource,
        ResourceStatus.WITHDRAWN,
        actor=actor,
        table=RESOURCE_TRANSITIONS,
        may=permissions.may_move_resource,
    )


# Matches

# Run when a match is concluded, with (match, actor): the requests app links the activity to
# the request the need became (requests.services.needs), as portal imports no feature app.
ConcludedHook = Callable[[Match, Actor], None]
_concluded_hooks: list[ConcludedHook] = []


def register_concluded_hook(hook: ConcludedHook) -> None:
    if hook not in _concluded_hooks:
        _concluded_hooks.append(hook)


@transaction.atomic
def propose_match(need: Need, resource: Resource, *, actor: Actor, note: str = "") -> Match:
    """Staff propose a ranked resource for an open need; the party is asked first."""
    if not permissions.brokers(actor, need):
        raise PermissionDenied
    assert isinstance(actor, User)  # brokers are staff, signed in
    if need.status == NeedStatus.CLOSED or resource.status != ResourceStatus.ACTIVE:
        raise ValidationError(_("Only an open need and an offered resource can be matched."))
    scored = {s.key: s for s in ranking.ranked_resources(need)}.get(resource.pk)
    if scored is None:
        raise ValidationError(_("This resource is not among those ranked for the need."))
    try:
        with transaction.atomic():
            match = Match.objects.create(
                need=need,
                resource=resource,
                proposed_by=actor,
                note=note,
                score=scored.points,
                reasons=[
                    {"points": r.points, "text": r.text, "matches": r.matches}
                    for r in scored.reasons
                ],
            )
    except IntegrityError as error:
        raise ValidationError(_("This resource is already proposed for this need.")) from error
    notify(
        event=events.MATCH_PROPOSED,
        recipients=ranking.party_members(need.party),
        subject_object=match,
        context={"need": need.title},
        needs_action=True,
    )
    return match


def _prepare(actor: Actor, *, reason: str) -> Callable[[Match, str], None]:
    def prepare(match: Match, to_status: str) -> None:
        now = timezone.now()
        if to_status == MatchStatus.DECLINED:
            if not reason.strip():
                raise ValidationError({"reason": _("Say why the match is declined.")})
            # move asked may_move_match first, which answers only for a signed-in user
            assert isinstance(actor, User)
            match.decline_reason, match.declined_by, match.concluded_at = reason, actor, now
        elif to_status == MatchStatus.PARTY_ACCEPTED:
            match.party_accepted_at = now
        elif to_status == MatchStatus.ACCEPTED:
            match.concluded_at = now
            match.activity = _activity_for(match, match.proposed_by)  # staff record activities
        elif to_status == MatchStatus.WITHDRAWN:
            match.concluded_at = now

    return prepare


def _activity_for(match: Match, actor: User) -> Activity:
    need, resource = match.need, match.resource
    consultant = resource.provider.consultant
    return create_activity(
        actor=actor,
        type=ACTIVITY_TYPES.get(resource.offer_type, ActivityType.CONSULTATION),
        title=need.title,
        description=_("%(resource)s, offered by %(provider)s, for: %(need)s")
        % {"resource": resource.title, "provider": resource.provider.name, "need": need.title},
        planned_start=max(need.starts_on, resource.available_from, timezone.localdate()),
        due_date=max(need.ends_on, timezone.localdate()),
        beneficiaries=[need.party],
        recommendations=list(Recommendation.objects.filter(number=9)),
        consultants=[consultant] if consultant else [],
    )


def _record(actor: Actor) -> Callable[[Match, str], None]:
    def record(match: Match, from_status: str) -> None:
        party = ranking.party_members(match.need.party)
        provider = list(match.resource.provider.members.all())
        if match.status == MatchStatus.PARTY_ACCEPTED:
            notify(
                event=events.MATCH_PROPOSED,
                recipients=provider,
                subject_object=match,
                context={"need": match.need.title},
                needs_action=True,
            )
        elif match.status == MatchStatus.ACCEPTED:
            notify(event=events.MATCH_ACCEPTED, recipients=party + provider, subject_object=match)
            for hook in _concluded_hooks:
                hook(match, actor)
        elif match.status == MatchStatus.DECLINED:
            # The provider hears of it only if the party had accepted (it knew of the match).
            told = party + (provider if from_status == MatchStatus.PARTY_ACCEPTED else [])
            notify(
                event=events.MATCH_DECLINED,
                recipients=[*told, match.proposed_by],
                subject_object=match,
                context={"reason": match.decline_reason},
            )

    return record


@transaction.atomic
def answer_match(
    match: Match,
    *,
    actor: Actor,
    to_status: str,
    reason: str = "",
    expected_status: str | None = None,
) -> Match:
    """The party, then the provider, accept or decline (with a reason); staff may withdraw.

    The provider's acceptance makes the match an activity of recommendation 9.
    """
    return move(
        match,
        to_status,
        actor=actor,
        table=MATCH_TRANSITIONS,
        may=permissions.may_move_match,
        expected_status=expected_status,
        prepare=_prepare(actor, reason=reason),
        record=_record(actor),
    )


@transaction.atomic
def set_story_consent(match: Match, *, actor: Actor, public: bool) -> Match:
    """The party's focal point lets an accepted match be told as a success story."""
    if not permissions.can_consent_story(actor, match):
        raise PermissionDenied
    Match.objects.filter(pk=match.pk).update(story_public=public)
    match.story_public = public
    return match


def send_weekly_digest(today: datetime.date | None = None) -> int:
    """Tell each approved provider's members of the past week's needs that fit their offers.

    Safe to run twice: one digest per provider and ISO week (the outbox's dedupe key).
    """
    today = today or timezone.localdate()
    year, week, _day = today.isocalendar()
    since = timezone.now() - datetime.timedelta(days=7)
    written = 0
    for provider in ranking.approved_providers_with_members():
        needs = ranking.new_needs_for_provider(provider, since)
        if not needs:
            continue
        written += len(
            notify_once(
                event=events.NEEDS_DIGEST,
                recipients=provider.members.all(),
                context={"needs": [{"title": n.title, "url": n.get_absolute_url()} for n in needs]},
                dedupe_key=f"match.digest:{provider.pk}:{year}-W{week:02d}",
            )
        )
    return written
