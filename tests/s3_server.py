"""An S3-compatible server for the tests: moto's server mode, in a virtualenv of its own.

moto needs the `requests` library, which the project's environment must never hold (our
`requests/` app shadows it; tests/portal/test_dependencies.py). So moto lives in
var/s3-server-venv, made here on first use from the package index, and runs as a separate
process on a free loopback port. Without it the tests skip, or fail under REQUIRE_PRODUCTION=1.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.redis_server import free_port, unavailable

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / "var" / "s3-server-venv"
MOTO = "moto[server]==5.2.6"
ACCESS_KEY, SECRET_KEY = "portal-test-key", "portal-test-secret"


def moto_server() -> Path:
    binary = VENV / "bin" / "moto_server"
    if not binary.exists():
        try:
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True, timeout=120)
            subprocess.run(
                [VENV / "bin" / "pip", "install", "-q", MOTO],
                check=True,
                timeout=600,
                capture_output=True,
            )
        except (subprocess.SubprocessError, OSError) as error:
            unavailable(f"moto's S3 server could not be installed into {VENV}: {error}")
    return binary


class PrivateS3:
    """moto_server on 127.0.0.1:<free port>; `endpoint` is its URL."""

    def __init__(self, folder: Path):
        self.binary = moto_server()
        self.folder = folder
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        log = (self.folder / "moto.log").open("w")
        self.process = subprocess.Popen(
            [self.binary, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={"PATH": os.environ.get("PATH", ""), "HOME": str(self.folder)},
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.endpoint, timeout=2).close()  # noqa: S310
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        unavailable(f"moto's S3 server did not start:\n{(self.folder / 'moto.log').read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def storage_url(self, bucket: str) -> str:
        return f"s3://{bucket}?endpoint_url={self.endpoint}&region_name=us-east-1"

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )
