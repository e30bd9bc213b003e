"""The people of the benchmark world: the demo accounts plus a focal point and an official for
every other party, officers, and the party groups guardian's permissions target (the bureaus
see requests by their region, not through a group's rows)."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from portal.models import Membership, Party
from portal.roles import OFFICERS_GROUP, ensure_staff_groups, party_group

OFFICER_COUNT = 40


@dataclass
class Cast:
    """Who acts in the generated history, by party id."""

    focal: dict[int, int] = field(default_factory=dict)
    official: dict[int, int] = field(default_factory=dict)
    party_group: dict[int, int] = field(default_factory=dict)
    officers: list[int] = field(default_factory=list)
    demo_officer: int = 0
    triage: int = 0
    region: dict[int, str] = field(default_factory=dict)


def build_cast() -> Cast:
    """Create the missing accounts and groups (bulk); the demo accounts must exist already."""
    User = get_user_model()
    parties = list(Party.objects.all())
    cast = Cast(region={party.pk: party.region for party in parties})
    for party in parties:
        cast.party_group[party.pk] = party_group(party).pk
    for membership in Membership.objects.select_related("user"):
        role_map = cast.focal if membership.is_focal_point else cast.official
        role_map.setdefault(membership.party_id, membership.user_id)
    password = make_password("benchmark")  # hashed once: hashing per user would take minutes
    new_users, roles = [], []
    for party in parties:
        for role, role_map in (
            (Membership.Role.FOCAL_POINT, cast.focal),
            (Membership.Role.OFFICIAL, cast.official),
        ):
            if party.pk not in role_map:
                username = f"bench-{party.code.lower()}-{role}"
                new_users.append(
                    User(username=username, password=password, last_name="(benchmark)")
                )
                roles.append((party, role, role_map))
    created = User.objects.bulk_create(new_users, batch_size=1000)
    Membership.objects.bulk_create(
        Membership(user=user, party=party, role=role)
        for user, (party, role, _) in zip(created, roles, strict=True)
    )
    links = []
    for user, (party, _role, role_map) in zip(created, roles, strict=True):
        role_map[party.pk] = user.pk
        links.append(User.groups.through(user_id=user.pk, group_id=cast.party_group[party.pk]))
    User.groups.through.objects.bulk_create(links, ignore_conflicts=True)
    officers_group = ensure_staff_groups()[OFFICERS_GROUP]
    officers = User.objects.bulk_create(
        User(
            username=f"bench-officer-{n:02d}",
            password=password,
            is_staff=True,
            last_name="(benchmark)",
        )
        for n in range(OFFICER_COUNT)
    )
    officers_group.user_set.add(*officers)
    cast.officers = [officer.pk for officer in officers]
    cast.demo_officer = User.objects.get(username="officer").pk
    cast.triage = User.objects.get(username="triage").pk
    return cast


def group_ids() -> dict[str, int]:
    return dict(Group.objects.values_list("name", "pk"))
