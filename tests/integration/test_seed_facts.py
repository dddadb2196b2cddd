"""The facts the seeds state, as an analyst would query them in Neo4j after `kg load seeds/`."""

from __future__ import annotations

import pytest
from neo4j import Driver

from tests.integration.cli import SEED_IDS

BOTH = SEED_IDS


@pytest.fixture(scope="module")
def graph(seeds_graph: Driver) -> Driver:
    """The seeds graph (see conftest)."""
    return seeds_graph


def relation(graph: Driver, source: str, relation_type: str, target: str) -> dict:
    """The relationship's properties (fails when it is missing)."""
    records, _, _ = graph.execute_query(
        "MATCH (:Entity {id: $source})-[r]->(:Entity {id: $target}) WHERE type(r) = $type "
        "RETURN properties(r) AS props",
        source=source,
        target=target,
        type=relation_type,
    )
    assert len(records) == 1, (source, relation_type, target)
    return records[0]["props"]


@pytest.mark.parametrize(
    ("source", "relation_type", "target"),
    [
        ("esmail-qaani", "LEADS", "quds-force"),
        ("quds-force", "PART_OF", "irgc"),
        ("esmail-qaani", "SUCCEEDED", "qasem-soleimani"),
        ("qasem-soleimani", "KILLED_IN", "baghdad"),
        ("qasem-soleimani", "KILLED_BY", "united-states"),
        ("quds-force", "DESIGNATED_TERRORIST_BY", "united-states"),
        ("esmail-qaani", "VISITED", "syria"),
        ("esmail-qaani", "VISITED", "damascus"),
        ("esmail-qaani", "MET_WITH", "syrian-government"),
        ("quds-force", "HEADQUARTERED_IN", "beirut"),
        ("irgc", "DEPLOYED_IN", "damascus"),
        ("irgc", "DEPLOYED_IN", "aleppo"),
        ("irgc", "DEPLOYED_IN", "daraa"),
        ("irgc", "SUPPORTS", "fatemiyoun"),
        ("irgc", "SUPPORTS", "zainabiyoun"),
        ("meqdad-mahghani", "KILLED_BY", "israel"),
        ("meqdad-mahghani", "KILLED_IN", "damascus"),
        ("milad-heidari", "KILLED_IN", "damascus"),
        ("milad-heidari", "MEMBER_OF", "irgc"),
    ],
)
def test_fact_is_in_the_graph_with_its_evidence(
    graph: Driver, source: str, relation_type: str, target: str
) -> None:
    props = relation(graph, source, relation_type, target)
    assert props["count"] == len(props["sentences"]) == len(props["evidence"]) >= 1
    assert props["articles"] and props["rules"]
    for sentence_id, evidence in zip(props["sentences"], props["evidence"], strict=True):
        stored = graph.execute_query(
            "MATCH (a:Article)-[:HAS_SENTENCE]->(s:Sentence {id: $id}) "
            "RETURN s.text AS text, a.id AS article",
            id=sentence_id,
        ).records
        assert stored and stored[0]["text"] == evidence
        assert stored[0]["article"] in props["articles"]


def test_times_of_facts(graph: Driver) -> None:
    assert relation(graph, "esmail-qaani", "LEADS", "quds-force")["since"] == "2020"
    assert relation(graph, "qasem-soleimani", "KILLED_IN", "baghdad")["date"] == "2020"
    designated = relation(graph, "quds-force", "DESIGNATED_TERRORIST_BY", "united-states")
    assert designated["date"] == "2019"
    assert relation(graph, "quds-force", "HEADQUARTERED_IN", "beirut")["since"] == "2023-05"


def test_a_fact_both_outlets_state_is_one_relationship_citing_both(graph: Driver) -> None:
    leads = relation(graph, "esmail-qaani", "LEADS", "quds-force")
    assert sorted(leads["articles"]) == BOTH
    assert {s.split(":s")[0] for s in leads["sentences"]} == set(BOTH)


def events(graph: Driver, event_type: str) -> list[dict]:
    records, _, _ = graph.execute_query(
        "MATCH (e:Event {type: $type}) RETURN e.id AS id, e.date AS date, "
        "COLLECT { MATCH (a:Article)-[:REPORTS]->(e) RETURN a.id ORDER BY a.id } AS reportedBy, "
        "COLLECT { MATCH (e)-[r]->(x:Entity) RETURN type(r) + ':' + x.id } AS roles",
        type=event_type,
    )
    return [record.data() for record in records]


def test_the_september_visit_is_one_event_reported_by_both_outlets(graph: Driver) -> None:
    visits = [e for e in events(graph, "Visit") if "AGENT:esmail-qaani" in e["roles"]]
    september = [e for e in visits if e["date"] == "2023-09"]
    assert len(september) == 1
    assert september[0]["reportedBy"] == BOTH
    assert "PLACE:syria" in september[0]["roles"]


def test_the_joint_exercise_is_one_event_reported_by_both_outlets(graph: Driver) -> None:
    (exercise,) = events(graph, "Exercise")
    assert exercise["reportedBy"] == BOTH
    assert {"AGENT:esmail-qaani", "PARTICIPANT:iran", "PARTICIPANT:syrian-government"} <= set(
        exercise["roles"]
    )


def test_the_relocation_and_the_2018_agreement(graph: Driver) -> None:
    (relocation,) = events(graph, "Relocation")
    assert relocation["date"] == "2023-05"
    assert {"AGENT:quds-force", "PLACE:damascus", "PLACE:beirut"} <= set(relocation["roles"])
    agreements = {e["date"]: set(e["roles"]) for e in events(graph, "Agreement")}
    assert {"PARTICIPANT:tehran", "PARTICIPANT:damascus", "PARTICIPANT:amir-hatami"} <= agreements[
        "2018"
    ]


def test_one_israeli_strike_killed_both_advisers(graph: Driver) -> None:
    strikes = [e for e in events(graph, "Strike") if "AGENT:israel" in e["roles"]]
    assert len(strikes) == 1
    assert {"TARGET:meqdad-mahghani", "TARGET:milad-heidari", "PLACE:damascus"} <= set(
        strikes[0]["roles"]
    )


def test_co_occurrence_is_weighted_by_sentences(graph: Driver) -> None:
    records, _, _ = graph.execute_query(
        "MATCH (a:Entity {id: 'esmail-qaani'})-[r:CO_OCCURS_WITH]-(b:Entity {id: 'quds-force'}) "
        "RETURN r.weight AS weight, r.articles AS articles"
    )
    assert len(records) == 1
    assert records[0]["weight"] >= 3
    assert sorted(records[0]["articles"]) == BOTH
