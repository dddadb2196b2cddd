"""Scoring documents against gold articles: which extracted entity stands for which gold one,
and how relations and events count."""

from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.evaluation.gold import parse_gold_line
from kg.evaluation.scoring import ENTITIES_FOUND, Scorer, overall
from kg.records import Article, Document, Entity, Event, Mention, Relation, TextSpan

TEXT = "استقبل محمد جواد ظريف، وزير خارجية بلاده، نظيره العماني في طهران."


def _gold(**extra) -> str:
    record = {
        "article": {"path": "a.txt"},
        "entities": [
            {"id": "zarif", "label": "Person", "name": "محمد جواد ظريف", "aliases": ["ظريف"]},
            {"id": "iran", "label": "Location", "name": "إيران", "aliases": ["الإيراني"]},
            {"id": "oman", "label": "Location", "name": "عمان", "aliases": ["العماني"]},
            {"id": "tehran", "label": "Location", "name": "طهران", "aliases": ["طهران"]},
        ],
        "relations": [
            {"type": "MEMBER_OF", "source": "zarif", "target": "iran", "evidence": [0, 10]},
            {"type": "MET_WITH", "source": "oman", "target": "zarif"},
        ],
        "events": [{"type": "Meeting", "agent": ["zarif"], "place": ["tehran"], "date": "2018"}],
    }
    record.update(extra)
    return json.dumps(record, ensure_ascii=False)


def _document(relations, events=()) -> Document:
    article = Article("a", TEXT, [TextSpan(0, len(TEXT))], "a.txt")
    zarif = Entity(
        "person:zarif", "Person", "محمد جواد ظريف", mentions=[Mention(7, 21, "محمد جواد ظريف", 0)]
    )
    tehran = Entity("tehran", "Location", "طهران", mentions=[Mention(59, 64, "طهران", 0)])
    iran = Entity("iran", "Location", "إيران")  # implied by the demonym: no mention
    oman = Entity("oman", "Location", "سلطنة عمان", aliases=["العماني"])
    stray = Entity("person:x", "Person", "نظيره", mentions=[Mention(42, 47, "نظيره", 0)])
    return Document(article, [], [zarif, tehran, iran, oman, stray], list(relations), list(events))


def _scores(document: Document, gold_line: str | None = None):
    scorer = Scorer([])
    scorer.add(document, parse_gold_line(gold_line or _gold(), 1, "gold.jsonl"))
    return scorer.scores


def test_an_entity_stands_for_the_gold_entity_sharing_a_spelling() -> None:
    relations = [Relation("MEMBER_OF", "person:zarif", "iran", 0, TEXT, "r")]
    scores = _scores(_document(relations))
    assert scores.relations["MEMBER_OF"].right == 1
    assert scores.entities["Person"].right == 1
    assert scores.entities["Person"].found == 2  # the stray person is wrong
    assert any(f.kind == "entity" and "نظيره" in f.description for f in scores.wrong)


def test_a_capital_named_for_its_country_still_stands_for_the_city() -> None:
    # the gold lists `طهران` as a name of Iran too (the government), before the city itself
    gold = json.loads(_gold())
    gold["entities"][1]["aliases"].append("طهران")
    gold["relations"] = [{"type": "LOCATED_IN", "source": "tehran", "target": "iran"}]
    relations = [Relation("LOCATED_IN", "tehran", "iran", 0, TEXT, "r")]
    scores = _scores(_document(relations), json.dumps(gold, ensure_ascii=False))
    assert scores.relations["LOCATED_IN"].right == 1


def test_a_node_stands_for_the_gold_entity_of_its_name_whatever_its_mention_took_in() -> None:
    document = _document([Relation("LOCATED_IN", "tehran", "iran", 0, TEXT, "r")])
    [tehran] = [e for e in document.entities if e.id == "tehran"]
    tehran.mentions = [Mention(56, 64, "في طهران", 0)]  # the span took a word too many
    gold = json.loads(_gold())
    gold["relations"] = [{"type": "LOCATED_IN", "source": "tehran", "target": "iran"}]
    scores = _scores(document, json.dumps(gold, ensure_ascii=False))
    assert scores.relations["LOCATED_IN"].right == 1


