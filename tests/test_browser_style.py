"""The Neo4j Browser style sheet, read the way Browser's GraSS parser reads it."""

from __future__ import annotations

import re
from importlib.resources import files

from kg.schema import ENTITY_LABELS


def grass_rules(text: str) -> dict[str, dict[str, str]]:
    """Selector -> properties, as Browser parses GraSS (quotes dropped, `;` and `:` split)."""
    rules: dict[str, dict[str, str]] = {}
    for selector, body in re.findall(r"([\w.]+)\s*\{([^}]*)\}", text):
        props = {}
        for prop in body.split(";"):
            key, _, value = prop.partition(":")
            if key.strip() and value.strip():
                props[key.strip()] = value.strip().strip("'")
        rules[selector] = props
    return rules


def test_every_node_label_has_a_colour_and_a_caption() -> None:
    rules = grass_rules(files("kg.cypher").joinpath("browser.grass").read_text(encoding="utf-8"))
    for label in (*ENTITY_LABELS, "Event", "Article", "Sentence"):
        props = rules[f"node.{label}"]
        assert props["color"].startswith("#"), label
        assert props["caption"], label
    for label in ENTITY_LABELS:
        assert rules[f"node.{label}"]["caption"] == "{name} {nameEn}"
    assert rules["node.Event"]["caption"] == "{type} {date}"
    assert rules["relationship"]["caption"] == "<type>"
