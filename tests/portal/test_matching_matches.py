"""Staff broker a match; the party, then the provider, answer; an accepted one is an activity."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal import events
from portal.matching import services
from portal.models import MatchStatus, Notification
from portal.workflow import WorkflowError
from tests.conftest import client_for
from tests.portal.matching_support import (
    accept_by_party,
    make_need,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(ke_official, ke_focal):
    return make_need(ke_official, ke_focal)


def test_the_staff_see_the_ranked_resources_with_their_reasons(need, resource, triage):
    page = client_for(triage).get(reverse("matching:need_detail", args=[need.pk])).content
    assert resource.title.encode() in page
    assert b"Covers Copyright (1 of 1 legal areas)." in page


def test_proposing_asks_the_party_first_and_tells_the_provider_nothing(
    need, resource, triage, ke_focal, provider_user
):
    response = client_for(triage).post(
        reverse("matching:need_propose", args=[need.pk]), {"resource": resource.pk}
    )
    match = need.matches.get()
    assert response.status_code == 302
    assert (match.status, match.score) == (MatchStatus.PROPOSED, 90)
    proposed = Notification.objects.filter(event=events.MATCH_PROPOSED.key)
    assert {n.recipient.username for n in proposed} == {"ke-official", "ke-focal"}


def test_the_same_resource_cannot_be_proposed_twice_for_a_need(need, resource, triage):
    services.propose_match(need, resource, actor=triage)
    with pytest.raises(ValidationError):
        services.propose_match(need, resource, actor=triage)


def test_only_staff_propose(need, resource, ke_focal):
    with pytest.raises(PermissionDenied):
        services.propose_match(need, resource, actor=ke_focal)


def test_both_sides_accepting_makes_an_activity_of_recommendation_9(
    need, resource, triage, ke_focal, provider_user
):
    match = services.propose_match(need, resource, actor=triage)
    with pytest.raises(WorkflowError):  # the provider answers only after the party
        services.answer_match(match, actor=provider_user, to_status=MatchStatus.ACCEPTED)
    match = accept_by_party(match, ke_focal)
    told = Notification.objects.filter(event=events.MATCH_PROPOSED.key, recipient=provider_user)
    assert told.exists()
    client_for(provider_user).post(
        reverse("matching:match_answer", args=[match.pk]),
        {"to_status": "accepted", "expected_status": "party_accepted"},
    )
    match.refresh_from_db()
    activity = match.activity
    assert match.status == MatchStatus.ACCEPTED
    assert [r.number for r in activity.recommendations.all()] == [9]
    assert [p.code for p in activity.beneficiaries.all()] == ["KE"]
    assert activity.title == need.title
    accepted = Notification.objects.filter(event=events.MATCH_ACCEPTED.key)
    assert {n.recipient.username for n in accepted} == {
        "ke-official",
        "ke-focal",
        "provider-member",
    }


def test_declining_needs_a_reason_and_saves_nothing_without_one(need, resource, triage, ke_focal):
    match = services.propose_match(need, resource, actor=triage)
    response = client_for(ke_focal).post(
        reverse("matching:match_answer", args=[match.pk]),
        {"to_status": "declined", "expected_status": "proposed", "reason": " "},
    )
    assert response.status_code == 400
    assert 'id="id_reason_error"' in response.content.decode()
    match.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED
    services.answer_match(match, actor=ke_focal, to_status="declined", reason="Timing is wrong")
    match.refresh_from_db()
    assert (match.status, match.decline_reason) == ("declined", "Timing is wrong")
    declined = Notification.objects.filter(event=events.MATCH_DECLINED.key)
    # The provider never knew of the match: it is not told of its end either.
    assert "provider-member" not in {n.recipient.username for n in declined}


def test_a_decided_match_cannot_be_answered_again(need, resource, triage, ke_focal):
    match = services.propose_match(need, resource, actor=triage)
    services.answer_match(match, actor=ke_focal, to_status="declined", reason="No")
    match.refresh_from_db()
    with pytest.raises(WorkflowError):
        services.answer_match(match, actor=ke_focal, to_status="party_accepted")


def test_a_full_resource_is_no_longer_ranked(need, resource, triage, ke_official, ke_focal):
    resource.capacity = 1
    resource.save()
    services.propose_match(need, resource, actor=triage)
    other = make_need(ke_official, ke_focal, title="Second need")
    with pytest.raises(ValidationError):
        services.propose_match(other, resource, actor=triage)


def test_an_accepted_match_becomes_a_success_story_only_with_the_partys_consent(
    need, resource, triage, ke_focal, provider_user
):
    match = accept_by_party(services.propose_match(need, resource, actor=triage), ke_focal)
    match = services.answer_match(match, actor=provider_user, to_status="accepted")
    stories = reverse("matching:stories")
    assert need.title.encode() not in client_for(None).get(stories).content
    client_for(ke_focal).post(reverse("matching:match_story", args=[match.pk]), {"public": "on"})
    page = client_for(None).get(stories).content
    assert need.title.encode() in page
    assert b"Kenya" in page