def test_a_place_named_with_its_kind_stands_for_the_gold_place_without_it() -> None:
    document = _document([Relation("LOCATED_IN", "tehran", "iran", 0, TEXT, "r")])
    [tehran] = [e for e in document.entities if e.id == "tehran"]
    tehran.name, tehran.mentions = "مدينة طهران", [Mention(59, 64, "مدينة طهران", 0)]
    gold = json.loads(_gold())
    gold["relations"] = [{"type": "LOCATED_IN", "source": "tehran", "target": "iran"}]
    scores = _scores(document, json.dumps(gold, ensure_ascii=False))
    assert scores.relations["LOCATED_IN"].right == 1


def test_met_with_counts_in_either_direction_and_twice_counts_once() -> None:
    relations = [
        Relation("MET_WITH", "person:zarif", "oman", 0, TEXT, "r"),
        Relation("MET_WITH", "oman", "person:zarif", 0, TEXT, "r2"),
    ]
    tally = _scores(_document(relations)).relations["MET_WITH"]
    assert (tally.gold, tally.found, tally.right) == (1, 1, 1)


def test_a_relation_to_no_gold_entity_is_wrong_and_misses_are_listed() -> None:
    relations = [Relation("LEADS", "person:x", "iran", 0, TEXT, "title")]
    scores = _scores(_document(relations))
    assert scores.relations["LEADS"].found == 1 and scores.relations["LEADS"].right == 0
    missed = [f for f in scores.missed if f.kind == "relation"]
    assert {f.type for f in missed} == {"MEMBER_OF", "MET_WITH"}
    assert overall(scores.relations).recall == 0.0


def test_a_miss_says_whether_kg_found_the_entities_it_involves() -> None:
    document = _document([])
    causes = {f.type: f.cause for f in _scores(document).missed if f.kind != "entity"}
    assert causes == {
        "MEMBER_OF": ENTITIES_FOUND,
        "MET_WITH": ENTITIES_FOUND,
        "Meeting": ENTITIES_FOUND,
    }
    document.entities = [e for e in document.entities if e.id not in ("oman", "tehran")]
    causes = {f.type: f.cause for f in _scores(document).missed if f.kind != "entity"}
    assert causes == {
        "MEMBER_OF": ENTITIES_FOUND,
        "MET_WITH": "not found: عمان",
        "Meeting": "not found: طهران",
    }


def test_an_event_matches_by_type_and_a_shared_participant() -> None:
    right = Event("e1", "Meeting", [0], TEXT, "met", agent=["person:zarif"])
    other = Event("e2", "Visit", [0], TEXT, "visit", agent=["person:zarif"])
    scores = _scores(_document([], [right, other]))
    assert scores.events["Meeting"].right == 1
    assert scores.events["Visit"].found == 1 and scores.events["Visit"].right == 0
    assert (scores.roles.found, scores.roles.right, scores.roles.gold) == (2, 1, 2)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{", "malformed JSON"),
        ('{"entities": []}', "'article' reference"),
        ('{"article": {"corpus": "x"}}', "'corpus' and 'position'"),
        (
            _gold(relations=[{"type": "LEADS", "source": "zarif", "target": "nobody"}]),
            "is not an entity id",
        ),
        (_gold(relations=[{"type": "RULES", "source": "zarif", "target": "iran"}]), "RULES"),
    ],
)
def test_malformed_gold_lines_say_where_and_what(line: str, message: str) -> None:
    with pytest.raises(KgError, match=message) as raised:
        parse_gold_line(line, 7, "gold.jsonl")
    assert "gold.jsonl:7" in str(raised.value)
