"""Recommendation 5 enforced: what the public sees of an activity follows recorded consent."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from portal.activities import services
from portal.models import Activity, ActivityConsent, ActivityStatus
from tests.conftest import client_for
from tests.portal.activities_support import consent, make_activity

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Confidential workshop title"
SECRET_VENUE = "Hotel Confidential"


@pytest.fixture
def workshop(triage):
    """Kenya's workshop, recorded by staff; nobody has consented yet."""
    return make_activity(triage, title=SECRET_TITLE, venue=SECRET_VENUE)


def public_list(client=None):
    return (client or client_for(None)).get(reverse("activity_list")).content.decode()


def detail(user, activity):
    return client_for(user).get(reverse("activity_detail", args=[activity.pk]))


def test_without_consent_nothing_is_public(workshop, client, cl_official, stranger):
    assert not workshop.general_info_public and not workshop.details_public
    assert f'href="/activities/{workshop.pk}/"' not in public_list()
    for outsider in (None, cl_official, stranger):
        assert detail(outsider, workshop).status_code == 404
    csv = b"".join(client.get(reverse("activity_export")).streaming_content).decode()
    assert csv.count("\n") == 1  # the header alone


def test_staff_of_its_region_and_the_beneficiary_see_an_unpublished_activity_in_full(
    workshop, triage, bureau_africa, officer, ke_official
):
    for insider in (triage, bureau_africa, ke_official):
        response = detail(insider, workshop)
        assert response.status_code == 200
        html = response.content.decode()
        assert SECRET_TITLE in html and SECRET_VENUE in html and "Not published" in html
    # An activity on no request belongs to its beneficiaries' regions: an officer of no bureau,
    # assigned nothing about it, does not see it before it is published.
    assert detail(officer, workshop).status_code == 404


def test_general_consent_publishes_general_information_but_no_details(workshop, ke_focal):
    consent(workshop, ke_focal, general=True, details=False)
    workshop.refresh_from_db()
    assert workshop.general_info_public and not workshop.details_public
    listing = public_list()
    assert f'href="/activities/{workshop.pk}/"' in listing and "Kenya" in listing
    assert SECRET_TITLE not in listing
    html = detail(None, workshop).content.decode()
    assert "National workshop" in html and "Kenya" in html
    assert SECRET_TITLE not in html and SECRET_VENUE not in html
    assert "Two days with the patent examiners" not in html


def test_details_consent_publishes_the_details_too(workshop, ke_focal, client):
    consent(workshop, ke_focal, general=True, details=True)
    html = detail(None, workshop).content.decode()
    assert SECRET_TITLE in html and SECRET_VENUE in html
    csv = b"".join(client.get(reverse("activity_export")).streaming_content).decode()
    assert SECRET_TITLE in csv and SECRET_VENUE in csv


def test_the_csv_carries_no_details_without_details_consent(workshop, ke_focal, client):
    consent(workshop, ke_focal, general=True, details=False)
    csv = b"".join(client.get(reverse("activity_export")).streaming_content).decode()
    assert "Kenya" in csv and SECRET_TITLE not in csv and SECRET_VENUE not in csv


def test_withdrawn_consent_takes_the_activity_off_the_public_pages_at_once(
    workshop, ke_focal, client
):
    consent(workshop, ke_focal, general=True, details=True)
    assert detail(None, workshop).status_code == 200
    consent(workshop, ke_focal, general=False, details=False)
    assert detail(None, workshop).status_code == 404
    assert f'href="/activities/{workshop.pk}/"' not in public_list()
    response = client.get(reverse("recommendation_detail", args=[1]))
    assert f'href="/activities/{workshop.pk}/"' not in response.content.decode()


def test_withdrawing_details_only_keeps_the_general_information(workshop, ke_focal):
    consent(workshop, ke_focal, general=True, details=True)
    consent(workshop, ke_focal, general=True, details=False)
    html = detail(None, workshop).content.decode()
    assert "Kenya" in html and SECRET_TITLE not in html


