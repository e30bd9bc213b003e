"""E-mail alerts: follow a party or a flexibility, get changes by the outbox, stop by link."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from flexibilities import alerts, services
from flexibilities.models import FlexibilityAlert, FlexibilityCategory, Provision
from portal.models import Notification
from tests.conftest import client_for
from tests.flexibilities.conftest import make_provision

pytestmark = pytest.mark.django_db
DATASET = reverse("flexibilities:dataset")


def follow(client, **choice):
    data = {f"alert-{name}": value for name, value in choice.items()}
    return client.post(reverse("flexibilities:alert_subscribe"), data)


def test_a_signed_in_reader_follows_a_party_and_anonymous_visitors_are_asked_to_sign_in(
    client, cl_official
):
    assert "Sign in to be e-mailed" in client.get(DATASET).content.decode()
    assert follow(client, party="KE").status_code == 302
    assert not FlexibilityAlert.objects.exists()  # login_required redirected instead
    reader = client_for(cl_official)
    assert follow(reader, party="KE").status_code == 302
    assert follow(reader, party="KE").status_code == 302  # twice is still one alert
    follow(reader)  # neither party nor flexibility: refused with a message
    assert [str(alert) for alert in FlexibilityAlert.objects.all()] == ["Kenya"]
    assert "You follow:" in reader.get(DATASET).content.decode()


def test_a_change_of_a_followed_party_is_mailed_with_a_link_that_stops_the_alert(
    client, cl_official, mailoutbox, django_capture_on_commit_callbacks
):
    alerts.subscribe(cl_official, party=cl_official.party)
    make_provision("KE", article="s.1")  # not followed: nothing
    with django_capture_on_commit_callbacks(execute=True):
        provision = make_provision("CL", article="art. 51", law_title="Ley 19.039")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [cl_official.email]
    assert "Added: Chile, Ley 19.039, art. 51" in mail.body
    assert f"/flexibilities/provisions/{provision.pk}/" in mail.body
    stop = re.search(r"http://\S+/flexibilities/alerts/stop/\S+/", mail.body).group(0)
    path = urlsplit(stop).path
    page = client.get(path)  # no sign-in needed; a GET changes nothing (mail scanners)
    assert page.status_code == 200 and FlexibilityAlert.objects.exists()
    assert client.post(path).status_code == 200
    assert not FlexibilityAlert.objects.exists()
    assert client.post(path).status_code == 404  # a used link says so
    assert client.get("/flexibilities/alerts/stop/forged/").status_code == 404


def test_a_category_alert_hears_of_amendments_and_withdrawals_once_per_import_or_change(
    cl_official, mailoutbox, django_capture_on_commit_callbacks
):
    category = FlexibilityCategory.objects.get(slug="utility-models")
    alerts.subscribe(cl_official, category=category)
    provision = make_provision("TH", "utility-models", article="s.65")
    mailoutbox.clear()  # the alert of its addition, sent when it committed
    provision.text = "A petty patent may be granted."
    with django_capture_on_commit_callbacks(execute=True):
        services.save_provision(provision, actor=None)
        services.unpublish_provisions(Provision.objects.filter(pk=provision.pk), actor=None)
    assert [m.subject for m in mailoutbox] == [
        "Flexibilities database: 1 change you follow",
        "Flexibilities database: 1 change you follow",
    ]
    assert "Amended: Thailand" in mailoutbox[0].body and "Withdrawn: Thailand" in mailoutbox[1].body
    events = set(Notification.objects.values_list("event", flat=True))
    assert events == {"flexibilities.changed"}


def test_an_import_sends_one_alert_for_all_its_rows(cl_official):
    from tests.flexibilities.test_import import GOOD, csv_bytes, run

    alerts.subscribe(cl_official, party=cl_official.party)
    rows = [{**GOOD, "party": "CL", "article": f"art. {n}"} for n in range(3)]
    run(csv_bytes(rows))
    (row,) = Notification.objects.all()
    assert row.context["total"] == 3
