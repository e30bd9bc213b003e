"""The cache is an optimisation: with Redis unreachable every write and public page works,
slower, and caching resumes when Redis is back (settings.CACHES, README "Production shape")."""

import logging
import time

import pytest
import redis
from django.core.cache import cache
from django.urls import reverse

from flexibilities.counts_cache import COUNTS
from portal.settings import shared_cache
from requests.models import AssistanceRequest, Message, Status
from tests.conftest import client_for
from tests.flexibilities.conftest import make_provision
from tests.redis_server import PrivateRedis, free_port
from tests.requests.conftest import draft, move

pytestmark = pytest.mark.django_db

SEARCH = reverse("flexibilities:search")
API = reverse("flexibilities:api_provision_list")


@pytest.fixture
def cache_down(settings):
    """The shared cache points at a local port where nothing listens."""
    settings.CACHES = {"default": shared_cache(f"redis://127.0.0.1:{free_port()}/0", 500)}
    yield
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def private_redis(tmp_path, settings):
    """A Redis of this test's own behind the shared cache; the test stops and starts it."""
    server = PrivateRedis(tmp_path)
    server.start()
    settings.CACHES = {"default": shared_cache(server.url(1), 500)}
    yield server
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    server.stop()


def test_a_focal_point_submits_with_the_cache_down_and_the_submission_is_saved(
    cache_down, ke_official, ke_focal, caplog, django_capture_on_commit_callbacks
):
    ke_draft = draft(ke_official)
    url = reverse("requests:submit", args=[ke_draft.reference])
    # The drill-down's version bump runs on commit, as it does in production.
    with (
        caplog.at_level(logging.ERROR, logger="portal.cache"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        response = client_for(ke_focal).post(url)
    assert response.status_code == 302
    assert callbacks, "the cache's version bump was not left for the commit"
    assert AssistanceRequest.objects.get(pk=ke_draft.pk).status == Status.SUBMITTED
    # Ignored, not hidden: the operator sees why the cache did nothing.
    assert any(record.name == "portal.cache" for record in caplog.records)


def test_a_message_is_sent_with_the_cache_down(
    cache_down, ke_official, ke_focal, django_capture_on_commit_callbacks
):
    submitted = move(draft(ke_official), Status.SUBMITTED, actor=ke_focal)
    url = reverse("requests:message", args=[submitted.reference])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(ke_official).post(url, {"body": "Our draft is attached."})
    assert response.status_code == 302
    assert Message.objects.filter(body="Our draft is attached.").exists()


def test_the_flexibilities_search_and_the_api_answer_with_the_cache_down(cache_down, client):
    make_provision("KE", article="Section 58")
    started = time.monotonic()
    page = client.get(SEARCH)
    api = client.get(API)
    assert page.status_code == 200 and "Section 58" in page.content.decode()
    assert page.context["page_obj"].paginator.count == 1
    assert api.status_code == 200 and api.json()["count"] == 1
    # A refused connection costs next to nothing; a silent host costs CACHE_TIMEOUT_MS a call.
    assert time.monotonic() - started < 5


def test_the_triage_list_works_with_the_cache_down(cache_down, ke_official, ke_focal, triage):
    draft(ke_official)
    response = client_for(triage).get(reverse("admin:requests_assistancerequest_changelist"))
    assert response.status_code == 200


def test_healthz_reports_the_cache_degraded_and_the_site_up(cache_down, client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == "degraded"
    assert response.json()["status"] == "degraded"


def cached_counts(server: PrivateRedis) -> int:
    """How many counts (matches, facets) the shared cache holds, beside their version."""
    keys = redis.Redis.from_url(server.url(1)).keys("*flexibilities:counts:*")
    return len([key for key in keys if not key.endswith(b":version")])


def test_caching_resumes_when_redis_returns(
    private_redis, client, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_BROKER_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        make_provision("KE", article="Section 58")
    assert client.get(SEARCH).status_code == 200
    assert cached_counts(private_redis) > 0
    assert client.get("/healthz").json()["cache"] == "ok"

    private_redis.stop()
    assert client.get(SEARCH, {"q": "Minister"}).status_code == 200
    assert client.get(API).status_code == 200
    assert client.get("/healthz").json()["cache"] == "degraded"

    private_redis.start()  # empty, as a replaced Redis comes back
    assert client.get(SEARCH, {"q": "Minister"}).status_code == 200
    assert cached_counts(private_redis) > 0
    assert cache.get(COUNTS.version_key)
    assert client.get("/healthz").json()["cache"] == "ok"
