"""`kg.graph.bulk`: neo4j-admin's CSV fields, and batches folded as the writer folds them."""

from __future__ import annotations

from pathlib import Path

import kg
from kg.graph.bulk import ARRAY_DELIMITER, BulkGraph
from kg.graph.rows import batch_rows

TEXTS = [
    "قائد فيلق القدس إسماعيل قاآني زار دمشق في أيلول 2023.",
    'وقال قاآني في "دمشق" إن فيلق القدس باقٍ.\nوزار بيروت.',
]


def _files(documents, batch_size: int, folder: Path) -> dict[str, str]:
    bulk = BulkGraph(folder)
    for start in range(0, len(documents), batch_size):
        bulk.add(batch_rows(documents[start : start + batch_size], "2024-01-01T00:00:00", "p"))
    files = bulk.finish()
    return {
        path.name: path.read_text(encoding="utf-8") for path in files.nodes + files.relationships
    }


def test_one_batch_or_one_per_article_give_the_same_files(tmp_path: Path) -> None:
    documents = kg.extract(TEXTS)
    assert _files(documents, 2, tmp_path / "a") == _files(documents, 1, tmp_path / "b")


def test_fields_keep_arabic_quotes_line_breaks_and_types(tmp_path: Path) -> None:
    files = _files(kg.extract(TEXTS), 2, tmp_path)
    entities = files["entities.csv"].splitlines()
    assert entities[0].startswith("id:ID(Entity),:LABEL,aliases:string[]")
    assert "mentionCount:long" in entities[0]
    assert any(f'"Entity{ARRAY_DELIMITER}Person"' in line for line in entities)
    sentences = files["sentences.csv"]
    assert '""دمشق""' in sentences  # a quote doubled inside a quoted field
    articles = files["articles.csv"]
    assert "body:long[]" in articles.splitlines()[0]
    assert "\nوزار بيروت." in articles  # the article text keeps its line break
