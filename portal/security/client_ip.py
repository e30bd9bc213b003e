"""The address a request came from, resolved one way for every use that keys on it.

django-axes resolves it for the lock-out through django-ipware, configured by
`ipware_settings(TRUSTED_PROXY_COUNT)` in settings; everything else that counts per address
(the public API's throttle, any rate limit) asks `client_ip`, which is that same resolver, so
the address locked out is the address throttled. Nothing here may import Django settings at
module level: portal.settings imports this module.

`ProxyHeaderCheckMiddleware` watches the other side of the bargain: with a hop trusted, every
request must arrive through the proxy, which always writes X-Forwarded-For. One without it
reached gunicorn directly (its port is published) or through a proxy that does not write the
header: either way the lock-out would key on the wrong address, and the operator is told.
"""

import logging
import time

logger = logging.getLogger(__name__)


def ipware_settings(trusted_proxy_count: int) -> tuple[list[str], int | None]:
    """(AXES_IPWARE_META_PRECEDENCE_ORDER, AXES_IPWARE_PROXY_COUNT) for that many proxies.

    With no proxy, only the connection's address counts: a client's X-Forwarded-For is
    ignored. Behind N proxies that each append the address they saw, the client is the N-th
    X-Forwarded-For entry from the right; django-ipware counts the proxies named inside the
    header, and the nearest proxy is not in it (it is REMOTE_ADDR), hence N - 1.
    """
    if trusted_proxy_count == 0:
        return ["REMOTE_ADDR"], None
    return ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"], trusted_proxy_count - 1


def client_ip(request) -> str | None:
    """The client's address behind settings.TRUSTED_PROXY_COUNT reverse proxies."""
    from axes.helpers import get_client_ip_address  # axes configures itself on import

    return get_client_ip_address(request)


def forwarded_hops(request) -> int:
    """How many addresses the request's X-Forwarded-For lists."""
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return len([entry for entry in header.split(",") if entry.strip()])


class ProxyHeaderCheckMiddleware:
    """Log a configuration error when a request lacks the trusted proxies' X-Forwarded-For.

    Logged at most once every REPEAT_SECONDS per process, so a misconfigured site does not
    flood its log; the request itself is served as usual.
    """

    REPEAT_SECONDS = 600

    def __init__(self, get_response):
        self.get_response = get_response
        self.last_logged: float | None = None

    def __call__(self, request):
        from django.conf import settings

        expected = settings.TRUSTED_PROXY_COUNT
        if expected and forwarded_hops(request) < expected:
            now = time.monotonic()
            if self.last_logged is None or now - self.last_logged >= self.REPEAT_SECONDS:
                self.last_logged = now
                logger.error(
                    "configuration error: TRUSTED_PROXY_COUNT is %d but a request from %s "
                    "carries %d X-Forwarded-For entries. Either gunicorn is reachable without "
                    "the proxy (publish only the proxy's port) or the proxy does not append the "
                    "client's address; lock-outs and throttles key on the wrong address until "
                    "this is fixed.",
                    expected,
                    request.META.get("REMOTE_ADDR"),
                    forwarded_hops(request),
                )
        return self.get_response(request)
