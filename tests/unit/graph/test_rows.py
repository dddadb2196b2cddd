"""Documents to statement rows (`kg.graph.rows`), without a database."""

from __future__ import annotations

from kg.graph.rows import batch_rows
from kg.records import (
    Article,
    Document,
    Entity,
    Event,
    Mention,
    Relation,
    Sentence,
    TextSpan,
    TimeValue,
    dated,
)


def _document(article_id: str, relation_time: TimeValue | None = None) -> Document:
    text = "قائد فيلق القدس إسماعيل قاآني زار دمشق."
    article = Article(article_id, text, [TextSpan(0, len(text))], f"{article_id}.txt", sha256="x")
    sentence = Sentence(0, 0, len(text), text)
    qaani = Entity(
        "esmail-qaani",
        "Person",
        "إسماعيل قاآني",
        name_en="Esmail Qaani",
        mentions=[Mention(16, 29, "إسماعيل قاآني", 0)],
    )
    quds = Entity(
        "quds-force", "Organization", "فيلق القدس", mentions=[Mention(5, 15, "فيلق القدس", 0)]
    )
    damascus = Entity(
        "damascus", "Location", "دمشق", kind="city", mentions=[Mention(34, 38, "دمشق", 0)]
    )
    relations = [
        Relation(
            "LEADS",
            "esmail-qaani",
            "quds-force",
            0,
            text,
            "title-before-name",
            **dated(relation_time),
        ),
        Relation("VISITED", "esmail-qaani", "damascus", 0, text, "visited"),
    ]
    event = Event(
        "event:1", "Visit", [0], text, "visited", agent=["esmail-qaani"], place=["damascus"]
    )
    return Document(article, [sentence], [qaani, quds, damascus], relations, [event])


def test_article_rows_carry_metadata_text_fingerprint_and_load_time_without_nulls() -> None:
    rows = batch_rows([_document("a")], "2026-01-01T00:00:00+00:00", "abc")
    text = "قائد فيلق القدس إسماعيل قاآني زار دمشق."
    assert rows.articles == [
        {
            "id": "a",
            "props": {
                "id": "a",
                "lang": "ar",
                "sha256": "x",
                "text": text,
                "body": [0, len(text)],
                "pipeline": "abc",
                "loadedAt": "2026-01-01T00:00:00+00:00",
            },
        }
    ]


def test_each_article_can_keep_its_own_load_time() -> None:
    rows = batch_rows([_document("a"), _document("b")], {"a": "t1", "b": "t2"}, "p")
    assert [row["props"]["loadedAt"] for row in rows.articles] == ["t1", "t2"]


def test_entities_are_grouped_by_label_with_their_display_properties() -> None:
    rows = batch_rows([_document("a"), _document("b")], "t", "p")
    assert rows.entities["Person"] == [
        {"id": "esmail-qaani", "props": {"name": "إسماعيل قاآني", "nameEn": "Esmail Qaani"}}
    ]
    assert rows.entities["Location"] == [
        {"id": "damascus", "props": {"name": "دمشق", "kind": "city"}}
    ]


def test_one_relation_row_per_fact_across_the_batch_with_provenance_per_sentence() -> None:
    rows = batch_rows([_document("a"), _document("b", TimeValue("2020", "year"))], "t", "p")
    [leads] = rows.relations["LEADS"]
    assert leads["articles"] == ["a", "b"]
    assert leads["sentences"] == ["a:s0", "b:s0"]
    assert leads["sentenceRules"] == ["title-before-name", "title-before-name"]
    assert leads["times"] == ["", "2020"]
    [visit] = rows.relations["VISITED"]
    assert visit["times"] == ["", ""]


def test_one_sentence_stating_a_fact_twice_gives_its_rules_and_best_time() -> None:
    document = _document("a", TimeValue("2020", "year"))
    text = document.sentences[0].text
    document.relations += [
        Relation(
            "LEADS",
            "esmail-qaani",
            "quds-force",
            0,
            text,
            "took-command",
            **dated(TimeValue("2019-05", "month")),
        ),
        Relation(
            "LEADS",
            "esmail-qaani",
            "quds-force",
            0,
            text,
            "appointed",
            **dated(TimeValue("2019-04", "month")),
        ),
    ]
    [leads] = batch_rows([document], "t", "p").relations["LEADS"]
    assert leads["sentences"] == ["a:s0"]
    assert leads["sentenceRules"] == ["appointed+title-before-name+took-command"]
    assert leads["times"] == ["2019-04"]  # the most precise, the earliest of equally precise


def test_mentions_sentences_and_counts() -> None:
    rows = batch_rows([_document("a"), _document("b")], "t", "p")
    assert {r["sentence"] for r in rows.mentions} == {"a:s0", "b:s0"}
    assert rows.sentences[0] == {
        "article": "a",
        "id": "a:s0",
        "idx": 0,
        "start": 0,
        "end": len(rows.sentences[0]["text"]),
        "text": rows.sentences[0]["text"],
    }
    counts = {r["id"]: r["count"] for r in rows.entity_mentions}
    assert counts == {"esmail-qaani": 2, "quds-force": 2, "damascus": 2}
    assert {(r["article"], r["entity"]) for r in rows.article_mentions} >= {("a", "damascus")}


def test_co_occurrence_pairs_run_from_the_smaller_id_and_sum_the_batch() -> None:
    rows = batch_rows([_document("a"), _document("b")], "t", "p")
    pairs = {(r["a"], r["b"]): (r["weight"], r["articles"]) for r in rows.co_occurrences}
    assert pairs[("damascus", "esmail-qaani")] == (2, ["a", "b"])
    assert all(a < b for a, b in pairs)


def test_event_rows_and_roles() -> None:
    rows = batch_rows([_document("a")], "t", "p")
    assert rows.events == [
        {
            "id": "event:1",
            "type": "Visit",
            "time": {},
            "article": "a",
            "sentences": ["a:s0"],
            "evidence": rows.events[0]["evidence"],
            "rule": "visited",
        }
    ]
    assert rows.event_roles == {
        "AGENT": [{"event": "event:1", "entity": "esmail-qaani"}],
        "PLACE": [{"event": "event:1", "entity": "damascus"}],
    }
