"""Writers that run at once: the graph's lease makes them take turns, and what the driver
retries on its own (a deadlock) is not shown to the user."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from neo4j import Driver

from benchmarks.synthetic import write_jsonl
from tests.integration.cli import SEED_FILES, run_kg, settings_env
from tests.integration.graph import stable_fingerprint

LEASE_HELD = "MATCH (l:KgLease) RETURN count(l) AS n"
NOISE = ("Traceback", "deadlock", "Deadlock", "retried", "Transaction failed")


def _start_load(env: dict[str, str], *args: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "kg.cli", "load", *args]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def _wait_for(driver: Driver, query: str, until, timeout: float = 300, **params) -> None:
    deadline = time.monotonic() + timeout
    while not until(driver.execute_query(query, params).records):
        assert time.monotonic() < deadline, f"timed out waiting on {query}"
        time.sleep(0.05)


def _corpus(folder: Path, seed_file: Path, seed: int) -> Path:
    folder.mkdir()
    shutil.copy(seed_file, folder / seed_file.name)
    write_jsonl(folder / "more.jsonl", 20, seed=seed)
    return folder


def test_two_loads_at_once_give_the_graph_of_one_after_the_other(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    """Each corpus holds one of the seeds, which report three events in common: started at
    once, the second load waits for the first and merges its reports into the first's
    events, as loading one after the other does."""
    first, second = (
        _corpus(tmp_path / name, seed_file, seed)
        for name, seed_file, seed in (("a", SEED_FILES[0], 11), ("b", SEED_FILES[1], 12))
    )
    env = settings_env(neo4j_settings)
    earlier = _start_load(env, str(first))
    _wait_for(clean_graph, LEASE_HELD, lambda r: r[0]["n"] == 1)
    later = _start_load(env, str(second))
    _, later_err = later.communicate(timeout=600)
    _, earlier_err = earlier.communicate(timeout=600)
    assert (earlier.returncode, later.returncode) == (0, 0), earlier_err + later_err
    waiting = [line for line in later_err.splitlines() if line.startswith("waiting:")]
    assert len(waiting) == 1 and f"kg load (pid {earlier.pid} on " in waiting[0], later_err
    assert not any(noise in earlier_err + later_err for noise in NOISE)
    at_once = stable_fingerprint(clean_graph)
    shared = clean_graph.execute_query(
        "MATCH (e:Event) WHERE COUNT { (:Article)-[:REPORTS]->(e) } > 1 RETURN count(e) AS n"
    ).records[0]["n"]
    assert shared >= 3
    assert not clean_graph.execute_query(LEASE_HELD).records[0]["n"]

    clean_graph.execute_query("MATCH (n) DETACH DELETE n")
    for corpus in (first, second):
        assert run_kg("load", str(corpus), env=env).returncode == 0
    assert stable_fingerprint(clean_graph) == at_once


def test_the_lease_of_a_killed_load_is_taken_over_and_one_held_elsewhere_expires(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    env = settings_env(neo4j_settings)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 40, seed=5)
    killed = _start_load(env, str(corpus))
    _wait_for(clean_graph, LEASE_HELD, lambda r: r[0]["n"] == 1)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert clean_graph.execute_query(LEASE_HELD).records[0]["n"] == 1  # left behind
    # Its process is gone on this machine: the next load takes the lease at once.
    result = run_kg("load", str(SEED_FILES[0]), env=env)
    assert result.returncode == 0, result.stderr
    assert "waiting:" not in result.stderr

    # A holder on another machine cannot be checked: the load waits until its lease runs out.
    clean_graph.execute_query(
        "CREATE (:KgLease {name: 'graph-writer', holder: 'x', command: 'kg load', pid: 1, "
        "host: 'elsewhere/1', since: timestamp(), expires: timestamp() + 600000})"
    )
    waiting = _start_load(env, str(SEED_FILES[1]))
    assert waiting.stderr is not None
    line = waiting.stderr.readline()
    assert line.startswith("waiting: kg load (pid 1 on elsewhere, since "), line
    assert waiting.poll() is None
    clean_graph.execute_query("MATCH (l:KgLease) SET l.expires = timestamp()")
    _, rest = waiting.communicate(timeout=600)
    assert waiting.returncode == 0, rest
    assert "loaded 1 article(s)" in rest
    assert not clean_graph.execute_query(LEASE_HELD).records[0]["n"]


def test_a_deadlock_the_driver_retries_is_not_shown(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    """Another client holds the lease node (and many other locks) when the load's first batch
    asks for it last, then asks for an article that batch is writing: a deadlock. Neo4j rolls
    back the transaction holding fewer locks, the load's, and the driver runs it again; before
    kg kept the driver's retry warnings off the terminal, this printed Neo4j's "deadlock
    detected" text although the load succeeded."""
    env = settings_env(neo4j_settings)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 6, seed=8)
    load = _start_load(env, str(corpus), "--batch-size", "2")
    _wait_for(clean_graph, LEASE_HELD, lambda r: r[0]["n"] == 1)
    with clean_graph.session(database=neo4j_settings.database) as session:
        tx = session.begin_transaction()
        tx.run("UNWIND range(1, 5000) AS i CREATE (:DeadlockProbe {i: i})").consume()
        tx.run("MATCH (l:KgLease) SET l.probe = true").consume()
        _wait_for(  # the batch (not the lease's renewal) waits for the lease node
            clean_graph,
            "SHOW TRANSACTIONS YIELD currentQuery, activeLockCount "
            "WHERE currentQuery CONTAINS 'SET l.expires' AND activeLockCount > 20 "
            "RETURN count(*) AS n",
            lambda r: r[0]["n"] > 0,
        )
        try:
            record = tx.run(
                "MERGE (a:Article {id: 'synthetic-8-000000'}) RETURN a.text IS NULL AS new"
            ).single(strict=True)
            # New to this client: the load's uncommitted article was rolled back.
            outcome: object = record["new"]
        finally:
            tx.rollback()
    _, stderr = load.communicate(timeout=600)
    assert outcome is True
    assert load.returncode == 0, stderr
    assert not any(noise in stderr for noise in NOISE), stderr
    assert "loaded 6 article(s)" in stderr
    count = clean_graph.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]
    assert count == 6
    assert not clean_graph.execute_query("MATCH (p:DeadlockProbe) RETURN p LIMIT 1").records
