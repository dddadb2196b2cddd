"""`kg load` of `kg extract`'s output: the graph of loading the articles, with no NLP; checked
whole before anything is written."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from neo4j import Driver

from kg.errors import KgError
from kg.loading import load_paths
from tests.integration.cli import SEEDS, run_kg, settings_env
from tests.integration.graph import stable_fingerprint


@pytest.fixture
def extracted(seeds_extracted: Path) -> Path:
    return seeds_extracted


def _load(settings, *args: str):
    return run_kg("load", *args, env=settings_env(settings))


def test_extraction_output_loads_the_graph_of_the_articles(
    seeds_load_fingerprint, clean_graph: Driver, neo4j_settings, extracted: Path
) -> None:
    # One document per transaction: what batches share (entities, facts) merges across them.
    result = _load(neo4j_settings, str(extracted), "--batch-size", "1")
    assert result.returncode == 0, result.stderr
    assert "loaded 2 article(s), 0 unchanged" in result.stderr
    assert stable_fingerprint(clean_graph) == seeds_load_fingerprint
    # The pipeline's fingerprint travels with the output: neither input is written again.
    for again in (extracted, SEEDS):
        report = load_paths([again], clean_graph, neo4j_settings.database)
        assert (len(report.written), len(report.unchanged)) == (0, 2), again
    assert stable_fingerprint(clean_graph) == seeds_load_fingerprint


def test_an_edited_document_replaces_its_earlier_version(
    clean_graph: Driver, neo4j_settings, extracted: Path, tmp_path: Path
) -> None:
    load_paths([extracted], clean_graph, neo4j_settings.database)
    lines = extracted.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[0])
    edited["article"]["text"] += "\nتحديث"
    text = edited["article"]["text"].encode("utf-8")
    edited["article"]["sha256"] = hashlib.sha256(text).hexdigest()
    path = tmp_path / "edited.jsonl"
    path.write_text("\n".join([json.dumps(edited, ensure_ascii=False), *lines[1:]]) + "\n")
    report = load_paths([path], clean_graph, neo4j_settings.database, extracted=True)
    assert (len(report.written), len(report.unchanged)) == (1, 1)
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
    with pytest.raises(
        KgError, match=r"is not kg.s extraction output \(its first line is not JSON"
    ):
        load_paths([seed], clean_graph, neo4j_settings.database, extracted=True)
