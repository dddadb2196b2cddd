"""`kg export` and `kg.to_networkx` on the seeds graph: files NetworkX reads back whole."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from neo4j import Driver

from kg.connection import ConnectionSettings
from kg.graph.networkx_export import to_networkx
from tests.integration.cli import SEED_IDS, run_kg, settings_env


@pytest.fixture(scope="module")
def graph(seeds_graph: Driver) -> Driver:
    """The seeds graph (see conftest)."""
    return seeds_graph


def neo4j_counts(driver: Driver) -> tuple[int, int, Counter]:
    """Entity count, relationship count and relationships per type, as Neo4j has them."""
    entities = driver.execute_query("MATCH (e:Entity) RETURN count(e) AS n").records[0]["n"]
    types = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n").records
    counter = Counter({record["t"]: record["n"] for record in types})
    return entities, sum(counter.values()), counter


def read_back(path: Path, file_format: str) -> nx.MultiDiGraph:
    if file_format == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if file_format == "gexf":
        return nx.MultiDiGraph(nx.read_gexf(path))
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


def edge_type(data: dict) -> str:
    return data.get("type") or data["relationship"]


@pytest.mark.parametrize("file_format", ["graphml", "gexf", "json"])
def test_whole_graph_round_trips(
    graph: Driver, neo4j_settings: ConnectionSettings, tmp_path: Path, file_format: str
) -> None:
    path = tmp_path / f"graph.{file_format}"
    result = run_kg(
        "export", "--format", file_format, "-o", str(path), env=settings_env(neo4j_settings)
    )
    assert result.returncode == 0, result.stderr
    back = read_back(path, file_format)
    entities, relationships, per_type = neo4j_counts(graph)
    labels = dict(back.nodes(data="labels"))
    assert sum(1 for value in labels.values() if value.startswith("Entity:")) == entities
    assert back.number_of_edges() == relationships
    assert Counter(edge_type(d) for _, _, d in back.edges(data=True)) == per_type

    qaani = back.nodes["esmail-qaani"]
    assert labels["esmail-qaani"] == "Entity:Person"
    assert qaani["name"] == "إسماعيل قاآني" and qaani["nameEn"] == "Esmail Qaani"
    aliases = qaani["aliases"] if file_format == "json" else json.loads(qaani["aliases"])
    assert "قاآني" in aliases

    (leads,) = [d for d in back["esmail-qaani"]["quds-force"].values() if edge_type(d) == "LEADS"]
    articles = leads["articles"] if file_format == "json" else json.loads(leads["articles"])
    evidence = leads["evidence"] if file_format == "json" else json.loads(leads["evidence"])
    assert sorted(articles) == SEED_IDS
    assert len(evidence) == leads["count"] >= 2
    assert leads["since"] == "2020"


def test_to_networkx_keeps_ids_labels_and_provenance(
    graph: Driver, neo4j_settings: ConnectionSettings
) -> None:
    whole = to_networkx(neo4j_settings)
    entities, relationships, _ = neo4j_counts(graph)
    assert whole.number_of_edges() == relationships
    assert (
        sum(1 for _, d in whole.nodes(data=True) if d["labels"].startswith("Entity:")) == entities
    )
    assert all(node == data["id"] for node, data in whole.nodes(data=True))
    leads = whole.edges["esmail-qaani", "quds-force", "LEADS"]
    assert leads["type"] == "LEADS" and isinstance(leads["evidence"], list)


def test_a_template_or_a_query_selects_a_subgraph(
    graph: Driver, neo4j_settings: ConnectionSettings, tmp_path: Path
) -> None:
    paths = to_networkx(graph, "shortest-paths", {"from": "قاآني", "to": "حزب الله"})
    assert {"esmail-qaani", "hezbollah"} <= set(paths.nodes)
    assert nx.has_path(paths.to_undirected(), "esmail-qaani", "hezbollah")

    # Relationships alone bring their end nodes, with all their properties.
    leads = to_networkx(graph, "MATCH ()-[r:LEADS]->() RETURN r")
    assert leads.number_of_edges() == 2
    assert leads.nodes["quds-force"]["labels"] == "Entity:Organization"

    path = tmp_path / "chain.json"
    result = run_kg(
        "export",
        "-f",
        "json",
        "-o",
        str(path),
        "--template",
        "command-chain",
        "--param",
        "entity=قاآني",
        env=settings_env(neo4j_settings),
    )
    assert result.returncode == 0, result.stderr
    chain = read_back(path, "json")
    assert {("esmail-qaani", "quds-force"), ("quds-force", "irgc")} <= set(chain.edges())


def test_export_errors_are_one_line(neo4j_settings: ConnectionSettings, tmp_path: Path) -> None:
    env = settings_env(neo4j_settings)
    for args in (
        ["--template", "no-such", "-f", "json", "-o", str(tmp_path / "x.json")],
        ["-q", "MATCH (n RETURN n", "-f", "json", "-o", str(tmp_path / "x.json")],
        ["-f", "json", "-o", str(tmp_path / "missing" / "x.json")],
    ):
        result = run_kg("export", *args, env=env)
        assert result.returncode != 0
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
