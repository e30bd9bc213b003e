"""Officials choose what they receive; staff watch the outbox and send failed mail again."""

import pytest
from django.contrib import admin
from django.urls import reverse

from portal.models import Notification, NotificationPreference, User
from portal.notifications import services
from portal.notifications.admin import NotificationAdmin
from requests import events
from tests.conftest import client_for, make_user

pytestmark = pytest.mark.django_db

Status = Notification.Status
PREFERENCES = "/profile/notifications/"
OUTBOX = "/staff/outbox/"


def outbox_rows(count: int, *, status=Status.FAILED, prefix="o"):
    # Plain rows (no password hashing): the outbox only shows names and addresses.
    users = User.objects.bulk_create(
        User(username=f"{prefix}{i}", email=f"{prefix}{i}@example.org") for i in range(count)
    )
    rows = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            event=events.SUBMITTED.key,
            reference=f"REQ-2026-{i:04d}",
            url=f"/requests/REQ-2026-{i:04d}/",
            status=status,
            last_error="SMTPServerDisconnected: gone" if status == Status.FAILED else "",
        )
        for i, user in enumerate(users)
    )
    return rows


def test_the_urls_are_where_the_report_says():
    assert reverse("notifications:preferences") == PREFERENCES
    assert reverse("notifications:outbox") == OUTBOX
    assert reverse("notifications:retry", args=[7]) == "/staff/outbox/7/retry/"


def test_the_preferences_page_asks_anonymous_visitors_to_sign_in():
    response = client_for(None).get(PREFERENCES)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_official_sees_the_defaults_before_choosing(ke_official):
    response = client_for(ke_official).get(PREFERENCES)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["level"].value() == "all" and form["language"].value() == "en"
    assert b'<input type="radio" name="level" value="action_only"' in response.content


def test_an_official_chooses_action_only_and_french(ke_official):
    client = client_for(ke_official)
    response = client.post(PREFERENCES, {"level": "action_only", "language": "fr"})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=ke_official)
    assert (preference.level, preference.language) == ("action_only", "fr")
    response = client.post(PREFERENCES, {"level": "all", "language": "es"}, follow=True)
    assert NotificationPreference.objects.filter(user=ke_official).count() == 1
    assert b"Your notification settings were saved." in response.content


def test_an_unknown_language_is_refused_beside_the_field(ke_official):
    response = client_for(ke_official).post(PREFERENCES, {"level": "all", "language": "xx"})
    assert response.status_code == 200
    assert b'id="error-summary"' in response.content
    assert b'id="id_language_error"' in response.content
    assert not NotificationPreference.objects.filter(user=ke_official).exists()


@pytest.mark.parametrize("who", ["ke_official", "ke_focal", "cl_official", "stranger"])
def test_the_outbox_does_not_exist_for_anyone_but_staff(request, who):
    user = request.getfixturevalue(who)
    (row,) = outbox_rows(1)
    client = client_for(user)
    assert client.get(OUTBOX).status_code == 404
    assert client.post(f"/staff/outbox/{row.pk}/retry/").status_code == 404
    assert Notification.objects.get(pk=row.pk).status == Status.FAILED


def test_the_outbox_asks_anonymous_visitors_to_sign_in():
    assert client_for(None).get(OUTBOX).status_code == 302


@pytest.mark.parametrize("who", ["officer", "bureau_africa"])
def test_only_the_triage_desk_reads_the_outbox(request, who):
    outbox_rows(2)
    assert client_for(request.getfixturevalue(who)).get(OUTBOX).status_code == 404


def test_the_triage_desk_sees_failed_rows_with_their_error(triage):
    outbox_rows(2)
    response = client_for(triage).get(OUTBOX)
    assert response.status_code == 200
    assert response.content.count(b"SMTPServerDisconnected: gone") == 2
    assert b"Retry" in response.content


