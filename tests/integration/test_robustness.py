"""Bad input, hostile text and unreachable servers: reported, never corrupting (killed loads,
killed servers and full disks: `test_faults.py`)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from neo4j import Driver

import kg
from kg.ingest.identity import file_article_id
from tests.integration.cli import SEEDS, run_kg, settings_env

HOSTILE = (
    'قال المتحدث \'}) MATCH (n) DETACH DELETE n // إن `حزب الله` {بريء} من $param و"\\u0000" '
    "ولا \u202eتغيير\u202c في \u2066الموقف\u2069."
)


def test_bad_files_are_reported_and_the_rest_loads(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text((SEEDS / "001_7fa67fb2b680fd24.txt").read_text("utf-8"))
    legacy = "زار إسماعيل قاآني دمشق والتقى مسؤولين في الحرس الثوري."
    (corpus / "legacy.txt").write_bytes(legacy.encode("cp1256"))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "broken.jsonl").write_text(
        json.dumps({"id": "fine", "text": "وصل حسن نصر الله إلى طهران."}, ensure_ascii=False)
        + "\n{not json\n",
        encoding="utf-8",
    )
    (corpus / "page.html").write_text(
        "<html><head><script>alert('x')</script><style>p{}</style></head>"
        "<body><article><p>زار قاآني بيروت.</p><p>والتقى مسؤولين في حزب الله.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (corpus / "huge.txt").write_text("كلمة " * 1_200_000, encoding="utf-8")

    result = run_kg("load", str(corpus), env=settings_env(neo4j_settings))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    reported = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(reported) == 4, result.stderr
    for name in ("empty.txt", "binary.txt", "broken.jsonl:2", "huge.txt"):
        assert any(name in line for line in reported), (name, reported)

    records = clean_graph.execute_query("MATCH (a:Article) RETURN a.id AS id").records
    expected = {file_article_id(corpus / name) for name in ("good.txt", "legacy.txt", "page.html")}
    assert {r["id"] for r in records} == expected | {"fine"}
    texts = clean_graph.execute_query(
        "MATCH (:Article {id: $id})-[:HAS_SENTENCE]->(s) RETURN s.text AS text",
        id=file_article_id(corpus / "legacy.txt"),
    ).records
    assert [r["text"] for r in texts] == [legacy]
    sentences = clean_graph.execute_query("MATCH (s:Sentence) RETURN s.text AS t").records
    assert not any("alert" in r["t"] or "p{}" in r["t"] for r in sentences)


def test_text_that_looks_like_cypher_is_stored_literally(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    run_kg("load", str(SEEDS), env=settings_env(neo4j_settings))
    before = clean_graph.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps({"id": "hostile", "text": HOSTILE}), encoding="utf-8")
    result = run_kg("load", str(hostile), env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    stored = clean_graph.execute_query(
        "MATCH (:Article {id: 'hostile'})-[:HAS_SENTENCE]->(s) RETURN s.text AS text ORDER BY s.idx"
    ).records
    assert "".join(r["text"] for r in stored).replace(" ", "") == HOSTILE.replace(" ", "")
    after = clean_graph.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    assert after > before


def test_unreachable_server_is_one_clear_error() -> None:
    env = dict(os.environ, NEO4J_URI="bolt://127.0.0.1:1", NEO4J_PASSWORD="whatever")
    result = run_kg("load", str(SEEDS), env=env)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "bolt://127.0.0.1:1" in lines[0], result.stderr
    assert "whatever" not in result.stderr


def test_random_and_adversarial_text_never_crashes_extraction() -> None:
    rng = random.Random(11)
    alphabet = (
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ"
        "یکگپچژ٠١٢٣٤٥٦٧٨٩0123456789 \n\t.,،؛؟!\"'«»()[]{}$`\\/-_*#@&|<>"
        "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00a0"
    )
    texts = ["", " ", "\n\n\n", "ـــــ", "و" * 500, HOSTILE, "قاآني" * 300]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 800))) for _ in range(150)]
    documents = kg.extract(texts)
    assert len(documents) == len(texts)
    for document in documents:
        text = document.article.text
        for sentence in document.sentences:
            assert text[sentence.start : sentence.end] == sentence.text
        for entity in document.entities:
            for mention in entity.mentions:
                assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("bad", ["--batch-size=0", "--batch-size=abc"])
def test_bad_options_are_usage_errors(bad: str) -> None:
    result = run_kg("load", str(SEEDS), bad)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
