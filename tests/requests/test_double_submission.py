"""One "new request" form creates one request, however many times it is posted."""

import re
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from requests.models import AssistanceRequest, Document
from tests.conftest import client_for
from tests.requests.conftest import PDF
from tests.requests.test_drafting import form_data


def token_of_a_fresh_form(client) -> str:
    page = client.get(reverse("requests:new"), {"kind": "legislative"}).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def post_form(client, token: str):
    attachment = SimpleUploadedFile("draft.pdf", PDF)
    return client.post(reverse("requests:new"), form_data(form_token=token, attachments=attachment))


@pytest.mark.django_db
def test_the_same_form_posted_twice_creates_one_request_and_shows_it_both_times(ke_official):
    client = client_for(ke_official)
    token = token_of_a_fresh_form(client)

    first, second = post_form(client, token), post_form(client, token)

    created = AssistanceRequest.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == created.get_absolute_url()
    assert Document.objects.count() == 1  # the second post's attachment is not added again


@pytest.mark.django_db
def test_two_forms_opened_one_after_the_other_create_two_requests(ke_official):
    client = client_for(ke_official)
    post_form(client, token_of_a_fresh_form(client))
    post_form(client, token_of_a_fresh_form(client))
    assert AssistanceRequest.objects.count() == 2


@pytest.mark.django_db
def test_another_users_token_does_not_reveal_their_request(ke_official, ke_focal):
    token = token_of_a_fresh_form(client_for(ke_official))
    post_form(client_for(ke_official), token)
    response = post_form(client_for(ke_focal), token)
    assert response.status_code == 200  # the form again, nothing created, nothing shown
    assert AssistanceRequest.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_form_posted_twice_at_the_same_moment_creates_one_request(ke_official):
    token = token_of_a_fresh_form(client_for(ke_official))
    start, statuses = threading.Barrier(2), []

    def post():
        client = client_for(ke_official)
        start.wait()
        statuses.append(post_form(client, token).status_code)
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302, 302]
    assert AssistanceRequest.objects.count() == 1
