"""Writers that run at once: the graph's lease makes them take turns, and what the driver
retries on its own (a deadlock) is not shown to the user."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
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

    # A holder on another machine cannot be checked: its lease has to run out.
    clean_graph.execute_query(
        "CREATE (:KgLease {name: 'graph-writer', holder: 'x', command: 'kg load', pid: 1, "
        "host: 'elsewhere/1', since: timestamp(), expires: timestamp() + 4000})"
    )
    started = time.monotonic()
    result = run_kg("load", str(SEED_FILES[1]), env=env)
    assert result.returncode == 0, result.stderr
    assert "waiting: kg load (pid 1 on elsewhere, since " in result.stderr
    assert time.monotonic() - started >= 4
    assert not clean_graph.execute_query(LEASE_HELD).records[0]["n"]


def test_a_deadlock_the_driver_retries_is_not_shown(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    """Another client locks the lease node, then waits for an article the load is writing:
    the load, asking for the lease node last, closes the cycle; Neo4j rolls its transaction
    back as the deadlock's victim, and the driver runs it again."""
    env = settings_env(neo4j_settings)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 40, seed=8)
    load = _start_load(env, str(corpus), "--batch-size", "40")
    _wait_for(
        clean_graph,
        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $statement "
        "RETURN count(*) AS n",
        lambda r: r[0]["n"] > 0,
        statement="UNWIND $rows AS row",
    )
    outcome: dict[str, object] = {}
    with clean_graph.session(database=neo4j_settings.database) as session:
        tx = session.begin_transaction()
        tx.run("MATCH (l:KgLease) SET l.probe = true").consume()

        def wait_for_the_article() -> None:
            try:
                record = tx.run(
                    "MERGE (a:Article {id: 'synthetic-8-000000'}) RETURN a.text IS NULL AS new"
                ).single(strict=True)
                # New to this client: the load's uncommitted article was rolled back.
                outcome["rolled back"] = record["new"]
            except Exception as error:  # this client was the victim instead
                outcome["error"] = error

        waiter = threading.Thread(target=wait_for_the_article)
        waiter.start()
        waiter.join(timeout=120)
        tx.rollback()
    _, stderr = load.communicate(timeout=600)
    assert outcome == {"rolled back": True}, outcome
    assert load.returncode == 0, stderr
    assert not any(noise in stderr for noise in NOISE), stderr
    assert "loaded 40 article(s)" in stderr
    count = clean_graph.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]
    assert count == 40
