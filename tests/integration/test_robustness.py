"""Bad input, hostile text, unreachable servers and killed loads: reported, never corrupting."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j import Driver

import kg
from benchmarks.synthetic import write_jsonl
from kg.connection import ConnectionSettings, open_driver
from kg.ingest.identity import file_article_id
from kg.neo4j_server.layout import Layout
from tests.integration.cli import SEEDS, run_kg, settings_env
from tests.integration.graph import stable_fingerprint

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


def test_a_killed_load_rerun_equals_a_clean_load(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 240, seed=7)
    env = settings_env(neo4j_settings)
    command = [sys.executable, "-m", "kg.cli", "load", str(corpus), "--batch-size", "10"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    loaded = 0
    while time.monotonic() < deadline and process.poll() is None:
        loaded = clean_graph.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]
        if loaded >= 30:
            break
        time.sleep(0.2)
    assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = clean_graph.execute_query(
        "MATCH (a:Article) RETURN count(a) AS articles, "
        "COUNT { MATCH (a:Article) WHERE NOT (a)-[:HAS_SENTENCE]->() } AS withoutSentences"
    ).records[0]
    assert 30 <= partial["articles"] < 240
    assert partial["withoutSentences"] == 0

    resumed = run_kg("load", str(corpus), "--batch-size", "10", env=env)
    assert resumed.returncode == 0, resumed.stderr
    after_resume = stable_fingerprint(clean_graph)

    clean_graph.execute_query("MATCH (n) DETACH DELETE n")
    clean = run_kg("load", str(corpus), "--batch-size", "10", env=env)
    assert clean.returncode == 0, clean.stderr
    assert stable_fingerprint(clean_graph) == after_resume


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


def test_a_server_restart_mid_load_is_survived_or_resumed(tmp_path: Path, neo4j_settings) -> None:
    """A private server (own home and ports, the session's jars) restarted under a load."""
    with socket.socket() as a, socket.socket() as b:
        a.bind(("127.0.0.1", 0))
        b.bind(("127.0.0.1", 0))
        bolt_port, http_port = a.getsockname()[1], b.getsockname()[1]
    home = tmp_path / "restart-home"
    server_env = dict(
        os.environ,
        KG_NEO4J_HOME=str(home),
        KG_NEO4J_BOLT_PORT=str(bolt_port),
        KG_NEO4J_HTTP_PORT=str(http_port),
        KG_NEO4J_LIB=str(Layout.current().lib),
    )
    try:
        assert run_kg("neo4j", "start", env=server_env).returncode == 0
        uri = f"bolt://127.0.0.1:{bolt_port}"
        password = (home / "password").read_text().strip()
        load_env = dict(server_env, NEO4J_URI=uri, NEO4J_PASSWORD=password)
        corpus = write_jsonl(tmp_path / "corpus.jsonl", 160, seed=3)
        command = [sys.executable, "-m", "kg.cli", "load", str(corpus), "--batch-size", "10"]
        with open_driver(ConnectionSettings(uri, "neo4j", password)) as driver:
            process = subprocess.Popen(
                command, env=load_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and process.poll() is None:
                count = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records
                if count[0]["n"] >= 20:
                    break
                time.sleep(0.2)
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert run_kg("neo4j", "stop", env=server_env).returncode == 0
            assert run_kg("neo4j", "start", env=server_env).returncode == 0
            _, stderr = process.communicate(timeout=600)
            assert "Traceback" not in stderr
            if process.returncode != 0:
                lines = [line for line in stderr.splitlines() if line.startswith("error:")]
                assert len(lines) == 1 and "run the same command again" in lines[0], stderr
                again = run_kg("load", str(corpus), "--batch-size", "10", env=load_env)
                assert again.returncode == 0, again.stderr
        with open_driver(ConnectionSettings(uri, "neo4j", password)) as driver:
            final = driver.execute_query(
                "MATCH (a:Article) RETURN count(a) AS articles, "
                "COUNT { MATCH (a:Article) WHERE NOT (a)-[:HAS_SENTENCE]->() } AS empty"
            ).records[0]
            assert (final["articles"], final["empty"]) == (160, 0)
    finally:
        run_kg("neo4j", "stop", env=server_env)
