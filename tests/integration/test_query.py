"""Every Cypher template through the real `kg query`, on the graph of the seed articles."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from neo4j import Driver

from kg.connection import ConnectionSettings
from kg.graph.templates import templates
from tests.integration.cli import SEED_IDS, run_kg, settings_env

BOTH = SEED_IDS


@pytest.fixture(scope="module")
def env(seeds_graph: Driver, neo4j_settings: ConnectionSettings) -> Iterator[dict[str, str]]:
    """The environment for `kg`, on the seeds graph (see conftest)."""
    yield settings_env(neo4j_settings)


def query(env: dict[str, str], name: str, *params: str) -> list[dict]:
    """The rows of `kg query NAME --param ... --format json`."""
    args = [arg for param in params for arg in ("--param", param)]
    result = run_kg("query", name, *args, "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_there_are_at_least_ten_templates_and_list_shows_them() -> None:
    found = templates()
    assert len(found) >= 10
    assert "schema" not in " ".join(found)
    result = run_kg("query", "--list")
    assert result.returncode == 0, result.stderr
    for name, template in found.items():
        assert name in result.stdout
        assert template.answers
        for param in template.params:
            assert param.name in result.stdout


@pytest.mark.parametrize("name", sorted(templates()))
def test_every_template_runs_with_its_defaults_in_every_format(env, name: str) -> None:
    for output_format in ("table", "json", "csv"):
        result = run_kg("query", name, "--format", output_format, env=env)
        assert result.returncode == 0, (output_format, result.stderr)
        assert result.stderr.strip() == ""


@pytest.mark.parametrize(
    "entity", ["esmail-qaani", "قاآني", "إسماعيل قاآني", "اسماعيل قآني", "Esmail Qaani"]
)
def test_an_entity_is_found_by_id_name_alias_spelling_or_english_name(env, entity: str) -> None:
    (profile,) = query(env, "entity-profile", f"entity={entity}")
    assert profile["id"] == "esmail-qaani"


def test_entity_profile_lists_names_articles_and_relations_with_evidence(env) -> None:
    (profile,) = query(env, "entity-profile", "entity=قاآني")
    assert profile["name"] == "إسماعيل قاآني"
    assert profile["nameEn"] == "Esmail Qaani"
    assert profile["types"] == ["Person"]
    assert "قاآني" in profile["aliases"]
    assert sorted(a["id"] for a in profile["articles"]) == BOTH
    leads = [
        r for r in profile["relations"] if r["relation"] == "LEADS" and r["other"] == "quds-force"
    ]
    assert len(leads) == 1
    assert leads[0]["direction"] == "out"
    assert leads[0]["time"] == "2020"
    assert sorted(leads[0]["articles"]) == BOTH
    assert any("قاآني" in sentence for sentence in leads[0]["evidence"])


def test_shortest_path_from_qaani_to_hezbollah(env) -> None:
    rows = query(env, "shortest-paths", "from=قاآني", "to=حزب الله")
    assert rows
    ends = {(row["path"]["nodes"][0]["id"], row["path"]["nodes"][-1]["id"]) for row in rows}
    assert ends == {("esmail-qaani", "hezbollah")}
    assert rows[0]["hops"] == min(row["hops"] for row in rows)


def test_shortest_paths_through_typed_facts_only(env) -> None:
    rows = query(env, "shortest-paths", "from=esmail-qaani", "to=irgc", "cooccurrence=false")
    assert rows
    assert ["LEADS", "PART_OF"] in [row["relations"] for row in rows]
    assert all("CO_OCCURS_WITH" not in row["relations"] for row in rows)


def test_command_chain_goes_up_from_qaani_through_the_irgc_to_iran(env) -> None:
    """Qaani leads the Quds Force, a part of the IRGC, which is a body of the Iranian state."""
    rows = query(env, "command-chain", "entity=قاآني")
    chains = [[step["to"] for step in row["steps"]] for row in rows]
    assert chains[0] == ["quds-force", "irgc", "iran"]
    top = rows[0]
    assert [s["relation"] for s in top["steps"]] == ["LEADS", "PART_OF", "PART_OF"]
    assert top["chain"] == ["إسماعيل قاآني", "فيلق القدس", "الحرس الثوري الإيراني", "إيران"]


def test_meetings_and_visits_in_a_date_range(env) -> None:
    rows = query(env, "meetings-visits", "from=2023-09", "to=2023-09")
    assert rows and all(row["date"].startswith("2023-09") for row in rows)
    visit = [r for r in rows if r["what"] == "Visit" and r["where"] == ["سوريا"]]
    assert visit and visit[0]["who"] == ["إسماعيل قاآني"] and visit[0]["outlets"] == 2
    assert any(r["what"] == "Meeting" and r["whom"] == ["النظام السوري"] for r in rows)
    # A year-precision bound keeps everything dated within that year.
    year = query(env, "meetings-visits", "from=2023", "to=2023", "entity=قاآني")
    assert {r["date"] for r in year} == {"2023-05", "2023-09"}
    assert query(env, "meetings-visits", "from=2024") == []


def test_timeline_of_qaani_is_in_date_order(env) -> None:
    rows = query(env, "timeline", "entity=esmail-qaani")
    dates = [row["date"] for row in rows if row["date"]]
    assert dates == sorted(dates)
    events = {(row["event"], row["date"]) for row in rows}
    assert {("Visit", "2023-09"), ("Exercise", "2023-09"), ("Visit", "2023-05")} <= events
    assert all(row["roles"] for row in rows)


def test_corroboration_counts_independent_outlets(env) -> None:
    rows = query(env, "corroboration", "minOutlets=2")
    assert rows and all(row["outlets"] >= 2 for row in rows)
    visits = [
        row
        for row in rows
        if row["kind"] == "event"
        and row["statement"].startswith("Visit")
        and {"esmail-qaani", "syria"} <= set(row["entities"])
    ]
    assert len(visits) == 1
    assert visits[0]["outlets"] == 2
    assert sorted(visits[0]["articles"]) == BOTH
    # The second seed has no outlet name: its article id stands for its outlet.
    assert "تلفزيون سوريا" in visits[0]["sources"]
    facts = {row["statement"] for row in rows if row["kind"] == "fact"}
    assert "إسماعيل قاآني LEADS فيلق القدس" in facts


def test_co_occurrence_neighbourhood_is_ranked_by_shared_sentences(env) -> None:
    rows = query(env, "co-occurrence", "entity=قاآني", "limit=5")
    assert 0 < len(rows) <= 5
    weights = [row["sentences"] for row in rows]
    assert weights == sorted(weights, reverse=True)
    quds = next(row for row in rows if row["id"] == "quds-force")
    assert "LEADS" in quds["facts"]


def test_articles_mentioning_an_entity(env) -> None:
    rows = query(env, "articles-mentioning", "entity=حزب الله", "sentences=1")
    assert [row["id"] for row in rows] == SEED_IDS[:1]
    assert rows[0]["source"] == "تلفزيون سوريا"
    assert len(rows[0]["sentences"]) == 1 and "حزب الله" in rows[0]["sentences"][0]


def test_new_entities_since_a_date(env) -> None:
    everything = query(env, "new-entities")
    ids = {row["id"] for row in everything}
    assert {"esmail-qaani", "hezbollah", "quds-force"} <= ids
    assert query(env, "new-entities", "since=2999") == []
    published = query(env, "new-entities", "since=2023-09", "by=published")
    assert "hezbollah" in {row["id"] for row in published}
    assert all(row["firstPublished"] >= "2023-09" for row in published)


def test_name_search_uses_the_arabic_full_text_index(env) -> None:
    rows = query(env, "name-search", "query=قاآني")
    assert rows[0]["id"] == "esmail-qaani"
    assert rows[0]["name"] == "إسماعيل قاآني"
    assert query(env, "name-search", "query=الحرس")[0]["id"] == "irgc"


def test_facts_of_one_type(env) -> None:
    rows = query(env, "facts", "type=leads")
    assert {(row["source"], row["target"]) for row in rows} >= {("esmail-qaani", "quds-force")}
    assert {row["relation"] for row in rows} == {"LEADS"}
    assert all(len(row["evidence"]) == row["sentences"] for row in rows)


def test_table_shows_arabic_text_unchanged(env) -> None:
    result = run_kg("query", "name-search", env=env)
    assert result.returncode == 0, result.stderr
    assert "إسماعيل قاآني" in result.stdout
    assert "esmail-qaani" in result.stdout


def test_csv_has_a_header_and_json_for_nested_values(env) -> None:
    result = run_kg("query", "name-search", "--format", "csv", env=env)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["id"] == "esmail-qaani"
    assert "قاآني" in json.loads(rows[0]["aliases"])


@pytest.mark.parametrize("output_format", ["table", "json", "csv"])
def test_an_unknown_entity_gets_a_hint_to_search_names(env, output_format: str) -> None:
    result = run_kg(
        "query", "entity-profile", "-p", "entity=Xyzzy Plugh", "-f", output_format, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "no entity of the graph is called 'Xyzzy Plugh'" in result.stderr
    assert "kg query name-search -p 'query=Xyzzy Plugh'" in result.stderr
    if output_format == "json":
        assert json.loads(result.stdout) == []


def test_a_known_entity_without_rows_gets_no_hint(env) -> None:
    result = run_kg("query", "timeline", "-p", "entity=قاآني", "-p", "from=2999", env=env)
    assert result.returncode == 0, result.stderr
    assert (
        json.loads(
            run_kg(
                "query", "timeline", "-p", "entity=قاآني", "-p", "from=2999", "-f", "json", env=env
            ).stdout
        )
        == []
    )
    assert "name-search" not in result.stderr


def test_shortest_paths_hint_names_each_entity(env) -> None:
    result = run_kg("query", "shortest-paths", "-p", "from=قاآني", "-p", "to=Xyzzy", env=env)
    assert "query=Xyzzy" in result.stderr
    assert "قاآني" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["entity-profil"], "did you mean 'entity-profile'"),
        (["timeline", "--param", "entiti=x"], "has no parameter 'entiti'"),
        (["co-occurrence", "--param", "limit=many"], "expects int, got 'many'"),
        (["shortest-paths", "--param", "events=perhaps"], "expects bool"),
        (["new-entities", "--param", "by=yesterday"], "expects one of loaded, published"),
        (["timeline", "--param", "entity"], "NAME=VALUE"),
        (["name-search", "--param", "query=AND"], "Neo4j refused the query"),
    ],
)
def test_user_errors_are_one_line_and_exit_non_zero(env, args: list[str], message: str) -> None:
    result = run_kg("query", *args, env=env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr
