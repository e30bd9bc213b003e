"""A confirmed provider application tells the staff who decide on it (every active member of
staff, as in the admin), once, in their language, with the application's admin link; an
unconfirmed one, or a confirmation that rolls back, tells no one."""

import pytest
from django.core import mail
from django.db import transaction

from portal import events
from portal.matching import applications
from portal.models import Notification, NotificationPreference, ProviderApplication
from portal.notifications.rendering import render_email
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

DATA = {
    "organisation": "Open Patent Clinic",
    "kind": "organisation",
    "website": "https://clinic.example.org",
    "description": "Two patent attorneys for legislative drafting, pro bono.",
    "contact_name": "Ana Ruiz",
    "email": "ana@clinic.example.org",
}


@pytest.fixture
def application(db, triage, officer, ke_focal):
    make_user("former-staff", is_staff=True, is_active=False)
    NotificationPreference.objects.create(user=officer, language="fr")
    return applications.apply(data=DATA, language="en")


def test_confirming_tells_each_active_staff_member_once_with_the_admin_link(
    application, officer, django_capture_on_commit_callbacks
):
    assert not Notification.objects.filter(event=events.APPLICATION_WAITING.key).exists()

    applications.confirm_address(application)
    applications.confirm_address(ProviderApplication.objects.get())  # the link opened twice

    rows = Notification.objects.filter(event=events.APPLICATION_WAITING.key)
    assert sorted(rows.values_list("recipient__username", flat=True)) == ["officer", "triage"]
    message = render_email(rows.get(recipient=officer))
    assert 'lang="fr" dir="ltr"' in message.alternatives[0][0]
    assert f"/admin/portal/providerapplication/{application.pk}/change/" in message.body
    assert "Open Patent Clinic" in message.subject


def test_a_rolled_back_confirmation_writes_and_sends_nothing(
    application, django_capture_on_commit_callbacks
):
    @transaction.atomic
    def failing():
        applications.confirm_address(application)
        raise RuntimeError("the page fails after the confirmation")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        failing()

    assert not callbacks and not mail.outbox
    assert not Notification.objects.filter(event=events.APPLICATION_WAITING.key).exists()
    assert ProviderApplication.objects.get().status == "unconfirmed"
