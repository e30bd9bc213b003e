"""The admin walked as staff who must not see an activity on Kenya's confidential request.

Every model the admin registers (its list, searched for the secret) and every page of the
planted activity (change, history, delete, "view on site") are tried as an officer not
assigned to the request and as the bureau of another region; none may show the secret.
"""

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from portal.models import Activity, Region
from portal.services import sync_role_groups
from requests.models import Status
from requests.services import activities as request_activities
from tests.conftest import client_for, make_user
from tests.portal.test_activities_requests import activity_fields
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db

SECRET = "Kenya-activity-secret-5d1e"


@pytest.fixture
def planted(ke_official, ke_focal, triage) -> Activity:
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    kenya_request = move(
        submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED, actor=triage
    )
    return request_activities.create_activity_for_request(
        kenya_request, actor=triage, **activity_fields(title=SECRET, description=SECRET)
    )


def admin_urls(activity: Activity) -> list[str]:
    urls = []
    for model in admin.site._registry:
        opts = model._meta
        try:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        except NoReverseMatch:
            continue
        urls.append(urls[-1] + f"?q={SECRET[:14]}")  # the box echoes the query
    for page in ("change", "history", "delete"):
        urls.append(reverse(f"admin:portal_activity_{page}", args=[activity.pk]))
    content_type = ContentType.objects.get_for_model(Activity)
    urls.append(reverse("admin:view_on_site", args=[content_type.pk, activity.pk]))
    return urls


def test_no_outsider_on_the_staff_finds_the_activity_anywhere_in_the_admin(
    planted, officer, triage
):
    bureau = make_user("bureau-latam", is_staff=True, bureau=Region.LATIN_AMERICA_CARIBBEAN)
    sync_role_groups(bureau)
    urls = admin_urls(planted)
    assert len(urls) > 20
    leaks = []
    for user in (officer, bureau):
        client = client_for(user)
        for url in urls:
            response = client.get(url, follow=True)
            if response.status_code == 200 and SECRET in response.content.decode():
                leaks.append(f"{user.username} saw the secret at {url}")
    assert leaks == []
    # Guards the walk: the triage desk does find it where it lives.
    found = client_for(triage).get(reverse("admin:portal_activity_change", args=[planted.pk]))
    assert SECRET in found.content.decode()
