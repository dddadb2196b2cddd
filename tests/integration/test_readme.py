"""The README's Python examples run as written (Python's doctest), against the test server
holding the seeds, in a folder where `seeds/` is the project's seeds: they cannot go stale."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from kg.connection import ConnectionSettings, open_driver
from tests.integration.cli import SEEDS, settings_env

README = Path(__file__).resolve().parents[2] / "README.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(README.read_text("utf-8")) if lang == language]


def test_every_python_example_is_a_doctest() -> None:
    assert _blocks("pycon"), "the README has no Python example"
    assert _blocks("python") == [], "write Python examples as ```pycon with >>> prompts"
    assert all(">>> " in block for block in _blocks("pycon"))


@pytest.mark.parametrize("number", range(len(_blocks("pycon"))), ids=lambda n: f"example-{n}")
def test_readme_example_runs(
    number: int,
    neo4j_settings: ConnectionSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with open_driver(neo4j_settings) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    for name, value in settings_env(neo4j_settings).items():
        if name.startswith("NEO4J_"):
            monkeypatch.setenv(name, value)
    (tmp_path / "seeds").symlink_to(SEEDS)
    monkeypatch.chdir(tmp_path)
    if number > 0:  # later examples read the graph the first one loads
        import kg

        with open_driver(neo4j_settings) as driver:
            kg.load([str(SEEDS)], driver)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(
        _blocks("pycon")[number], {}, f"README example {number}", str(README), 0
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
