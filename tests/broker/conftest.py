"""Fixtures of the broker tests: the real Redis broker and real `celery worker` processes.

The worker is another process, so it must see the test's rows: the tests are transactional
(rows are committed), and the worker opens the same test database.

Without Redis the tests skip with a message saying how to start it; with REQUIRE_BROKER=1, as
CI should set, they fail instead.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.db import connection, connections

from portal.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BROKER = "redis://127.0.0.1:6379/15"
WORKER_READY_SECONDS = 60
# Each test session publishes to, and its workers consume, a queue of its own: two test runs
# sharing the broker (a developer's and CI's) must not deliver each other's rows.
QUEUE = f"portal-test-{uuid.uuid4().hex[:12]}"
_FLUSHED = pytest.StashKey[bool]()


def broker_url() -> str:
    return os.environ.get("CELERY_TEST_BROKER_URL", DEFAULT_BROKER)


def _broker_answers(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture(scope="session")
def broker() -> str:
    """The real broker's URL, its test database emptied of earlier runs' messages."""
    url = broker_url()
    if not _broker_answers(url):
        message = (
            f"no Redis answers at {url}: start one (`redis-server --port 6379`, or "
            "`docker compose up -d redis`) or point CELERY_TEST_BROKER_URL at one"
        )
        if os.environ.get("REQUIRE_BROKER") == "1":
            pytest.fail(f"REQUIRE_BROKER=1 but {message}", pytrace=False)
        pytest.skip(message)
    import redis

    redis.Redis.from_url(url).flushdb()  # database 15 is the tests' own
    return url


def _database_url() -> str:
    """How another process reaches the test database this process uses."""
    db = connection.settings_dict
    user = quote(db.get("USER") or "")
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    host = quote(db.get("HOST") or "127.0.0.1", safe="")  # a socket's folder is a host too
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{db['NAME']}"


@pytest.fixture
def broker_db(request, transactional_db, django_db_serialized_rollback) -> None:
    """Committed rows a worker can read; the migrated reference data survives the flush."""
    request.node.stash[_FLUSHED] = True


@pytest.fixture
def mail_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="portal-mail-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def delivered(mail_dir: Path, notification_id: int) -> int:
    """How many e-mails of this outbox row the file backend holds."""
    header = f"X-Portal-Notification: {notification_id}\n"
    return sum(path.read_text().count(header) for path in mail_dir.glob("*.log"))


class Worker:
    def __init__(self, process: subprocess.Popen, log: Path, hostname: str):
        self.process, self.log, self.hostname = process, log, hostname

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def start_worker(broker: str, broker_db, mail_dir: Path, tmp_path: Path) -> Iterator[Callable]:
    """Start `celery -A portal worker` processes on the test database; all stop at teardown."""
    workers: list[Worker] = []

    def start(**env: str) -> Worker:
        hostname = f"test-{uuid.uuid4().hex[:8]}@%h"
        log = tmp_path / f"worker-{len(workers)}.log"
        environment = {
            **os.environ,
            "DEBUG": "1",
            "LOG_LEVEL": "INFO",  # the worker's " ready." line, which DEBUG alone keeps quiet
            "DJANGO_SETTINGS_MODULE": "tests.broker.settings",
            "DATABASE_URL": _database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "CELERY_BROKER_URL": broker,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            "PYTHONPATH": str(ROOT),
            **env,
        }
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            f"--queues={QUEUE}",
            f"--hostname={hostname}",
        ]
        with log.open("w") as out:
            process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT
            )
        worker = Worker(process, log, hostname)
        workers.append(worker)
        wait_for(
            lambda: " ready." in worker.output() or process.poll() is not None,
            WORKER_READY_SECONDS,
            "the worker to start",
        )
        if process.poll() is not None:
            pytest.fail(f"the worker exited:\n{worker.output()}")
        return worker

    yield start
    for worker in workers:
        if worker.process.poll() is None:
            worker.process.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            worker.process.wait()


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out after {seconds} s waiting for {what}")


@contextmanager
def publishing_to(url: str) -> Iterator[None]:
    """This process sends tasks to `url` instead of running them in-process."""
    conf = celery_app.conf
    saved = conf.broker_url, conf.task_always_eager, conf.task_default_queue
    conf.broker_url, conf.task_always_eager, conf.task_default_queue = url, False, QUEUE
    _forget_connections()
    try:
        yield
    finally:
        conf.broker_url, conf.task_always_eager, conf.task_default_queue = saved
        _forget_connections()


def _forget_connections() -> None:
    # Celery keeps a producer pool per app, bound to the broker URL it was made with.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    result = yield
    # The transactional test's flush has emptied every table; the next test that is not a
    # broker test expects the database as the migrations left it.
    followed_by_other = nextitem is not None and "broker_db" not in getattr(
        nextitem, "fixturenames", ()
    )
    if item.stash.get(_FLUSHED, False) and followed_by_other:
        _restore_migrated_data(item)
    return result


def _restore_migrated_data(item: pytest.Item) -> None:
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for each in connections.all(initialized_only=True):
            contents = getattr(each, "_test_serialized_contents", None)
            if contents:
                each.creation.deserialize_db_from_string(contents)
