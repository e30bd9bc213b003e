"""A request page decides what its viewer may do once (RequestRights), as the predicates do."""

import pytest
from django.contrib.auth.models import AnonymousUser

from requests import permissions, services
from requests.models import Status
from tests.conftest import client_for
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db

STATES = ["draft", "ready", "submitted", "information_requested", "assigned", "delivered"]


@pytest.fixture
def cast(ke_official, ke_focal, cl_official, cl_focal, triage, officer, bureau_africa, stranger):
    people = [ke_official, ke_focal, cl_official, cl_focal, triage, officer, bureau_africa]
    return [AnonymousUser(), *people, stranger]


def kenyan_request(state, ke_official, ke_focal, triage, officer):
    assistance_request = draft(ke_official)
    if state == "draft":
        return assistance_request
    if state == "ready":
        return move(assistance_request, Status.READY, actor=ke_official)
    assistance_request = move(assistance_request, Status.SUBMITTED, actor=ke_focal)
    if state == "submitted":
        return assistance_request
    assistance_request = move(
        assistance_request, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, actor=triage
    )
    if state == "information_requested":
        return move(assistance_request, Status.INFORMATION_REQUESTED, actor=triage)
    assistance_request = services.assign_officer(assistance_request, officer, actor=triage)
    assistance_request = move(assistance_request, Status.ACCEPTED, actor=officer)
    if state == "assigned":
        return assistance_request
    return move(assistance_request, Status.IN_PROGRESS, Status.DELIVERED, actor=officer)


def by_predicates(user, assistance_request) -> permissions.RequestRights:
    """The rights as the predicates say them, one call each (what the page used to do)."""
    status = assistance_request.status
    member = permissions.is_requesting_member(user, assistance_request)
    return permissions.RequestRights(
        edit=permissions.can_edit_draft(user, assistance_request),
        hand_over=status == Status.DRAFT
        and not permissions.is_requesting_focal_point(user, assistance_request)
        and permissions.can_move(user, assistance_request, Status.READY),
        send_back=status == Status.READY
        and permissions.can_move(user, assistance_request, Status.DRAFT),
        submit=permissions.can_move(user, assistance_request, Status.SUBMITTED),
        discard=permissions.can_discard_draft(user, assistance_request),
        withdraw=permissions.can_move(user, assistance_request, Status.WITHDRAWN),
        respond=status == Status.INFORMATION_REQUESTED and member,
        message=permissions.can_write_message(user, assistance_request),
        upload=permissions.can_upload(user, assistance_request),
        consent=permissions.can_consent(user, assistance_request),
        rate=permissions.can_rate(user, assistance_request),
        access_log=member or permissions.is_request_staff(user),
        sees_internal=user.is_staff and not member,
    )


@pytest.mark.parametrize("state", STATES)
def test_the_rights_value_says_what_the_predicates_say_for_every_member_of_the_cast(
    state, cast, ke_official, ke_focal, triage, officer
):
    assistance_request = kenyan_request(state, ke_official, ke_focal, triage, officer)
    assert assistance_request.status == {"assigned": Status.ACCEPTED}.get(state, state)
    for user in cast:
        assert permissions.rights_on(user, assistance_request) == by_predicates(
            user, assistance_request
        ), (user, state)


def test_the_rights_differ_where_the_roles_do(ke_official, ke_focal, triage, officer):
    """Not everything false: each kind of person gets what their part in the workflow gives."""
    submitted = kenyan_request("submitted", ke_official, ke_focal, triage, officer)
    focal = permissions.rights_on(ke_focal, submitted)
    official = permissions.rights_on(ke_official, submitted)
    desk = permissions.rights_on(triage, submitted)
    assert focal.withdraw and focal.consent and focal.message and not focal.sees_internal
    assert not official.withdraw and not official.consent and official.message
    assert desk.message and desk.sees_internal and desk.access_log and not desk.withdraw
    delivered = kenyan_request("delivered", ke_official, ke_focal, triage, officer)
    assert permissions.rights_on(ke_focal, delivered).rate
    assert not permissions.rights_on(officer, delivered).rate


def test_the_request_page_shows_the_rights_it_was_given(ke_official, ke_focal, triage, officer):
    submitted = kenyan_request("submitted", ke_official, ke_focal, triage, officer)
    response = client_for(ke_focal).get(submitted.get_absolute_url())
    assert response.context["can"] == permissions.rights_on(ke_focal, submitted)
    assert b"Withdraw the request" in response.content
    response = client_for(ke_official).get(submitted.get_absolute_url())
    assert b"Withdraw the request" not in response.content


def test_the_desks_checkbox_is_djangos_own_markup(ke_submitted):
    """The desk writes each row's checkbox without a widget template, to the same markup."""
    from django.contrib import admin as django_admin

    from requests.models import AssistanceRequest

    desk = django_admin.site._registry[AssistanceRequest]
    assert desk.action_checkbox(ke_submitted) == django_admin.ModelAdmin.action_checkbox(
        desk, ke_submitted
    )
    assert 'name="_selected_action"' in desk.action_checkbox(ke_submitted)
