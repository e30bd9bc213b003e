"""A party member's scope, found by party, is the scope guardian's permissions give.

visible_requests finds a party member's requests by the request's party (an index answers
it) and everything else through guardian's rows that are not of the member's own party; the
reference here is guardian's own get_objects_for_user over every row. Both must give the same
requests to every member of a cast over a world with drafts, beneficiaries, grants to parties
and persons, revocations, an assignment, a member who changed party and one who left.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from guardian.shortcuts import get_objects_for_user

from portal.models import Membership, Party
from portal.roles import is_triage
from portal.services import end_membership, set_membership
from requests import services
from requests.models import AssistanceRequest, Status
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


@pytest.fixture
def world(ke_official, ke_focal, cl_official, cl_focal, triage, officer, bureau_africa, stranger):
    ap_focal = make_member("ap-focal", "AP", Membership.Role.FOCAL_POINT)
    gh_official = make_member("gh-official", "GH", Membership.Role.OFFICIAL)
    consultant, former_consultant = make_user("consultant"), make_user("former-consultant")
    mover = make_member("mover", "KE", Membership.Role.OFFICIAL)
    leaver = make_member("leaver", "CL", Membership.Role.OFFICIAL)
    inactive = make_member("inactive", "KE", Membership.Role.OFFICIAL)
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
    set_membership(mover, chile, Membership.Role.OFFICIAL, actor=membership_admin())
    end_membership(leaver, actor=membership_admin())
    inactive.is_active = False
    inactive.save()
    people = (ke_official, ke_focal, cl_official, cl_focal, triage, officer, bureau_africa)
    people += (stranger, ap_focal, gh_official, consultant, former_consultant, mover, leaver)
    people += (inactive,)
    # Read afresh, as each request reads its user (a membership changed since they were made).
    fresh = get_user_model().objects.in_bulk([person.pk for person in people])
    cast = {"anonymous": AnonymousUser(), **{user.username: user for user in fresh.values()}}
    return {name: request.reference for name, request in made.items()}, cast


def test_every_member_of_the_cast_sees_what_guardian_grants_them(world):
    _requests, cast = world
    for name, user in cast.items():
        assert scope(user) == guardian_scope(user), name


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
