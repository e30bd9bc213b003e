"""Who may see and do what with needs, resources and matches (DESIGN.md s.4, rec. 9).

- A need: its party's members, the triage desk and the bureau of the party's region always
  (DESIGN.md s.4; they broker its matches); once published, approved providers' members and
  other staff if the focal point consented to "providers" or "public", everyone if "public".
  Nobody else learns which party a need is from, except the provider of a match the party
  accepted. Everyone else: 404.
- A resource: its provider's members and the staff always; once the provider is approved and
  the resource offered, signed-in parties and providers ("providers") or anyone ("public").
- A match: the staff; the need's party; the resource's provider only after the party accepted.
"""

from typing import TypeGuard

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from portal.actors import Actor
from portal.models import (
    Match,
    MatchStatus,
    Need,
    NeedStatus,
    Party,
    Provider,
    Resource,
    ResourceStatus,
    User,
    Visibility,
)
from portal.roles import bureau_region, is_triage

SHARED = (Visibility.PROVIDERS, Visibility.PUBLIC)


def _active(user: Actor) -> TypeGuard[User]:
    return bool(user.is_authenticated and user.is_active)


def is_staff(user: Actor) -> bool:
    return _active(user) and user.is_staff


def brokers_for(user: Actor) -> Q | None:
    """The parties whose needs the staff member brokers: all (triage), a region (bureau)."""
    if not is_staff(user):
        return None
    if is_triage(user):
        return Q()
    region = bureau_region(user)  # the one bureau scope (portal.roles)
    return Q(party__region=region) if region else None


def party_of(user: Actor) -> Party | None:
    return user.party if _active(user) else None


def is_focal_point_of(user: Actor, party: Party) -> bool:
    membership = getattr(user, "membership", None) if _active(user) else None
    return membership is not None and membership.is_focal_point and membership.party_id == party.pk


def providers_of(user: Actor) -> list[Provider]:
    """The approved providers the user acts for (remembered on the user)."""
    if not _active(user):
        return []
    cached: list[Provider] | None = getattr(user, "_approved_providers", None)
    if cached is None:
        cached = list(user.providers.filter(status=Provider.Status.APPROVED).order_by("name"))
        user._approved_providers = cached  # type: ignore[attr-defined]  # a per-request memo, not a field
    return cached


def is_provider(user: Actor) -> bool:
    return bool(providers_of(user))


def is_registered(user: Actor) -> bool:
    """A party's member or an approved provider's: sees what was shared with "providers"."""
    return party_of(user) is not None or is_provider(user)


def uses_matching(user: Actor) -> bool:
    """Someone with a workspace here: a party member, a provider's member, or staff."""
    return is_staff(user) or is_registered(user) or (_active(user) and user.providers.exists())


# Needs


def visible_needs(user: Actor) -> QuerySet[Need]:
    """The needs the user may open (the visibility scope every reader applies first)."""
    needs = Need.objects.all()
    brokered = brokers_for(user)
    if brokered is not None and not brokered:  # Q() : the triage desk sees every need
        return needs
    shared = Q(status=NeedStatus.PUBLISHED)
    providers = providers_of(user)
    registered = providers or is_staff(user)
    shared &= Q(visibility__in=SHARED) if registered else Q(visibility=Visibility.PUBLIC)
    if brokered is not None:
        shared |= brokered
    if providers:  # a private need the party accepted a provider's match on
        shared |= Q(pk__in=_accepted_by_party(providers).values("need_id"))
    party = party_of(user)
    return needs.filter(shared | Q(party=party)) if party else needs.filter(shared)


def _accepted_by_party(providers: list[Provider]) -> QuerySet[Match]:
    return Match.objects.filter(
        resource__provider__in=providers, party_accepted_at__isnull=False
    ).exclude(status=MatchStatus.WITHDRAWN)


def is_member_of_need_party(user: Actor, need: Need) -> bool:
    party = party_of(user)
    return party is not None and party.pk == need.party_id


def brokers(user: Actor, need: Need) -> bool:
    """The triage desk, and the bureau of the need's party's region, broker its matches."""
    return is_staff(user) and (
        is_triage(user) or (bool(bureau_region(user)) and bureau_region(user) == need.party.region)
    )


