"""Password-reset links go through the outbox, are throttled in the database, reveal nothing."""

import re
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from portal.models import Notification
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

RESET = "/accounts/password_reset/"


def ask(email, *, address="192.0.2.10"):
    return client_for(None).post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_a_known_address_gets_a_working_link_through_the_outbox(
    ke_official, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the delivery task, in-process
        response = ask(ke_official.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    row = Notification.objects.get(recipient=ke_official, event="account.password_reset")
    assert row.status == Notification.Status.SENT
    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/reset/\S+/", message.body).group(0)
    assert link not in f"{row.context} {row.url}"  # the token is made at sending, not stored
    set_password = client_for(None).get(link[link.index("/accounts/") :], follow=True)
    assert b"new_password1" in set_password.content


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    ke_official, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask("nobody@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_a_mail_server_outage_leaves_the_link_pending_and_the_page_working(
    ke_official, django_capture_on_commit_callbacks
):
    down = smtplib.SMTPServerDisconnected("down")
    with (
        mock.patch("portal.notifications.services.send_mail_message", side_effect=down),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = ask(ke_official.email)
    assert response.status_code == 302
    row = Notification.objects.get(recipient=ke_official)
    assert row.status == Notification.Status.PENDING  # the sweep sends it when mail is back
    assert "down" in row.last_error


def test_one_address_gets_three_links_an_hour_from_one_client_whether_or_not_it_has_an_account(
    ke_official,
):
    for email in (ke_official.email, "nobody@example.org"):
        answers = [ask(email, address="192.0.2.1").status_code for _ in range(4)]
        assert answers == [302, 302, 302, 429]
    refused = ask(ke_official.email.upper(), address="192.0.2.1")
    assert refused.status_code == 429
    assert b"Too many reset links" in refused.content
    assert Notification.objects.filter(recipient=ke_official).count() == 3


def test_a_stranger_asking_for_someone_elses_address_cannot_spend_the_owners_links(
    ke_official, settings
):
    stranger = "198.51.100.66"
    answers = [ask(ke_official.email, address=stranger).status_code for _ in range(5)]
    assert answers == [302, 302, 302, 429, 429]  # throttled, from his own address
    before = Notification.objects.filter(recipient=ke_official).count()
    assert ask(ke_official.email, address="203.0.113.7").status_code == 302  # the owner
    assert Notification.objects.filter(recipient=ke_official).count() == before + 1


def test_the_reset_throttle_keys_on_the_lockouts_client_address_behind_the_proxy(
    ke_official, settings
):
    from portal.security.client_ip import ipware_settings

    settings.TRUSTED_PROXY_COUNT = 1
    order, count = ipware_settings(1)
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER, settings.AXES_IPWARE_PROXY_COUNT = order, count
    proxy, stranger, owner = "10.0.0.2", "198.51.100.66", "203.0.113.7"

    def through_proxy(forwarded_for):
        return client_for(None).post(
            RESET, {"email": ke_official.email}, REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )  # fmt: skip

    # The stranger forges the owner's address to the left; the proxy appends his real one.
    answers = [through_proxy(f"{owner}, {stranger}").status_code for _ in range(4)]
    assert answers == [302, 302, 302, 429]
    assert through_proxy(owner).status_code == 302


def test_one_client_address_is_throttled_across_e_mail_addresses(settings, db):
    settings.PASSWORD_RESET_LIMIT_PER_CLIENT = 2
    answers = [ask(f"person{n}@example.org").status_code for n in range(3)]
    assert answers == [302, 302, 429]
    assert ask("person9@example.org", address="198.51.100.7").status_code == 302


def test_throttling_works_with_the_cache_unreachable(settings, ke_official):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    answers = [ask(ke_official.email).status_code for _ in range(4)]
    assert answers == [302, 302, 302, 429]
