"""Two web machines: two gunicorn instances of the built app, each with a local folder of its
own, sharing only PostgreSQL, Redis and an S3-compatible server (moto's, tests/s3_server.py).
A journey alternates between them: sign in on one, second factor on the other, a request made
on one and submitted on the other, a document uploaded on one and read by staff on the other,
messages both ways; no 5xx, nothing lost, and every notification e-mailed exactly once."""

import datetime
import re
import secrets
import urllib.parse

import pytest
from django.utils import timezone
from django_otp.oath import TOTP

from portal.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_KEY
from tests.broker.conftest import delivered, wait_for
from tests.production.client import SiteClient
from tests.production.conftest import (
    Processes,
    _compose_command,
    _image_command,
    answers_http,
    base_environment,
    run,
)
from tests.redis_server import free_port
from tests.requests.conftest import PDF
from tests.s3_server import ACCESS_KEY, SECRET_KEY, PrivateS3

pytestmark = pytest.mark.production

BUCKET = "portal-documents"


@pytest.fixture(scope="module")
def machines(database, redis_server, built_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-machines")
    s3 = PrivateS3(folder)
    s3.start()
    s3.client().create_bucket(Bucket=BUCKET)
    mail_dir = folder / "mail"
    mail_dir.mkdir()
    ports = {"a": free_port(), "b": free_port()}
    shared = base_environment() | {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://127.0.0.1",
        "BEHIND_TLS_PROXY": "1",
        "DATABASE_URL": database,
        "CELERY_BROKER_URL": redis_server.url(0),
        "CACHE_URL": redis_server.url(1),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "STORAGE_URL": s3.storage_url(BUCKET),
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "DEMO_MODE": "1",
    }
    local = {name: folder / f"machine-{name}" for name in ports}
    environments = {
        name: shared | {"PRIVATE_MEDIA_ROOT": str(local[name] / "private")} for name in ports
    }
    python, app = built_app.python, built_app.folder
    run([python, "manage.py", "migrate", "--no-input"], cwd=app, env=shared, what="migrate")
    run(
        [python, "manage.py", "load_demo"],
        cwd=app,
        env=environments["a"] | {"CELERY_BROKER_URL": ""},
        what="load_demo",
    )
    processes = Processes(folder)
    try:
        for name, port in ports.items():
            gunicorn = _image_command()
            gunicorn[gunicorn.index("--bind") + 1] = f"127.0.0.1:{port}"
            processes.start(
                f"web-{name}", [python, "-m", *gunicorn], cwd=app, env=environments[name]
            )
        processes.start(
            "worker", [python, "-m", *_compose_command("worker")], cwd=app, env=environments["b"]
        )
        for port in ports.values():
            wait_for(lambda port=port: answers_http(port), 90, "gunicorn to start")
        wait_for(lambda: " ready." in processes.log("worker"), 90, "the worker to start")
        yield {
            "urls": {name: f"http://127.0.0.1:{port}" for name, port in ports.items()},
            "s3": s3,
            "local": local,
            "mail_dir": mail_dir,
            "database": database,
            "processes": processes,
        }
    finally:
        processes.stop_all()
        s3.stop()


def pair(machines) -> tuple[SiteClient, SiteClient]:
    """One browser, seen by machine a and machine b: the same cookies on both."""
    a, b = SiteClient(machines["urls"]["a"]), SiteClient(machines["urls"]["b"])
    b.cookies = a.cookies
    return a, b


def query(machines, sql: str, params=()) -> list[tuple]:
    import psycopg2

    with psycopg2.connect(machines["database"]) as connection, connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    connection.close()
    return rows


def test_a_journey_alternating_between_two_machines_loses_nothing(machines):
    pages = {}
    first_notification = query(
        machines, "SELECT coalesce(max(id), 0) + 1 FROM portal_notification"
    )[0][0]

    staff_a, staff_b = pair(machines)
    staff_a.get("/accounts/login/")
    login = staff_a.post("/accounts/login/", {"username": "triage", "password": DEMO_PASSWORD})
    assert urllib.parse.urlsplit(login.url).path == "/account/two-factor/", login.url
    code = f"{TOTP(bytes.fromhex(DEMO_TOTP_KEY)).token():06d}"
    pages["second factor on b"] = staff_b.post(
        urllib.parse.urlsplit(login.url).path + "?" + urllib.parse.urlsplit(login.url).query,
        {"token": code},
    )
    assert "/account/two-factor/" not in pages["second factor on b"].url
    pages["admin on a"] = staff_a.get("/admin/requests/assistancerequest/")
    assert "/accounts/login/" not in pages["admin on a"].url

    focal_a, focal_b = pair(machines)
    focal_a.get("/accounts/login/")
    pages["focal signs in on a"] = focal_a.post(
        "/accounts/login/", {"username": "ke-focal", "password": DEMO_PASSWORD}
    )
    pages["new request on b"] = focal_b.post(
        "/requests/new/",
        {
            "kind": "legislative",
            "purpose": "draft",
            "legal_areas": ["patents"],
            "treaties": "TRIPS Agreement",
            "title": "Patent law over two machines",
            "description": "Comments on our draft patent law, please.",
            "wished_by": (timezone.localdate() + datetime.timedelta(days=120)).isoformat(),
        },
    )
    (reference,) = re.findall(r"/requests/(REQ-\d{4}-\d{4})/", pages["new request on b"].url)
    pages["submit on a"] = focal_a.post(f"/requests/{reference}/submit/", {})
    pages["upload on a"] = focal_a.post(
        f"/requests/{reference}/documents/",
        {"kind": "supporting"},
        files={"file": ("draft-law.pdf", PDF, "application/pdf")},
    )
    ((document_id, name),) = query(
        machines,
        "SELECT d.id, d.file FROM requests_document d JOIN requests_assistancerequest r"
        " ON r.id = d.assistance_request_id WHERE r.reference = %s",
        (reference,),
    )
    pages["staff reads it on b"] = download = staff_b.get(
        f"/requests/{reference}/documents/{document_id}/"
    )
    assert download.status == 200 and download.body.encode() == PDF
    pages["message on b"] = focal_b.post(f"/requests/{reference}/messages/", {"body": "From b."})
    pages["reply on a"] = staff_a.post(f"/requests/{reference}/messages/", {"body": "From a."})

    broken = {key: (page.status, page.url) for key, page in pages.items() if page.status >= 500}
    assert broken == {}, f"{broken}\n{machines['processes'].logs()}"
    stored = machines["s3"].client().get_object(Bucket=BUCKET, Key=name)["Body"].read()
    assert stored == PDF
    for folder in machines["local"].values():  # nothing kept on either machine's own disk
        assert not [p for p in folder.rglob("*") if p.is_file()]
    bodies = query(
        machines,
        "SELECT m.body FROM requests_message m JOIN requests_assistancerequest r"
        " ON r.id = m.assistance_request_id WHERE r.reference = %s ORDER BY m.id",
        (reference,),
    )
    assert bodies == [("From b.",), ("From a.",)]

    def pending():
        return query(
            machines,
            "SELECT id FROM portal_notification WHERE id >= %s AND status <> 'sent'",
            (first_notification,),
        )

    wait_for(lambda: not pending(), 90, "the outbox to be delivered")
    ids = [
        row[0]
        for row in query(
            machines, "SELECT id FROM portal_notification WHERE id >= %s", (first_notification,)
        )
    ]
    assert len(ids) >= 3
    counts = {n: delivered(machines["mail_dir"], n) for n in ids}
    assert {n: c for n, c in counts.items() if c != 1} == {}
