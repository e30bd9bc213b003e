"""Headers, lock-out, the second factor, upload limits and idle sessions."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.security.services import new_recovery_codes
from tests.conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_a_page_carries_a_strict_content_security_policy_and_the_usual_headers(client):
    response = client.get(reverse("recommendation_list"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "<script" not in response.content.decode()


def test_production_settings_send_hsts_and_secure_cookies(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.CSRF_COOKIE_SECURE = settings.SESSION_COOKIE_SECURE = True
    response = client.get(reverse("login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response.cookies["csrftoken"]["secure"]
    assert response.cookies["csrftoken"]["httponly"]
    assert response.cookies["csrftoken"]["samesite"] == "Lax"


def failed_sign_in(client, username):
    return client.post(reverse("login"), {"username": username, "password": "wrong"})


@pytest.mark.parametrize("username", ["ke-focal", "no-such-user"])
def test_repeated_failures_lock_the_sign_in_with_the_same_words_either_way(
    client, ke_focal, settings, username
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert failed_sign_in(client, username).status_code == 200
    locked = failed_sign_in(client, username)
    assert locked.status_code == 429
    assert "too many failed attempts" in locked.content.decode()
    right = client.post(reverse("login"), {"username": "ke-focal", "password": PASSWORD})
    if username == "ke-focal":
        assert right.status_code == 429  # even the right password waits out the lock-out
    else:
        assert right.status_code == 302  # another account from here is not locked


def test_staff_lock_outs_are_visible_to_staff(client, admin_client, ke_focal, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        failed_sign_in(client, "ke-focal")
    page = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert page.status_code == 200 and "ke-focal" in page.content.decode()


def test_staff_reach_no_page_before_their_second_factor(triage):
    client = client_for(None)
    client.force_login(triage)
    for url in ("/admin/", "/staff/outbox/", "/requests/", "/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("two_factor"))


def test_staff_set_up_an_authenticator_then_get_in_with_its_code(triage, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows retries after a wrong code
    client = client_for(None)
    client.force_login(triage)
    page = client.get(reverse("two_factor"))
    assert "<svg" in page.content.decode()  # the QR code, inline, no script
    device = TOTPDevice.objects.get(user=triage, confirmed=False)
    wrong = client.post(reverse("two_factor"), {"token": "000000"})
    assert "That code is not valid" in wrong.content.decode()
    confirmed = client.post(
        reverse("two_factor"), {"token": current_code(device), "next": "/admin/"}
    )
    assert "Your recovery codes" in confirmed.content.decode()
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(triage):
    TOTPDevice.objects.create(user=triage, name="phone", confirmed=True)
    code = new_recovery_codes(triage)[0]
    first, second = client_for(None), client_for(None)
    first.force_login(triage)
    second.force_login(triage)
    assert first.post(reverse("two_factor"), {"token": code}).status_code == 302
    reused = second.post(reverse("two_factor"), {"token": code})
    assert reused.status_code == 200 and "not valid" in reused.content.decode()


def test_officials_may_use_a_second_factor_but_need_not(ke_official):
    client = client_for(ke_official)
    assert client.get(reverse("requests:list")).status_code == 200
    assert client.get(reverse("two_factor")).status_code == 200


def test_an_oversized_upload_is_refused_before_its_body_is_read(ke_official, settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    client = client_for(ke_official)
    response = client.generic(
        "POST",
        reverse("requests:new"),
        data=b"x" * 10,
        content_type="multipart/form-data",
        CONTENT_LENGTH=str(5 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "The largest file accepted is 1 MB" in response.content.decode()


def test_a_session_left_idle_ends(ke_official, settings):
    client = client_for(ke_official)
    assert client.get(reverse("requests:list")).status_code == 200
    session = client.session
    session["last_seen"] = int(time.time()) - settings.SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get(reverse("requests:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.get(reverse("requests:list")).status_code == 302


def test_changing_the_password_ends_the_other_sessions(ke_official):
    laptop, phone = client_for(None), client_for(None)
    for client in (laptop, phone):
        assert (
            client.post(
                reverse("login"), {"username": "ke-official", "password": PASSWORD}
            ).status_code
            == 302
        )
    laptop.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Another-long-pass-42",
            "new_password2": "Another-long-pass-42",
        },
    )
    assert laptop.get(reverse("requests:list")).status_code == 200
    assert phone.get(reverse("requests:list")).status_code == 302


def test_a_role_change_ends_the_users_other_sessions(ke_official):
    from portal.models import Membership
    from portal.services import set_membership
    from tests.conftest import membership_admin

    client = client_for(ke_official)
    assert client.get(reverse("requests:list")).status_code == 200
    set_membership(
        ke_official, ke_official.party, Membership.Role.FOCAL_POINT, actor=membership_admin()
    )
    assert client.get(reverse("requests:list")).status_code == 302


def test_signing_out_everywhere_ends_every_session(ke_official):
    laptop, phone = client_for(ke_official), client_for(ke_official)
    laptop.post(reverse("sign_out_everywhere"))
    assert phone.get(reverse("requests:list")).status_code == 302
    assert laptop.get(reverse("requests:list")).status_code == 302


def test_a_focal_point_can_require_a_second_factor_for_the_partys_officials(
    ke_focal, ke_official, cl_official
):
    url = reverse("party_second_factor")
    assert client_for(ke_official).post(url, {"required": "on"}).status_code == 403
    assert client_for(ke_focal).post(url, {"required": "on"}).status_code == 302
    response = client_for(ke_official).get(reverse("requests:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor"))
    assert client_for(cl_official).get(reverse("requests:list")).status_code == 200


def test_the_audit_trail_keeps_who_changed_status_consent_and_grants(
    ke_official, ke_focal, triage, cl_official
):
    from requests import services
    from requests.models import AssistanceRequestGroupObjectPermission
    from tests.requests.conftest import draft, move

    ke_submitted = move(draft(ke_official), "submitted", actor=ke_focal)

    services.transition(ke_submitted, "acknowledged", actor=triage)
    services.set_consent(ke_submitted, actor=ke_focal, general=True, details=False)
    grant = services.grant_access(ke_submitted, actor=triage, party=cl_official.party)
    services.revoke_access(grant, actor=triage)
    statuses = list(ke_submitted.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[-2:] == ["acknowledged", "acknowledged"]  # then the consent change
    assert ke_submitted.history.filter(consent_general=True).get().history_user == ke_focal
    acknowledged = ke_submitted.history.filter(status="acknowledged").order_by("history_date")
    assert acknowledged.first().history_user == triage
    grants = AssistanceRequestGroupObjectPermission.history.filter(
        content_object_id=ke_submitted.pk, group__name="party:CL"
    )
    assert sorted(grants.values_list("history_type", flat=True)) == ["+", "-"]
    page = client_for(triage).get(
        reverse("admin:requests_assistancerequest_history", args=[ke_submitted.pk])
    )
    assert page.status_code == 200
