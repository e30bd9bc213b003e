"""The address a request came from, resolved one way for every use that keys on it.

django-axes resolves it for the lock-out through django-ipware, configured by
`ipware_settings(TRUSTED_PROXY_COUNT)` in settings; everything else that counts per address
(the public API's throttle, any rate limit) asks `client_ip`, which is that same resolver, so
the address locked out is the address throttled. Nothing here may import Django settings at
module level: portal.settings imports this module.
"""


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
