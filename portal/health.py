"""The checks of /healthz: each answers "ok", "not configured", "degraded" or "error: ...".

Only what stops the site from serving pages is an error (the database, rendering a page);
the cache and the broker make the site slower or mail later when they are down, so they are
reported as degraded without failing the health check (README "Production shape").
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string

from portal.celery import app as celery_app

logger = logging.getLogger(__name__)

OK, NOT_CONFIGURED, DEGRADED = "ok", "not configured", "degraded"
HEALTH_KEY = "portal:healthz"


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means the database is not usable
        return f"error: {exc.__class__.__name__}"
    return OK


def check_page(request) -> str:
    """Render the home page through the base layout, as a visitor gets it.

    This fails where every page would: a static file missing from the manifest, a template
    or a context processor that breaks, a catalogue that does not load.
    """
    try:
        render_to_string("portal/home.html", request=request)
    except Exception as exc:
        logger.exception("/healthz could not render a page")
        return f"error: {exc.__class__.__name__}"
    return OK


def check_cache() -> str:
    """A round trip through the shared cache; its failures are ignored by the backend."""
    if not settings.CACHES["default"]["BACKEND"].startswith("django_redis"):
        return NOT_CONFIGURED  # the in-process cache of a single process cannot be down
    token = uuid.uuid4().hex
    try:
        cache.set(HEALTH_KEY, token, 30)
        answered = cache.get(HEALTH_KEY) == token
    except Exception:  # only if the backend was configured not to ignore its failures
        logger.exception("/healthz: the cache failed")
        answered = False
    return OK if answered else DEGRADED


def check_broker() -> str:
    if not settings.CELERY_BROKER_URL:
        return NOT_CONFIGURED
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # kombu raises a family of transport errors
        logger.warning("/healthz: the broker does not answer (%s)", exc.__class__.__name__)
        return DEGRADED
    return OK
