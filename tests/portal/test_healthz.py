"""/healthz tells an orchestrator whether the site can serve pages, and what is degraded.

503 only when the database or rendering a page fails; a cache or broker outage makes the site
slower or mail later, so it is reported as "degraded" with a 200.
"""

import pytest

from portal.settings import shared_cache
from tests.redis_server import free_port

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_part_with_nothing_optional_configured(client, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "page": "ok",
        "cache": "not configured",
        "broker": "not configured",
    }


def test_a_broker_that_does_not_answer_degrades_the_site_without_failing_it(client, settings):
    from portal.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = ""
    # Mail waits in the outbox and the sweep sends it later; pages are served meanwhile.
    assert response.status_code == 200
    assert response.json()["broker"] == "degraded"
    assert response.json()["status"] == "degraded"
    assert response.json()["database"] == "ok"


def test_a_cache_that_does_not_answer_degrades_the_site_without_failing_it(client, settings):
    settings.CELERY_BROKER_URL = ""
    settings.CACHES = {"default": shared_cache(f"redis://127.0.0.1:{free_port()}/0", 500)}
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["cache"] == "degraded"


def test_healthz_is_503_when_pages_cannot_be_rendered(client, settings, tmp_path):
    # The production storage without its manifest: what collectstatic with DEBUG on shipped.
    settings.CELERY_BROKER_URL = ""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["page"] == "error: ValueError"
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "ok"
