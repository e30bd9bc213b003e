"""The production shape, started for real: the app built as the Dockerfile builds it, run as
docker-compose.yml runs it (gunicorn with several workers and DEBUG off, a Celery worker and
beat) on a PostgreSQL database and a Redis of the tests' own, with the demo world loaded.

Needs PostgreSQL (PRODUCTION_TEST_DATABASE_URL, else DATABASE_URL, else the checkout's own
server; a database of its own is created beside it and dropped after), redis-server and GNU gettext.
Without them the tests skip with a message, unless REQUIRE_PRODUCTION=1 (CI) makes that a
failure. Everything started here runs in a process group of its own and is stopped at the end.
"""

import json
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import sysconfig
import urllib.parse
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import pytest
import yaml

from portal import devdb
from tests.broker.conftest import wait_for
from tests.production.client import SiteClient
from tests.redis_server import PrivateRedis, free_port, unavailable

ROOT = Path(__file__).resolve().parents[2]
# The sweep's period and grace, shortened so mail held back by an outage goes out in seconds.
SWEEP_SECONDS = "3"


def _postgres_url() -> str:
    url = (
        os.environ.get("PRODUCTION_TEST_DATABASE_URL")
        or os.environ.get("DATABASE_URL")
        or devdb.url()
    )
    if not url.startswith(("postgres://", "postgresql://")):
        unavailable(
            "the production tests need PostgreSQL: set PRODUCTION_TEST_DATABASE_URL (or "
            "DATABASE_URL) to postgres://…"
        )
    return url


def _with_database(url: str, name: str) -> str:
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path=f"/{name}"))


@pytest.fixture(scope="module")
def database() -> str:
    """A PostgreSQL database of this run's own, dropped afterwards."""
    base = _postgres_url()
    name = f"portal_production_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg2.connect(_with_database(base, "postgres"), connect_timeout=5)
    except psycopg2.OperationalError as error:
        unavailable(f"PostgreSQL does not answer at {base}: {error}")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(base, name)
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory) -> PrivateRedis:
    server = PrivateRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


def _dockerfile_copies() -> list[tuple[str, str]]:
    """(source, destination) of each COPY line, destinations relative to the WORKDIR."""
    copies = []
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY "):
            *sources, destination = line.split()[1:]
            for source in sources:
                target = (
                    destination + Path(source).name if destination.endswith("/") else destination
                )
                copies.append((source, target))
    return copies


@dataclass
class BuiltApp:
    folder: Path  # the image's /app
    python: Path  # the image's interpreter, with the app installed into it


