"""Faults, measured: a loader killed at random moments, a server killed mid-batch, a disk that
fills up. Each ends, after running the load again, in the graph a clean load gives, or in one
clear line with nothing half-written.

How the faults are made (the tests run as root, so permissions deny nothing): the loader (the
real command line, forked from a warm process: `warm_loader.py`) and the server are killed with
SIGKILL; the full disk is a private server whose data folder is a small tmpfs mount, filled
with `fallocate` until a couple of megabytes are left (a tmpfs, not a loop device: it needs no
image file and can be emptied again at once). Neo4j writes each commit to a preallocated
transaction log, so to meet the full disk while loading (and not only at its next checkpoint)
that server rotates its log every megabyte (`SERVER_SETTINGS`).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver

from benchmarks.synthetic import write_jsonl
from kg.connection import ConnectionSettings, open_driver
from kg.neo4j_server.layout import Layout
from tests.integration.cli import run_kg, settings_env
from tests.integration.graph import stable_fingerprint
from tests.integration.warm_loader import WarmLoader

BATCH = ("--batch-size", "10")
SERVER_SETTINGS = (
    # Meet a full disk while loading, not only at the next checkpoint: Neo4j appends each
    # commit to a transaction log it preallocates, 256 MiB by default.
    "db.tx_log.rotation.size=1M",
    # A commit the full disk cut short leaves a torn end on the log, and Neo4j refuses to
    # recover past it unless told to (it then keeps the torn part aside, zipped).
    "internal.dbms.tx_log.fail_on_corrupted_log_files=false",
)
ARTICLE_COUNT = "MATCH (a:Article) RETURN count(a) AS n"
# Nothing half-written: every article has its sentences, every mention count its mentions.
HALF_WRITTEN = """
RETURN COUNT { MATCH (a:Article) WHERE NOT (a)-[:HAS_SENTENCE]->() } +
       COUNT { MATCH (s:Sentence) WHERE NOT (:Article)-[:HAS_SENTENCE]->(s) } +
       COUNT { MATCH (e:Entity)
               WHERE e.mentionCount <> COUNT { (:Sentence)-[:MENTIONS]->(e) } } AS n
