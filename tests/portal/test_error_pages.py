"""Every error a visitor can meet is the portal's own page, in their language, saying what next."""

import pytest
from django.middleware.csrf import get_token
from django.test import Client

from tests.requests.conftest import draft

pytestmark = pytest.mark.django_db


def test_an_unknown_address_is_the_branded_404_even_with_debug_on(client, settings):
    settings.DEBUG = True
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "There is no page at this address" in body
    assert "URLconf" not in body and "Django tried these URL patterns" not in body
    assert 'class="site-header"' in body


def test_a_404_raised_by_a_view_is_branded_with_debug_on(client, settings):
    settings.DEBUG = True
    response = client.get("/recommendations/99/")
    assert response.status_code == 404
    assert "There is no page at this address" in response.content.decode()


def test_append_slash_still_redirects_with_debug_on(client, settings):
    settings.DEBUG = True
    assert client.get("/recommendations").status_code == 301


def test_a_bad_request_is_branded_with_debug_on(client, settings):
    settings.DEBUG = True
    response = client.get("/recommendations/?q=a%00b")
    assert response.status_code == 400
    assert "could not read this request" in response.content.decode()


def test_an_unknown_host_is_the_branded_400_even_with_debug_on(client, settings):
    """Refused by a middleware, before the view: Django renders it with its reporter."""
    settings.DEBUG = True
    response = client.get("/recommendations/", HTTP_HOST="portal.example.invalid")
    body = response.content.decode()
    assert response.status_code == 400
    assert "could not read this request" in body and 'class="site-header"' in body
    assert "DisallowedHost" not in body and "ALLOWED_HOSTS" not in body
    api = client.get(
        "/api/provisions/", HTTP_HOST="portal.example.invalid", HTTP_ACCEPT="application/json"
    )
    assert api.status_code == 400 and "ALLOWED_HOSTS" not in api.content.decode()


def test_the_404_speaks_the_readers_language(client, settings):
    settings.DEBUG = True
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="ar")
    assert 'lang="ar" dir="rtl"' in response.content.decode()


def test_a_refused_csrf_check_is_the_portals_page_saying_what_to_do(ke_official):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(ke_official)
    response = browser.post("/requests/new/", {"title": "x"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "This form has expired" in body
    assert "Reload the page" in body
    assert 'class="site-header"' in body


def test_a_csrf_check_passes_with_the_token(ke_official):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(ke_official)
    page = browser.get("/requests/new/")
    token = get_token(page.wsgi_request)
    response = browser.post("/requests/new/", {"csrfmiddlewaretoken": token})
    assert response.status_code != 403


def test_a_forbidden_step_is_the_portals_403(client, ke_official):
    assistance_request = draft(ke_official)
    client.force_login(ke_official)
    response = client.get(f"/requests/{assistance_request.reference}/submit/")
    assert response.status_code == 403
    assert "not open to your account" in response.content.decode()
