"""A match's activity joins the request its need became even when the match concluded first,
and the consent the party gave on the request reaches that activity."""

import pytest

from portal.matching import services as matching
from requests.models import AssistanceRequest, RequestActivity
from requests.services import set_consent
from requests.services.needs import request_from_need
from tests.conftest import make_user
from tests.portal.matching_support import accept_by_party, make_need, make_provider, make_resource
from tests.requests.conftest import legislative_data, move

pytestmark = pytest.mark.django_db


@pytest.fixture
def concluded(ke_official, ke_focal, triage):
    """A need made into a submitted request, and a match on it the provider accepted."""
    provider_user = make_user("provider-member")
    resource = make_resource(
        provider_user, make_provider(members=[provider_user], approved_by=triage)
    )
    need = make_need(ke_official, ke_focal)
    assistance_request = request_from_need(
        need, actor=ke_official, data=legislative_data(legal_areas=["copyright"])
    )
    move(assistance_request, "submitted", actor=ke_focal)
    match = accept_by_party(matching.propose_match(need, resource, actor=triage), ke_focal)
    return matching.answer_match(match, actor=provider_user, to_status="accepted")


def test_an_activity_is_linked_when_the_request_is_accepted_after_the_match(concluded, triage):
    assert not RequestActivity.objects.exists()  # the request is not accepted yet

    move(AssistanceRequest.objects.get(), "acknowledged", "under_review", "accepted", actor=triage)

    link = RequestActivity.objects.get()
    assert link.activity == concluded.activity
    assert link.assistance_request == AssistanceRequest.objects.get()


def test_the_requests_consent_reaches_the_activity_it_is_linked_to(concluded, ke_focal, triage):
    set_consent(AssistanceRequest.objects.get(), actor=ke_focal, general=True, details=False)

    move(AssistanceRequest.objects.get(), "acknowledged", "under_review", "accepted", actor=triage)

    consent = concluded.activity.consents.get(party=AssistanceRequest.objects.get().party)
    assert (consent.general, consent.details, consent.by) == (True, False, ke_focal)


def test_without_consent_on_the_request_the_activity_records_none(concluded, triage):
    move(AssistanceRequest.objects.get(), "acknowledged", "under_review", "accepted", actor=triage)
    assert not concluded.activity.consents.exists()
