"""The project's own local Neo4j Community server (the real one, from Maven Central).

``start()`` fetches the pinned Neo4j jars with Maven once, writes ``neo4j.conf`` (127.0.0.1 only,
auth on), sets a generated password before the first start, launches
``org.neo4j.server.CommunityEntryPoint`` in one detached JVM and waits for Bolt. ``stop()``,
``status()`` and ``credentials()`` find it again through the per-user home (:func:`server_home`).
``shell()`` gives the command line and environment of cypher-shell connected to it.

Environment: ``KG_NEO4J_HOME`` (the home), ``KG_NEO4J_BOLT_PORT`` / ``KG_NEO4J_HTTP_PORT`` (ports of
a new start, defaults 7687 / 7474), ``KG_NEO4J_LIB`` (a jar directory to use instead of
``<home>/lib``, e.g. another home's, to skip a second Maven fetch), ``KG_NEO4J_SETTINGS`` (more
``neo4j.conf`` settings, ``name=value;...``), ``JAVA_HOME``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import neo4j

from kg.errors import KgError
from kg.neo4j_server import config, jars, jvm, probe, process
from kg.neo4j_server.layout import HOST, Layout, bolt_port, http_port, server_home
from kg.neo4j_server.logtail import last_lines, tail_summary
from kg.neo4j_server.password import (
    USERNAME,
    ensure_password,
    read_password,
    set_initial_password,
)

__all__ = [
    "ServerInfo",
    "Shell",
    "credentials",
    "import_files",
    "local_bolt_uri",
    "password_file",
    "running_pid",
    "server_home",
    "shell",
    "start",
    "status",
    "stop",
]

# How long to wait for the HTTP side (Browser) once Bolt answers; it comes up a second later.
_HTTP_GRACE = 30.0


@dataclass(frozen=True)
class ServerInfo:
    """A running local server: where to reach it and with what."""

    bolt_uri: str
    http_url: str
    browser_url: str | None
    username: str
    password: str = field(repr=False)
    version: str
    pid: int
    home: Path


def start(timeout: float = 180.0, *, on_step: Callable[[str], None] | None = None) -> ServerInfo:
    """Start the local server if it is not running, and return how to reach it.

    Idempotent: a running server of this home is only waited for and described. ``timeout`` bounds
    the wait for Bolt (not the one-off Maven fetch). ``on_step`` receives a short description of
    each long step (for a spinner). Raises ``KgError`` on anything the user can fix.
    """
    step = on_step or (lambda _message: None)
    layout = Layout.current()
    layout.make_dirs()
    with _locked(layout):
        pid = process.find_server(layout)
        if pid is None:
            pid = _launch(layout, step)
        return _wait_ready(layout, pid, time.monotonic() + timeout, timeout, step)


def stop(timeout: float = 60.0) -> bool:
    """Stop the local server cleanly (SIGTERM; SIGKILL only after ``timeout`` seconds).

    Returns whether it was running.
    """
    layout = Layout.current()
    if not layout.home.is_dir():
        return False
    with _locked(layout):
        pid = process.find_server(layout)
        if pid is None:
            return False
        process.terminate(pid, timeout)
        layout.pid_file.unlink(missing_ok=True)
        return True


def status() -> ServerInfo | None:
    """The running local server (its version from ``CALL dbms.components()``), or None.

    None also when the process exists but Bolt does not answer (yet): see :func:`running_pid`.
    """
    layout = Layout.current()
    if not layout.home.is_dir():
        return None
    pid = process.find_server(layout)
    password = read_password(layout)
    ports = config.configured_ports(layout.conf_file)
    if pid is None or password is None or ports is None:
        return None
    bolt_uri, http_url = _urls(ports)
    try:
        version = probe.bolt_version(bolt_uri, (USERNAME, password))
    except neo4j.exceptions.AuthError as exc:
        raise _refused(layout) from exc
    if version is None:
        return None
    browser = f"{http_url}/browser/" if probe.browser_serves(http_url) else None
    return ServerInfo(bolt_uri, http_url, browser, USERNAME, password, version, pid, layout.home)


@dataclass(frozen=True)
class Shell:
    """How to run cypher-shell against the local server: its command and environment (the
    password travels in ``NEO4J_PASSWORD``, never on the command line)."""

    command: list[str]
    env: dict[str, str] = field(repr=False)


def shell(
    args: list[str], timeout: float = 180.0, *, on_step: Callable[[str], None] | None = None
) -> Shell:
    """cypher-shell with ``args``, connected to the local server (started if need be) as its
    user: its jars are fetched with Maven on first use."""
    step = on_step or (lambda _message: None)
    layout = Layout.current()
    java = jvm.find_java()
    if not jars.jars_ready(layout.shell_lib, jars.SHELL_POM):
        layout.make_dirs()
        jars.fetch_jars(
            layout.shell_lib,
            layout.shell_build,
            layout.logs / "maven-cypher-shell.log",
            step,
            jars.SHELL_POM,
        )
    info = start(timeout, on_step=on_step)
    env = {name: value for name, value in os.environ.items() if not name.startswith("NEO4J_")}
    env.update(NEO4J_ADDRESS=info.bolt_uri, NEO4J_USERNAME=info.username)
    env["NEO4J_PASSWORD"] = info.password
    return Shell(jvm.shell_command(java, layout.shell_lib, args), env)


def import_files(arguments: list[str]) -> str:
    """Run ``neo4j-admin`` with ``arguments`` (``database import full ...``) on this home's
    stopped server; its summary (the last lines it printed). Its whole output goes to
    ``<home>/logs/import.log``; ``KgError`` if it runs while the server does, or fails."""
    layout = Layout.current()
    if process.find_server(layout) is not None:
        raise KgError(f"the local Neo4j server of {layout.home} runs: stop it before an import")
    java = jvm.find_java()
    log_file = layout.logs / "import.log"
    layout.logs.mkdir(parents=True, exist_ok=True)
    report = f"--report-file={layout.logs / 'import.report'}"
    with log_file.open("w") as log:
        result = subprocess.run(
            [java, "-cp", jvm.classpath(layout.lib), jvm.ADMIN_MAIN, *arguments, report],
            env=jvm.neo4j_env(layout.home, layout.conf_dir),
            cwd=layout.home,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    if result.returncode != 0:
        raise KgError(
            f"neo4j-admin could not import (exit {result.returncode}); see {log_file}: "
            f"{tail_summary(log_file)}"
        )
    return " ".join(line.strip() for line in last_lines(log_file, 6) if line.strip())


def credentials() -> tuple[str, str]:
    """The local server's username and password (``KgError`` if it was never set up)."""
    layout = Layout.current()
    password = read_password(layout)
    if password is None:
        raise KgError(
            f"the local Neo4j server is not set up yet (no {layout.password_file}): "
            "run `kg neo4j start`"
        )
    return USERNAME, password


