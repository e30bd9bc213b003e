"""The roles of DESIGN.md section 4 as auth groups.

- the triage desk and the officers: staff groups;
- each party: a group `party:<code>` of its members (kept in step by services.set_membership),
  which guardian's object permissions target for the exceptions (a request shared with a
  beneficiary party or by a grant);
- each regional bureau: a group `bureau:<region>` of the staff whose User.bureau is that region.
  What a bureau sees is its region (bureau_region), a filter on the rows' region, not rows of
  guardian's.
"""

from django.contrib.auth.models import Group

TRIAGE_GROUP = "Triage desk"
OFFICERS_GROUP = "Officers"
PARTY_GROUP_PREFIX = "party:"
BUREAU_GROUP_PREFIX = "bureau:"


def ensure_staff_groups() -> dict[str, Group]:
    """The staff groups, created if missing (their permissions are granted by each app)."""
    return {
        name: Group.objects.get_or_create(name=name)[0] for name in (TRIAGE_GROUP, OFFICERS_GROUP)
    }


def party_group(party) -> Group:
    return Group.objects.get_or_create(name=f"{PARTY_GROUP_PREFIX}{party.code}")[0]


def bureau_group(region: str) -> Group:
    return Group.objects.get_or_create(name=f"{BUREAU_GROUP_PREFIX}{region}")[0]


def bureau_region(user) -> str:
    """The region whose requests, activities, needs and reports this person sees as its
    bureau's staff ("" for everyone else): the one place the bureau part of the scope starts
    (DESIGN.md s.4; each app filters its rows' region by it)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return ""
    return user.bureau or ""


def has_staff_role(user) -> bool:
    """Active staff with a part in the work on requests: the desk, an officer, or a bureau."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return is_triage(user) or bool(user.bureau) or is_officer(user)


def is_officer(user) -> bool:
    """Staff in the officers' group (asked many times per admin page: cached on the user)."""
    cached = getattr(user, "_is_officer", None)
    if cached is None:
        cached = user._is_officer = user.groups.filter(name=OFFICERS_GROUP).exists()
    return cached


def is_triage(user) -> bool:
    """Staff on the triage desk (or a superuser): they see and triage every request."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_triage", None)
    if cached is None:
        cached = user._is_triage = user.groups.filter(name=TRIAGE_GROUP).exists()
    return cached
