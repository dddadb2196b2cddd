"""The pipeline fingerprint changes when extraction can change, and only then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.fingerprint import PACKAGE, fingerprint_inputs, pipeline_fingerprint


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("package") / "kg"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _edited(package: Path, relative: str) -> str:
    """The fingerprint of `package` with one more line at the end of one file."""
    path = package / relative
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n")
        pipeline_fingerprint.cache_clear()
        return pipeline_fingerprint(package)
    finally:
        path.write_bytes(original)
        pipeline_fingerprint.cache_clear()


def test_a_copy_of_the_package_has_the_same_fingerprint(package_copy: Path) -> None:
    assert pipeline_fingerprint(package_copy) == pipeline_fingerprint()


@pytest.mark.parametrize(
    "relative",
    [
        "cli/query_cmd.py",
        "cli/corpus_cmd.py",
        "graph/networkx_export.py",
        "graph/templates.py",
        "graph/query.py",
        "graph/writer.py",
        "neo4j_server/process.py",
        "nlp/training/trainer.py",
        "loading.py",
    ],
)
def test_editing_what_does_not_extract_keeps_the_fingerprint(
    package_copy: Path, relative: str
) -> None:
    assert _edited(package_copy, relative) == pipeline_fingerprint(package_copy)


@pytest.mark.parametrize(
    "relative",
    [
        "extraction/rules/catalogue.py",
        "extraction/resolve/linking.py",
        "extraction/analyse/times.py",
        "ingest/cleaning.py",
        "nlp/cues.py",
        "data/kb.json",
        "data/lexicon.txt",
        "models/ner/meta.json",
        "vocabulary.py",
        "records.py",
        "graph/rows.py",
    ],
)
def test_editing_what_extracts_changes_the_fingerprint(package_copy: Path, relative: str) -> None:
    assert _edited(package_copy, relative) != pipeline_fingerprint(package_copy)


def test_the_query_templates_are_not_inputs() -> None:
    assert not [path for path in fingerprint_inputs() if path.suffix == ".cypher"]
