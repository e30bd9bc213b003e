"""A form posted after the session ended keeps its text: after signing in again (second factor
included) its author is back on the form with it filled; nobody else gets it."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import KeptForm
from portal.security.kept_forms import COOKIE
from requests.models import AssistanceRequest
from tests.conftest import PASSWORD, client_for
from tests.requests.conftest import draft, move
from tests.security.test_hardening import current_code

pytestmark = pytest.mark.django_db

NEW = "/requests/new/"
TITLE = "Comments on the draft Patents (Amendment) Bill, typed for an hour"


def let_the_session_go_idle(client, settings) -> None:
    session = client.session
    session["last_seen"] = int(time.time()) - settings.SESSION_IDLE_MINUTES * 60 - 5
    session.save()


def sign_in(client, username) -> None:
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the sign-in was refused"


def test_a_request_posted_after_the_session_went_idle_comes_back_filled(ke_official, settings):
    browser = client_for(ke_official)
    browser.get(NEW)
    let_the_session_go_idle(browser, settings)

    posted = browser.post(NEW, {"kind": "policy", "title": TITLE, "description": "Long text."})

    assert posted.status_code == 302
    assert posted["Location"] == f"{reverse('login')}?next=/requests/new/"
    token = posted.cookies[COOKIE].value
    assert token not in posted["Location"]  # never in the URL
    assert posted.cookies[COOKIE]["httponly"]
    assert AssistanceRequest.objects.count() == 0

    sign_in(browser, "ke-official")
    page = browser.get(NEW).content.decode()
    assert TITLE in page
    assert "Long text." in page
    assert '<input type="hidden" name="kind" value="policy"' in page  # the kind's own questions
    assert "what you typed is back in the form" in page
    assert not KeptForm.objects.exists()  # given back once, then gone
    assert TITLE not in browser.get(NEW).content.decode()


def test_another_account_signing_in_on_that_browser_does_not_get_the_text(
    ke_official, ke_focal, settings
):
    browser = client_for(ke_official)
    let_the_session_go_idle(browser, settings)
    browser.post(NEW, {"kind": "policy", "title": TITLE})

    sign_in(browser, "ke-focal")
    assert TITLE not in browser.get(NEW).content.decode()
    assert KeptForm.objects.get().user is None


def test_a_reply_posted_after_the_session_expired_comes_back_on_the_request_page(
    ke_official, ke_focal
):
    assistance_request = draft(ke_official)
    move(assistance_request, "submitted", actor=ke_focal)
    page = assistance_request.get_absolute_url()
    browser = client_for(None)  # the session cookie had expired: nobody is known
    posted = browser.post(
        reverse("requests:message", args=[assistance_request.reference]),
        {"body": "Here is the information you asked for, at length."},
        HTTP_REFERER=f"http://testserver{page}",
    )
    assert posted["Location"] == f"{reverse('login')}?next={page}"

    sign_in(browser, "ke-official")
    html = browser.get(page).content.decode()
    assert "Here is the information you asked for, at length." in html
    assert not assistance_request.messages.exists()


def test_staff_get_their_reply_back_after_the_second_factor(triage, ke_official, ke_focal):
    assistance_request = draft(ke_official)
    move(assistance_request, "submitted", actor=ke_focal)
    page = assistance_request.get_absolute_url()
    device = TOTPDevice.objects.create(user=triage, name="phone", confirmed=True)
    browser = client_for(None)
    browser.post(
        reverse("requests:message", args=[assistance_request.reference]),
        {"body": "A reply the officer wrote slowly."},
        HTTP_REFERER=f"http://testserver{page}",
    )

    sign_in(browser, "triage")
    asked = browser.get(page)
    assert asked["Location"].startswith(reverse("two_factor"))
    verified = browser.post(reverse("two_factor"), {"token": current_code(device), "next": page})
    assert verified["Location"] == page
    assert "A reply the officer wrote slowly." in browser.get(page).content.decode()


def test_kept_text_is_gone_after_an_hour(ke_official, settings):
    browser = client_for(ke_official)
    let_the_session_go_idle(browser, settings)
    browser.post(NEW, {"kind": "policy", "title": TITLE})
    KeptForm.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))

    sign_in(browser, "ke-official")
    assert TITLE not in browser.get(NEW).content.decode()


def test_a_post_with_nothing_typed_keeps_nothing(ke_official, settings):
    browser = client_for(ke_official)
    let_the_session_go_idle(browser, settings)
    posted = browser.post(NEW, {"kind": "", "title": "  "})
    assert COOKIE not in posted.cookies
    assert not KeptForm.objects.exists()


def test_long_forms_say_when_the_session_ends(ke_official, settings):
    page = client_for(ke_official).get(NEW, {"kind": "policy"}).content.decode()
    assert f"your session ends after {settings.SESSION_IDLE_MINUTES} minutes" in page
    assert 'id="session-warning"' in page and "session-warning.js" in page


def test_passwords_and_codes_are_never_kept(ke_official, settings):
    browser = client_for(ke_official)
    let_the_session_go_idle(browser, settings)
    browser.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "n3w-secret!", "new_password2": "n3w-secret!"},
    )
    assert not KeptForm.objects.exists()
