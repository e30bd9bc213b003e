"""Container health check: `python -m portal.healthcheck` asks the local gunicorn for /healthz.

It sends the first allowed host name and says the request came through the TLS proxy (scheme
and client address), as real traffic does, so that host validation and the HTTPS redirect
treat it like any request.
Unhealthy when /healthz is not 200: the database is down or pages cannot be rendered. A cache
or broker outage only degrades the site and keeps it healthy (portal/health.py).
"""

import os
import sys
import urllib.request


def main() -> int:
    host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip()
    request = urllib.request.Request(
        "http://127.0.0.1:8000/healthz",
        headers={"Host": host, "X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"},
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return 0 if response.status == 200 else 1
    except OSError as exc:
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
