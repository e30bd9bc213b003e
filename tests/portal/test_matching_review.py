"""The yearly review counts recommendation 9's needs, resources, matches and time to match."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.matching import services
from portal.models import Match, Need
from requests.review import figures
from tests.conftest import client_for
from tests.portal.matching_support import accept_by_party, make_need

pytestmark = pytest.mark.django_db


def test_the_review_counts_needs_resources_and_matches_with_the_days_to_match(
    ke_official, ke_focal, triage, resource, provider_user
):
    year = timezone.localdate().year
    need = make_need(ke_official, ke_focal)
    make_need(ke_official)  # a draft is not counted
    Need.objects.filter(pk=need.pk).update(published_at=timezone.now() - datetime.timedelta(days=6))
    match = accept_by_party(services.propose_match(need, resource, actor=triage), ke_focal)
    services.answer_match(match, actor=provider_user, to_status="accepted")
    assert Match.objects.get().concluded_at is not None
    counted = figures.compute(year)["matching"]
    assert counted == {
        "needs": 1,
        "resources": 1,
        "matches_proposed": 1,
        "matches_concluded": 1,
        "median_days_to_match": pytest.approx(6, abs=1),
    }


def test_the_review_page_shows_the_matching_section(triage, django_capture_on_commit_callbacks):
    client = client_for(triage)
    url = reverse("review:year", args=[2025])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    page = client.get(url)
    assert b"Matching needs with resources (recommendation 9)" in page.content
