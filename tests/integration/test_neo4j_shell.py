"""`kg neo4j shell`: the real cypher-shell, from Maven Central, on the local server."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg import neo4j_server
from kg.connection import ConnectionSettings
from kg.neo4j_server.jars import SHELL_POM, neo4j_version, pinned_versions

KG = [sys.executable, "-m", "kg.cli", "neo4j", "shell"]


@pytest.fixture(scope="module")
def local_server(neo4j_settings: ConnectionSettings) -> Iterator[neo4j_server.ServerInfo]:
    """The local server of the test home (the session's, unless NEO4J_URI points elsewhere)."""
    already_running = neo4j_server.running_pid() is not None
    yield neo4j_server.start()
    if not already_running:
        neo4j_server.stop()


def _shell(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KG, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "COLUMNS": "300"},
    )


def _read_until(fd: int, seen: bytearray, marker: bytes, timeout: float = 120.0) -> bool:
    """Read the terminal's output into `seen` until `marker` shows (False at EOF or timeout)."""
    deadline = time.monotonic() + timeout
    while marker not in seen and time.monotonic() < deadline:
        if select.select([fd], [], [], 1.0)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            seen.extend(chunk)
    return marker in seen


def test_cypher_shell_follows_the_server_version() -> None:
    assert pinned_versions(SHELL_POM) == {"cypher-shell": neo4j_version()}


def test_a_statement_runs_on_the_local_server(local_server: neo4j_server.ServerInfo) -> None:
    result = _shell(
        "--format", "plain", "CALL dbms.components() YIELD name, versions RETURN name, versions[0]"
    )
    assert result.returncode == 0, result.stderr
    assert f'"Neo4j Kernel", "{local_server.version}"' in result.stdout


def test_file_and_params_pass_through(local_server, tmp_path: Path) -> None:
    script = tmp_path / "q.cypher"
    script.write_text("RETURN $name AS name, $n + 1 AS next;\n", encoding="utf-8")
    result = _shell("-f", str(script), "--param", '{name: "قاآني"}', "-P", "n => 41")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["name, next", '"قاآني", 42']


def test_statements_on_standard_input(local_server) -> None:
    result = _shell(stdin="RETURN 'حزب الله' AS name;\n")
    assert result.returncode == 0, result.stderr
    assert '"حزب الله"' in result.stdout


def test_interactive_session_in_a_terminal(local_server) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child: `kg neo4j shell` on a terminal, as a user types it
        os.execv(KG[0], KG)
    seen = bytearray()
    status = None
    try:
        assert _read_until(fd, seen, b"Connected to Neo4j"), seen.decode(errors="replace")
        os.write(fd, "RETURN 'قاآني' AS name;\n".encode())
        assert _read_until(fd, seen, '| "قاآني" |'.encode()), seen.decode(errors="replace")
        os.write(fd, b":exit\n")
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_bad_statement_fails_with_neo4j_s_reason(local_server) -> None:
    result = _shell("RETURN nonsense(")
    assert result.returncode != 0
    assert "Invalid input" in result.stderr


def test_the_password_is_not_on_the_command_line(local_server) -> None:
    prepared = neo4j_server.shell(["RETURN 1"])
    assert local_server.password not in " ".join(prepared.command)
    assert prepared.env["NEO4J_PASSWORD"] == local_server.password
    assert prepared.env["NEO4J_ADDRESS"] == local_server.bolt_uri


def test_a_missing_file_is_a_usage_error() -> None:
    result = _shell("-f", "/no/such/file.cypher")
    assert result.returncode == 2
    assert "does not exist" in result.stderr