"""
AGAIN = "run the same command again to finish"
WRITING = (
    "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND $rows AS row' "
    "RETURN count(*) AS n"
)


def _count(driver: Driver, query: str = ARTICLE_COUNT) -> int:
    return driver.execute_query(query).records[0]["n"]


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WarmLoader]:
    """Starts `kg load` in milliseconds: the kill test starts it 22 times."""
    loader = WarmLoader.launch(tmp_path_factory.mktemp("warm-loader"))
    yield loader
    loader.close()


def _clean_load(
    driver: Driver, warm: WarmLoader, env: dict[str, str], corpus: Path
) -> tuple[list, list]:
    driver.execute_query("MATCH (n) DETACH DELETE n")
    code, stderr = warm.run(env, "load", str(corpus), *BATCH)
    assert code == 0, stderr
    return stable_fingerprint(driver)


def _kill(warm: WarmLoader, pid: int, driver: Driver, rng: random.Random, kind: int) -> bool:
    """SIGKILL `kg load` (`pid`) at a random moment of one of three kinds: 0, any moment of
    its first 8 s (starting up, reading, extracting, writing), at the latest once it has
    written two batches, so that however fast it loads, the 21 kills leave articles to load;
    1, 0 to 0.4 s after its first, second or third batch is committed (extracting the next
    one, or writing it); 2, inside a write transaction, 0 to 50 ms after one of its
    statements was seen running. Whether it had finished already."""
    start, before = time.monotonic(), _count(driver)
    deadline = start + (rng.uniform(0.0, 8.0) if kind == 0 else 180.0)
    two_batches = before + 2 * int(BATCH[1])
    committed = before + int(BATCH[1]) * rng.randint(1, 3)
    delay = rng.uniform(0.0, 0.4) if kind == 1 else rng.uniform(0.0, 0.05)
    seen = kind == 0
    while warm.running(pid) and time.monotonic() < deadline:
        if not seen and (_count(driver) >= committed if kind == 1 else _count(driver, WRITING) > 0):
            seen, deadline = True, time.monotonic() + delay
        if kind == 0 and _count(driver) >= two_batches:
            break
        time.sleep(0.02 if kind == 2 else 0.05)
    with contextlib.suppress(ProcessLookupError):  # it may end, and be reaped, just before
        os.kill(pid, signal.SIGKILL)
    code, stderr = warm.wait(pid)
    finished = code != -signal.SIGKILL
    assert not finished or code == 0, stderr
    return finished


def test_a_loader_killed_at_random_moments_ends_in_the_graph_of_a_clean_load(
    clean_graph: Driver, neo4j_settings, tmp_path: Path, warm: WarmLoader
) -> None:
    """21 kills of `kg load` over a 500-article load, seven of each kind of moment (`_kill`).
    After each kill the graph holds whole articles only; the load run to the end then equals
    a clean load, property for property."""
    # The 21 kills let about 200 articles through (kind 0 up to two batches, kind 1 up to
    # three and 0.4 s, kind 2 about none): 500 leave the last kills articles to load.
    articles = 500
    corpus = write_jsonl(tmp_path / "corpus.jsonl", articles, seed=7)
    env = settings_env(neo4j_settings)
    clean = _clean_load(clean_graph, warm, env, corpus)
    clean_graph.execute_query("MATCH (n) DETACH DELETE n")

    rng = random.Random(13)
    kills = []
    for number in range(21):
        pid = warm.start(env, "load", str(corpus), *BATCH)
        finished = _kill(warm, pid, clean_graph, rng, number % 3)
        kills.append(_count(clean_graph))
        assert not finished, kills
        assert _count(clean_graph, HALF_WRITTEN) == 0, kills
    assert kills[-1] < articles
    print(f"\narticles in the graph after each of the {len(kills)} kills: {kills}")

    code, stderr = warm.run(env, "load", str(corpus), *BATCH)
    assert code == 0, stderr
    assert stable_fingerprint(clean_graph) == clean


# --- a private server on a small tmpfs --------------------------------------------------


@dataclass
class PrivateServer:
    home: Path
    env: dict[str, str]
    settings: ConnectionSettings

    @property
    def data(self) -> Path:
        return Layout(self.home).data

    def start(self) -> None:
        result = run_kg("neo4j", "start", env=self.env)
        assert result.returncode == 0, result.stderr

    def stop(self) -> None:
        run_kg("neo4j", "stop", env=self.env)

    def kill(self) -> None:
        pid = int(Layout(self.home).pid_file.read_text().strip())
        os.kill(pid, signal.SIGKILL)
        while Path(f"/proc/{pid}").exists() and "Z" not in _state(pid):
            time.sleep(0.1)

    def load_env(self) -> dict[str, str]:
        return settings_env(self.settings)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return "Z"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateServer]:
    """A server of its own (own home, ports and data folder on a 256 MB tmpfs, the session's
    jars), with `SERVER_SETTINGS`."""
    home = tmp_path_factory.mktemp("fault-server")
    data = Layout(home).data
    data.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert mounted.returncode == 0, f"these tests need to mount a tmpfs: {mounted.stderr}"
    bolt = _free_port()
    env = dict(
        os.environ,
        KG_NEO4J_HOME=str(home),
        KG_NEO4J_BOLT_PORT=str(bolt),
        KG_NEO4J_HTTP_PORT=str(_free_port()),
        KG_NEO4J_LIB=str(Layout.current().lib),
        KG_NEO4J_SETTINGS=";".join(SERVER_SETTINGS),
    )
    server = PrivateServer(home, env, ConnectionSettings(f"bolt://127.0.0.1:{bolt}", "neo4j", ""))
    try:
        server.start()
        password = (home / "password").read_text().strip()
        server.settings = ConnectionSettings(server.settings.uri, "neo4j", password)
        yield server
    finally:
        server.stop()
        subprocess.run(["umount", str(data)], check=False)


@pytest.fixture(scope="module")
def corpus_80(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", 80, seed=9)


def _one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, stderr
    return errors[0]


def _whole(server: PrivateServer) -> int:
    """The articles the server holds, after checking that none is half-written."""
    with open_driver(server.settings) as driver:
        assert _count(driver, HALF_WRITTEN) == 0
        return _count(driver)


def test_a_server_killed_mid_batch_or_out_of_disk_keeps_whole_articles_and_the_load_resumes(
    private_server: PrivateServer,
    corpus_80: Path,
    clean_graph: Driver,
    neo4j_settings,
    warm: WarmLoader,
) -> None:
    """Two faults in turn on one server: SIGKILL while a batch is being written, then a full
    disk. Each stops the load with one clear line; the server restarted holds whole articles
    only, and the load run again completes the graph a clean load gives."""
    clean = _clean_load(clean_graph, warm, settings_env(neo4j_settings), corpus_80)
    env = private_server.load_env()
    uri = private_server.settings.uri

    with open_driver(private_server.settings) as driver:
        pid = warm.start(env, "load", str(corpus_80), *BATCH)
        deadline = time.monotonic() + 300
        while not (_count(driver) >= 20 and _count(driver, WRITING) > 0):
            assert time.monotonic() < deadline and warm.running(pid), "no batch to kill"
            time.sleep(0.02)
    private_server.kill()
    code, stderr = warm.wait(pid)
    assert code == 1, stderr
    error = _one_error_line(stderr)
    assert error.startswith(f"error: lost Neo4j at {uri} during the load"), error
    assert error.endswith(
        "every batch written before is complete: run the same command again to finish"
    )
    private_server.start()
    killed_at = _whole(private_server)
    assert 20 <= killed_at < 80

    filler = private_server.data / "filler"
    free = os.statvfs(private_server.data)
    size = free.f_bavail * free.f_frsize - 2 * 1024 * 1024
    subprocess.run(["fallocate", "-l", str(size), str(filler)], check=True)
    try:
        code, stderr = warm.run(env, "load", str(corpus_80), *BATCH)
    finally:
        filler.unlink()
    assert code == 1, stderr
    error = _one_error_line(stderr)
    assert error.startswith(f"error: Neo4j at {uri} failed during the load (Neo.DatabaseError"), (
        error
    )
    assert error.endswith(
        "see the server's log, and once it is fixed run the same command again to finish"
    )
    # Neo4j stops writing after a failed commit until restarted, and the commit cut short
    # leaves a torn end on its transaction log that recovery has to be allowed to drop.
    private_server.stop()
    private_server.start()
    full_at = _whole(private_server)
    assert killed_at < full_at < 80

    code, stderr = warm.run(env, "load", str(corpus_80), *BATCH)
    assert code == 0, stderr
    with open_driver(private_server.settings) as driver:
        assert stable_fingerprint(driver) == clean
    print(
        f"\narticles in the graph after the server was killed: {killed_at}, "
        f"after the disk was full: {full_at}, of 80"
    )
