"""Settings of the test suite: the portal's embedded defaults, whatever the shell exports.

A developer's shell (or a production-like `.env`) may export CELERY_BROKER_URL, CACHE_URL,
EMAIL_BACKEND or DEBUG; the suite must not change behaviour with them. Every variable that
portal.settings reads is dropped before it is imported, except DATABASE_URL, which is how CI
chooses its PostgreSQL (without it, the checkout's own: portal/devdb.py). Tests that need a
broker or another setting ask for it explicitly.
"""

import os
import re
from pathlib import Path

KEPT = {"DATABASE_URL"}
_SOURCE = (Path(__file__).resolve().parents[1] / "portal" / "settings.py").read_text()
for _name in set(re.findall(r'env_\w+\(\s*"([A-Z0-9_]+)"', _SOURCE)) - KEPT:
    os.environ.pop(_name, None)
os.environ["DEBUG"] = "1"  # the development defaults (secret key, hosts); tests run DEBUG off

from portal.settings import *  # noqa: E402, F403