def test_every_beneficiary_must_consent_before_anything_is_public(triage, ke_focal, cl_focal):
    joint = make_activity(triage, beneficiaries=("KE", "CL"), title=SECRET_TITLE)
    consent(joint, ke_focal, general=True, details=True)
    joint.refresh_from_db()
    assert not joint.general_info_public
    assert detail(None, joint).status_code == 404
    consent(joint, cl_focal, general=True, details=False)
    joint.refresh_from_db()
    assert joint.general_info_public and not joint.details_public  # Chile: general only
    consent(joint, cl_focal, general=True, details=True)
    joint.refresh_from_db()
    assert joint.details_public


def test_adding_a_beneficiary_that_has_not_consented_unpublishes(workshop, ke_focal, chile):
    consent(workshop, ke_focal, general=True, details=True)
    workshop.beneficiaries.add(chile)
    services.refresh_publication(workshop)
    workshop.refresh_from_db()
    assert not workshop.general_info_public and not workshop.details_public


def test_a_cancelled_activity_is_never_public(workshop, ke_focal):
    consent(workshop, ke_focal, general=True, details=True)
    services.move_activity(workshop, ActivityStatus.CANCELLED, actor=workshop.created_by)
    assert detail(None, workshop).status_code == 404


def test_consent_is_append_only_with_who_and_when(workshop, ke_focal):
    consent(workshop, ke_focal, general=True, details=False)
    consent(workshop, ke_focal, general=True, details=False)  # no change: no new row
    consent(workshop, ke_focal, general=False, details=False)
    rows = list(ActivityConsent.objects.filter(activity=workshop).order_by("at", "pk"))
    assert [(r.general, r.details, r.by, r.party.code) for r in rows] == [
        (True, False, ke_focal, "KE"),
        (False, False, ke_focal, "KE"),
    ]
    assert all(r.at is not None for r in rows)


def test_only_the_focal_point_of_a_beneficiary_may_consent(workshop, ke_official, cl_focal, triage):
    for not_allowed in (ke_official, cl_focal, triage):
        with pytest.raises(PermissionDenied):
            consent(workshop, not_allowed)
    assert not ActivityConsent.objects.exists()


def test_details_cannot_be_shared_without_general_consent(workshop, ke_focal):
    with pytest.raises(ValidationError) as error:
        consent(workshop, ke_focal, general=False, details=True)
    assert "details" in error.value.error_dict


def test_the_focal_point_consents_on_the_activity_page(workshop, ke_focal):
    client = client_for(ke_focal)
    page = client.get(reverse("activity_detail", args=[workshop.pk])).content.decode()
    assert f'action="/activities/{workshop.pk}/consent/"' in page
    response = client.post(
        reverse("activity_consent", args=[workshop.pk]), {"general": "on", "details": "on"}
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.general_info_public and workshop.details_public
    asked = client.post(reverse("activity_consent", args=[workshop.pk]), {})
    workshop.refresh_from_db()
    assert workshop.general_info_public  # taking it back: a page says what, first
    assert "Withdraw your party's consent?" in asked.content.decode()
    assert "Its details may be published too" in asked.content.decode()
    client.post(reverse("activity_consent", args=[workshop.pk]), {"confirmed": "1"})
    workshop.refresh_from_db()
    assert not workshop.general_info_public


def test_an_invalid_consent_form_shows_the_error_beside_the_field(workshop, ke_focal):
    response = client_for(ke_focal).post(
        reverse("activity_consent", args=[workshop.pk]), {"details": "on"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and "id_details_error" in html
    assert not Activity.objects.get(pk=workshop.pk).details_public


def test_who_may_post_consent(workshop, ke_official, cl_focal, triage, stranger):
    url = reverse("activity_consent", args=[workshop.pk])
    assert client_for(None).post(url, {"general": "on"}).status_code == 302  # to sign in
    assert client_for(stranger).post(url, {"general": "on"}).status_code == 404
    assert client_for(cl_focal).post(url, {"general": "on"}).status_code == 404
    assert client_for(ke_official).post(url, {"general": "on"}).status_code == 403
    assert client_for(triage).post(url, {"general": "on"}).status_code == 403
    assert not ActivityConsent.objects.exists()


def test_public_pages_are_never_cached(workshop, ke_focal, client):
    consent(workshop, ke_focal)
    for url in (reverse("activity_list"), reverse("activity_detail", args=[workshop.pk])):
        assert "no-store" in client.get(url)["Cache-Control"]
