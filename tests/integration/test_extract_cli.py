"""`kg extract`: the design's JSONL, without a database."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.cli import SEEDS, run_kg


def test_extract_writes_one_object_per_article(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run_kg("extract", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    docs = [json.loads(line) for line in lines]
    for doc in docs:
        assert set(doc) >= {"article", "entities", "relations", "events"}
        assert set(doc["article"]) >= {"id", "title", "source", "published", "path"}
        text = Path(doc["article"]["path"]).read_text(encoding="utf-8")
        for entity in doc["entities"]:
            assert set(entity) >= {"id", "label", "name", "nameEn", "mentions"}
            for mention in entity["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
                assert isinstance(mention["sentence"], int)
    qaani = [[e for e in doc["entities"] if e["nameEn"] == "Esmail Qaani"] for doc in docs]
    assert all(len(q) == 1 for q in qaani)
    assert qaani[0][0]["id"] == qaani[1][0]["id"] == "esmail-qaani"
    assert qaani[0][0]["label"] == "Person"


def test_extract_to_stdout() -> None:
    seed = next(SEEDS.glob("001_*.txt"))
    result = run_kg("extract", str(seed))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    ids = {e["id"] for e in doc["entities"]}
    assert {"esmail-qaani", "quds-force", "irgc", "qasem-soleimani", "baghdad"} <= ids


def test_extract_missing_path_fails_clearly() -> None:
    result = run_kg("extract", "/no/such/file.txt")
    assert result.returncode == 1
    assert "no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr
