"""Requests lead to activities: the link, consent carried over, the admin form, time frames."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.activities import services as activity_services
from portal.models import Activity, ActivityConsent, ActivityStatus, ActivityType, Party
from requests import services
from requests.models import RequestActivity, Status
from requests.services import activities as request_activities
from tests.conftest import client_for
from tests.portal.activities_support import make_activity
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def ke_accepted(ke_official, ke_focal, triage):
    """Kenya's request, submitted by its focal point and accepted by the triage desk."""
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    return move(submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.ACCEPTED, actor=triage)


def activity_fields(**overrides):
    return {
        "type": ActivityType.LEGISLATIVE_ADVICE,
        "title": "Written comments on the draft patent law",
        "planned_start": TODAY,
        "due_date": TODAY + datetime.timedelta(days=40),
    } | overrides


def test_staff_record_an_activity_on_an_accepted_request(ke_accepted, triage, kenya):
    activity = request_activities.create_activity_for_request(
        ke_accepted, actor=triage, **activity_fields()
    )
    assert list(activity.beneficiaries.all()) == [kenya]
    assert RequestActivity.objects.get(activity=activity).assistance_request == ke_accepted
    assert not activity.general_info_public


def test_a_request_not_yet_accepted_leads_to_no_activity(ke_official, ke_focal, triage):
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    with pytest.raises(ValidationError):
        request_activities.create_activity_for_request(submitted, actor=triage, **activity_fields())
    assert not Activity.objects.exists()


def test_only_staff_working_on_the_request_record_its_activities(ke_accepted, officer, ke_focal):
    for outsider in (officer, ke_focal):  # the officer is not assigned to this request
        with pytest.raises(PermissionDenied):
            request_activities.create_activity_for_request(
                ke_accepted, actor=outsider, **activity_fields()
            )


def test_an_activity_belongs_to_one_request_at_most(ke_accepted, triage):
    activity = request_activities.create_activity_for_request(
        ke_accepted, actor=triage, **activity_fields()
    )
    with pytest.raises(ValidationError):
        request_activities.link_activity(ke_accepted, activity, actor=triage)


def test_consent_on_the_request_propagates_to_its_activities(ke_accepted, triage, ke_focal):
    activity = request_activities.create_activity_for_request(
        ke_accepted, actor=triage, **activity_fields()
    )
    services.set_consent(ke_accepted, actor=ke_focal, general=True, details=False)
    activity.refresh_from_db()
    assert activity.general_info_public and not activity.details_public
    row = ActivityConsent.objects.get(activity=activity)
    assert (row.by, row.source, row.party.code) == (ke_focal, "request", "KE")
    services.set_consent(ke_accepted, actor=ke_focal, general=False, details=False)
    activity.refresh_from_db()
    assert not activity.general_info_public
    assert client_for(None).get(activity.get_absolute_url()).status_code == 404


def test_consent_given_before_the_activity_existed_applies_to_it(ke_accepted, triage, ke_focal):
    services.set_consent(ke_accepted, actor=ke_focal, general=True, details=True)
    activity = request_activities.create_activity_for_request(
        ke_accepted, actor=triage, **activity_fields()
    )
    assert activity.general_info_public and activity.details_public
    assert ActivityConsent.objects.get(activity=activity).by == ke_focal


def test_request_consent_does_not_speak_for_another_beneficiary(
    ke_accepted, triage, ke_focal, kenya, chile
):
    activity = request_activities.create_activity_for_request(
        ke_accepted, actor=triage, beneficiaries=[kenya, chile], **activity_fields()
    )
    services.set_consent(ke_accepted, actor=ke_focal, general=True, details=True)
    activity.refresh_from_db()
    assert not activity.general_info_public  # Chile has not consented
    assert not ActivityConsent.objects.filter(party=chile).exists()


def test_the_request_page_lists_its_activities_for_the_party(ke_accepted, triage, ke_official):
    activity = request_activities.create_activity_for_request(
        ke_accepted, actor=triage, **activity_fields()
    )
    html = client_for(ke_official).get(ke_accepted.get_absolute_url()).content.decode()
    assert activity.get_absolute_url() in html and "Written comments" in html


def test_the_request_page_tells_staff_when_every_activity_is_completed(ke_accepted, triage):
    activity = request_activities.create_activity_for_request(
        ke_accepted, actor=triage, **activity_fields()
    )
    url = ke_accepted.get_absolute_url()
    assert "All activities completed" not in client_for(triage).get(url).content.decode()
    activity_services.update_activity(activity, actor=triage, actual_start=TODAY, actual_end=TODAY)
    activity_services.move_activity(activity, ActivityStatus.COMPLETED, actor=triage)
    assert "All activities completed" in client_for(triage).get(url).content.decode()
    ke_accepted.refresh_from_db()
    assert ke_accepted.status == Status.ACCEPTED  # the workflow stays with staff


