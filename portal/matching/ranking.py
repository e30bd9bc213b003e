"""What fits what in recommendation 9: the reads the services decide with and the pages show.

Below both services and selectors (STYLE.md s.2: services do not import selectors): a
proposal is checked against the same ranking the staff saw, the digest tells providers of the
needs their offers fit, and notifications go to a party's active members.
"""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from portal.development import status_as_of
from portal.matching import permissions
from portal.matching.scoring import NeedFacts, ResourceFacts, Scored, rank
from portal.models import (
    MatchStatus,
    Need,
    NeedStatus,
    Party,
    Provider,
    Resource,
    ResourceStatus,
    User,
)

# Matches that hold a resource's capacity: open or concluded.
HOLDING = (MatchStatus.PROPOSED, MatchStatus.PARTY_ACCEPTED, MatchStatus.ACCEPTED)


def party_members(party: Party) -> list[User]:
    return list(User.objects.filter(membership__party=party, is_active=True))


def offered_resources() -> QuerySet[Resource]:
    return Resource.objects.filter(
        status=ResourceStatus.ACTIVE, provider__status=Provider.Status.APPROVED
    )


def need_facts(need: Need, day: datetime.date | None = None) -> NeedFacts:
    status = status_as_of(need.party, day or timezone.localdate())
    return NeedFacts(
        legal_areas=frozenset(need.legal_areas),
        kinds=frozenset(need.kinds),
        offer_types=frozenset(need.offer_types),
        languages=frozenset(need.languages),
        starts_on=need.starts_on,
        ends_on=need.ends_on,
        region=need.party.region,
        is_ldc=status.ldc,
    )


def resource_facts(resource: Resource) -> ResourceFacts:
    return ResourceFacts(
        key=resource.pk,
        offer_type=resource.offer_type,
        legal_areas=frozenset(resource.legal_areas),
        kinds=frozenset(resource.kinds),
        languages=frozenset(resource.languages),
        regions=frozenset(resource.regions),
        ldc_only=resource.ldc_only,
        capacity_left=resource.capacity - resource.holding,  # type: ignore[attr-defined]
        available_from=resource.available_from,
        available_until=resource.available_until,
    )


def ranked_resources(need: Need) -> list[Scored]:
    """The offered resources for the need, ranked with their reasons (2 queries)."""
    resources = offered_resources().annotate(
        holding=Count("matches", filter=Q(matches__status__in=HOLDING))
    )
    return rank(need_facts(need), [resource_facts(r) for r in resources])


def new_needs_for_provider(provider: Provider, since: datetime.datetime) -> list[Need]:
    """Needs shared with providers since `since` that one of the provider's offers fits."""
    needs = (
        Need.objects.filter(
            status=NeedStatus.PUBLISHED,
            visibility__in=permissions.SHARED,
            published_at__gte=since,
        )
        .select_related("party")
        .order_by("-published_at", "-pk")
    )
    resources = list(
        offered_resources()
        .filter(provider=provider)
        .annotate(holding=Count("matches", filter=Q(matches__status__in=HOLDING)))
    )
    if not resources:
        return []
    facts = [resource_facts(r) for r in resources]
    return [need for need in needs if rank(need_facts(need), facts)]


def approved_providers_with_members() -> QuerySet[Provider]:
    return Provider.objects.filter(status=Provider.Status.APPROVED).prefetch_related(
        Prefetch("members", queryset=User.objects.filter(is_active=True))
    )
