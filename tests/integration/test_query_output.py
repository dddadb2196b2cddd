"""What `kg query` writes for other programs (JSON, CSV) carries no invisible direction marks,
even when the article text has them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from neo4j import Driver

from kg.connection import ConnectionSettings
from tests.integration.cli import run_kg, settings_env

MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u2066\u2067\u2069"
# Web pages and copied posts carry such marks around names and numbers.
TEXT = (
    "\u200fزار قائد فيلق القدس إسماعيل\u200f قاآني\u200e العاصمة السورية دمشق في 22 أيلول 2023.\n"
    "والتقى قاآني\u200f خلال الزيارة قادة من \u2067حزب الله\u2069 في دمشق.\n"
)


@pytest.fixture(scope="module")
def env(neo4j_settings: ConnectionSettings, tmp_path_factory) -> dict[str, str]:
    from kg.connection import open_driver

    with open_driver(neo4j_settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    folder: Path = tmp_path_factory.mktemp("marks")
    record = {"id": "marks", "title": "\u200fقاآني في دمشق\u200e", "text": TEXT}
    (folder / "marks.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    env = settings_env(neo4j_settings)
    result = run_kg("load", str(folder), env=env)
    assert result.returncode == 0, result.stderr
    return env


def test_the_graph_keeps_the_marks_of_the_text(env, neo4j_driver: Driver) -> None:
    records, _, _ = neo4j_driver.execute_query("MATCH (s:Sentence) RETURN s.text AS text")
    assert any(mark in record["text"] for record in records for mark in MARKS)


@pytest.mark.parametrize(
    "args",
    [
        ["articles-mentioning", "-p", "entity=قاآني"],
        ["entity-profile", "-p", "entity=قاآني"],
        ["facts", "-p", "entity=قاآني"],
    ],
    ids=lambda args: args[0],
)
@pytest.mark.parametrize("output_format", ["json", "csv"])
def test_json_and_csv_have_no_direction_marks(env, args: list[str], output_format: str) -> None:
    result = run_kg("query", *args, "--format", output_format, env=env)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout) if output_format == "json" else result.stdout.splitlines()[1:]
    assert rows
    found = sorted({f"U+{ord(c):04X}" for c in result.stdout if c in MARKS})
    assert found == [], found