def test_the_admin_form_records_an_activity_on_the_request(ke_accepted, triage, kenya):
    client = client_for(triage)
    add_url = reverse("admin:requests_requestactivity_add")
    form = client.get(add_url, {"assistance_request": ke_accepted.pk})
    assert form.status_code == 200
    assert form.context["form"].initial["beneficiaries"] == [kenya]
    response = client.post(
        add_url,
        {
            "assistance_request": ke_accepted.pk,
            "type": ActivityType.ADVISORY_MISSION,
            "title": "Advisory mission to Nairobi",
            "status": ActivityStatus.PLANNED,
            "planned_start": TODAY.isoformat(),
            "due_date": (TODAY + datetime.timedelta(days=30)).isoformat(),
            "beneficiaries": [kenya.pk],
            "recommendations": [],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    link = RequestActivity.objects.get(assistance_request=ke_accepted)
    assert link.activity.title == "Advisory mission to Nairobi" and link.linked_by == triage
    change = client.get(reverse("admin:requests_assistancerequest_change", args=[ke_accepted.pk]))
    html = change.content.decode()
    assert "Advisory mission to Nairobi" in html
    assert f"{add_url}?assistance_request={ke_accepted.pk}" in html


def test_the_admin_form_rejects_an_end_before_the_start(ke_accepted, triage, kenya):
    response = client_for(triage).post(
        reverse("admin:requests_requestactivity_add"),
        {
            "assistance_request": ke_accepted.pk,
            "type": ActivityType.TRAINING,
            "title": "Training",
            "status": ActivityStatus.PLANNED,
            "planned_start": TODAY.isoformat(),
            "planned_end": (TODAY - datetime.timedelta(days=1)).isoformat(),
            "due_date": TODAY.isoformat(),
            "beneficiaries": [kenya.pk],
        },
    )
    assert response.status_code == 400
    assert "cannot come before the planned start" in response.content.decode()
    assert not Activity.objects.exists()


def test_adding_an_unconsenting_beneficiary_in_the_admin_unpublishes(triage, ke_focal, kenya):
    activity = make_activity(triage)
    activity_services.record_consent(activity, actor=ke_focal, general=True, details=True)
    chile = Party.objects.get(code="CL")
    response = client_for(triage).post(
        reverse("admin:portal_activity_change", args=[activity.pk]),
        {
            "type": activity.type,
            "title": activity.title,
            "status": activity.status,
            "planned_start": activity.planned_start.isoformat(),
            "due_date": activity.due_date.isoformat(),
            "beneficiaries": [kenya.pk, chile.pk],
            "consents-TOTAL_FORMS": "1",
            "consents-INITIAL_FORMS": "1",
            "consents-0-id": activity.consents.get().pk,
            "consents-0-activity": activity.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    activity.refresh_from_db()
    assert not activity.general_info_public and not activity.details_public


def test_publication_flags_cannot_be_set_in_the_activity_admin(triage):
    activity = make_activity(triage)
    client = client_for(triage)
    page = client.get(reverse("admin:portal_activity_change", args=[activity.pk]))
    assert page.status_code == 200
    assert 'name="general_info_public"' not in page.content.decode()


def test_the_party_sees_a_due_soon_badge_on_its_request(ke_accepted, ke_official):
    from requests.models import AssistanceRequest

    AssistanceRequest.objects.filter(pk=ke_accepted.pk).update(
        due_date=TODAY + datetime.timedelta(days=5)
    )
    html = client_for(ke_official).get(ke_accepted.get_absolute_url()).content.decode()
    assert "due soon" in html and "badge-late" not in html


def test_the_clock_is_shown_paused_while_the_request_waits_on_the_party(
    ke_official, ke_focal, triage
):
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    waiting = move(
        submitted, Status.ACKNOWLEDGED, Status.UNDER_REVIEW, Status.INFORMATION_REQUESTED,
        actor=triage,
    )  # fmt: skip
    from requests.models import AssistanceRequest

    AssistanceRequest.objects.filter(pk=waiting.pk).update(
        wished_by=TODAY - datetime.timedelta(days=3)
    )
    html = client_for(ke_official).get(waiting.get_absolute_url()).content.decode()
    assert "paused: waiting on the party" in html and "badge-late" not in html
