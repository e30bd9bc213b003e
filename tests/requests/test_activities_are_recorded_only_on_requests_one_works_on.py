"""The admin's "record an activity" form offers the requests the user works on, chosen in SQL.

The triage desk may deliver on every accepted (or later) request; an officer only on the
requests assigned to them. The choice is a query, not a loop over every visible request.
"""

import pytest

from requests.admin.activities import ActivityFromRequestForm
from requests.models import Status
from requests.services import assign_officer
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db


def accepted(author, focal, triage):
    submitted = move(draft(author), Status.SUBMITTED, actor=focal)
    return move(submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED, actor=triage)


@pytest.fixture
def requests_(ke_official, ke_focal, triage):
    """Two accepted requests, one in progress, one only submitted, one still a draft."""
    first, second = accepted(ke_official, ke_focal, triage), accepted(ke_official, ke_focal, triage)
    in_progress = move(accepted(ke_official, ke_focal, triage), Status.IN_PROGRESS, actor=triage)
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    return {
        "first": first,
        "second": second,
        "in_progress": in_progress,
        "submitted": submitted,
        "draft": draft(ke_official),
    }


def choices(user) -> set[int]:
    form = ActivityFromRequestForm(user=user)
    return {r.pk for r in form.fields["assistance_request"].queryset}


def test_the_triage_desk_may_choose_every_accepted_or_later_request(requests_, triage):
    expected = {requests_[name].pk for name in ("first", "second", "in_progress")}
    assert choices(triage) == expected


def test_an_officer_may_choose_only_the_accepted_requests_assigned_to_them(
    requests_, triage, officer
):
    assert choices(officer) == set()
    assign_officer(requests_["second"], officer, actor=triage)
    assign_officer(requests_["submitted"], officer, actor=triage)  # not accepted yet
    assert choices(officer) == {requests_["second"].pk}


def test_staff_who_see_requests_but_are_not_working_on_them_have_no_choice(
    requests_, bureau_africa
):
    assert choices(bureau_africa) == set()  # sees Kenya's requests, is neither triage nor officer


def test_a_party_member_has_no_choice(requests_, ke_focal):
    assert choices(ke_focal) == set()


def test_building_the_form_loads_no_request_into_python(
    requests_, triage, officer, django_assert_num_queries, django_assert_max_num_queries
):
    assign_officer(requests_["first"], officer, actor=triage)
    for user in (triage, officer):
        user = type(user).objects.get(pk=user.pk)  # no role cached from earlier calls
        # At most the user's role (is the user on the triage desk?) and, for an officer, the
        # ids shown to them by exception (guardian's rows); never a request row.
        with django_assert_max_num_queries(2) as built:
            ActivityFromRequestForm(user=user)
        read = " ".join(query["sql"] for query in built.captured_queries)
        assert 'FROM "requests_assistancerequest"' not in read
        with django_assert_num_queries(1):
            list(ActivityFromRequestForm(user=user).fields["assistance_request"].queryset)


def test_the_choice_costs_the_same_queries_with_three_requests_and_with_thirty(
    ke_official, ke_focal, triage, django_assert_num_queries
):
    counts = []
    for total in (3, 30):
        while len(choices(triage)) < total:
            accepted(ke_official, ke_focal, triage)
        user = type(triage).objects.get(pk=triage.pk)
        form = ActivityFromRequestForm(user=user)
        with django_assert_num_queries(1) as captured:
            list(form.fields["assistance_request"].queryset)
        counts.append(len(captured.captured_queries))
    assert counts == [1, 1]