def test_the_outbox_filters_by_status_event_and_recipient(triage):
    outbox_rows(2, status=Status.FAILED, prefix="f")
    outbox_rows(3, status=Status.SENT, prefix="s")
    client = client_for(triage)
    assert client.get(OUTBOX, {"status": "sent"}).context["page_obj"].paginator.count == 3
    assert client.get(OUTBOX, {"status": "failed"}).context["page_obj"].paginator.count == 2
    assert client.get(OUTBOX, {"q": "f1"}).context["page_obj"].paginator.count == 1
    assert client.get(OUTBOX, {"event": "request.message"}).context["page_obj"].paginator.count == 0
    counts = client.get(OUTBOX).context["counts"]
    assert ("failed", "Failed", 2) in counts and ("sent", "Sent", 3) in counts


def test_a_bad_filter_value_is_ignored_not_an_error(triage):
    outbox_rows(2)
    response = client_for(triage).get(OUTBOX, {"status": "nonsense"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 2


@pytest.mark.parametrize("count", [3, 30])
def test_the_outbox_query_count_does_not_grow_with_rows(triage, count, django_assert_num_queries):
    outbox_rows(count)
    client = client_for(triage)
    client.get(OUTBOX)  # warm the session
    # session, user, second-factor device, triage-desk check, status counts, page count, rows
    with django_assert_num_queries(7):
        response = client.get(OUTBOX)
    assert len(response.context["page_obj"].object_list) == count


def test_the_outbox_is_paginated(triage):
    outbox_rows(55)
    client = client_for(triage)
    first = client.get(OUTBOX)
    assert len(first.context["page_obj"].object_list) == 50
    assert b'rel="next"' in first.content
    assert len(client.get(OUTBOX, {"page": 2}).context["page_obj"].object_list) == 5


def test_staff_retry_a_failed_row_and_return_to_their_filtered_list(
    triage, mailoutbox, django_capture_on_commit_callbacks
):
    (row,) = outbox_rows(1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(triage).post(
            f"/staff/outbox/{row.pk}/retry/", {"next": "/staff/outbox/?status=failed"}
        )
    assert response.status_code == 302 and response["Location"] == "/staff/outbox/?status=failed"
    assert Notification.objects.get(pk=row.pk).status == Status.SENT
    assert len(mailoutbox) == 1


def test_retry_refuses_to_send_staff_elsewhere(triage):
    (row,) = outbox_rows(1)
    response = client_for(triage).post(
        f"/staff/outbox/{row.pk}/retry/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == OUTBOX


def test_retry_is_post_only_and_404_for_a_missing_row(triage):
    (row,) = outbox_rows(1)
    client = client_for(triage)
    assert client.get(f"/staff/outbox/{row.pk}/retry/").status_code == 405
    assert client.post("/staff/outbox/999999/retry/").status_code == 404


def test_the_admin_lists_the_outbox_and_retries_selected_rows(
    mailoutbox, django_capture_on_commit_callbacks
):
    superuser = make_user("root", is_staff=True, is_superuser=True)
    failed = outbox_rows(2)
    client = client_for(superuser)
    assert client.get("/admin/portal/notification/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/portal/notification/",
            {"action": "retry_delivery", "_selected_action": [row.pk for row in failed]},
            follow=True,
        )
    assert b"2 notifications queued again." in response.content
    assert set(Notification.objects.values_list("status", flat=True)) == {Status.SENT}
    assert len(mailoutbox) == 2


def test_nobody_adds_outbox_rows_by_hand_in_the_admin(rf, triage):
    assert NotificationAdmin(Notification, admin.site).has_add_permission(rf.get("/")) is False


def test_preferences_saved_on_the_page_decide_the_language_of_mail(ke_official, kenya, mailoutbox):
    client_for(ke_official).post(PREFERENCES, {"level": "all", "language": "es"})
    (row,) = services.notify(event=events.ACCEPTED, recipients=[ke_official], subject_object=kenya)
    services.deliver_notification(row.pk)
    assert '<html lang="es"' in mailoutbox[0].alternatives[0][0]
