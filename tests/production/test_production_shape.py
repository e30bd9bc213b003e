"""The production shape, for real: every main page answers each role of the demo cast without
a 5xx; with Redis down a request is still submitted, a message sent and the flexibilities
searched; when Redis returns, every e-mail held back is delivered exactly once."""

import datetime
import json
import re
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.utils import timezone
from django_otp.oath import TOTP

from portal.demo.accounts import ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_KEY, STAFF_ACCOUNTS
from tests.broker.conftest import delivered, wait_for
from tests.production.client import Page, SiteClient

pytestmark = pytest.mark.production

# Where each kind of visitor starts; the walk follows the links of each page from there.
PUBLIC_START = ["/", "/flexibilities/", "/recommendations/", "/activities/", "/api/provisions/"]
PARTY_START = ["/requests/", "/requests/new/", "/profile/notifications/"]
STAFF_START = ["/admin/", "/admin/requests/assistancerequest/", "/staff/outbox/", "/staff/review/"]
PAGES_PER_ROLE = 30
PARALLEL = 3  # visitors at once: the image's gunicorn has three workers
# Links that would end the session (their views want a POST anyway), and static files.
SKIPPED = re.compile(r"logout|sign-out|^/static/|^/i18n/")


def sign_in(site, username: str) -> SiteClient:
    client = site.client()
    login = client.get("/accounts/login/")
    assert login.status == 200, f"the sign-in page answered {login.status}"
    page = client.post("/accounts/login/", {"username": username, "password": DEMO_PASSWORD})
    assert page.status == 200, (username, page.status)
    if username in STAFF_ACCOUNTS:
        assert urllib.parse.urlsplit(page.url).path == "/account/two-factor/", page.url
        code = f"{TOTP(bytes.fromhex(DEMO_TOTP_KEY)).token():06d}"
        page = client.post(page.url.removeprefix(site.base_url), {"token": code})
        assert page.status == 200 and "/account/two-factor/" not in page.url, page.body[-2000:]
    assert "/accounts/login/" not in page.url, f"{username} could not sign in"
    return client


def pattern(path: str) -> str:
    """Pages that differ only in an id or a reference count once."""
    return re.sub(r"\d+", "N", path)


def walk(client: SiteClient, start: list[str]) -> tuple[dict[str, int], list[str]]:
    """Breadth-first over the site's own links: {url: status} and the 5xx found."""
    seen_patterns: set[str] = set()
    queue = list(start)
    statuses: dict[str, int] = {}
    failures = []
    while queue and len(statuses) < PAGES_PER_ROLE:
        url = queue.pop(0)
        path = urllib.parse.urlsplit(url).path
        if pattern(path) in seen_patterns or SKIPPED.search(path):
            continue
        seen_patterns.add(pattern(path))
        page = client.get(url)
        statuses[url] = page.status
        if page.status >= 500:
            failures.append(f"{page.status} {url}")
        for href in page.links():
            target = urllib.parse.urljoin(page.url, href)
            if target.startswith(client.base_url):
                queue.append(target.removeprefix(client.base_url))
    return statuses, failures


@pytest.fixture(scope="module")
def signed_in(site) -> dict[str, SiteClient]:
    """A session for each account of the demo cast (README), second factor included."""
    usernames = [username for username, _what in ACCOUNTS]
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        return dict(
            zip(usernames, pool.map(lambda name: sign_in(site, name), usernames), strict=True)
        )


def test_the_site_reports_itself_healthy(site):
    page = site.client().get("/healthz")
    assert page.status == 200, page.body
    assert json.loads(page.body) == {
        "status": "ok",
        "database": "ok",
        "page": "ok",
        "cache": "ok",
        "broker": "ok",
    }


