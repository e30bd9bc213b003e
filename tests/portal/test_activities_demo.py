"""The demo activities: on the demo requests, some published and some not, loaded once."""

import pytest

from portal.demo import load as load_portal_demo
from portal.models import Activity, Consultant
from requests import demo as requests_demo
from requests import demo_activities

pytestmark = pytest.mark.django_db


def test_demo_activities_hang_on_the_demo_requests_and_load_once():
    load_portal_demo()
    requests_demo.load()
    first = demo_activities.load()  # on the demo requests, so loaded after them
    again = demo_activities.load()
    activities = Activity.objects.filter(title__startswith="[Demo] ")
    assert activities.count() == 6 and "6 activities" in first
    assert again.startswith("0 activities")
    assert all(a.request_link.assistance_request.title.startswith("[Demo] ") for a in activities)
    published = activities.filter(general_info_public=True)
    assert 0 < published.count() < activities.count()
    assert published.filter(details_public=False).exists()  # general information only
    assert Consultant.objects.filter(name__endswith="(demo)").count() == 5
    assert all(
        e.endswith("@demo.invalid") for e in Consultant.objects.values_list("email", flat=True)
    )
