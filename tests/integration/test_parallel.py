"""Parallel analysis (`--workers`) gives exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

from neo4j import Driver

from benchmarks.synthetic import write_jsonl
from kg.extraction.pipeline import Extractor
from kg.ingest import iter_articles
from kg.serialize import document_to_dict
from tests.integration.cli import run_kg, settings_env
from tests.integration.graph import stable_fingerprint


def test_two_workers_extract_what_one_does(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 40, seed=5)
    one = [document_to_dict(d) for d in Extractor().documents(iter_articles([corpus]), 1)]
    two = [document_to_dict(d) for d in Extractor().documents(iter_articles([corpus]), 2)]
    assert len(one) == 40
    assert one == two


def test_two_workers_load_the_graph_one_does(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 40, seed=6)
    env = settings_env(neo4j_settings)
    assert run_kg("load", str(corpus), "--workers", "2", env=env).returncode == 0
    parallel = stable_fingerprint(clean_graph)
    clean_graph.execute_query("MATCH (n) DETACH DELETE n")
    assert run_kg("load", str(corpus), env=env).returncode == 0
    assert stable_fingerprint(clean_graph) == parallel
