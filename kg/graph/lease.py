"""One writer per graph at a time: a lease on a `(:KgLease)` node in the graph itself.

`kg load` and `kg forget` hold the lease while they read what they need and write, so two
of them started at once run one after the other and give the graph that running them in
turn gives (events merged across both included): the later one waits, saying for whom.

The lease lasts `TTL_MS` and its holder renews it every `RENEW_SECONDS` from a background
thread; the holder deletes the node when done. A holder that dies leaves the node behind: it
expires after `TTL_MS`, or at once when the holder ran on this machine and its process is
gone. Every write transaction renews the lease as its last statement and fails (rolled back,
nothing written) if the lease was taken over meanwhile, so two writers never interleave even
when one of them stalled past its lease.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from neo4j import Driver, ManagedTransaction

from kg.errors import KgError
from kg.graph import statements as cypher

LEASE_NAME = "graph-writer"
TTL_MS = 30_000
RENEW_SECONDS = 5.0
POLL_SECONDS = 0.5


class LeaseLost(KgError):
    """The lease was taken over (its holder stalled past it): nothing more may be written."""


@dataclass(frozen=True)
class LeaseHolder:
    """Who holds the lease, as the node says."""

    command: str
    pid: int | None
    host: str
    since_ms: int | None
    remaining_ms: int

    def describe(self) -> str:
        """`kg load (pid 4242 on host, since 12:00:05 UTC)`."""
        since = (
            time.strftime(", since %H:%M:%S UTC", time.gmtime(self.since_ms / 1000))
            if self.since_ms
            else ""
        )
        return f"{self.command} (pid {self.pid} on {self.host.split('/')[0]}{since})"


def _machine() -> str:
    """This host and PID namespace: where a holder's process id can be checked."""
    try:
        namespace = os.stat("/proc/self/ns/pid").st_ino
    except OSError:
        namespace = 0
    return f"{socket.gethostname()}/{namespace}"


def _process_gone(pid: int) -> bool:
    """Whether no live process has this id here (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


class GraphLease:
    """The lease for one database, as a context manager: entered once acquired (waiting as
    long as another holds it), released on exit.

    `on_wait(holder)` is called when the lease is found held by someone else, once per holder.
    """

    def __init__(
        self,
        driver: Driver,
        database: str | None = None,
        command: str = "kg",
        on_wait: Callable[[LeaseHolder], None] | None = None,
    ) -> None:
        self.driver = driver
        self.database = database
        self.command = command
        self.on_wait = on_wait or (lambda _holder: None)
        self.holder = uuid.uuid4().hex
        self.machine = _machine()
        self.lost = False
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    def _params(self) -> dict[str, Any]:
        return {"name": LEASE_NAME, "holder": self.holder, "ttl": TTL_MS}

    def _try_acquire(self, tx: ManagedTransaction) -> LeaseHolder | None:
        record = tx.run(cypher.LOCK_LEASE, name=LEASE_NAME).single(strict=True)
        lease, now = record["lease"], record["now"]
        holder = lease.get("holder")
        expires = lease.get("expires") or 0
        pid = lease.get("pid")
        free = (
            holder is None
            or holder == self.holder
            or expires <= now
            or (lease.get("host") == self.machine and pid is not None and _process_gone(pid))
        )
        if free:
            tx.run(
                cypher.TAKE_LEASE,
                **self._params(),
                command=self.command,
                pid=os.getpid(),
                host=self.machine,
            )
            return None
        return LeaseHolder(
            lease.get("command", "kg"),
            pid,
            lease.get("host", "?"),
            lease.get("since"),
            expires - now,
        )

    def acquire(self) -> None:
        """Wait until the lease is ours, then keep renewing it in the background."""
        told: set[tuple[str | None, int | None]] = set()
        with self.driver.session(database=self.database) as session:
            while (other := session.execute_write(self._try_acquire)) is not None:
                if (other.host, other.pid) not in told:
                    told.add((other.host, other.pid))
                    self.on_wait(other)
                time.sleep(POLL_SECONDS)
        self._renewer = threading.Thread(target=self._keep_renewing, daemon=True)
        self._renewer.start()

    def _run_once(self, statement: str) -> list[Any]:
        """Run a lease statement once, without the driver's retries (which would hold up a
        command whose server went away for half a minute)."""
        with self.driver.session(database=self.database) as session:
            return list(session.run(statement, **self._params()))

    def _keep_renewing(self) -> None:
        while not self._stop.wait(RENEW_SECONDS):
            try:
                records = self._run_once(cypher.RENEW_LEASE)
            except Exception:  # the server is away: the next write says so
                continue
            if records[0]["held"] == 0:
                self.lost = True
                return

    def confirm(self, tx: ManagedTransaction) -> None:
        """Renew the lease inside a write transaction, as its last statement; raise
        `LeaseLost` (so that the transaction is rolled back) if it is no longer ours."""
        held = tx.run(cypher.RENEW_LEASE, **self._params()).single(strict=True)["held"]
        if self.lost or held == 0:
            self.lost = True
            raise LeaseLost(
                "another kg took over the graph while this one was stalled for more than "
                f"{TTL_MS // 1000} s; stopped before writing more (run the command again)"
            )

    def release(self) -> None:
        """Stop renewing and delete the lease node if it is still ours."""
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=2 * RENEW_SECONDS)
        self._run_once(cypher.RELEASE_LEASE)

    def __enter__(self) -> GraphLease:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            self.release()
        except Exception:
            # The server is gone (the error being handled says so); the lease expires.
            if error is None:
                raise
