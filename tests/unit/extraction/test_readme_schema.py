"""Each example sentence of the README's relation and event tables states what it illustrates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extraction.pipeline import Extractor
from kg.ingest import article_from_text
from kg.schema import EVENT_TYPES, RELATION_TYPES

README = Path(__file__).resolve().parents[3] / "README.md"
ROW = re.compile(r"^\| `(\w+)` \|.*\| `([^`]+)`[^|]*\|$")


def _examples() -> list[tuple[str, str]]:
    section = README.read_text(encoding="utf-8").split("### What each relation and event means")[1]
    section = section.split("\n## ")[0]
    return [m.groups() for line in section.splitlines() if (m := ROW.match(line))]


def test_every_type_has_one_example() -> None:
    assert sorted(kind for kind, _ in _examples()) == sorted(RELATION_TYPES + EVENT_TYPES)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(("kind", "sentence"), _examples())
def test_the_example_states_its_type(extractor: Extractor, kind: str, sentence: str) -> None:
    document = extractor.document(article_from_text(f"{sentence}."))
    found = {r.type for r in document.relations} | {e.type for e in document.events}
    assert kind in found
