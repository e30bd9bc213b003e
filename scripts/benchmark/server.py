"""The processes the served benchmark starts, and stops: a private Redis and gunicorn."""

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def private_redis():
    """A Redis of the run's own (the shared one is never flushed): yields its CACHE_URL.

    Production shares its cache between workers through Redis; without redis-server the run
    falls back to each worker's local memory and says so (yields "").
    """
    binary = shutil.which("redis-server")
    if binary is None:
        print("(no redis-server: each worker caches in its own memory)")
        yield ""
        return
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own command line, no shell
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


class Gunicorn:
    """gunicorn serving portal.wsgi with the given environment; `workers()` are its pids."""

    def __init__(self, env: dict, workers: int, log_path: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - our own command line, no shell
            [
                *(sys.executable, "-m", "gunicorn", "portal.wsgi"),
                *("--workers", str(workers), "--bind", f"127.0.0.1:{self.port}"),
                *("--error-logfile", "-", "--no-control-socket"),  # no socket shared by path
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.expected = workers

    def wait_ready(self, timeout: float = 60) -> None:
        _wait_for_port(self.port, self.process, timeout)
        deadline = time.monotonic() + timeout
        while len(self.workers()) < self.expected and time.monotonic() < deadline:
            time.sleep(0.2)
        if len(self.workers()) < self.expected:
            raise RuntimeError(
                f"gunicorn started {len(self.workers())} workers, not {self.expected}"
            )

    def workers(self) -> list[int]:
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        except OSError:
            return []
        return sorted(int(child) for child in children.split())

    def rss_mb(self) -> dict[int, float]:
        """Each worker's resident memory (VmRSS), in MB."""
        sizes = {}
        for pid in self.workers():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes[pid] = round(int(line.split()[1]) / 1024, 1)
        return sizes

    def stop(self) -> None:
        _stop(self.process)
        self.log.close()


def get(url: str, path: str, cookie: str, address: str) -> int:
    """One GET as the TLS proxy would pass it on; returns the status (redirects not followed)."""
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": address, "Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url + path, headers=headers)  # noqa: S310 - http://127.0.0.1
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