def can_see_need_party(user: Actor, need: Need) -> bool:
    """Its brokers, the party, and a provider whose match on this need the party accepted."""
    if brokers(user, need) or is_member_of_need_party(user, need):
        return True
    providers = providers_of(user)
    return bool(providers) and _accepted_by_party(providers).filter(need=need).exists()


def can_edit_need(user: Actor, need: Need) -> bool:
    """The party's members edit its draft."""
    return need.status == NeedStatus.DRAFT and is_member_of_need_party(user, need)


def can_consent_need(user: Actor, need: Need) -> bool:
    """The party's focal point publishes a need and says who may see it."""
    return need.status != NeedStatus.CLOSED and is_focal_point_of(user, need.party)


def can_close_need(user: Actor, need: Need) -> bool:
    return need.status != NeedStatus.CLOSED and (
        is_focal_point_of(user, need.party) or brokers(user, need)
    )


def can_broker(user: Actor, need: Need) -> bool:
    """Its brokers propose matches for an open need."""
    return need.status != NeedStatus.CLOSED and brokers(user, need)


def get_need_for_user(user: Actor, pk: int, *, for_edit: bool = False) -> Need:
    """The need if the user may see it, else 404; with for_edit, 403 unless they may edit."""
    need = visible_needs(user).select_related("party").filter(pk=pk).first()
    if need is None:
        raise Http404
    if for_edit and not can_edit_need(user, need):
        raise PermissionDenied
    return need


# Resources


def visible_resources(user: Actor) -> QuerySet[Resource]:
    resources = Resource.objects.all()
    if is_staff(user):
        return resources
    offered = Q(status=ResourceStatus.ACTIVE, provider__status=Provider.Status.APPROVED)
    shared = offered & (
        Q(visibility__in=SHARED) if is_registered(user) else Q(visibility=Visibility.PUBLIC)
    )
    own = user.providers.all() if _active(user) else Provider.objects.none()
    return resources.filter(shared | Q(provider__in=own))


def offering_providers(user: Actor) -> list[Provider]:
    """The providers on whose behalf the user may offer resources (approved ones)."""
    return providers_of(user)


def can_edit_resource(user: Actor, resource: Resource) -> bool:
    return resource.provider in providers_of(user)


def get_resource_for_user(user: Actor, pk: int, *, for_edit: bool = False) -> Resource:
    resource = visible_resources(user).select_related("provider").filter(pk=pk).first()
    if resource is None:
        raise Http404
    if for_edit and not can_edit_resource(user, resource):
        raise PermissionDenied
    return resource


# Matches


def visible_matches(user: Actor) -> QuerySet[Match]:
    matches = Match.objects.all()
    brokered = brokers_for(user)
    if brokered is not None and not brokered:
        return matches
    scope = Q(pk__in=[])
    if brokered is not None:
        scope |= Q(need__party__region=bureau_region(user))
    party = party_of(user)
    if party is not None:
        scope |= Q(need__party=party)
    providers = providers_of(user)
    if providers:
        scope |= Q(pk__in=_accepted_by_party(providers).values("pk"))
    return matches.filter(scope)


def may_move_need(actor: Actor, need: Need, who: str, to_status: str) -> bool:
    """The role NEED_TRANSITIONS names (portal.workflow.move's `may`)."""
    if who == "focal_point":
        return can_consent_need(actor, need)
    if who == "closer":
        return can_close_need(actor, need)
    return False


def may_move_provider(actor: Actor, provider: Provider, who: str, to_status: str) -> bool:
    return who == "staff" and is_staff(actor)


def may_move_resource(actor: Actor, resource: Resource, who: str, to_status: str) -> bool:
    return who == "provider" and can_edit_resource(actor, resource)


def may_move_match(actor: Actor, match: Match, who: str, to_status: str) -> bool:
    """The role a transition names (portal.workflow.move's `may`)."""
    if who == "party":
        return is_focal_point_of(actor, match.need.party)
    if who == "provider":
        return match.resource.provider in providers_of(actor)
    if who == "staff":
        return brokers(actor, match.need)
    return False


def can_consent_story(user: Actor, match: Match) -> bool:
    return match.status == MatchStatus.ACCEPTED and is_focal_point_of(user, match.need.party)


def get_match_for_user(user: Actor, pk: int) -> Match:
    match = (
        visible_matches(user)
        .select_related("need__party", "resource__provider", "activity")
        .filter(pk=pk)
        .first()
    )
    if match is None:
        raise Http404
    return match
