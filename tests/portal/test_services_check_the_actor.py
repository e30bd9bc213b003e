"""Every state-changing service of the core checks who acts, whoever calls it (a view, a
task, the shell): an actor without the right gets PermissionDenied, and nothing changes.

The list below walks each service with such an actor; the world is read whole before and
after (every row of every model a service here writes), so a half-done change shows too.
"""

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied

from enforcement import services as enforcement_services
from enforcement.models import InfringementStatistic
from portal import services as core_services
from portal.activities import services as activity_services
from portal.matching import services as matching_services
from portal.models import (
    ActivityStatus,
    MatchStatus,
    Membership,
    Notification,
    Provider,
    Visibility,
)
from portal.notifications import services as notification_services
from portal.workflow import moves_of
from requests import services as request_services
from requests.review import services as review_services
from requests.services import drafting
from requests.services.needs import link_match_activity
from tests.conftest import make_member
from tests.portal.activities_support import make_activity
from tests.portal.matching_support import make_need, make_provider, need_data, resource_data
from tests.requests.conftest import draft

pytestmark = pytest.mark.django_db

WATCHED = [
    "portal.User",
    "portal.Membership",
    "portal.Party",
    "portal.Activity",
    "portal.ActivityConsent",
    "portal.Need",
    "portal.Provider",
    "portal.Resource",
    "portal.Match",
    "portal.Notification",
    "portal.StatusHistory",
    "requests.AssistanceRequest",
    "requests.RequestActivity",
    "requests.ReviewReport",
    "enforcement.InfringementStatistic",
]


def world_state() -> dict:
    return {label: list(apps.get_model(label).objects.order_by("pk").values()) for label in WATCHED}


@pytest.fixture
def world(ke_official, ke_focal, cl_official, cl_focal, triage, officer, provider, resource):
    need = make_need(ke_official, ke_focal, visibility=Visibility.PROVIDERS)
    match = matching_services.propose_match(need, resource, actor=triage)
    accepted_need = make_need(ke_official, ke_focal, title="A second need")
    accepted = matching_services.propose_match(accepted_need, resource, actor=triage)
    for to_status, actor in (
        (MatchStatus.PARTY_ACCEPTED, ke_focal),
        (MatchStatus.ACCEPTED, provider.members.get()),
    ):
        accepted = matching_services.answer_match(accepted, actor=actor, to_status=to_status)
    notification = Notification.objects.first()
    Notification.objects.filter(pk=notification.pk).update(status=Notification.Status.FAILED)
    statistic = InfringementStatistic.objects.create(
        party=ke_focal.party, year=2024, agency_type="customs", metric="cases", value=3
    )
    return {
        "ke_official": ke_official,
        "ke_focal": ke_focal,
        "cl_official": cl_official,
        "cl_focal": cl_focal,
        "triage": triage,
        "officer": officer,
        "kenya": ke_focal.party,
        "activity": make_activity(triage),
        "need": need,
        "draft_need": make_need(ke_official, title="A draft need"),
        "pending": make_provider("Waiting (test)", members=[cl_official]),
        "provider": provider,
        "resource": resource,
        "match": match,
        "accepted": accepted,
        "notification": notification,
        "statistic": statistic,
        "outsider": make_member("outsider", "CL", Membership.Role.FOCAL_POINT),
        "draft": draft(ke_official),
    }


