"""Every service that changes a request checks who acts, whoever calls it (view, task, shell).

A missing right is PermissionDenied; a broken rule (a submitted draft, two grantees at once) is
a ValidationError with a message for the person.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from requests import services
from requests.models import AccessGrant
from tests.requests.conftest import legislative_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["officer", "bureau_africa", "ke_focal", "cl_official"])
def test_only_the_triage_desk_grants_access(request, who, ke_submitted, cl_focal):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.grant_access(ke_submitted, actor=actor, party=cl_focal.party)
    assert not AccessGrant.objects.exists()


def test_only_the_triage_desk_revokes_a_grant(ke_submitted, triage, officer, cl_focal):
    grant = services.grant_access(ke_submitted, actor=triage, party=cl_focal.party)
    with pytest.raises(PermissionDenied):
        services.revoke_access(grant, actor=officer)
    grant.refresh_from_db()
    assert grant.revoked_at is None


def test_a_draft_is_not_shared_before_it_is_submitted(ke_draft, triage, cl_focal):
    with pytest.raises(PermissionDenied):
        services.grant_access(ke_draft, actor=triage, party=cl_focal.party)


def test_only_the_requesting_party_edits_its_draft(ke_draft, cl_official):
    with pytest.raises(PermissionDenied):
        services.update_draft(ke_draft, actor=cl_official, data=legislative_data(title="Taken"))
    ke_draft.refresh_from_db()
    assert ke_draft.title != "Taken"


def test_a_submitted_request_is_no_longer_a_draft_to_edit(ke_submitted, ke_official):
    with pytest.raises(ValidationError, match="can no longer be edited"):
        services.update_draft(ke_submitted, actor=ke_official, data=legislative_data())


def test_submitting_checks_the_beneficiaries_as_they_are_now():
    from portal.models import Membership, Party
    from requests.models import Status
    from tests.conftest import make_member
    from tests.requests.conftest import draft

    aripo_focal = make_member("aripo-focal", "AP", Membership.Role.FOCAL_POINT)
    kenya = Party.objects.get(code="KE")
    for_kenya = draft(aripo_focal, title="For Kenya", beneficiaries=[kenya])
    aripo_focal.party.members.remove(kenya)  # Kenya left the organisation since
    with pytest.raises(ValidationError, match="Not members of"):
        services.transition(for_kenya, Status.SUBMITTED, actor=aripo_focal)
    for_kenya.refresh_from_db()
    assert for_kenya.status == Status.DRAFT
