"""The project's own local Neo4j server, through the real `kg neo4j` command line and the API.

Everything runs against real servers: the session's local server (see conftest), and for the
start/stop cycle a second server in a temporary home on free ports, which reuses the first one's
jars through ``KG_NEO4J_LIB`` so that no second Maven fetch happens. When ``NEO4J_URI`` points the
session at another Neo4j, the local-server tests here run their own local server in a temporary
home (on free ports) instead.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import shlex
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from kg import neo4j_server
from kg.connection import ConnectionSettings, open_driver
from kg.errors import KgError
from kg.neo4j_server.jars import neo4j_version
from kg.neo4j_server.layout import Layout

KG = [sys.executable, "-m", "kg.cli"]
NEO4J_VARIABLES = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def _kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KG, *args],
        capture_output=True,
        text=True,
        env=env if env is not None else _local_env(),
        timeout=600,
        check=False,
    )


def _local_env() -> dict[str, str]:
    """Our environment (with its KG_NEO4J_* settings) minus the NEO4J_* connection variables.

    COLUMNS is wide because rich hard-wraps output at 80 columns when it is not a terminal, which
    would split one-line error messages.
    """
    env = {name: value for name, value in os.environ.items() if name not in NEO4J_VARIABLES}
    env["COLUMNS"] = "500"
    return env


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture(scope="module")
def local_server(
    neo4j_settings: ConnectionSettings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[neo4j_server.ServerInfo]:
    """The running local server: the session's, or (under NEO4J_URI) one in a temporary home."""
    if neo4j_settings.local:
        info = neo4j_server.status()
        assert info is not None
        yield info
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KG_NEO4J_HOME", str(tmp_path_factory.mktemp("kg-neo4j-home")))
        patch.setenv("KG_NEO4J_BOLT_PORT", str(_free_port()))
        patch.setenv("KG_NEO4J_HTTP_PORT", str(_free_port()))
        info = neo4j_server.start()
        try:
            yield info
        finally:
            neo4j_server.stop()


@pytest.fixture
def local_driver(local_server: neo4j_server.ServerInfo) -> Iterator[Driver]:
    settings = ConnectionSettings(
        local_server.bolt_uri, local_server.username, local_server.password, None, local=True
    )
    driver = open_driver(settings)
    yield driver
    driver.close()


def test_status_says_running_with_the_pinned_5_26_version(
    local_server: neo4j_server.ServerInfo,
) -> None:
    result = _kg("neo4j", "status")
    assert result.returncode == 0, result.stderr
    assert f"running: Neo4j {neo4j_version()}" in result.stdout
    assert neo4j_version().startswith("5.26.")
    assert f"Bolt:     {local_server.bolt_uri}" in result.stdout
    assert f"pid:      {local_server.pid}" in result.stdout
    assert local_server.password not in result.stdout + result.stderr


def test_dbms_components_reports_community_kernel_5(local_driver: Driver) -> None:
    records, _, _ = local_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
    )
    assert [record["name"] for record in records] == ["Neo4j Kernel"]
    assert records[0]["versions"][0].startswith("5.")
    assert records[0]["edition"] == "community"


def test_browser_is_served_at_slash_browser(local_server: neo4j_server.ServerInfo) -> None:
    import urllib.request

    assert local_server.browser_url == f"{local_server.http_url}/browser/"
    with urllib.request.urlopen(local_server.browser_url, timeout=10) as response:
        assert response.status == 200
        assert b"<title>Neo4j Browser</title>" in response.read()
    assert f"Browser:  {local_server.browser_url}" in _kg("neo4j", "status").stdout


def test_second_start_is_idempotent_and_quick(local_server: neo4j_server.ServerInfo) -> None:
    began = time.monotonic()
    result = _kg("neo4j", "start")
    elapsed = time.monotonic() - began
    assert result.returncode == 0, result.stderr
    assert "already running" in result.stdout
    assert f"pid:      {local_server.pid}" in result.stdout
    assert elapsed < 20, f"an idempotent start took {elapsed:.1f} s"
    assert local_server.password not in result.stdout + result.stderr


def test_env_output_evals_to_settings_that_connect(local_server: neo4j_server.ServerInfo) -> None:
    kg_command = shlex.join(KG)
    script = (
        f'eval "$({kg_command} neo4j env)" && '
        'printf "%s\\n" "$NEO4J_URI" "$NEO4J_USERNAME" "$NEO4J_PASSWORD"'
    )
    result = subprocess.run(
        ["sh", "-c", script],
        capture_output=True,
        text=True,
        env=_local_env(),
        timeout=120,
        check=True,
    )
    uri, username, password = result.stdout.splitlines()
    assert uri == local_server.bolt_uri
    with open_driver(ConnectionSettings(uri, username, password)) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one")
    assert records[0]["one"] == 1


def test_password_file_is_user_only(local_server: neo4j_server.ServerInfo) -> None:
    path = neo4j_server.password_file()
    assert path == local_server.home / "password"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip() == local_server.password
    assert neo4j_server.credentials() == ("neo4j", local_server.password)