CASES = {
    "set_membership": lambda w: core_services.set_membership(
        w["ke_official"], w["kenya"], Membership.Role.FOCAL_POINT, actor=w["ke_focal"]
    ),
    "end_membership": lambda w: core_services.end_membership(w["ke_official"], actor=w["triage"]),
    "set_party_second_factor": lambda w: core_services.set_party_second_factor(
        w["kenya"], actor=w["ke_official"], required=True
    ),
    "retry_notifications": lambda w: notification_services.retry_notifications(
        [w["notification"].pk], actor=w["officer"]
    ),
    "create_activity": lambda w: make_activity(w["ke_focal"]),
    "update_activity": lambda w: activity_services.update_activity(
        w["activity"], actor=w["ke_focal"], title="Taken"
    ),
    "move_activity": lambda w: activity_services.move_activity(
        w["activity"], ActivityStatus.CANCELLED, actor=w["ke_focal"]
    ),
    "record_consent": lambda w: activity_services.record_consent(
        w["activity"], actor=w["triage"], general=True, details=True
    ),
    "carry_over_consent": lambda w: activity_services.carry_over_consent(
        w["activity"],
        actor=w["cl_official"],
        party=w["kenya"],
        by=w["ke_focal"],
        general=True,
        details=True,
    ),
    "create_need": lambda w: matching_services.create_need(actor=w["triage"], data=need_data()),
    "update_need": lambda w: matching_services.update_need(
        w["draft_need"], actor=w["cl_official"], data=need_data(title="Taken")
    ),
    "set_need_visibility": lambda w: matching_services.set_need_visibility(
        w["draft_need"], actor=w["ke_official"], visibility=Visibility.PUBLIC
    ),
    "close_need": lambda w: matching_services.close_need(w["need"], actor=w["cl_focal"]),
    "approve_provider": lambda w: matching_services.approve_provider(
        w["pending"], actor=w["cl_official"]
    ),
    "create_resource": lambda w: matching_services.create_resource(
        actor=w["cl_official"], provider=w["provider"], data=resource_data()
    ),
    "update_resource": lambda w: matching_services.update_resource(
        w["resource"], actor=w["triage"], data=resource_data(title="Taken")
    ),
    "withdraw_resource": lambda w: matching_services.withdraw_resource(
        w["resource"], actor=w["triage"]
    ),
    "propose_match": lambda w: matching_services.propose_match(
        w["draft_need"], w["resource"], actor=w["ke_focal"]
    ),
    "answer_match": lambda w: matching_services.answer_match(
        w["match"], actor=w["cl_focal"], to_status=MatchStatus.PARTY_ACCEPTED
    ),
    "set_story_consent": lambda w: matching_services.set_story_consent(
        w["accepted"], actor=w["cl_focal"], public=True
    ),
    "link_match_activity": lambda w: link_match_activity(w["accepted"], w["ke_official"]),
    "create_draft": lambda w: drafting.create_draft(actor=w["triage"], data={}),
    "set_consent": lambda w: request_services.set_consent(
        w["draft"], actor=w["ke_official"], general=True, details=False
    ),
    "request_report": lambda w: review_services.request_report(2025, actor=w["ke_focal"]),
    "release_statistics": lambda w: enforcement_services.release_statistics(
        w["kenya"], w["ke_official"], [w["statistic"].pk]
    ),
    "withdraw_statistics": lambda w: enforcement_services.withdraw_statistics(
        w["kenya"], w["outsider"], [w["statistic"].pk]
    ),
}


@pytest.mark.parametrize("service", CASES)
def test_an_actor_without_the_right_is_refused_and_nothing_changes(world, service):
    before = world_state()
    with pytest.raises(PermissionDenied):
        CASES[service](world)
    assert world_state() == before


def test_the_same_calls_go_through_for_the_right_actor_with_a_history_row(world):
    """The refusals above are about the actor, not a call that could never succeed."""
    triage, activity = world["triage"], world["activity"]
    activity_services.move_activity(activity, ActivityStatus.CANCELLED, actor=triage)
    matching_services.approve_provider(world["pending"], actor=triage)
    released = enforcement_services.release_statistics(
        world["kenya"], world["ke_focal"], [world["statistic"].pk]
    )
    retried = notification_services.retry_notifications([world["notification"].pk], actor=triage)
    assert (released, retried) == (1, 1)
    assert Provider.objects.get(pk=world["pending"].pk).is_approved
    moves = [
        (m.from_status, m.to_status, m.actor)
        for obj in (activity, world["pending"], world["statistic"], world["accepted"])
        for m in moves_of(obj)
    ]
    assert moves == [
        ("planned", "cancelled", triage),
        ("pending", "approved", triage),
        ("unreleased", "released", world["ke_focal"]),
        ("proposed", "party_accepted", world["ke_focal"]),
        ("party_accepted", "accepted", world["provider"].members.get()),
    ]
