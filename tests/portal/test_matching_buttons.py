"""A button posted twice (a double click, a second tab) is told what happened, never a 500."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from portal.models import Resource, ResourceStatus
from portal.workflow import moves_of
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_withdrawing_an_offer_twice_says_so_and_changes_nothing_more(provider_user, resource):
    client = client_for(provider_user)
    url = reverse("matching:resource_withdraw", args=[resource.pk])
    first = client.post(url)
    again = client.post(url)
    assert (first.status_code, again.status_code) == (302, 302)
    said = [str(m) for m in get_messages(again.wsgi_request)]
    assert any("cannot be moved" in text for text in said), said
    assert Resource.objects.get(pk=resource.pk).status == ResourceStatus.WITHDRAWN
    assert [(m.from_status, m.to_status) for m in moves_of(resource)] == [("active", "withdrawn")]
