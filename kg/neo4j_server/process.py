"""The server process: launch it detached, find it again from its pid file, stop it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from kg.neo4j_server import jvm
from kg.neo4j_server.layout import Layout

# `"$@" &` makes the JVM a child of this short-lived shell, not of us: it is reparented when the
# shell exits, so it outlives our process and never lingers as our zombie.
_LAUNCH_SCRIPT = 'exec >>"$KG_CONSOLE_LOG" 2>&1 </dev/null; "$@" & echo $! >"$KG_PID_FILE"'


def launch(command: Sequence[str], layout: Layout) -> int:
    """Start ``command`` in a new session, detached, output appended to the console log.

    Writes and returns the pid.
    """
    layout.logs.mkdir(parents=True, exist_ok=True)
    layout.run.mkdir(parents=True, exist_ok=True)
    layout.pid_file.unlink(missing_ok=True)
    env = jvm.neo4j_env(layout.home, layout.conf_dir)
    env["KG_CONSOLE_LOG"] = str(layout.console_log)
    env["KG_PID_FILE"] = str(layout.pid_file)
    subprocess.run(
        ["/bin/sh", "-c", _LAUNCH_SCRIPT, "kg-neo4j-launch", *command],
        env=env,
        cwd=layout.home,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        check=True,
        timeout=60,
    )
    pid = read_pid(layout.pid_file)
    if pid is None:
        raise RuntimeError(f"the launch shell wrote no pid to {layout.pid_file}")
    return pid


def read_pid(pid_file: Path) -> int | None:
    """The pid in ``pid_file``, or None if it is missing or garbled."""
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def is_alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (zombies count as dead; our own dead child is reaped)."""
    with contextlib.suppress(ChildProcessError, OSError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        state = stat.read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def _cmdline(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def is_server_of(pid: int, layout: Layout) -> bool:
    """Whether ``pid`` is a live Neo4j server of this home (not a recycled pid)."""
    if not is_alive(pid):
        return False
    args = _cmdline(pid)
    if args is None:  # no /proc (not Linux): trust the pid file
        return True
    return jvm.SERVER_MAIN in args and f"--home-dir={layout.home}" in args


def find_server(layout: Layout) -> int | None:
    """The pid of this home's running server: from the pid file, else by scanning /proc."""
    pid = read_pid(layout.pid_file)
    if pid is not None and is_server_of(pid, layout):
        return pid
    proc = Path("/proc")
    if proc.is_dir():
        for entry in proc.iterdir():
            if entry.name.isdigit() and int(entry.name) != os.getpid():
                candidate = int(entry.name)
                args = _cmdline(candidate)
                if args and jvm.SERVER_MAIN in args and is_server_of(candidate, layout):
                    layout.pid_file.write_text(f"{candidate}\n")
                    return candidate
    layout.pid_file.unlink(missing_ok=True)
    return None


def wait_dead(pid: int, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for ``pid`` to end; whether it did."""
    deadline = time.monotonic() + timeout
    while is_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True


def terminate(pid: int, timeout: float) -> None:
    """SIGTERM (Neo4j shuts down cleanly on it), then SIGKILL only if it outlasts ``timeout``."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if wait_dead(pid, timeout):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    wait_dead(pid, 30.0)
