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
from requests.models import SavedReply, Status
from requests.review import services as review_services
from requests.services import activities as request_activities
from requests.services import drafting
from requests.services.conversation import upload_document
from requests.services.needs import link_match_activity
from tests.conftest import make_member
from tests.portal.activities_support import make_activity
from tests.portal.matching_support import make_need, make_provider, need_data, resource_data
from tests.requests.conftest import draft, move, pdf

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
    "requests.StatusChange",
    "requests.Message",
    "requests.Document",
    "requests.AccessGrant",
    "requests.Assignment",
    "requests.SavedReply",
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
        "submitted": move(draft(ke_official), Status.SUBMITTED, actor=ke_focal),
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
    "update_draft": lambda w: drafting.update_draft(w["draft"], actor=w["cl_official"], data={}),
    "discard_draft": lambda w: drafting.discard_draft(w["draft"], actor=w["cl_official"]),
    "transition": lambda w: request_services.transition(
        w["submitted"], Status.ACKNOWLEDGED, actor=w["ke_focal"]
    ),
    "assign_officer": lambda w: request_services.assign_officer(
        w["submitted"], w["officer"], actor=w["ke_focal"]
    ),
    "take": lambda w: request_services.take(w["submitted"], actor=w["ke_official"]),
    "reply": lambda w: request_services.reply(
        w["submitted"], actor=w["cl_focal"], body="Hello", internal=False
    ),
    "post_message": lambda w: request_services.post_message(
        w["submitted"], actor=w["cl_official"], body="Hello"
    ),
    "upload_document": lambda w: upload_document(w["submitted"], pdf(), actor=w["cl_official"]),
    "send_information": lambda w: request_services.send_information(
        w["submitted"], actor=w["cl_official"], body="The text of the law."
    ),
    "give_feedback": lambda w: request_services.give_feedback(
        w["submitted"], actor=w["ke_official"], relevance=5, timeliness=5, quality=5
    ),
    "grant_access": lambda w: request_services.grant_access(
        w["submitted"], actor=w["officer"], user=w["cl_official"]
    ),
    "link_activity": lambda w: request_activities.link_activity(
        w["submitted"], w["activity"], actor=w["ke_focal"]
    ),
    "create_activity_for_request": lambda w: request_activities.create_activity_for_request(
        w["submitted"], actor=w["ke_official"], title="Taken"
    ),
    "save_saved_reply": lambda w: request_services.save_saved_reply(
        SavedReply(title="Thanks", body="Thank you."), actor=w["ke_official"]
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
