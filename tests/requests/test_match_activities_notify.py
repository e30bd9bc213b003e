"""Linking a concluded match's activity to its request, and carrying the request's consent over
to it, each write their notification with the change: once, to the right people of the right
party only, rendered in each recipient's language, and not at all if the change rolls back."""

import pytest
from django.core import mail
from django.db import transaction

from portal import events as portal_events
from portal.matching import services as matching
from portal.models import Notification, NotificationPreference
from portal.notifications.rendering import render_email
from requests import events
from requests.models import AssistanceRequest, RequestActivity
from requests.services import assign_officer, set_consent
from requests.services.needs import request_from_need
from tests.conftest import make_user
from tests.portal.matching_support import accept_by_party, make_need, make_provider, make_resource
from tests.requests.conftest import legislative_data, move

pytestmark = pytest.mark.django_db

ACCEPT = ("acknowledged", "under_review", "accepted")


@pytest.fixture
def everyone(ke_official, ke_focal, cl_focal, triage, officer):
    """Kenya's people, Chile's focal point (never told) and the staff of the request."""
    NotificationPreference.objects.create(user=ke_focal, language="ar")


@pytest.fixture
def provider_user(db):
    return make_user("provider-member")


@pytest.fixture
def need_request(everyone, ke_official, ke_focal, triage, officer):
    """A need made into a submitted request, assigned to the officer."""
    need = make_need(ke_official, ke_focal)
    assistance_request = request_from_need(
        need, actor=ke_official, data=legislative_data(legal_areas=["copyright"])
    )
    move(assistance_request, "submitted", actor=ke_focal)
    assign_officer(AssistanceRequest.objects.get(), officer, actor=triage)
    return need


def conclude(need, provider_user, triage, ke_focal):
    resource = make_resource(
        provider_user, make_provider(members=[provider_user], approved_by=triage)
    )
    match = accept_by_party(matching.propose_match(need, resource, actor=triage), ke_focal)
    return matching.answer_match(match, actor=provider_user, to_status="accepted")


def rows(event):
    return list(Notification.objects.filter(event=event.key).select_related("recipient"))


def test_linking_at_acceptance_tells_the_focal_point_and_the_officer_once_in_their_language(
    need_request, provider_user, ke_focal, officer, triage
):
    match = conclude(need_request, provider_user, triage, ke_focal)
    assert not rows(events.ACTIVITY_LINKED)  # not linked before the request is accepted

    move(AssistanceRequest.objects.get(), *ACCEPT, actor=triage)

    linked = rows(events.ACTIVITY_LINKED)
    assert sorted(row.recipient.username for row in linked) == ["ke-focal", "officer"]
    assert RequestActivity.objects.get().activity == match.activity
    by_user = {row.recipient: row for row in linked}
    arabic = render_email(by_user[ke_focal])
    assert 'lang="ar" dir="rtl"' in arabic.alternatives[0][0]
    assert match.activity.title in arabic.body
    english = render_email(by_user[officer])
    assert 'lang="en" dir="ltr"' in english.alternatives[0][0]


def test_linking_when_the_match_concludes_after_acceptance_tells_them_too(
    need_request, provider_user, ke_focal, triage
):
    move(AssistanceRequest.objects.get(), *ACCEPT, actor=triage)
    conclude(need_request, provider_user, triage, ke_focal)

    linked = rows(events.ACTIVITY_LINKED)
    assert sorted(row.recipient.username for row in linked) == ["ke-focal", "officer"]


def test_consent_carried_over_tells_the_focal_point_what_became_public(
    need_request, provider_user, ke_focal, triage
):
    set_consent(AssistanceRequest.objects.get(), actor=ke_focal, general=True, details=False)
    activity = conclude(need_request, provider_user, triage, ke_focal).activity

    move(AssistanceRequest.objects.get(), *ACCEPT, actor=triage)

    (row,) = rows(portal_events.CONSENT_CARRIED_OVER)
    assert row.recipient == ke_focal  # not Kenya's official, not Chile, not the staff
    assert (row.context["general"], row.context["details"]) == (True, False)
    message = render_email(row)
    assert 'lang="ar" dir="rtl"' in message.alternatives[0][0]
    assert activity.title in message.body


def test_without_consent_nothing_is_said_of_publication(
    need_request, provider_user, ke_focal, triage
):
    conclude(need_request, provider_user, triage, ke_focal)
    move(AssistanceRequest.objects.get(), *ACCEPT, actor=triage)
    assert not rows(portal_events.CONSENT_CARRIED_OVER)


def test_a_rolled_back_acceptance_writes_and_sends_nothing(
    need_request, provider_user, ke_focal, triage, django_capture_on_commit_callbacks
):
    set_consent(AssistanceRequest.objects.get(), actor=ke_focal, general=True, details=True)
    conclude(need_request, provider_user, triage, ke_focal)
    before = Notification.objects.count()

    @transaction.atomic
    def failing():
        move(AssistanceRequest.objects.get(), *ACCEPT, actor=triage)
        raise RuntimeError("the acceptance fails after the link")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        failing()

    assert not callbacks and not mail.outbox
    assert Notification.objects.count() == before
    assert not RequestActivity.objects.exists()
