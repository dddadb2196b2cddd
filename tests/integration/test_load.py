"""`kg load` end to end against the real Neo4j: seeds in, one node per entity, idempotent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from neo4j import Driver

from kg.ingest.identity import file_article_id
from tests.integration.cli import SEED_FILES, SEED_IDS, SEEDS, run_kg, settings_env
from tests.integration.graph import graph_fingerprint, stable_fingerprint

FURNITURE = [
    "icon",
    "التغطية الحية",
    "حجم الخط",
    "+A",
    "اظهار أخبار متعلقة",
    "التعليقات",
    "ناقد لا حاقد",
    "الارهاب و الخراب",
]


@pytest.fixture
def loaded_seeds(clean_graph: Driver, neo4j_settings) -> Driver:
    result = run_kg("load", str(SEEDS), env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    assert "loaded 2 article(s)" in result.stderr
    return clean_graph


def test_seed_entities_are_in_the_graph(loaded_seeds: Driver) -> None:
    records, _, _ = loaded_seeds.execute_query(
        "MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels"
    )
    found = {r["id"]: set(r["labels"]) for r in records}
    expected = {
        "esmail-qaani": "Person",
        "qasem-soleimani": "Person",
        "amir-hatami": "Person",
        "quds-force": "Organization",
        "irgc": "Organization",
        "hezbollah": "Organization",
        "hamas": "Organization",
        "tasnim": "Organization",
        "damascus": "Location",
        "beirut": "Location",
        "baghdad": "Location",
        "syria": "Location",
        "iran": "Location",
    }
    for entity_id, label in expected.items():
        assert entity_id in found, entity_id
        assert found[entity_id] == {"Entity", label}


def test_qaani_is_one_person_linked_to_both_articles(loaded_seeds: Driver) -> None:
    records, _, _ = loaded_seeds.execute_query(
        "MATCH (p:Person) WHERE any(a IN p.aliases WHERE a CONTAINS 'قاآني' OR a CONTAINS 'قآني') "
        "RETURN p.id AS id, p.name AS name, p.mentionCount AS n, "
        "COUNT { (:Sentence)-[:MENTIONS]->(p) } AS sentenceMentions, "
        "COLLECT { MATCH (a:Article)-[:MENTIONS]->(p) RETURN a.id ORDER BY a.id } AS articles"
    )
    assert len(records) == 1
    qaani = records[0]
    assert qaani["id"] == "esmail-qaani"
    assert qaani["name"] == "إسماعيل قاآني"
    assert qaani["articles"] == SEED_IDS
    # Eight mentions in the body of the first seed, four in the second (headlines are metadata).
    assert qaani["n"] == qaani["sentenceMentions"] == 12


def test_mentions_point_at_the_original_text(loaded_seeds: Driver) -> None:
    texts = {i: p.read_text(encoding="utf-8") for i, p in zip(SEED_IDS, SEED_FILES, strict=True)}
    records, _, _ = loaded_seeds.execute_query(
        "MATCH (a:Article)-[:HAS_SENTENCE]->(s:Sentence)-[m:MENTIONS]->(e:Entity) "
        "RETURN a.id AS article, s.start AS sStart, s.end AS sEnd, s.text AS sText, "
        "m.start AS start, m.end AS end, m.text AS text"
    )
    assert records
    for r in records:
        text = texts[r["article"]]
        assert text[r["sStart"] : r["sEnd"]] == r["sText"]
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["sStart"] <= r["start"] < r["end"] <= r["sEnd"]


def test_no_page_furniture_or_comments_in_sentences(loaded_seeds: Driver) -> None:
    records, _, _ = loaded_seeds.execute_query("MATCH (s:Sentence) RETURN s.text AS text")
    assert len(records) > 20
    for record in records:
        for junk in FURNITURE:
            assert junk not in record["text"], (junk, record["text"])


def test_articles_carry_metadata(loaded_seeds: Driver) -> None:
    records, _, _ = loaded_seeds.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, a.title AS title, a.sha256 AS sha, "
        "a.lang AS lang, a.loadedAt AS loadedAt ORDER BY id"
    )
    assert [r["id"] for r in records] == SEED_IDS
    assert records[0]["title"].startswith("وسائل إعلام إيرانية: قاآني زار دمشق")
    assert all(len(r["sha"]) == 64 and r["lang"] == "ar" and r["loadedAt"] for r in records)


def test_a_pages_byline_and_outlet_reach_the_article_node(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    page = tmp_path / "qaani.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "قاآني في دمشق", "datePublished": "2023-09-21",'
        ' "author": {"@type": "Person", "name": "أحمد علي"},'
        ' "publisher": {"@type": "Organization", "name": "تلفزيون سوريا"}}</script></head>'
        "<body><article><p>زار قائد فيلق القدس إسماعيل قاآني دمشق الأسبوع الماضي، والتقى "
        "مسؤولين في النظام السوري.</p></article></body></html>",
        encoding="utf-8",
    )
    result = run_kg("load", str(page), env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    records, _, _ = clean_graph.execute_query(
        "MATCH (a:Article) RETURN a.author AS author, a.source AS source, a.published AS published"
    )
    assert [r.data() for r in records] == [
        {"author": "أحمد علي", "source": "تلفزيون سوريا", "published": "2023-09-21"}
    ]


def test_loading_twice_leaves_the_graph_identical(loaded_seeds: Driver, neo4j_settings) -> None:
    before = graph_fingerprint(loaded_seeds)
    result = run_kg("load", str(SEEDS), env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    assert "loaded 0 article(s), 2 unchanged" in result.stderr
    assert graph_fingerprint(loaded_seeds) == before


def test_a_changed_article_replaces_only_its_own_content(
    clean_graph: Driver, neo4j_settings, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    env = settings_env(neo4j_settings)
    assert run_kg("load", str(corpus), env=env).returncode == 0
    other = file_article_id(corpus / SEED_FILES[1].name)
    other_before = clean_graph.execute_query(
        "MATCH (:Article {id: $id})-[:HAS_SENTENCE]->(s) "
        "RETURN s.id AS id, s.text AS text ORDER BY id",
        id=other,
    ).records

    changed = corpus / "000_1b65feb3fe5d18da.txt"
    text = changed.read_text(encoding="utf-8")
    cut = text.index("ويجري قاآني لقاءاته")
    changed.write_text(text[:cut], encoding="utf-8")
    result = run_kg("load", str(corpus), env=env)
    assert result.returncode == 0, result.stderr
    assert "loaded 1 article(s), 1 unchanged" in result.stderr

    counts = clean_graph.execute_query(
        "MATCH (a:Article) RETURN count(a) AS articles, "
        "COUNT { MATCH (s:Sentence) WHERE NOT (:Article)-[:HAS_SENTENCE]->(s) } AS orphans, "
        "COUNT { MATCH (s:Sentence) WHERE s.text CONTAINS 'ويجري قاآني لقاءاته' } AS gone"
    ).records[0]
    assert (counts["articles"], counts["orphans"], counts["gone"]) == (2, 0, 0)
    # Hamas was only named in the removed paragraphs: no article mentions it any more.
    assert not clean_graph.execute_query("MATCH (e:Entity {id: 'hamas'}) RETURN e").records
    other_after = clean_graph.execute_query(
        "MATCH (:Article {id: $id})-[:HAS_SENTENCE]->(s) "
        "RETURN s.id AS id, s.text AS text ORDER BY id",
        id=other,
    ).records
    assert other_after == other_before


def test_schema_is_created(loaded_seeds: Driver) -> None:
    records, _, _ = loaded_seeds.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    names = {r["name"] for r in records}
    assert {"article_id", "sentence_id", "entity_id", "event_id"} <= names
    hits, _, _ = loaded_seeds.execute_query(
        "CALL db.awaitIndexes(60) "
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node "
        "RETURN node.id AS id",
        q="قاآني",
    )
    assert "esmail-qaani" in [h["id"] for h in hits]


def test_stats_reports_counts(loaded_seeds: Driver, neo4j_settings) -> None:
    result = run_kg("stats", env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    assert "Article" in result.stdout and "MENTIONS" in result.stdout
    assert "articles: 2" in result.stdout


def test_missing_path_is_one_clear_error(neo4j_settings) -> None:
    result = run_kg("load", "/no/such/folder", env=settings_env(neo4j_settings))
    assert result.returncode == 1
    assert result.stderr.strip() == "error: no such file or folder: /no/such/folder"


def test_a_statement_neo4j_refuses_is_reported_as_refused_not_as_a_lost_server(
    neo4j_settings,
) -> None:
    # Running again cannot fix a refusal, so the message must not tell the user to.
    result = run_kg("load", str(SEEDS), "--database", "nosuchdb", env=settings_env(neo4j_settings))
    assert result.returncode == 1
    message = result.stderr.strip()
    assert message.startswith(f"error: Neo4j at {neo4j_settings.uri} refused the load")
    assert "DatabaseNotFound" in message and "nosuchdb" in message
    assert "lost" not in message and "run the same command again" not in message
    assert len(message.splitlines()) == 1


def test_articles_extracted_by_an_older_pipeline_are_extracted_again(
    loaded_seeds: Driver, neo4j_settings
) -> None:
    before = stable_fingerprint(loaded_seeds)
    loaded_seeds.execute_query(
        "MATCH (a:Article {id: $id}) SET a.pipeline = 'an-older-kg'", id=SEED_IDS[0]
    )
    result = run_kg("load", str(SEEDS), env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    assert "loaded 1 article(s), 1 unchanged" in result.stderr
    assert stable_fingerprint(loaded_seeds) == before


def test_a_pipeline_upgrade_re_extracts_every_article_in_one_batch(
    loaded_seeds: Driver, neo4j_settings
) -> None:
    """After upgrading kg every stored article is re-extracted, the seeds in one batch; facts
    both of them state (Qaani LEADS the Quds Force) are withdrawn for both in one statement."""
    before = stable_fingerprint(loaded_seeds)
    loaded_seeds.execute_query("MATCH (a:Article) SET a.pipeline = 'an-older-kg'")
    result = run_kg("load", str(SEEDS), env=settings_env(neo4j_settings))
    assert result.returncode == 0, result.stderr
    assert "loaded 2 article(s)" in result.stderr
    assert stable_fingerprint(loaded_seeds) == before


@pytest.mark.parametrize(
    ("edited", "cut"),
    [(0, "ونشرت وكالة"), (1, "وقالت الوكالة")],
    ids=["the first loaded", "the last loaded"],
)
def test_an_edited_article_gives_the_graph_of_loading_its_new_text_in_the_first_place(
    clean_graph: Driver, neo4j_settings, tmp_path: Path, edited: int, cut: str
) -> None:
    """The seeds report three events in common; the edit takes the sentences of one of them
    out of one seed, so that event's id and time must come from the other seed alone."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    env = settings_env(neo4j_settings)
    assert run_kg("load", str(corpus), env=env).returncode == 0
    changed = corpus / SEED_FILES[edited].name
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text[: text.index(cut)], encoding="utf-8")
    result = run_kg("load", str(corpus), env=env)
    assert result.returncode == 0, result.stderr
    assert "loaded 1 article(s), 1 unchanged" in result.stderr
    after_edit = stable_fingerprint(clean_graph)

    clean_graph.execute_query("MATCH (n) DETACH DELETE n")
    assert run_kg("load", str(corpus), env=env).returncode == 0
    assert stable_fingerprint(clean_graph) == after_edit
