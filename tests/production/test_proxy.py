"""The lock-out behind the compose file's own proxy: the repository's Caddyfile, run by a real
Caddy in front of the portal, with the hop count docker-compose.yml sets (one).

Each client connects from an address of its own on the loopback network (127.0.0.x), which is
the address Caddy sees. An attacker forging X-Forwarded-For can neither lock a victim out nor
escape his own lock-out by rotating the header.
"""

import http.client
import os
import shutil
import subprocess
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import yaml

from portal.security.client_ip import ipware_settings
from tests.conftest import PASSWORD
from tests.redis_server import free_port, unavailable

pytestmark = [
    pytest.mark.production,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
ATTACKER, VICTIM = "127.0.0.66", "127.0.0.7"


def compose_hops() -> int:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return int(compose["services"]["web"]["environment"]["TRUSTED_PROXY_COUNT"])


@pytest.fixture
def caddy(live_server, settings, tmp_path):
    """The repository's Caddyfile in front of the live server, on plain HTTP (no certificate)."""
    binary = shutil.which("caddy")
    if binary is None:
        unavailable("Caddy is not installed (apt-get install caddy)")
    hops = compose_hops()
    settings.TRUSTED_PROXY_COUNT = hops
    order, count = ipware_settings(hops)
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER, settings.AXES_IPWARE_PROXY_COUNT = order, count
    port = free_port()
    config = tmp_path / "Caddyfile"
    config.write_text(f"{{\n\tadmin off\n\tauto_https off\n}}\nimport {ROOT / 'Caddyfile'}\n")
    upstream = urllib.parse.urlsplit(live_server.url).netloc
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "SITE_ADDRESS": f"http://127.0.0.1:{port}",
        "UPSTREAM": upstream,
    }
    log = (tmp_path / "caddy.log").open("w")
    process = subprocess.Popen(
        [binary, "run", "--config", str(config), "--adapter", "caddyfile"],
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while Browser(VICTIM, port).get("/accounts/login/") != 200:
            if time.monotonic() > deadline or process.poll() is not None:
                pytest.fail(f"Caddy did not start:\n{(tmp_path / 'caddy.log').read_text()}")
            time.sleep(0.3)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


class Browser:
    """A client connecting to Caddy from its own loopback address, forging what it likes."""

    def __init__(self, address: str, port: int, forwarded_for: str | None = None):
        self.address, self.port, self.forwarded_for = address, port, forwarded_for
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None) -> int:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.address, 0)
        )
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                self.cookies.update({name: morsel.value for name, morsel in jar.items()})
            return response.status
        except OSError:
            return 599
        finally:
            connection.close()

    def get(self, path: str) -> int:
        return self.request("GET", path)

    def sign_in(self, username: str, password: str) -> int:
        self.get("/accounts/login/")
        fields = {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
        }
        return self.request("POST", "/accounts/login/", urllib.parse.urlencode(fields))


def test_through_caddy_a_forged_header_neither_locks_out_the_victim_nor_evades_a_lock_out(
    caddy, ke_focal, ke_official, settings
):
    from axes.models import AccessAttempt

    assert compose_hops() == 1
    # The attacker writes the victim's address; Caddy passes on the address it saw instead.
    attacker = Browser(ATTACKER, caddy, forwarded_for=VICTIM)
    answers = [attacker.sign_in("ke-focal", "wrong") for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert set(answers) <= {200, 429}  # the sign-in page again; the last failure locks
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    assert attacker.sign_in("ke-focal", PASSWORD) == 429  # the attacker's own pair is locked
    assert Browser(VICTIM, caddy).sign_in("ke-focal", PASSWORD) == 302

    # Rotating the forged header from one address still counts every failure against it.
    for n in range(settings.AXES_FAILURE_LIMIT):
        Browser(ATTACKER, caddy, forwarded_for=f"198.51.100.{n}").sign_in("ke-official", "no")
    rotated = Browser(ATTACKER, caddy, forwarded_for="198.51.100.200")
    assert rotated.sign_in("ke-official", PASSWORD) == 429
    assert Browser(VICTIM, caddy).sign_in("ke-official", PASSWORD) == 302
