"""Behind the TLS proxy, failures are counted per account and client address, not per proxy.

The proxy connects from PROXY (REMOTE_ADDR) and appends the address it saw to X-Forwarded-For;
an attacker may write anything to the left of that entry himself.
"""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from portal.security.client_ip import client_ip, ipware_settings
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
ATTACKER = "198.51.100.66"
VICTIM = "203.0.113.7"


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    order, count = ipware_settings(1)
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER, settings.AXES_IPWARE_PROXY_COUNT = order, count


def through_proxy(forwarded_for: str) -> Client:
    """A browser whose requests reach the portal through the proxy, which says who it saw."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def fail_sign_in(client, username):
    return sign_in(client, username, "wrong")


def test_failures_from_an_attacker_do_not_lock_the_victim_out_from_elsewhere(
    behind_one_proxy, ke_focal, settings
):
    attacker = through_proxy(ATTACKER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        fail_sign_in(attacker, "ke-focal")
    assert sign_in(attacker, "ke-focal", PASSWORD).status_code == 429  # that pair is locked
    assert sign_in(through_proxy(VICTIM), "ke-focal", PASSWORD).status_code == 302


def test_the_attacker_cannot_take_the_victims_address_by_forging_the_header(
    behind_one_proxy, ke_focal, settings
):
    # The attacker writes the victim's address first; the proxy appends the attacker's own.
    attacker = through_proxy(f"{VICTIM}, {ATTACKER}")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        fail_sign_in(attacker, "ke-focal")
    assert sign_in(through_proxy(ATTACKER), "ke-focal", PASSWORD).status_code == 429
    assert sign_in(through_proxy(VICTIM), "ke-focal", PASSWORD).status_code == 302


def test_a_forged_prefix_does_not_change_the_resolved_address(behind_one_proxy):
    factory = RequestFactory(REMOTE_ADDR=PROXY)
    honest = factory.get("/", HTTP_X_FORWARDED_FOR=ATTACKER)
    assert client_ip(honest) == ATTACKER
    for forged in (VICTIM, "not-an-address", f"{VICTIM}, 192.0.2.1", "127.0.0.1"):
        request = factory.get("/", HTTP_X_FORWARDED_FOR=f"{forged}, {ATTACKER}")
        assert client_ip(request) == ATTACKER, forged


def test_without_a_proxy_the_header_is_ignored(settings):
    order, count = ipware_settings(0)
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER, settings.AXES_IPWARE_PROXY_COUNT = order, count
    request = RequestFactory(REMOTE_ADDR=ATTACKER).get("/", HTTP_X_FORWARDED_FOR=VICTIM)
    assert client_ip(request) == ATTACKER


def test_behind_two_proxies_the_client_is_the_second_entry_from_the_right(settings):
    order, count = ipware_settings(2)
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER, settings.AXES_IPWARE_PROXY_COUNT = order, count
    cdn = "192.0.2.10"
    request = RequestFactory(REMOTE_ADDR=PROXY).get(
        "/", HTTP_X_FORWARDED_FOR=f"{VICTIM}, {ATTACKER}, {cdn}"
    )
    assert client_ip(request) == ATTACKER


def test_the_lock_is_kept_per_account_and_address_together(behind_one_proxy, ke_focal, settings):
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    attacker = through_proxy(ATTACKER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        fail_sign_in(attacker, "ke-focal")
    # Another account from the same address, and the same account from another: both open.
    assert fail_sign_in(attacker, "no-such-user").status_code == 200
    assert sign_in(through_proxy(VICTIM), "ke-focal", PASSWORD).status_code == 302


def test_the_public_api_throttles_the_address_the_lock_out_uses(behind_one_proxy, settings):
    from flexibilities.api.views import PublicApiThrottle

    factory = RequestFactory(REMOTE_ADDR=PROXY)
    ident = PublicApiThrottle().get_ident
    forged = factory.get("/", HTTP_X_FORWARDED_FOR=f"{VICTIM}, {ATTACKER}")
    assert ident(forged) == ATTACKER == client_ip(forged)


def test_the_documented_tls_proxy_counts_as_one_proxy_and_a_bad_count_stops_start_up():
    from tests.portal.test_settings import PRODUCTION, manage

    show = "from django.conf import settings as s; print(s.TRUSTED_PROXY_COUNT)"
    behind = manage("shell", "-c", show, **PRODUCTION, BEHIND_TLS_PROXY="1")
    assert behind.stdout.split()[-1] == "1", behind.stderr
    negative = manage("check", **PRODUCTION, TRUSTED_PROXY_COUNT="-1")
    assert negative.returncode != 0 and "TRUSTED_PROXY_COUNT" in negative.stderr


def test_a_request_without_the_proxys_header_is_logged_as_a_configuration_error_once(
    behind_one_proxy, caplog, db
):
    client = Client(REMOTE_ADDR=ATTACKER)  # straight to gunicorn, past the proxy
    with caplog.at_level("ERROR", logger="portal.security.client_ip"):
        assert client.get("/").status_code == 200  # served all the same
        client.get("/")
    errors = [r for r in caplog.records if r.name == "portal.security.client_ip"]
    assert len(errors) == 1  # once per process and period, not once per request
    assert "configuration error: TRUSTED_PROXY_COUNT is 1" in errors[0].getMessage()


def test_requests_through_the_proxy_or_without_a_trusted_hop_log_nothing(
    behind_one_proxy, caplog, settings, db
):
    with caplog.at_level("ERROR", logger="portal.security.client_ip"):
        through_proxy(VICTIM).get("/")
        settings.TRUSTED_PROXY_COUNT = 0
        Client(REMOTE_ADDR=ATTACKER).get("/")
    assert [r for r in caplog.records if r.name == "portal.security.client_ip"] == []
