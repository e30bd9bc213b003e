"""The roles of DESIGN.md section 4 as auth groups.

- the triage desk and the officers: staff groups;
- each party: a group `party:<code>` of its members (kept in step by services.set_membership),
  which guardian's object permissions target for the exceptions (a request shared with a
  beneficiary party or by a grant);
- each regional bureau: a group `bureau:<region>` of the staff whose User.bureau is that region.
  What a bureau sees is its region (bureau_region), a filter on the rows' region, not rows of
  guardian's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import Group

if TYPE_CHECKING:
    from portal.actors import Actor
    from portal.models import Party

TRIAGE_GROUP = "Triage desk"
OFFICERS_GROUP = "Officers"
PARTY_GROUP_PREFIX = "party:"
BUREAU_GROUP_PREFIX = "bureau:"


def ensure_staff_groups() -> dict[str, Group]:
    """The staff groups, created if missing (their permissions are granted by each app)."""
    return {
        name: Group.objects.get_or_create(name=name)[0] for name in (TRIAGE_GROUP, OFFICERS_GROUP)
    }


def party_group(party: Party) -> Group:
    return Group.objects.get_or_create(name=f"{PARTY_GROUP_PREFIX}{party.code}")[0]


def bureau_group(region: str) -> Group:
    return Group.objects.get_or_create(name=f"{BUREAU_GROUP_PREFIX}{region}")[0]


def bureau_region(user: Actor) -> str:
    """The region whose requests, activities, needs and reports this person sees as its
    bureau's staff ("" for everyone else): the one place the bureau part of the scope starts
    (DESIGN.md s.4; each app filters its rows' region by it)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return ""
    return user.bureau or ""


def has_staff_role(user: Actor) -> bool:
    """Active staff with a part in the work on requests: the desk, an officer, or a bureau."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return is_triage(user) or bool(user.bureau) or is_officer(user)


def is_officer(user: Actor) -> bool:
    """Staff in the officers' group (asked many times per admin page: cached on the user)."""
    cached = vars(user).get("_is_officer")
    if cached is None:
        cached = vars(user)["_is_officer"] = user.groups.filter(name=OFFICERS_GROUP).exists()
    return cached


def is_triage(user: Actor) -> bool:
    """Staff on the triage desk (or a superuser): they see and triage every request."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    cached = vars(user).get("_is_triage")
    if cached is None:
        cached = vars(user)["_is_triage"] = user.groups.filter(name=TRIAGE_GROUP).exists()
    return cached


def manages_memberships(user: Actor | None) -> bool:
    """Who makes a person a member of a party, changes their role or ends it: the admin's
    staff with the right to change memberships (superusers have every right)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("portal.change_membership")
    )


def runs_the_outbox(user: Actor | None) -> bool:
    """The triage desk puts failed notifications back in the queue (they name every request)."""
    return bool(user is not None and user.is_authenticated and is_triage(user))