def _listening_addresses(port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The local addresses of the TCP sockets listening on ``port``, from the kernel's tables."""
    found = []
    for table in ("tcp", "tcp6"):
        path = Path("/proc/net") / table
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address_hex, port_hex = fields[1].split(":")
            if fields[3] != "0A" or int(port_hex, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address_hex)
            if sys.byteorder == "little":  # the kernel prints each 32-bit word in host order
                raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            address = ipaddress.ip_address(raw)
            if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
                address = address.ipv4_mapped
            found.append(address)
    return found


def test_server_listens_on_loopback_only(
    local_server: neo4j_server.ServerInfo, local_driver: Driver
) -> None:
    # What the server was told (5.x's SHOW SETTINGS; dbms.listConfig also works in community).
    records, _, _ = local_driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
        names=["server.bolt.listen_address", "server.http.listen_address"],
    )
    settings = {record["name"]: record["value"] for record in records}
    bolt_port = int(local_server.bolt_uri.rpartition(":")[2])
    http_port = int(local_server.http_url.rpartition(":")[2])
    assert settings == {
        "server.bolt.listen_address": f"127.0.0.1:{bolt_port}",
        "server.http.listen_address": f"127.0.0.1:{http_port}",
    }
    # What the kernel actually has open: no other machine can connect. (Connecting through this
    # machine's non-loopback address instead would send traffic outside the loopback range.)
    assert Path("/proc/net/tcp").exists(), "this check reads Linux's /proc/net"
    for port in (bolt_port, http_port):
        addresses = _listening_addresses(port)
        assert addresses, f"nothing listens on port {port}"
        assert all(address.is_loopback for address in addresses), addresses


def test_wrong_password_is_one_clear_error_from_the_api(
    local_server: neo4j_server.ServerInfo,
) -> None:
    settings = ConnectionSettings(local_server.bolt_uri, "neo4j", "not-the-password")
    with pytest.raises(KgError) as caught:
        open_driver(settings)
    message = str(caught.value)
    assert "\n" not in message
    assert f"Neo4j at {local_server.bolt_uri} refused the credentials" in message
    assert "not-the-password" not in message


def test_wrong_password_is_one_clear_error_from_the_cli(
    local_server: neo4j_server.ServerInfo,
) -> None:
    if "stats" not in _kg("--help").stdout:
        return  # `kg stats` does not exist yet: the API test above covers the message
    env = _local_env()
    env.update(NEO4J_URI=local_server.bolt_uri, NEO4J_PASSWORD="not-the-password")
    result = _kg("stats", env=env)
    assert result.returncode != 0
    assert "refused the credentials" in _one_line_error(result)


def test_unreachable_server_is_one_clear_error() -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    with pytest.raises(KgError, match=r"^cannot reach Neo4j at bolt://127\.0\.0\.1:\d+: is it "):
        open_driver(ConnectionSettings(uri, "neo4j", "whatever"))


def test_missing_java_is_one_line_saying_what_to_install(tmp_path: Path) -> None:
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    env = _local_env()
    env.pop("JAVA_HOME", None)
    env.update(PATH=str(empty_bin), KG_NEO4J_HOME=str(tmp_path / "home"))
    result = _kg("neo4j", "start", env=env)
    assert result.returncode == 1
    line = _one_line_error(result)
    assert "Java 17 is needed" in line
    assert "apt-get install openjdk-17-jre-headless" in line


def test_a_second_server_starts_reports_and_stops(
    tmp_path: Path, local_server: neo4j_server.ServerInfo
) -> None:
    """A second home, whose stored password starts with "-" (which an admin tool could take for
    an option): the server starts with it, reports itself and stops."""
    bolt_port, http_port = _free_port(), _free_port()
    home = tmp_path / "second-home"
    home.mkdir()
    (home / "password").write_text("-dash-first-" + secrets.token_urlsafe(12) + "\n")
    env = _local_env()
    env.update(
        KG_NEO4J_HOME=str(home),
        KG_NEO4J_BOLT_PORT=str(bolt_port),
        KG_NEO4J_HTTP_PORT=str(http_port),
        KG_NEO4J_LIB=str(Layout(local_server.home).lib),
    )
    try:
        started = _kg("neo4j", "start", env=env)
        assert started.returncode == 0, started.stderr
        assert "Neo4j 5.26." in started.stdout and " started." in started.stdout
        assert f"Bolt:     bolt://127.0.0.1:{bolt_port}" in started.stdout
        assert f"Browser:  http://127.0.0.1:{http_port}/browser/" in started.stdout

        running = _kg("neo4j", "status", env=env)
        assert running.returncode == 0, running.stderr
        assert running.stdout.startswith("running: Neo4j 5.26.")
        assert f"pid:      {local_server.pid}" not in running.stdout

        password = (home / "password").read_text().strip()
        assert password.startswith("-dash-first-")
        assert stat.S_IMODE((home / "password").stat().st_mode) == 0o600
        settings = ConnectionSettings(f"bolt://127.0.0.1:{bolt_port}", "neo4j", password)
        with open_driver(settings) as driver:
            assert driver.execute_query("RETURN 2 AS two").records[0]["two"] == 2

        stopped = _kg("neo4j", "stop", env=env)
        assert stopped.returncode == 0, stopped.stderr
        assert "Stopped the local Neo4j server" in stopped.stdout

        after = _kg("neo4j", "status", env=env)
        assert after.returncode == 3
        assert after.stdout.strip() == "not running"
        assert "was not running" in _kg("neo4j", "stop", env=env).stdout
    finally:
        _kg("neo4j", "stop", env=env)
    # The session's server was untouched.
    assert neo4j_server.status() is not None


def test_kg_drivers_do_not_print_neo4j_query_hints(
    neo4j_driver: Driver, caplog: pytest.LogCaptureFixture
) -> None:
    """On a new database Neo4j hints "property does not exist" for kg's first queries; the
    driver would log each hint as a warning on the user's terminal."""
    with caplog.at_level("DEBUG", logger="neo4j"):
        _, summary, _ = neo4j_driver.execute_query(
            "MATCH (n:KgNeverUsedLabel) WHERE n.kgNeverUsedProperty = 1 RETURN n"
        )
    assert not [status for status in summary.gql_status_objects if status.is_notification]
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
