"""Neo4j Browser, served by the local server, with kg's style (`cypher/browser.grass`) and
templates, in a real headless Chromium: whole names, short relationship captions, and with
"Connect result nodes" off (as the README says) a path template draws its paths and nothing
else. Screenshots go to `$KG_TEST_SCREENSHOTS` when it is set.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from playwright.sync_api import Page

from kg import neo4j_server
from kg.connection import ConnectionSettings, open_driver
from kg.graph.query import run_cypher, run_template
from kg.graph.templates import get_template
from tests.integration.browser import chromium
from tests.integration.cli import SEEDS, run_kg
from tests.unit.cypher.test_browser_style import grass_rules

GRASS = files("kg.cypher").joinpath("browser.grass").read_text(encoding="utf-8")
TYPED_FACTS = (
    "MATCH p = (:Entity)-[:LEADS|PART_OF|MEMBER_OF|DEPLOYED_IN|VISITED]->(:Entity) RETURN p"
)
PATH_PARAMS = {"from": "قاآني", "to": "الحرس الثوري", "events": True, "cooccurrence": False}


@pytest.fixture(scope="module")
def server(neo4j_settings: ConnectionSettings) -> Iterator[neo4j_server.ServerInfo]:
    """The local server of the test home holding the seeds, with Browser."""
    already_running = neo4j_server.running_pid() is not None
    info = neo4j_server.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    settings = ConnectionSettings(info.bolt_uri, info.username, info.password, local=True)
    with open_driver(settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    result = run_kg("load", str(SEEDS), env=env)
    assert result.returncode == 0, result.stderr
    assert info.browser_url, "the local server serves no Neo4j Browser"
    yield info
    if not already_running:
        neo4j_server.stop()


@pytest.fixture(scope="module")
def browser_page(server: neo4j_server.ServerInfo) -> Iterator[Page]:
    """Neo4j Browser, logged in, with kg's style and "Connect result nodes" off."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(f"{server.browser_url}?dbms={server.bolt_uri}&preselectAuthMethod=NATIVE")
        page.wait_for_selector('[data-testid="password"]', timeout=60_000)
        page.fill('[data-testid="username"]', server.username)
        page.fill('[data-testid="password"]', server.password)
        page.click('[data-testid="connect"]')
        page.wait_for_selector('[data-testid="navigationDBMS"]')
        page.wait_for_timeout(1500)
        _run(page, ":style " + " ".join(GRASS.split()))
        _run(page, ":config autoComplete: false")
        yield page


def _run(page: Page, command: str) -> None:
    """Type a command into Browser's editor and run it."""
    page.locator('[data-testid="activeEditor"] textarea').first.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(command)
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(2500)


def _drawn(page: Page) -> tuple[list[str], list[str]]:
    """The captions of the nodes and relationships the newest result frame draws."""
    frame = page.locator('[data-testid="frame"]').first
    frame.locator("svg g.node").first.wait_for(timeout=20_000)
    nodes = frame.evaluate(
        "f => [...f.querySelectorAll('svg g.node')].map(g => "
        "[...g.querySelectorAll('text')].map(t => t.textContent.trim()).join(' '))"
    )
    relationships = frame.evaluate(
        "f => [...f.querySelectorAll('svg g.relationship')].map(g => "
        "[...g.querySelectorAll('text')].map(t => t.textContent.trim()).join(' '))"
    )
    return nodes, relationships


def _screenshot(page: Page, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("KG_TEST_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name))


def _settings(server: neo4j_server.ServerInfo) -> ConnectionSettings:
    return ConnectionSettings(server.bolt_uri, server.username, server.password, local=True)


def test_whole_names_and_short_relationship_captions(browser_page, server, tmp_path) -> None:
    _run(browser_page, TYPED_FACTS)
    nodes, relationships = _drawn(browser_page)
    _screenshot(browser_page, "browser-typed-facts.png", tmp_path)
    with open_driver(_settings(server)) as driver:
        rows = run_cypher(driver, TYPED_FACTS).rows
    expected = {
        " ".join(filter(None, (node.get("name"), node.get("nameEn"))))
        for (path,) in rows
        for node in path.nodes
    }
    assert sorted(nodes) == sorted(expected)
    short = {
        props["caption"].strip("'")
        for selector, props in grass_rules(GRASS).items()
        if selector.startswith("relationship.")
    }
    assert relationships and all(caption in short for caption in relationships), relationships
    assert not any("…" in text for text in nodes + relationships)


def test_a_path_template_draws_only_its_paths(browser_page, server, tmp_path) -> None:
    template = get_template("shortest-paths")
    with open_driver(_settings(server)) as driver:
        result = run_template(driver, template, PATH_PARAMS)
    path_column = result.columns.index("path")
    relationships = {r.element_id for row in result.rows for r in row[path_column].relationships}
    names = {n.get("name") for row in result.rows for n in row[path_column].nodes}
    assert relationships
    pairs = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in PATH_PARAMS.items())
    _run(browser_page, f":params {{{pairs}}}")
    _run(browser_page, template.cypher)
    nodes, drawn = _drawn(browser_page)
    _screenshot(browser_page, "browser-shortest-paths.png", tmp_path)
    assert len(drawn) == len(relationships)  # no co-occurrence between the result's nodes
    assert len(nodes) == len(names)
    assert not any("…" in text for text in nodes + drawn)


def test_command_chain_reads_whole(browser_page, server, tmp_path) -> None:
    template = get_template("command-chain")
    with open_driver(_settings(server)) as driver:
        result = run_template(driver, template, {"entity": "قاآني"})
    path_column = result.columns.index("path")
    relationships = {r.element_id for row in result.rows for r in row[path_column].relationships}
    _run(browser_page, ':params {entity: "قاآني"}')
    _run(browser_page, template.cypher)
    nodes, drawn = _drawn(browser_page)
    _screenshot(browser_page, "browser-command-chain.png", tmp_path)
    assert relationships and len(drawn) == len(relationships)
    assert "إسماعيل قاآني Esmail Qaani" in nodes
    assert "leads" in drawn
    assert not any("…" in text for text in nodes + drawn)


def test_connect_result_nodes_is_the_setting_the_readme_names(browser_page) -> None:
    browser_page.click('[data-testid="navigationSettings"]')
    box = browser_page.locator("label:has-text('Connect result nodes') input")
    box.wait_for()
    assert not box.is_checked()
    browser_page.click('[data-testid="navigationSettings"]')