def running_pid() -> int | None:
    """The pid of the local server process, whether or not it answers yet."""
    layout = Layout.current()
    return process.find_server(layout) if layout.home.is_dir() else None


def password_file() -> Path:
    """Where the local server's password is kept (user-only file)."""
    return Layout.current().password_file


def local_bolt_uri() -> str:
    """The Bolt URI of the local server: as last configured, else as a new start would use."""
    ports = config.configured_ports(Layout.current().conf_file) or (bolt_port(), http_port())
    return _urls(ports)[0]


def _urls(ports: tuple[int, int]) -> tuple[str, str]:
    return f"bolt://{HOST}:{ports[0]}", f"http://{HOST}:{ports[1]}"


@contextlib.contextmanager
def _locked(layout: Layout) -> Iterator[None]:
    """One start or stop at a time per home (across processes)."""
    layout.run.mkdir(parents=True, exist_ok=True)
    with layout.lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _launch(layout: Layout, step: Callable[[str], None]) -> int:
    """Prepare the home (jars, conf, password) and launch the server; its pid."""
    bolt, http = bolt_port(), http_port()
    java = jvm.find_java()
    if not jars.jars_ready(layout.lib):
        jars.fetch_jars(layout.lib, layout.build, layout.logs / "maven.log", step)
    for port, variable in ((bolt, "KG_NEO4J_BOLT_PORT"), (http, "KG_NEO4J_HTTP_PORT")):
        if probe.port_in_use(HOST, port):
            raise KgError(
                f"port {port} on {HOST} is already in use by another program: stop it, "
                f"choose another port with {variable}, or set NEO4J_URI to use that Neo4j"
            )
    config.write(layout, bolt, http)
    if not layout.system_database.exists():
        password = ensure_password(layout)
        step("Setting the initial password…")
        set_initial_password(java, layout, password)
    elif read_password(layout) is None:
        raise KgError(
            f"the Neo4j data in {layout.data} has no password file {layout.password_file}: "
            f"delete {layout.data} to start afresh (this deletes the graph)"
        )
    step(f"Starting Neo4j {jars.neo4j_version()}…")
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with layout.console_log.open("a") as log:
        log.write(f"=== kg neo4j start {stamp} ===\n")
    command = jvm.server_command(java, layout.home, layout.conf_dir, layout.lib)
    return process.launch(command, layout)


def _wait_ready(
    layout: Layout, pid: int, deadline: float, timeout: float, step: Callable[[str], None]
) -> ServerInfo:
    """Wait until the server answers on Bolt (and HTTP, briefly), then describe it."""
    ports = config.configured_ports(layout.conf_file)
    password = read_password(layout)
    if ports is None or password is None:
        raise KgError(
            f"a Neo4j server runs from {layout.home} (pid {pid}) but its conf or password file "
            "is missing: stop it with `kg neo4j stop` and start again"
        )
    bolt_uri, http_url = _urls(ports)
    step(f"Waiting for Neo4j to answer on {bolt_uri}…")
    while True:
        if not process.is_alive(pid):
            raise KgError(
                f"the Neo4j server stopped during start-up; see {layout.console_log}: "
                f"{tail_summary(layout.console_log)}"
            )
        try:
            version = probe.bolt_version(bolt_uri, (USERNAME, password), timeout=5.0)
        except neo4j.exceptions.AuthError as exc:
            raise _refused(layout) from exc
        if version is not None:
            break
        if time.monotonic() >= deadline:
            raise KgError(
                f"Neo4j did not answer on {bolt_uri} within {timeout:.0f} s (pid {pid} may still "
                "be starting: check `kg neo4j status`, or `kg neo4j stop` it); see "
                f"{layout.console_log}: {tail_summary(layout.console_log)}"
            )
        time.sleep(0.5)
    browser = None
    http_deadline = time.monotonic() + _HTTP_GRACE
    while browser is None and time.monotonic() < http_deadline:
        if probe.browser_serves(http_url):
            browser = f"{http_url}/browser/"
        elif probe.http_answers(http_url):
            break
        else:
            time.sleep(0.5)
    return ServerInfo(bolt_uri, http_url, browser, USERNAME, password, version, pid, layout.home)


def _refused(layout: Layout) -> KgError:
    return KgError(
        f"the local Neo4j server refused the password in {layout.password_file}: restore that "
        f"file, or stop the server and delete {layout.data} to start afresh "
        "(this deletes the graph)"
    )
