"""Reads of recommendation 9, the visibility scope applied first (STYLE.md s.2)."""

import statistics

from django.db.models import QuerySet
from django.utils import timezone

from portal.actors import Actor
from portal.matching import permissions
from portal.matching.ranking import offered_resources, ranked_resources
from portal.matching.scoring import Scored
from portal.models import (
    Match,
    MatchStatus,
    Need,
    NeedStatus,
    Resource,
    User,
    Visibility,
)


def needs_for_workspace(user: Actor) -> QuerySet[Need]:
    """The needs a signed-in user works on: their party's, or those a staff member brokers."""
    needs = Need.objects.select_related("party").order_by("-created_at", "-pk")
    brokered = permissions.brokers_for(user)
    if brokered is not None:
        return needs.filter(brokered).exclude(status=NeedStatus.DRAFT)
    party = permissions.party_of(user)
    return needs.filter(party=party) if party else needs.none()


def needs_shared_with(user: Actor) -> QuerySet[Need]:
    """Published needs shared with the user as a provider (no party named), newest first."""
    return (
        permissions.visible_needs(user)
        .filter(status=NeedStatus.PUBLISHED)
        .order_by("-published_at", "-pk")
    )


def public_needs() -> QuerySet[Need]:
    """Needs whose party consented to the public seeing them (the party is not named)."""
    return Need.objects.filter(status=NeedStatus.PUBLISHED, visibility=Visibility.PUBLIC).order_by(
        "-published_at", "-pk"
    )


def public_resources() -> QuerySet[Resource]:
    """Offered resources their provider made public, with the provider (1 query)."""
    return (
        offered_resources()
        .filter(visibility=Visibility.PUBLIC)
        .select_related("provider")
        .order_by("-created_at", "-pk")
    )


def resources_of(user: Actor) -> QuerySet[Resource]:
    """The resources of the providers the user acts for (approved or not)."""
    if not isinstance(user, User):
        return Resource.objects.none()
    return (
        Resource.objects.filter(provider__in=user.providers.all())
        .select_related("provider")
        .order_by("-created_at", "-pk")
    )


def ranked_with_resources(need: Need, limit: int = 20) -> list[tuple[Resource, Scored]]:
    ranked = ranked_resources(need)[:limit]
    by_pk = Resource.objects.select_related("provider").in_bulk([s.key for s in ranked])
    return [(by_pk[s.key], s) for s in ranked]


def matches_of_need(user: Actor, need: Need) -> list[Match]:
    return list(
        permissions.visible_matches(user)
        .filter(need=need)
        .select_related("resource__provider", "activity")
        .order_by("-proposed_at", "-pk")
    )


def matches_for_workspace(user: Actor) -> QuerySet[Match]:
    """Matches the user answers or follows; the staff see them all (newest first)."""
    return (
        permissions.visible_matches(user)
        .select_related("need__party", "resource__provider")
        .order_by("-proposed_at", "-pk")
    )


def success_stories() -> QuerySet[Match]:
    """Accepted matches the party consented to tell, with need, party and provider."""
    return (
        Match.objects.filter(status=MatchStatus.ACCEPTED, story_public=True)
        .select_related("need__party", "resource__provider", "activity")
        .order_by("-concluded_at", "-pk")
    )


def year_figures(year: int) -> dict:
    """Needs published, resources offered, matches proposed and concluded in the year, and the
    median whole days from a need's publication to its match's conclusion (None if none)."""
    concluded = Match.objects.filter(status=MatchStatus.ACCEPTED, concluded_at__year=year)
    days = [
        (timezone.localdate(concluded_at) - timezone.localdate(published_at)).days
        for concluded_at, published_at in concluded.values_list(
            "concluded_at", "need__published_at"
        )
        if concluded_at and published_at
    ]
    return {
        "needs": Need.objects.filter(published_at__year=year).count(),
        "resources": Resource.objects.filter(created_at__year=year).count(),
        "matches_proposed": Match.objects.filter(proposed_at__year=year).count(),
        "matches_concluded": len(days),
        "median_days_to_match": float(statistics.median(days)) if days else None,
    }
