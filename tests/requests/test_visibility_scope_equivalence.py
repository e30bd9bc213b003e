"""The scope by the request's own columns is the scope guardian's permissions used to give.

visible_requests finds a party member's requests by the request's party, a bureau's by the
request's region, an officer's by the assignment, and only the rest (beneficiaries, grants)
through guardian's rows. The reference is the rule of before: guardian's own
get_objects_for_user over every row the services used to grant, the bureau's group's and the
assigned officer's included (made here, as they no longer are). Both must give the same
requests to every member of a cast over a world with drafts, beneficiaries, grants to parties
and persons, revocations, assignments (one to a bureau's member outside their region), a
member who changed party, one who left, and a party that moved to another region.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from guardian.shortcuts import assign_perm, get_objects_for_user

from portal.models import Membership, Party, Region
from portal.roles import bureau_group, is_triage
from portal.services import end_membership, save_party, set_membership, sync_role_groups
from requests import services
from requests.models import (
    PARTY_ONLY_STATUSES,
    AssistanceRequest,
    AssistanceRequestGroupObjectPermission,
    AssistanceRequestUserObjectPermission,
    Status,
)
from requests.permissions import VIEW, visible_requests
from tests.conftest import make_member, make_user, membership_admin
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db


def guardian_scope(user) -> set[str]:
    """The rule as guardian states it: every object permission of the user and their groups."""
    if not (user.is_authenticated and user.is_active):
        return set()
    if is_triage(user):
        scope = AssistanceRequest.objects.exclude(status=Status.DRAFT)
    else:
        scope = get_objects_for_user(
            user, VIEW, klass=AssistanceRequest, accept_global_perms=False, with_superuser=False
        )
        if user.is_staff:
            scope = scope.exclude(status=Status.DRAFT)
    return set(scope.values_list("reference", flat=True))


def scope(user) -> set[str]:
    return set(visible_requests(user).values_list("reference", flat=True))


def grant_as_before() -> None:
    """The rows the services granted before the scope was data: the bureau of the party's
    region and the assigned officer, on every submitted request."""
    submitted = AssistanceRequest.objects.exclude(status__in=PARTY_ONLY_STATUSES)
    for assistance_request in submitted.select_related("party", "assigned_officer"):
        if assistance_request.party.region:
            assign_perm(VIEW, bureau_group(assistance_request.party.region), assistance_request)
        if assistance_request.assigned_officer:
            assign_perm(VIEW, assistance_request.assigned_officer, assistance_request)


@pytest.fixture
def world(ke_official, ke_focal, cl_official, cl_focal, triage, officer, bureau_africa, stranger):
    ap_focal = make_member("ap-focal", "AP", Membership.Role.FOCAL_POINT)
    gh_official = make_member("gh-official", "GH", Membership.Role.OFFICIAL)
    consultant, former_consultant = make_user("consultant"), make_user("former-consultant")
    mover = make_member("mover", "KE", Membership.Role.OFFICIAL)
    leaver = make_member("leaver", "CL", Membership.Role.OFFICIAL)
    inactive = make_member("inactive", "KE", Membership.Role.OFFICIAL)
    bureau_asia = make_user("bureau-asia", is_staff=True, bureau=Region.ASIA_PACIFIC)
    bureau_latam = make_user("bureau-latam", is_staff=True, bureau=Region.LATIN_AMERICA_CARIBBEAN)
    former_bureau = make_user("former-bureau", is_staff=True, bureau=Region.AFRICA, is_active=False)
    for staff in (bureau_asia, bureau_latam, former_bureau):
        sync_role_groups(staff)
    kenya, ghana = Party.objects.get(code="KE"), Party.objects.get(code="GH")

    def submitted(author, focal, **fields):
        return move(draft(author, **fields), Status.SUBMITTED, actor=focal)

    made = {
        "ke draft": draft(ke_official, title="Kenya's draft"),
        "cl draft": draft(cl_official, title="Chile's draft"),
        "ke submitted": submitted(ke_official, ke_focal, title="Kenya's"),
        "ke granted to chile": submitted(ke_official, ke_focal, title="Shown to Chile"),
        "ke grant revoked": submitted(ke_official, ke_focal, title="Shown, then not"),
        "ke to a consultant": submitted(ke_official, ke_focal, title="For a consultant"),
        "cl submitted": submitted(cl_official, cl_focal, title="Chile's"),
        "ap draft for kenya": draft(ap_focal, title="Draft for Kenya", beneficiaries=[kenya]),
        "ap for kenya": submitted(ap_focal, ap_focal, title="For Kenya", beneficiaries=[kenya]),
        "ap for ghana": submitted(ap_focal, ap_focal, title="For Ghana", beneficiaries=[ghana]),
    }
    chile = Party.objects.get(code="CL")
    services.grant_access(made["ke granted to chile"], actor=triage, party=chile)
    revoked = services.grant_access(made["ke grant revoked"], actor=triage, party=chile)
    services.revoke_access(revoked, actor=triage)
    services.grant_access(made["ke to a consultant"], actor=triage, user=consultant)
    gone = services.grant_access(made["ke to a consultant"], actor=triage, user=former_consultant)
    services.revoke_access(gone, actor=triage)
    # Ghana sees Kenya's request through a grant as well as the organisation's for Ghana.
    services.grant_access(made["ke submitted"], actor=triage, party=ghana)
    services.assign_officer(made["ke submitted"], officer, actor=triage)
    services.assign_officer(made["cl submitted"], officer, actor=triage)
    services.assign_officer(made["cl submitted"], None, actor=triage)  # taken back
    # An assignment outside the assignee's region, as made before the desk refused them: the
    # scope still follows the column for such rows.
    AssistanceRequest.objects.filter(pk=made["ke granted to chile"].pk).update(
        assigned_officer=bureau_asia
    )
    services.grant_access(made["ap for ghana"], actor=triage, party=chile)
    # Chile moves to the Asia and Pacific bureau (for the test): its requests move with it.
    chile.region = Region.ASIA_PACIFIC
    save_party(chile)
    set_membership(mover, chile, Membership.Role.OFFICIAL, actor=membership_admin())
    end_membership(leaver, actor=membership_admin())
    inactive.is_active = False
    inactive.save()
    people = (ke_official, ke_focal, cl_official, cl_focal, triage, officer, bureau_africa)
    people += (stranger, ap_focal, gh_official, consultant, former_consultant, mover, leaver)
    people += (inactive, bureau_asia, bureau_latam, former_bureau)
    # Read afresh, as each request reads its user (a membership changed since they were made).
    fresh = get_user_model().objects.in_bulk([person.pk for person in people])
    cast = {"anonymous": AnonymousUser(), **{user.username: user for user in fresh.values()}}
    return {name: request.reference for name, request in made.items()}, cast


def test_every_member_of_the_cast_sees_what_guardian_granted_them_before(world):
    _requests, cast = world
    now = {name: scope(user) for name, user in cast.items()}
    grant_as_before()
    for name, user in cast.items():
        assert now[name] == guardian_scope(user), name


def test_the_services_no_longer_grant_what_the_columns_say(world):
    """No bureau group's row, no officer's row: only beneficiaries and grants remain."""
    requests, _cast = world
    assert not AssistanceRequestGroupObjectPermission.objects.filter(
        group__name__startswith="bureau:"
    ).exists()
    users = set(
        AssistanceRequestUserObjectPermission.objects.values_list("user__username", flat=True)
    )
    assert users == {"consultant"}
    assert AssistanceRequest.objects.get(reference=requests["cl submitted"]).region == (
        Region.ASIA_PACIFIC
    )


def test_the_world_reaches_every_source_of_access(world):
    """The comparison means something only if each source of access decides something."""
    requests, cast = world
    ke = scope(cast["ke-official"])
    assert requests["ke draft"] in ke and requests["ap for kenya"] in ke  # own, beneficiary
    assert requests["ap draft for kenya"] not in ke  # a draft is the organisation's own
    assert requests["ap for ghana"] not in ke
    chile = scope(cast["cl-official"])
    assert requests["ke granted to chile"] in chile and requests["ke grant revoked"] not in chile
    assert scope(cast["consultant"]) == {requests["ke to a consultant"]}
    assert scope(cast["former-consultant"]) == set()
    assert scope(cast["gh-official"]) == {requests["ap for ghana"], requests["ke submitted"]}
    assert requests["cl draft"] in scope(cast["mover"]) and requests["ke draft"] not in scope(
        cast["mover"]
    )
    assert scope(cast["leaver"]) == scope(cast["inactive"]) == set()
    bureau_africa, bureau_asia = scope(cast["bureau-africa"]), scope(cast["bureau-asia"])
    assert requests["ke submitted"] in bureau_africa and requests["ke draft"] not in bureau_africa
    assert requests["cl submitted"] in bureau_asia  # Chile moved to that region
    assert requests["cl submitted"] not in scope(cast["bureau-latam"])
    assert requests["ke granted to chile"] in bureau_asia  # assigned to them, outside the region
    assert scope(cast["officer"]) == {requests["ke submitted"]}
    assert scope(cast["former-bureau"]) == set()
