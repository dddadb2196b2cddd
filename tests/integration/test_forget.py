"""`kg forget`: the graph afterwards is the graph of never loading what was forgotten."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from neo4j import Driver

import kg
from benchmarks.synthetic import generate_texts
from kg.connection import open_driver
from kg.ingest.identity import url_article_id
from tests.integration.cli import SEED_FILES, SEED_IDS, SEEDS, run_kg, settings_env
from tests.integration.graph import stable_fingerprint


def _wipe(driver: Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


def _article_ids(driver: Driver) -> list[str]:
    records = driver.execute_query("MATCH (a:Article) RETURN a.id AS id ORDER BY id").records
    return [r["id"] for r in records]


def _never_loaded(driver: Driver, env: dict[str, str], *paths: str) -> tuple[list, list]:
    """The fingerprint of a graph holding only what `paths` give."""
    _wipe(driver)
    result = run_kg("load", *paths, "--batch-size", "10", env=env)
    assert result.returncode == 0, result.stderr
    return stable_fingerprint(driver)


@pytest.mark.parametrize("forgotten", [0, 1], ids=["the first loaded", "the last loaded"])
def test_forgetting_a_seed_leaves_the_graph_of_the_other_alone(
    clean_graph: Driver, neo4j_settings, forgotten: int
) -> None:
    """The seeds report three events in common, so the one that stays is extracted again."""
    env = settings_env(neo4j_settings)
    assert run_kg("load", str(SEEDS), env=env).returncode == 0
    result = run_kg("forget", str(SEED_FILES[forgotten]), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("forgot 1 article(s) and ")
    assert "extracted again 1 article(s) that shared events or names with them" in result.stderr
    after = stable_fingerprint(clean_graph)
    assert after == _never_loaded(clean_graph, env, str(SEED_FILES[1 - forgotten]))


def test_forgetting_a_quarter_of_a_corpus_equals_never_loading_it(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    """60 synthetic articles (events merged across many of them), 15 forgotten at random, by
    id, in two batches."""
    records = list(generate_texts(60, seed=4))
    gone = set(random.Random(4).sample([r["id"] for r in records], 15))
    everything, rest = tmp_path / "all.jsonl", tmp_path / "rest.jsonl"
    for path, keep in ((everything, lambda _r: True), (rest, lambda r: r["id"] not in gone)):
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records if keep(r)),
            encoding="utf-8",
        )
    env = settings_env(neo4j_settings)
    assert run_kg("load", str(everything), "--batch-size", "10", env=env).returncode == 0
    shared = clean_graph.execute_query(
        "MATCH (a:Article)-[:REPORTS]->(e:Event)<-[:REPORTS]-(b:Article) "
        "WHERE a.id IN $gone AND NOT b.id IN $gone RETURN count(DISTINCT e) AS n",
        gone=sorted(gone),
    ).records[0]["n"]
    assert shared > 0  # the test means something only if forgotten articles shared events
    with open_driver(neo4j_settings) as driver:  # the Python API, as the CLI calls it
        report = kg.forget(sorted(gone), driver, neo4j_settings.database, batch_size=8)
    assert sorted(i for i, _ in report.forgotten) == sorted(gone) and report.unknown == []
    after = stable_fingerprint(clean_graph)
    assert after == _never_loaded(clean_graph, env, str(rest))


def test_dry_run_lists_what_would_go_and_changes_nothing(
    clean_graph: Driver, neo4j_settings
) -> None:
    env = settings_env(neo4j_settings)
    assert run_kg("load", str(SEEDS), env=env).returncode == 0
    before = stable_fingerprint(clean_graph)
    result = run_kg("forget", SEED_IDS[0], "--dry-run", env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "would forget 1 article(s):"
    assert lines[1].startswith(f"  article {SEED_IDS[0]}  وسائل إعلام إيرانية")
    # Hamas is named in the first seed only; the events the seeds share are merged again.
    assert "  entity hamas  Organization حماس" in lines
    assert any(line.startswith("  event event:") for line in lines)
    assert lines[-1].startswith("and would extract again 1 article(s)")
    assert SEED_IDS[1] in lines[-1]
    assert stable_fingerprint(clean_graph) == before

    forgotten = run_kg("forget", SEED_IDS[0], env=env)
    assert forgotten.returncode == 0, forgotten.stderr
    assert not clean_graph.execute_query("MATCH (e:Entity {id: 'hamas'}) RETURN e").records


def test_articles_are_named_by_id_path_or_url_and_unknown_ones_are_reported(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    page = tmp_path / "page.json"
    url = "https://www.example.com/news/qaani-in-damascus"
    text = SEED_FILES[1].read_text(encoding="utf-8")
    page.write_text(json.dumps({"url": url, "text": text}, ensure_ascii=False), "utf-8")
    env = settings_env(neo4j_settings)
    assert run_kg("load", str(SEED_FILES[0]), str(page), env=env).returncode == 0

    # The URL as a reader would paste it, not as the page gave it.
    result = run_kg(
        "forget", "http://example.com/news/qaani-in-damascus/", "no-such-article", env=env
    )
    assert result.returncode == 2
    assert "not in the graph no-such-article: no stored article has it" in result.stderr
    ids = [
        r["id"] for r in clean_graph.execute_query("MATCH (a:Article) RETURN a.id AS id").records
    ]
    assert ids == [SEED_IDS[0]] and url_article_id(url) not in ids

    # A file deleted since it was loaded is still named by its path.
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    assert run_kg("load", str(story), env=env).returncode == 0
    story.unlink()
    result = run_kg("forget", str(story), env=env)
    assert result.returncode == 0, result.stderr
    ids = [
        r["id"] for r in clean_graph.execute_query("MATCH (a:Article) RETURN a.id AS id").records
    ]
    assert ids == [SEED_IDS[0]]
