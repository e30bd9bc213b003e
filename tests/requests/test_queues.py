"""The desk's front door: each staff member opens on their queue; counts cost one query."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal import pagination
from requests import selectors, services
from requests.models import AssistanceRequest, Status
from tests.conftest import client_for
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db
URL = "admin:requests_assistancerequest_changelist"


@pytest.fixture
def desk(ke_official, ke_focal, cl_official, cl_focal, triage, officer):
    """A working day: requests in every kind of queue, Kenya's (Africa) and Chile's."""

    def submitted(official, focal, title):
        return move(draft(official, title=title), Status.SUBMITTED, actor=focal)

    new = submitted(ke_official, ke_focal, "New and unassigned")
    chile = submitted(cl_official, cl_focal, "Chile, unassigned")
    mine = submitted(ke_official, ke_focal, "Assigned to the officer")
    services.assign_officer(mine, officer, actor=triage)
    waiting = move(
        submitted(ke_official, ke_focal, "Waiting on the party"),
        Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.INFORMATION_REQUESTED,
        actor=triage,
    )  # fmt: skip
    late = move(
        submitted(ke_official, ke_focal, "Late"),
        Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED, actor=triage,
    )  # fmt: skip
    today = timezone.localdate()
    AssistanceRequest.objects.filter(pk=late.pk).update(due_date=today - datetime.timedelta(1))
    soon = submitted(ke_official, ke_focal, "Due soon")
    AssistanceRequest.objects.filter(pk=soon.pk).update(wished_by=today + datetime.timedelta(3))
    withdrawn = move(
        submitted(ke_official, ke_focal, "Withdrawn"), Status.WITHDRAWN, actor=ke_focal
    )
    return {
        "new": new, "chile": chile, "mine": mine, "waiting": waiting, "late": late,
        "soon": soon, "withdrawn": withdrawn,
    }  # fmt: skip


def listed(user, **params) -> set[str]:
    response = client_for(user).get(reverse(URL), params)
    assert response.status_code == 200
    return {r.title for r in response.context["cl"].result_list}


def test_the_triage_desk_opens_on_the_unassigned(desk, triage):
    assert listed(triage) == {
        "New and unassigned", "Chile, unassigned", "Due soon", "Waiting on the party", "Late",
    }  # fmt: skip


def test_an_officer_opens_on_their_own_requests(desk, officer):
    assert listed(officer) == {"Assigned to the officer"}


def test_a_bureau_opens_on_its_regions_current_requests(desk, bureau_africa):
    titles = listed(bureau_africa)
    assert "Chile, unassigned" not in titles and "Withdrawn" not in titles
    assert {"New and unassigned", "Waiting on the party", "Late"} <= titles


@pytest.mark.parametrize(
    ("queue", "expected"),
    [
        ("waiting", {"Waiting on the party"}),
        ("overdue", {"Late"}),
        ("due_soon", {"Due soon"}),
        ("closed", {"Withdrawn"}),
        ("mine", set()),
    ],
)
def test_every_queue_is_a_url_to_share(queue, expected, desk, triage):
    assert listed(triage, queue=queue) == expected


def test_closed_and_withdrawn_requests_are_kept_apart(desk, triage):
    assert "Withdrawn" not in listed(triage, queue="current")


def test_the_counts_are_shown_on_the_tabs(desk, triage):
    counts = selectors.queue_counts(triage)
    assert counts == {
        "unassigned": 5, "mine": 0, "waiting": 1, "on_hold": 0, "overdue": 1,
        "due_soon": 1, "current": 6, "closed": 1,
    }  # fmt: skip
    html = client_for(triage).get(reverse(URL)).content.decode()
    assert 'aria-current="page">Unassigned <span class="desk-count">5</span>' in html


def test_a_large_queue_is_counted_up_to_the_limit_and_its_list_estimated_beyond(
    desk, triage, bureau_africa, monkeypatch
):
    """The tabs stop counting at the limit ("3+" here) and the list's total is exact up to
    what one pages through, PostgreSQL's estimate beyond: never a count of every request."""
    monkeypatch.setattr(selectors, "QUEUE_COUNT_LIMIT", 3)
    monkeypatch.setattr(pagination, "EXACT_UP_TO", 3)
    counts = selectors.queue_counts(triage)
    assert counts["current"] == counts["unassigned"] == 3 and counts["waiting"] == 1
    assert selectors.queue_count_label(counts["current"]) == "3+"
    assert selectors.queue_count_label(counts["waiting"]) == "1"
    response = client_for(triage).get(reverse(URL), {"queue": "current"})
    assert '>Unassigned <span class="desk-count">3+</span>' in response.content.decode()
    changelist = response.context["cl"]
    assert changelist.paginator.estimated and changelist.result_count >= 4
    closed = client_for(bureau_africa).get(reverse(URL), {"queue": "closed"}).context["cl"]
    assert not closed.paginator.estimated and closed.result_count == 1


def test_an_unknown_queue_falls_back_to_the_users_own(desk, triage):
    assert listed(triage, queue="nonsense") == listed(triage)


@pytest.mark.parametrize("who", ["triage", "officer", "bureau_africa"])
@pytest.mark.parametrize("queue", ["", "unassigned", "mine", "overdue", "due_soon", "closed"])
def test_a_queue_costs_the_same_queries_with_ten_times_the_requests(
    who, queue, request, ke_official, ke_focal
):
    user = request.getfixturevalue(who)
    client = client_for(user)
    params = {"queue": queue} if queue else {}

    def count() -> int:
        client.get(reverse(URL), params)  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(URL), params).status_code == 200
        return len(captured)

    for i in range(3):
        move(draft(ke_official, title=f"R{i}"), Status.SUBMITTED, actor=ke_focal)
    small = count()
    for i in range(27):
        move(draft(ke_official, title=f"S{i}"), Status.SUBMITTED, actor=ke_focal)
    # session, user, second factor, roles, the queues' counts (one query for all), the page's
    # count and rows, the date drill-down; an officer's and a bureau's scope add the few ids
    # shown to them by exception (guardian's rows, read once a request), the roles one more;
    # the list's count runs in a savepoint (a bad filter value is a bad lookup, not a 500).
    assert count() == small == {"triage": 11, "officer": 13, "bureau_africa": 13}[who]
