"""Which article is which, end to end: archives with repeated file names, copies, files with no
text, and graphs written with the ids of the earlier scheme."""

from __future__ import annotations

import dataclasses
import random
import shutil
from pathlib import Path

from neo4j import Driver

from kg.extraction.pipeline import Extractor
from kg.graph.writer import GraphWriter
from kg.ingest import iter_articles
from kg.ingest.identity import file_article_id
from kg.records import Article
from tests.integration.cli import SEED_FILES, run_kg, settings_env
from tests.integration.graph import fingerprint_whatever_the_event_ids, stable_fingerprint


def _article_ids(driver: Driver) -> list[str]:
    records = driver.execute_query("MATCH (a:Article) RETURN a.id AS id ORDER BY id").records
    return [r["id"] for r in records]


def _wipe(driver: Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


def _archive(root: Path, files: dict[str, Path | bytes | str]) -> Path:
    """A folder holding `files` (relative path -> a file to copy, bytes, or text)."""
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copy(content, target)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def test_files_of_one_name_in_two_folders_are_two_articles_in_one_run_or_two(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    archive = _archive(
        tmp_path / "archive", {"a/index.txt": SEED_FILES[0], "b/index.txt": SEED_FILES[1]}
    )
    env = settings_env(neo4j_settings)
    first = run_kg("load", str(archive / "a"), env=env)
    second = run_kg("load", str(archive / "b"), env=env)
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert "loaded 1 article(s), 0 unchanged" in second.stderr
    expected = sorted(file_article_id(archive / f) for f in ("a/index.txt", "b/index.txt"))
    assert _article_ids(clean_graph) == expected
    in_two_runs = stable_fingerprint(clean_graph)

    _wipe(clean_graph)
    both = run_kg("load", str(archive), env=env)
    assert both.returncode == 0, both.stderr
    assert "loaded 2 article(s)" in both.stderr
    assert stable_fingerprint(clean_graph) == in_two_runs


def test_a_copy_under_another_name_is_not_stored_again(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    archive = _archive(
        tmp_path / "archive",
        {
            "2023/original.txt": SEED_FILES[0],
            "2023/other.txt": SEED_FILES[1],
            "mirror/copy of original.txt": SEED_FILES[0],
        },
    )
    env = settings_env(neo4j_settings)
    original = file_article_id(archive / "2023/original.txt")
    result = run_kg("load", str(archive), env=env)
    assert result.returncode == 0, result.stderr
    assert "loaded 2 article(s), 0 unchanged, 1 duplicate(s), 0 failed" in result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("duplicate")]
    assert "copy of original.txt" in line and original in line and "original.txt" in line
    assert len(_article_ids(clean_graph)) == 2
    with_copy = stable_fingerprint(clean_graph)

    # A copy found in a later run is recognised by the text stored in the graph.
    again = run_kg("load", str(archive / "mirror"), env=env)
    assert again.returncode == 0, again.stderr
    assert f"same text as article {original}; not stored again" in again.stderr
    assert stable_fingerprint(clean_graph) == with_copy

    _wipe(clean_graph)
    assert run_kg("load", str(archive / "2023"), env=env).returncode == 0
    assert stable_fingerprint(clean_graph) == with_copy


def test_files_without_article_text_are_failures_in_load_and_extract_alike(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    noise = bytes(random.Random(3).randrange(128, 256) for _ in range(20_000))
    archive = _archive(
        tmp_path / "archive",
        {
            "good.txt": SEED_FILES[1],
            "binary.txt": noise,  # every byte is a letter in Windows-1256
            "markup.txt": "<div class='nav'><a href='/'>الرئيسية</a> <a href='/x'>أخبار</a></div>",
            "furniture.txt": "حجم الخط\n+A\nالتعليقات\nشارك على فيسبوك\n",
            "menu.html": "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
            # one line of news is an article (a text without a paragraph is all body)
            "headline.txt": "وسائل إعلام إيرانية: قاآني زار دمشق",
        },
    )
    env = settings_env(neo4j_settings)
    loaded = run_kg("load", str(archive), env=env)
    extracted = run_kg("extract", str(archive), "-o", str(tmp_path / "out.jsonl"), env=env)
    assert (loaded.returncode, extracted.returncode) == (2, 2), loaded.stderr
    load_failures = {line for line in loaded.stderr.splitlines() if line.startswith("skipped")}
    extract_failures = {
        line for line in extracted.stderr.splitlines() if line.startswith("skipped")
    }
    assert load_failures == extract_failures
    reasons = {Path(line.split()[1].rstrip(":")).name: line for line in load_failures}
    assert set(reasons) == {
        "binary.txt",
        "markup.txt",
        "furniture.txt",
        "menu.html",
    }
    assert "not text" in reasons["binary.txt"]
    assert "no article text" in reasons["markup.txt"] and "no article text" in reasons["menu.html"]
    assert _article_ids(clean_graph) == sorted(
        file_article_id(archive / name) for name in ("good.txt", "headline.txt")
    )
    empty = clean_graph.execute_query(
        "MATCH (a:Article) WHERE NOT (a)-[:HAS_SENTENCE]->() RETURN count(a) AS n"
    ).records[0]["n"]
    assert empty == 0


def _write_the_earlier_way(driver: Driver, corpus: Path) -> None:
    """The graph the loader before this id scheme wrote: articles under their file stems,
    without their text, facts without per-sentence times and rules."""
    articles = [
        dataclasses.replace(item, id=Path(item.path).stem, legacy_ids=())
        for item in iter_articles([corpus])
        if isinstance(item, Article)
    ]
    writer = GraphWriter(driver)
    writer.ensure_schema()
    writer.write(list(Extractor().documents(articles)))
    driver.execute_query("MATCH (a:Article) REMOVE a.text, a.body")
    driver.execute_query("MATCH ()-[r]->() REMOVE r.times, r.sentenceRules")


def test_a_graph_written_with_the_earlier_ids_is_taken_over_not_duplicated(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    corpus = _archive(tmp_path / "corpus", {f"{path.stem}.txt": path for path in SEED_FILES})
    _write_the_earlier_way(clean_graph, corpus)
    assert _article_ids(clean_graph) == sorted(path.stem for path in SEED_FILES)
    # One article is edited since (same title), the other is not.
    edited = corpus / SEED_FILES[1].name
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text[: text.index("وساعد دعم طهران")], encoding="utf-8")

    env = settings_env(neo4j_settings)
    result = run_kg("load", str(corpus), env=env)
    assert result.returncode == 0, result.stderr
    assert "loaded 2 article(s)" in result.stderr
    assert "replaced 2 stored article(s) kept under an earlier id" in result.stderr
    new_ids = sorted(file_article_id(corpus / path.name) for path in SEED_FILES)
    assert _article_ids(clean_graph) == new_ids
    migrated = fingerprint_whatever_the_event_ids(clean_graph)

    again = run_kg("load", str(corpus), env=env)
    assert "loaded 0 article(s), 2 unchanged" in again.stderr

    _wipe(clean_graph)
    assert run_kg("load", str(corpus), env=env).returncode == 0
    assert fingerprint_whatever_the_event_ids(clean_graph) == migrated
