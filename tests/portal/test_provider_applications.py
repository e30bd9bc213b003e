"""An organisation applies to become a provider; its address is confirmed by a signed link;
staff approve (creating the account and the approved provider) or decline, and the applicant
is told in the language they applied in."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from portal.matching import applications
from portal.models import ApplicationStatus, Provider, ProviderApplication
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

APPLY = "/providers/apply/"
GOOD = {
    "organisation": "Open Patent Clinic",
    "kind": "organisation",
    "website": "https://clinic.example.org",
    "description": "Two patent attorneys for legislative drafting, pro bono.",
    "contact_name": "Ana Ruiz",
    "email": "ana@clinic.example.org",
}


def confirm_link(message) -> str:
    return re.search(r"https?://\S+/providers/apply/confirm/\S+/", message.body).group(0)


def applied(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY, GOOD | overrides)
    assert response.status_code == 302
    return ProviderApplication.objects.get()


def test_bad_input_is_shown_beside_each_field_and_nothing_is_stored(client):
    response = client.post(APPLY, GOOD | {"email": "not-an-address", "kind": "", "website": "x"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_email"' in page and 'href="#id_website"' in page
    assert 'href="#id_kind_0"' in page
    assert not ProviderApplication.objects.exists()
    assert 'value=""' not in page.split('name="kind"')[0][-200:]


def test_the_address_is_confirmed_by_a_link_and_nothing_is_approved_before_staff_act(
    client, django_capture_on_commit_callbacks
):
    application = applied(client, django_capture_on_commit_callbacks)
    assert application.status == ApplicationStatus.UNCONFIRMED
    (message,) = mail.outbox
    assert message.to == ["ana@clinic.example.org"]
    link = confirm_link(message).split("testserver")[-1].split("8000")[-1]

    shown = client.get(link)  # a mail scanner opening the link confirms nothing
    assert "Confirm my address" in shown.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.UNCONFIRMED

    client.post(link)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING
    assert not Provider.objects.exists()
    assert not get_user_model().objects.filter(email="ana@clinic.example.org").exists()


def test_a_forged_link_is_not_found(client, django_capture_on_commit_callbacks):
    applied(client, django_capture_on_commit_callbacks)
    assert client.get("/providers/apply/confirm/1:forged:sig/").status_code == 404


def test_approval_creates_the_account_and_the_approved_provider_and_says_so_in_french(
    client, triage, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(APPLY, GOOD, HTTP_ACCEPT_LANGUAGE="fr")
    application = ProviderApplication.objects.get()
    assert application.language == "fr"
    application = applications.confirm_address(application)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        applications.approve_application(application, actor=triage)

    application.refresh_from_db()
    provider = application.provider
    assert application.status == ApplicationStatus.APPROVED
    assert provider.is_approved and provider.approved_by == triage
    user = provider.members.get()
    assert user.email == "ana@clinic.example.org" and not user.has_usable_password()
    (message,) = mail.outbox
    assert "/accounts/reset/" in message.body
    assert user.username in message.body


def test_decline_needs_a_reason_and_tells_the_applicant(
    triage, client, django_capture_on_commit_callbacks
):
    application = applied(client, django_capture_on_commit_callbacks)
    application = applications.confirm_address(application)
    mail.outbox.clear()
    with pytest.raises(Exception, match="Say why"):
        applications.decline_application(application, actor=triage, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        applications.decline_application(application, actor=triage, reason="Outside scope.")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert "Outside scope." in mail.outbox[0].body
    assert not Provider.objects.exists()


def test_an_unconfirmed_application_cannot_be_approved_and_only_staff_decide(
    client, triage, ke_official, django_capture_on_commit_callbacks
):
    application = applied(client, django_capture_on_commit_callbacks)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the table lists no such move
        applications.approve_application(application, actor=triage)
    application = applications.confirm_address(application)
    with pytest.raises(Exception):  # noqa: B017, PT011 - not staff
        applications.approve_application(application, actor=ke_official)
    assert not Provider.objects.exists()


def test_staff_approve_in_the_admin(client, triage, django_capture_on_commit_callbacks):
    application = applied(client, django_capture_on_commit_callbacks)
    applications.confirm_address(application)
    admin = client_for(triage)
    response = admin.post(
        reverse("admin:portal_providerapplication_changelist"),
        {"action": "approve", "_selected_action": [application.pk]},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
