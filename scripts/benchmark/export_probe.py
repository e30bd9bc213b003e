"""Download every provision as CSV in a fresh process and report time and peak memory as JSON.

Run by scripts.benchmark.run in a child process, so the peak is the export's alone.
"""

import json
import resource
import sys
import time

from ._django import setup


def main() -> int:
    setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log: a long export would keep every SQL string
    from .wsgi import Caller

    caller = Caller()
    caller.get("/")  # import the views before the baseline is taken
    json.dump(export_figures(caller), sys.stdout)
    return 0


def export_figures(caller) -> dict:
    """Stream the whole CSV download through the handler; time, size and peak memory."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    lines = 0
    path_info = "/flexibilities/download.csv"
    environ = caller.factory._base_environ(PATH_INFO=path_info, REQUEST_METHOD="GET")
    status = []
    response = caller.handler(environ, lambda code, headers, exc_info=None: status.append(code))
    size = 0
    for chunk in response:
        size += len(chunk)
        lines += chunk.count(b"\n")
    response.close()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "status": status[0],
        "seconds": round(seconds, 2),
        "rows": max(0, lines - 1),
        "megabytes_written": round(size / 1e6, 1),
        "peak_rss_mb": round(peak / 1024, 1),
        "rss_before_mb": round(before / 1024, 1),
    }


if __name__ == "__main__":
    sys.exit(main())
