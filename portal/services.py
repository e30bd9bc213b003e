"""State changes of the core app: memberships and the group memberships that follow from them."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F

from portal.models import Membership, Party, User
from portal.roles import (
    BUREAU_GROUP_PREFIX,
    PARTY_GROUP_PREFIX,
    bureau_group,
    manages_memberships,
    party_group,
)


@transaction.atomic
def set_membership(user: User, party: Party, role: str, *, actor: User) -> Membership:
    """Make the user a member of the party in that role (a user has at most one party).

    A change of party or role ends the user's other sessions: what they may see has changed.
    """
    if not manages_memberships(actor):
        raise PermissionDenied
    before = Membership.objects.filter(user=user).values_list("party_id", "role").first()
    membership, _ = Membership.objects.update_or_create(
        user=user, defaults={"party": party, "role": role}
    )
    sync_role_groups(user)
    if before is not None and before != (party.pk, role):
        end_all_sessions(user)
    return membership


@transaction.atomic
def end_membership(user: User, *, actor: User) -> None:
    """The user no longer belongs to any party (and so sees none of its requests)."""
    if not manages_memberships(actor):
        raise PermissionDenied
    Membership.objects.filter(user=user).delete()
    sync_role_groups(user)
    end_all_sessions(user)


def end_all_sessions(user: User) -> None:
    """Sign the user out everywhere: every session's auth hash stops matching."""
    get_user_model().objects.filter(pk=user.pk).update(session_version=F("session_version") + 1)
    user.refresh_from_db(fields=["session_version"])


@transaction.atomic
def set_party_second_factor(party: Party, *, actor: User, required: bool) -> Party:
    """The party's focal point decides whether its officials must use a second factor."""
    membership = getattr(actor, "membership", None)
    if membership is None or membership.party_id != party.pk or not membership.is_focal_point:
        raise PermissionDenied
    Party.objects.filter(pk=party.pk).update(requires_second_factor=required)
    party.requires_second_factor = required
    return party


# What follows a party's region (the requests app's stamped region), told at start-up: the
# core imports no feature app (DESIGN.md s.2), and no signal hides the write.
_region_followers: list[Callable[[Party], None]] = []


def follow_party_region(follower: Callable[[Party], None]) -> None:
    """Register follower(party), called after every save of a party through save_party."""
    if follower not in _region_followers:
        _region_followers.append(follower)


@transaction.atomic
def save_party(party: Party) -> Party:
    """Save a party (the admin's form); what is stamped with its region follows in one update."""
    party.save()
    for follower in _region_followers:
        follower(party)
    return party


def sync_role_groups(user: User) -> None:
    """Put the user in exactly the party and bureau groups their membership and bureau imply."""
    wanted = []
    membership = Membership.objects.filter(user=user).select_related("party").first()
    if membership is not None:
        wanted.append(party_group(membership.party))
    if user.is_staff and user.bureau:
        wanted.append(bureau_group(user.bureau))
    stale = user.groups.filter(name__startswith=PARTY_GROUP_PREFIX) | user.groups.filter(
        name__startswith=BUREAU_GROUP_PREFIX
    )
    user.groups.remove(*[group for group in stale if group not in wanted])
    user.groups.add(*wanted)
