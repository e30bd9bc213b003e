"""A document whose file is missing from storage: a 404 page that says so, and a logged error."""

import logging

import pytest
from django.urls import reverse

from requests.models import AccessRecord, Document
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def lose_the_file(document: Document) -> None:
    document.file.storage.delete(document.file.name)


def test_a_deliverable_whose_file_is_missing_is_a_404_that_says_so(ke_delivered, ke_focal, caplog):
    deliverable = ke_delivered.documents.get(kind=Document.Kind.DELIVERABLE)
    lose_the_file(deliverable)
    url = reverse("requests:document", args=[ke_delivered.reference, deliverable.pk])

    with caplog.at_level(logging.ERROR, logger="portal.downloads"):
        response = client_for(ke_focal).get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert "The file is missing" in html and "comments.pdf" in html
    assert deliverable.file.name in caplog.text


def test_a_missing_file_is_not_recorded_as_read_by_staff(ke_delivered, triage):
    document = ke_delivered.documents.get(kind=Document.Kind.DELIVERABLE)
    lose_the_file(document)
    AccessRecord.objects.all().delete()
    url = reverse("requests:document", args=[ke_delivered.reference, document.pk])
    assert client_for(triage).get(url).status_code == 404
    assert not AccessRecord.objects.filter(kind=AccessRecord.Kind.DOCUMENT).exists()