def test_every_main_page_answers_each_role_of_the_demo_cast_without_a_server_error(site, signed_in):
    failures, walked = [], 0
    visitors = {"anonymous": (site.client(), PUBLIC_START)}
    for username, client in signed_in.items():
        start = STAFF_START if username in STAFF_ACCOUNTS else PARTY_START
        visitors[username] = (client, start + PUBLIC_START)
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:  # as many as gunicorn has workers
        walks = pool.map(lambda visitor: walk(*visitor), visitors.values())
        for name, (statuses, found) in zip(visitors, walks, strict=True):
            assert len(statuses) >= 5, f"{name} reached only {statuses}"
            walked += len(statuses)
            failures += [f"{name}: {failure}" for failure in found]
    assert failures == [], f"{failures}\n{site.processes.logs()}"
    assert walked > 100


def answered(page: Page) -> bool:
    return page.status < 400 and "/accounts/login/" not in page.url


@pytest.fixture(scope="module")
def during_redis_outage(site, signed_in) -> dict:
    """With Redis (cache and broker) down: submit a request, write a message, search."""
    focal, triage = signed_in["ke-focal"], signed_in["triage"]
    site.redis.stop()
    pages: dict[str, Page] = {}
    wished_by = timezone.localdate() + datetime.timedelta(days=120)
    pages["new request"] = focal.post(
        "/requests/new/",
        {
            "kind": "legislative",
            "purpose": "draft",
            "legal_areas": ["patents"],
            "treaties": "TRIPS Agreement",
            "title": "Patent law written during a Redis outage",
            "description": "Comments on our draft patent law, please.",
            "wished_by": wished_by.isoformat(),
        },
    )
    (reference,) = re.findall(r"/requests/(REQ-\d{4}-\d{4})/", pages["new request"].url)
    pages["submit"] = focal.post(f"/requests/{reference}/submit/", {})
    pages["message"] = focal.post(
        f"/requests/{reference}/messages/", {"body": "Sent while the cache was down."}
    )
    pages["triage's message"] = triage.post(
        f"/requests/{reference}/messages/", {"body": "Received, thank you."}
    )
    pages["search"] = site.client().get("/flexibilities/?q=licence")
    pages["search, signed in"] = focal.get("/flexibilities/?q=patent&sort=relevance")
    pages["api"] = site.client().get("/api/provisions/?q=licence")
    pages["triage list"] = triage.get("/admin/requests/assistancerequest/")
    pages["healthz"] = site.client().get("/healthz")
    return {"pages": pages, "reference": reference}


def test_with_redis_down_a_request_is_submitted_a_message_sent_and_the_site_searched(
    site, during_redis_outage
):
    pages, reference = during_redis_outage["pages"], during_redis_outage["reference"]
    broken = {name: (page.status, page.url) for name, page in pages.items() if not answered(page)}
    assert broken == {}, f"{broken}\n{site.processes.logs()}"
    assert site.query(
        "SELECT status FROM requests_assistancerequest WHERE reference = %s", (reference,)
    ) == [("submitted",)]
    bodies = site.query(
        "SELECT m.body FROM requests_message m JOIN requests_assistancerequest r"
        " ON r.id = m.assistance_request_id WHERE r.reference = %s ORDER BY m.id",
        (reference,),
    )
    assert bodies == [("Sent while the cache was down.",), ("Received, thank you.",)]
    health = json.loads(pages["healthz"].body)
    assert health["cache"] == health["broker"] == health["status"] == "degraded"


def test_when_redis_returns_every_notification_is_delivered_exactly_once(site, during_redis_outage):
    site.redis.start()
    first = site.first_new_notification

    def pending() -> list[tuple]:
        return site.query(
            "SELECT id, status FROM portal_notification WHERE id >= %s AND status <> 'sent'",
            (first,),
        )

    wait_for(lambda: not pending(), 90, "the outbox to be delivered")
    ids = [
        row[0] for row in site.query("SELECT id FROM portal_notification WHERE id >= %s", (first,))
    ]
    assert len(ids) >= 3  # the submission's and the two messages' notifications at least
    counts = {notification_id: delivered(site.mail_dir, notification_id) for notification_id in ids}
    assert {n: c for n, c in counts.items() if c != 1} == {}
    # Nothing else was mailed either (the demo's own e-mails went to a dummy backend).
    total = sum(p.read_text().count("X-Portal-Notification: ") for p in site.mail_dir.glob("*.log"))
    assert total == len(ids)
