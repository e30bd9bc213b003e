"""One visibility rule for activities: those recorded on a request follow the request, those on
no request belong to their beneficiaries' regions.

Each staff role against an activity on Kenya's request (Africa), one on Chile's request
(Latin America), one on no request for Kenya and Chile and one on no request for Thailand
(Asia and the Pacific), in the admin (list, change form, save), on the activity's page, and on
the public list, export, recommendation page and yearly review. The last is the leak closed:
any member of staff, of any region, used to open and edit an unpublished activity on no
request.
"""

import pytest
from django.urls import reverse

from portal.activities import permissions
from portal.models import Activity, Region
from portal.services import sync_role_groups
from requests import services
from requests.models import Status
from requests.services import activities as request_activities
from tests.conftest import client_for, make_user
from tests.portal.activities_support import make_activity
from tests.portal.test_activities_requests import activity_fields
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db

ACCEPTED = (Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED)
TITLES = {"kenya": "Kenya-request-activity", "chile": "Chile-request-activity"}
TITLES["unlinked"] = "Regional-workshop-on-no-request"
TITLES["asia"] = "Thai-workshop-on-no-request"
ROLES = ["triage", "officer", "bureau_africa", "bureau_latin_america"]
# Who sees each activity in full (unpublished included); the officer is Kenya's and of no
# bureau: the activities on no request are the regions' bureaus' (and the desk's).
SEES = {
    "triage": {"kenya", "chile", "unlinked", "asia"},
    "officer": {"kenya"},
    "bureau_africa": {"kenya", "unlinked"},
    "bureau_latin_america": {"chile", "unlinked"},
}
CASES = [(role, which) for role in ROLES for which in TITLES]


@pytest.fixture
def bureau_latin_america(db):
    """Staff of the Regional Bureau for Latin America and the Caribbean: sees Chile's requests."""
    user = make_user("bureau-latam", is_staff=True, bureau=Region.LATIN_AMERICA_CARIBBEAN)
    sync_role_groups(user)
    return user


def accepted(official, focal, triage):
    """A request submitted by the party's focal point and accepted by the triage desk."""
    submitted = move(draft(official), Status.SUBMITTED, actor=focal)
    return move(submitted, *ACCEPTED, actor=triage)


@pytest.fixture
def world(ke_official, ke_focal, cl_official, cl_focal, triage, officer):
    kenya_request = accepted(ke_official, ke_focal, triage)
    services.assign_officer(kenya_request, officer, actor=triage)
    chile_request = accepted(cl_official, cl_focal, triage)
    activities = {
        "kenya": request_activities.create_activity_for_request(
            kenya_request, actor=triage, **activity_fields(title=TITLES["kenya"])
        ),
        "chile": request_activities.create_activity_for_request(
            chile_request, actor=triage, **activity_fields(title=TITLES["chile"])
        ),
        "unlinked": make_activity(triage, beneficiaries=("KE", "CL"), title=TITLES["unlinked"]),
        "asia": make_activity(triage, beneficiaries=("TH",), title=TITLES["asia"]),
    }
    return {"requests": {"kenya": kenya_request, "chile": chile_request}, **activities}


@pytest.fixture
def cast(request):
    return {role: request.getfixturevalue(role) for role in ROLES}


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def test_the_admin_list_shows_each_role_only_its_activities(world, cast):
    for role, user in cast.items():
        page = body(client_for(user).get(reverse("admin:portal_activity_changelist")))
        shown = {which for which, title in TITLES.items() if title in page}
        assert shown == SEES[role], role


@pytest.mark.parametrize(("role", "which"), CASES)
def test_the_admin_change_form_opens_only_for_those_who_see_the_activity(world, cast, role, which):
    url = reverse("admin:portal_activity_change", args=[world[which].pk])
    response = client_for(cast[role]).get(url)
    if which in SEES[role]:
        assert response.status_code == 200 and TITLES[which] in body(response)
    else:
        assert response.status_code in (302, 404)  # the admin's "does not exist"
        assert TITLES[which] not in body(client_for(cast[role]).get(url, follow=True))


def change_data(activity: Activity, title: str) -> dict:
    return {
        "type": activity.type,
        "title": title,
        "status": activity.status,
        "planned_start": activity.planned_start.isoformat(),
        "due_date": activity.due_date.isoformat(),
        "beneficiaries": [party.pk for party in activity.beneficiaries.all()],
        "recommendations": [r.pk for r in activity.recommendations.all()],
        "consents-TOTAL_FORMS": "0",
        "consents-INITIAL_FORMS": "0",
    }


@pytest.mark.parametrize(("role", "which"), CASES)
def test_only_those_who_see_an_activity_save_it_in_the_admin(world, cast, role, which):
    activity = world[which]
    url = reverse("admin:portal_activity_change", args=[activity.pk])
    response = client_for(cast[role]).post(url, change_data(activity, "Renamed"))
    activity.refresh_from_db()
    assert response.status_code == 302, body(response)[-2000:]
    assert (activity.title == "Renamed") == (which in SEES[role]), role


@pytest.mark.parametrize(("role", "which"), CASES)
def test_the_activity_page_follows_the_request_until_consent(world, cast, role, which):
    response = client_for(cast[role]).get(world[which].get_absolute_url())
    assert response.status_code == (200 if which in SEES[role] else 404)
    assert permissions.can_see(cast[role], world[which]) == (which in SEES[role])


def test_consent_on_the_request_publishes_its_general_information_to_everyone(
    world, cast, cl_focal
):
    services.set_consent(world["requests"]["chile"], actor=cl_focal, general=True, details=False)
    chile = Activity.objects.get(pk=world["chile"].pk)
    for role, user in cast.items():
        page = body(client_for(user).get(chile.get_absolute_url()))
        # Everyone sees it now; its title (a detail) only those who see the request.
        assert (TITLES["chile"] in page) == ("chile" in SEES[role]), role
    assert client_for(None).get(chile.get_absolute_url()).status_code == 200


def public_pages(world) -> list[str]:
    recommendation = (
        world["kenya"].recommendations.first() or world["unlinked"].recommendations.get()
    )
    return [
        reverse("activity_list"),
        reverse("activity_export"),
        reverse("recommendation_detail", args=[recommendation.number]),
    ]


def public_ids(client, url) -> set[int]:
    page = body(client.get(url))
    return {
        activity.pk for activity in Activity.objects.all() if f"/activities/{activity.pk}/" in page
    }


@pytest.mark.parametrize("role", [None, *ROLES])
def test_public_lists_exports_and_recommendation_pages_show_a_request_activity_only_with_consent(
    world, request, role, ke_focal
):
    client = client_for(request.getfixturevalue(role) if role else None)
    for which in TITLES:
        world[which].recommendations.set(world["unlinked"].recommendations.all())
    pages = public_pages(world)
    for url in pages:
        assert public_ids(client, url) == set(), url  # nothing consented yet, for anyone
    services.set_consent(world["requests"]["kenya"], actor=ke_focal, general=True, details=False)
    for url in pages:
        assert public_ids(client, url) == {world["kenya"].pk}, url
        assert TITLES["kenya"] not in body(client.get(url))  # details were not consented


@pytest.mark.parametrize("role", ROLES)
def test_the_yearly_review_opens_only_to_those_who_see_every_activity(world, cast, role):
    client = client_for(cast[role])
    page = client.get(reverse("review:index"))
    assert page.status_code == (200 if SEES[role] == set(TITLES) else 404)
    menu = body(client.get(reverse("home")))
    assert (reverse("review:index") in menu) == (SEES[role] == set(TITLES))
