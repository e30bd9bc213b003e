"""The request page's publication section says what is public of each activity delivered on it,
since when, and agrees with the activity pages."""

import pytest
from django.utils.formats import date_format

from portal.models import ActivityConsent
from requests.models import Status
from requests.services import activities as request_activities
from requests.services import set_consent
from tests.conftest import client_for
from tests.portal.activities_support import consent, make_activity
from tests.requests.conftest import move

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(ke_submitted, triage):
    return move(
        ke_submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED, actor=triage
    )


@pytest.fixture
def three_activities(accepted, triage, ke_focal):
    """Unpublished (no consent), consent-pending (Chile has not consented) and public."""
    unpublished = make_activity(triage, title="Unpublished workshop")
    pending = make_activity(triage, title="Pending regional seminar", beneficiaries=("KE", "CL"))
    public = make_activity(triage, title="Public expert mission", venue="Mombasa")
    for activity in (unpublished, pending, public):
        request_activities.link_activity(accepted, activity, actor=triage)
    consent(pending, ke_focal, general=True)
    consent(public, ke_focal, general=True, details=True)  # on the activity's own page
    return unpublished, pending, public


def section(page: str) -> str:
    start = page.index('id="consent-title"')
    return page[start : page.index("</section>", start)]


def row_of(html: str, title: str) -> str:
    start = html.index(title)
    return html[start : html.index("</li>", start)]


def test_each_activity_says_what_is_public_and_since_when(accepted, three_activities, ke_focal):
    unpublished, pending, public = three_activities
    html = section(client_for(ke_focal).get(accepted.get_absolute_url()).content.decode())

    assert "Not public: no beneficiary has consented." in row_of(html, unpublished.title)
    assert "waiting for the consent of <bdi>Chile</bdi>" in row_of(html, pending.title)
    public_row = row_of(html, public.title)
    since = ActivityConsent.objects.get(activity=public).at
    assert "public, with details" in public_row
    assert f"since {date_format(since, 'DATE_FORMAT')}" in public_row
    for activity in three_activities:
        assert activity.get_absolute_url() in html
    # The old claim that contradicted the public activity is gone.
    assert "Nothing about this assistance is published" not in html
    assert "None recorded yet." in html  # no consent was given on the request itself


def test_the_request_page_and_the_public_activity_page_agree(accepted, three_activities):
    unpublished, pending, public = three_activities
    anonymous = client_for(None)
    assert "Mombasa" in anonymous.get(public.get_absolute_url()).content.decode()
    for hidden in (unpublished, pending):
        assert hidden.title not in anonymous.get(hidden.get_absolute_url()).content.decode()


def test_consent_on_the_request_reaches_its_activities_and_the_section_shows_it(
    accepted, three_activities, ke_focal
):
    unpublished, pending, _public = three_activities
    set_consent(accepted, actor=ke_focal, general=True, details=False)

    html = section(client_for(ke_focal).get(accepted.get_absolute_url()).content.decode())
    assert "public in general terms" in row_of(html, unpublished.title)
    assert "waiting for the consent of <bdi>Chile</bdi>" in row_of(html, pending.title)
    assert "General information may be published; details are not shared." in html
    assert "Recorded by <bdi>ke-focal</bdi>" in html
