"""`kg load` of `kg extract`'s output: the graph of loading the articles, with no NLP; checked
whole before anything is written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from neo4j import Driver

from tests.integration.cli import SEEDS, run_kg, settings_env
from tests.integration.graph import stable_fingerprint


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' extraction output, written once for the module."""
    out = tmp_path_factory.mktemp("extracted") / "seeds.jsonl"
    result = run_kg("extract", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def _empty(driver: Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


def _load(settings, *args: str):
    return run_kg("load", *args, env=settings_env(settings))


def test_extraction_output_loads_the_graph_of_the_articles(
    clean_graph: Driver, neo4j_settings, extracted: Path
) -> None:
    result = _load(neo4j_settings, str(SEEDS))
    assert result.returncode == 0, result.stderr
    from_articles = stable_fingerprint(clean_graph)
    _empty(clean_graph)
    # One document per transaction: what batches share (entities, facts) merges across them.
    result = _load(neo4j_settings, str(extracted), "--batch-size", "1")
    assert result.returncode == 0, result.stderr
    assert "loaded 2 article(s), 0 unchanged" in result.stderr
    assert stable_fingerprint(clean_graph) == from_articles
    # The pipeline's fingerprint travels with the output: neither input is written again.
    for again in (str(extracted), str(SEEDS)):
        result = _load(neo4j_settings, again)
        assert result.returncode == 0, result.stderr
        assert "loaded 0 article(s), 2 unchanged" in result.stderr, again
    assert stable_fingerprint(clean_graph) == from_articles


def test_an_edited_document_replaces_its_earlier_version(
    clean_graph: Driver, neo4j_settings, extracted: Path, tmp_path: Path
) -> None:
    assert _load(neo4j_settings, str(extracted)).returncode == 0
    lines = extracted.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[0])
    edited["article"]["text"] += "\nتحديث"
    text = edited["article"]["text"].encode("utf-8")
    edited["article"]["sha256"] = hashlib.sha256(text).hexdigest()
    path = tmp_path / "edited.jsonl"
    path.write_text("\n".join([json.dumps(edited, ensure_ascii=False), *lines[1:]]) + "\n")
    result = _load(neo4j_settings, str(path), "--extracted")
    assert result.returncode == 0, result.stderr
    assert "loaded 1 article(s), 1 unchanged" in result.stderr
    records, _, _ = clean_graph.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, a.sha256 AS sha256, "
        "COUNT { (a)-[:HAS_SENTENCE]->() } AS sentences"
    )
    stored = {r["id"]: r for r in records}
    assert len(stored) == 2
    first = stored[edited["article"]["id"]]
    assert first["sha256"] == edited["article"]["sha256"]
    assert first["sentences"] == len(edited["sentences"])


def test_invalid_extraction_output_writes_nothing(
    clean_graph: Driver, neo4j_settings, extracted: Path, tmp_path: Path
) -> None:
    good, second = extracted.read_text(encoding="utf-8").splitlines()
    broken = json.loads(second)
    del broken["entities"][0]["label"]
    path = tmp_path / "broken.jsonl"
    path.write_text(good + "\n" + json.dumps(broken, ensure_ascii=False) + "\n")
    result = _load(neo4j_settings, str(path))
    assert result.returncode == 1
    assert f"{path}:2: not valid extraction output (entity 1: field 'label'" in result.stderr
    assert "Traceback" not in result.stderr
    records, _, _ = clean_graph.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0
    seed = sorted(SEEDS.glob("*.txt"))[0]
    result = _load(neo4j_settings, str(seed), "--extracted")
    assert result.returncode == 1
    assert "is not kg's extraction output (its first line is not JSON)" in result.stderr