@pytest.fixture(scope="module")
def built_app(tmp_path_factory) -> BuiltApp:
    """What the Dockerfile copies, built by the same scripts/build-app the image runs."""
    if shutil.which("msgfmt") is None:
        unavailable("GNU gettext is not installed (apt-get install gettext)")
    scratch = tmp_path_factory.mktemp("image")
    app = scratch / "app"
    for source, target in _dockerfile_copies():
        origin, destination = ROOT / source, app / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, destination, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, destination)
    # A fresh interpreter of its own, which finds the dependencies already installed here (the
    # image downloads them; two cores need not), so pip installs only the app itself.
    venv = scratch / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    python = venv / "bin" / "python"
    site_packages = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            text=True,
        ).strip()
    )
    (site_packages / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(
        [app / "scripts" / "build-app"],
        cwd=app,
        env=base_environment() | {"PYTHON": str(python)},
        what="scripts/build-app",
    )
    return BuiltApp(app, python)


def base_environment() -> dict[str, str]:
    """A clean environment: nothing of the developer's or CI's settings leaks in."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL")
    return {name: os.environ[name] for name in keep if name in os.environ}


def run(command, *, cwd, env, what: str) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


class Processes:
    """Long-running processes, each in a process group of its own, stopped together."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.started: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, command: list, *, cwd: Path, env: dict) -> subprocess.Popen:
        with (self.folder / f"{name}.log").open("w") as log:
            process = subprocess.Popen(
                [str(part) for part in command],
                cwd=cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.started.append((name, process))
        return process

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")

    def logs(self) -> str:
        """The end of every log, for a failure message."""
        return "\n".join(
            f"--- {name} ---\n{self.log(name)[-4000:]}" for name, _process in self.started
        )

    def stop_all(self) -> None:
        for _name, process in reversed(self.started):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _name, process in self.started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@dataclass
class Site:
    base_url: str
    database: str
    redis: PrivateRedis
    mail_dir: Path
    processes: Processes
    first_new_notification: int  # the demo's own notifications are older than this id

    def client(self) -> SiteClient:
        return SiteClient(self.base_url)

    def query(self, sql: str, params=()) -> list[tuple]:
        with psycopg2.connect(self.database) as connection, connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        connection.close()
        return rows


def _compose_command(service: str) -> list[str]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return shlex.split(compose["services"][service]["command"])


def _image_command() -> list[str]:
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.startswith("CMD "):
            return json.loads(line[len("CMD ") :])
    raise AssertionError("the Dockerfile has no CMD")


@pytest.fixture(scope="module")
def site(database, redis_server, built_app, tmp_path_factory) -> Site:
    folder = tmp_path_factory.mktemp("site")
    mail_dir = folder / "mail"
    mail_dir.mkdir()
    port = free_port()
    environment = base_environment() | {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "BEHIND_TLS_PROXY": "1",
        "DATABASE_URL": database,
        "CELERY_BROKER_URL": redis_server.url(0),
        "CACHE_URL": redis_server.url(1),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "DEMO_MODE": "1",
        "NOTIFICATION_SWEEP_SECONDS": SWEEP_SECONDS,
        "NOTIFICATION_SWEEP_GRACE_SECONDS": SWEEP_SECONDS,
    }
    python, app = built_app.python, built_app.folder
    run([python, "manage.py", "migrate", "--no-input"], cwd=app, env=environment, what="migrate")
    # The demo world's own e-mails go nowhere (load_demo sends them to a dummy backend).
    run(
        [python, "manage.py", "load_demo"],
        cwd=app,
        env=environment | {"CELERY_BROKER_URL": ""},
        what="load_demo",
    )
    processes = Processes(folder)
    gunicorn = _image_command()
    gunicorn[gunicorn.index("--bind") + 1] = f"127.0.0.1:{port}"
    beat = _compose_command("beat")
    beat[beat.index("--schedule") + 1] = str(folder / "celerybeat-schedule")
    try:
        processes.start("web", [python, "-m", *gunicorn], cwd=app, env=environment)
        processes.start(
            "worker", [python, "-m", *_compose_command("worker")], cwd=app, env=environment
        )
        processes.start("beat", [python, "-m", *beat], cwd=app, env=environment)
        site = Site(
            f"http://127.0.0.1:{port}",
            database,
            redis_server,
            mail_dir,
            processes,
            first_new_notification=0,
        )
        (last,) = site.query("SELECT coalesce(max(id), 0) FROM portal_notification")[0]
        site.first_new_notification = last + 1
        _wait_until_ready(site, port)
        yield site
    finally:
        processes.stop_all()


def _wait_until_ready(site: Site, port: int) -> None:
    started = {
        "web": lambda: answers_http(port),
        "worker": lambda: " ready." in site.processes.log("worker"),
        "beat": lambda: "beat: Starting" in site.processes.log("beat"),
    }
    for name, ready in started.items():
        try:
            wait_for(ready, 60, f"{name} to start")
        except pytest.fail.Exception:
            pytest.fail(f"{name} did not start:\n{site.processes.logs()}", pytrace=False)


def answers_http(port: int) -> bool:
    client = SiteClient(f"http://127.0.0.1:{port}")
    return client.get("/healthz").status != 599
