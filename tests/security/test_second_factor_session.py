"""Passing the second factor gives the session a new key: one seen before it is worthless."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import client_for
from tests.security.test_hardening import current_code

pytestmark = pytest.mark.django_db


def signed_in_before_the_factor(user):
    client = client_for(None)
    client.force_login(user)
    return client, client.cookies[settings.SESSION_COOKIE_NAME].value


def test_verifying_a_code_moves_the_session_to_a_new_key(triage):
    device = TOTPDevice.objects.create(user=triage, name="phone", confirmed=True)
    client, key_before = signed_in_before_the_factor(triage)

    response = client.post(reverse("two_factor"), {"token": current_code(device)})

    assert response.status_code == 302
    key_after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert key_after != key_before
    assert not SessionStore().exists(key_before)
    assert client.get("/admin/").status_code == 200  # still signed in and verified


def test_confirming_a_new_authenticator_moves_the_session_to_a_new_key(triage):
    client, key_before = signed_in_before_the_factor(triage)
    client.get(reverse("two_factor"))  # sets up an unconfirmed device
    device = TOTPDevice.objects.get(user=triage, confirmed=False)

    client.post(reverse("two_factor"), {"token": current_code(device)})

    assert client.cookies[settings.SESSION_COOKIE_NAME].value != key_before
    assert not SessionStore().exists(key_before)
    assert client.get("/admin/").status_code == 200
