"""`kg export --format html`: a self-contained page, opened in a real headless Chromium.

The graph holds the seeds and one article whose title and text carry HTML and script: the page
must show them as text and run nothing. Screenshots go to `$KG_TEST_SCREENSHOTS` when it is set
(to look at them), else to the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import Page

import kg
from kg.connection import ConnectionSettings, open_driver
from kg.graph.style import TYPE_COLOURS
from tests.integration.browser import chromium
from tests.integration.cli import SEEDS, run_kg, settings_env

PAYLOAD_ID = "000_000_markup"
PAYLOAD_TITLE = "<script>alert('title')</script>قاآني في دمشق<b>عريض</b>"
PAYLOAD_TEXT = (
    "قائد فيلق القدس إسماعيل قاآني <script>alert(1)</script> زار دمشق "
    "<img src=x onerror=alert(2)> والتقى الرئيس السوري بشار الأسد."
)


@pytest.fixture(scope="module")
def env(neo4j_settings: ConnectionSettings, tmp_path_factory) -> dict[str, str]:
    """The seeds graph and an article with markup in its title and text (its id sorts first, so
    that its sentence is the first evidence of Qaani leading the Quds Force)."""
    with open_driver(neo4j_settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    folder: Path = tmp_path_factory.mktemp("payload")
    record = {"id": PAYLOAD_ID, "title": PAYLOAD_TITLE, "text": PAYLOAD_TEXT}
    (folder / "payload.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    env = settings_env(neo4j_settings)
    for path in (folder, SEEDS):
        result = run_kg("load", str(path), env=env)
        assert result.returncode == 0, result.stderr
    return env


@pytest.fixture(scope="module")
def page_file(env: dict[str, str], tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "kg.html"
    result = run_kg("export", "--format", "html", "-o", str(path), env=env)
    assert result.returncode == 0, result.stderr
    assert f"to {path} (html)" in result.stderr
    return path


@pytest.fixture(scope="module")
def opened(page_file: Path) -> Iterator[tuple[Page, list[str], list[str]]]:
    """The page in Chromium, with the requests it made and the dialogs scripts opened."""
    requests: list[str] = []
    dialogs: list[str] = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda request: requests.append(request.url))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(page_file.as_uri())
        page.wait_for_function("() => window.Bokeh && Bokeh.documents.length > 0")
        page.wait_for_selector("canvas")
        page.wait_for_timeout(500)
        yield page, requests, dialogs


def _screenshot(page: Page, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("KG_TEST_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path))
    return path


def _node_point(page: Page, node_id: str) -> tuple[float, float]:
    """Where on the page the node with this kg id is drawn."""
    return page.evaluate(
        """(id) => {
          const view = Object.values(Bokeh.index)[0];
          const source = [...Bokeh.documents[0].all_models].find(m => m.data && m.data.caption);
          const i = source.data.id.indexOf(id);
          const box = view.canvas_view.el.getBoundingClientRect();
          return [box.left + view.frame.x_scale.compute(source.data.x[i]),
                  box.top + view.frame.y_scale.compute(source.data.y[i])];
        }""",
        node_id,
    )


def _tooltips(page: Page) -> list[str]:
    """The text of every tooltip shown (Bokeh draws them in shadow roots)."""
    return page.locator(".bk-Tooltip").evaluate_all(
        """(tips) => tips.filter(t => t.checkVisibility()).map(t =>
             [...(t.shadowRoot || t).children].filter(c => c.tagName !== 'STYLE')
               .map(c => c.innerText).join('\\n'))"""
    )


def _hover(page: Page, x: float, y: float, wanted: str) -> str:
    """Move the mouse onto (x, y) and return the text of the tooltip that says `wanted`."""
    page.mouse.move(x + 40, y + 40)
    page.mouse.move(x, y)
    for _ in range(20):
        found = [text for text in _tooltips(page) if wanted in text]
        if found:
            return found[0]
        page.wait_for_timeout(100)
    return "\n".join(_tooltips(page))


def test_the_page_needs_no_network_and_runs_no_article_script(opened) -> None:
    page, requests, dialogs = opened
    assert [url for url in requests if not url.startswith("file:")] == []
    assert dialogs == []
    assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0


def test_screenshot_shows_the_graph_coloured_by_type(opened, tmp_path: Path) -> None:
    page, _, _ = opened
    shot = _screenshot(page, "kg-export.png", tmp_path)
    assert shot.stat().st_size > 50_000
    legend = page.evaluate(
        """() => [...Bokeh.documents[0].all_models].filter(m => m.data && m.data.caption)
                 .map(m => [...new Set(m.data.type.map((t, i) => `${t}=${m.data.colour[i]}`))])
                 [0]"""
    )
    for entry in ("Person", "Organization", "Location", "Event", "Article"):
        assert f"{entry}={TYPE_COLOURS[entry]}" in legend


def test_hovering_a_node_shows_its_names(opened, tmp_path: Path) -> None:
    page, _, _ = opened
    text = _hover(page, *_node_point(page, "esmail-qaani"), "esmail-qaani")
    _screenshot(page, "kg-export-hover-node.png", tmp_path)
    assert "إسماعيل قاآني" in text
    assert "Esmail Qaani" in text
    assert "Person · esmail-qaani" in text


def test_article_markup_shows_as_text(opened, tmp_path: Path) -> None:
    page, _, dialogs = opened
    text = _hover(page, *_node_point(page, PAYLOAD_ID), "Article")
    _screenshot(page, "kg-export-hover-payload.png", tmp_path)
    assert PAYLOAD_TITLE in text
    assert dialogs == []


def test_hovering_a_relationship_shows_its_evidence(opened, tmp_path: Path) -> None:
    page, _, dialogs = opened
    (x0, y0), (x1, y1) = _node_point(page, "esmail-qaani"), _node_point(page, "quds-force")
    text = ""
    for share in (0.5, 0.4, 0.6, 0.3, 0.7):  # a point of the line clear of other nodes
        text = _hover(page, x0 + (x1 - x0) * share, y0 + (y1 - y0) * share, "LEADS")
        if "LEADS" in text:
            break
    _screenshot(page, "kg-export-hover-edge.png", tmp_path)
    assert "LEADS" in text
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert dialogs == []


def test_write_html_from_python(env, tmp_path: Path) -> None:
    settings = ConnectionSettings(
        env["NEO4J_URI"], env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"], env.get("NEO4J_DATABASE")
    )
    paths = kg.to_networkx(settings, "shortest-paths", {"from": "قاآني", "to": "حزب الله"})
    assert isinstance(paths, nx.MultiDiGraph) and paths.number_of_nodes() >= 2
    target = tmp_path / "paths.html"
    kg.write_html(paths, target)
    page = target.read_text(encoding="utf-8")
    assert "Bokeh" in page and "esmail-qaani" in page
    assert re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", page) is None
