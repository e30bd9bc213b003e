"""Staff choose a party to manage its figures: a known code redirects, anything else is 404."""

import pytest
from django.urls import reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

MANAGE = reverse("enforcement:statistics_manage")


@pytest.mark.parametrize("code", ["a/b", "ZZ", "../TH", "TH/", " ", "x" * 300])
def test_an_unknown_or_malformed_party_code_is_a_404_not_a_server_error(triage, code):
    response = client_for(triage).get(MANAGE, {"party": code})
    assert response.status_code == 404


@pytest.mark.parametrize("code", ["TH", "th"])
def test_a_known_party_code_redirects_to_that_partys_figures(triage, code):
    response = client_for(triage).get(MANAGE, {"party": code})
    assert response.status_code == 302
    assert response["Location"] == reverse("enforcement:statistics_party", args=["TH"])


def test_without_a_party_staff_see_the_list_to_choose_from(triage):
    response = client_for(triage).get(MANAGE)
    assert response.status_code == 200
    assert '<option value="TH">' in response.content.decode()
