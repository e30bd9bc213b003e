"""The benchmark's pages that no app test pins yet cost the same queries with ten times the data.

(The search, the API list, the request lists, the admin lists, the activities list and the
recommendation page are pinned by their apps' own tests.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from requests import services
from requests.models import Status
from tests.conftest import client_for
from tests.flexibilities.conftest import make_provision
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db
COMPARED = ["KE", "CL", "TH", "BR", "IN", "ZA", "EG", "ID", "MX", "NG"]


def queries_for(client, url, params=None) -> int:
    client.get(url, params)  # per-process caches (content types, translations) warm first
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def provisions(n: int) -> list:
    return [make_provision(COMPARED[i % len(COMPARED)]) for i in range(n)]


def test_a_provision_page_costs_two_queries_however_many_provisions_exist(client):
    first = provisions(3)[0]
    url = reverse("flexibilities:provision_detail", args=[first.pk])
    small = queries_for(client, url)
    provisions(27)
    assert queries_for(client, url) == small == 2  # the provision, its change history


def test_the_compare_matrix_of_ten_parties_costs_three_queries_with_3_or_30_provisions(client):
    url = reverse("flexibilities:compare")
    params = {"parties": ",".join(COMPARED)}
    provisions(3)
    small = queries_for(client, url, params)
    provisions(27)
    assert queries_for(client, url, params) == small == 3  # categories, parties, cells


def test_a_request_page_costs_the_same_with_5_or_50_timeline_entries(ke_official, ke_focal):
    assistance_request = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    client = client_for(ke_official)
    url = assistance_request.get_absolute_url()

    def write(n):
        for i in range(n):
            services.post_message(assistance_request, actor=ke_official, body=f"Message {i}")

    write(4)  # with the submission: 5 entries
    small = queries_for(client, url)
    write(45)  # 50 entries, as on the benchmark's request page
    response = client.get(url)
    assert len(response.context["timeline"]) == 50
    # session, user, membership, party, the party's grants, the request, its activities,
    # status changes (once, for the tracker, the time frame and the timeline), messages,
    # their attachments, consent, publication, beneficiaries, documents, feedback, access log
    assert queries_for(client, url) == small == 16  # 17 before the changes were read once
