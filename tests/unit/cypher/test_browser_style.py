"""The Neo4j Browser style sheet, read the way Browser's GraSS parser reads it."""

from __future__ import annotations

import math
from importlib.resources import files

import pytest

from kg.graph.style import TYPE_COLOURS
from kg.kb import read_kb
from kg.schema import ENTITY_LABELS, EVENT_ROLES, RELATION_TYPES

GRASS = files("kg.cypher").joinpath("browser.grass").read_text(encoding="utf-8")
OTHER_RELATIONSHIPS = ("CO_OCCURS_WITH", "MENTIONS", "HAS_SENTENCE", "REPORTS")


def grass_rules(text: str) -> dict[str, dict[str, str]]:
    """Selector -> properties, parsed as Browser parses GraSS (braces inside quotes are text)."""
    rules: dict[str, str] = {}
    selector, body, in_string, in_props = "", "", False, False
    for char in text:
        if char == "'":
            in_string = not in_string
        elif char == "{" and not in_string:
            in_props = True
        elif char == "}" and not in_string:
            rules[selector], selector, body, in_props = body, "", "", False
        elif in_props:
            body += char
        elif not char.isspace():
            selector += char
    parsed: dict[str, dict[str, str]] = {}
    for name, props in rules.items():
        pairs = (prop.split(":") for prop in props.split(";"))
        parsed[name] = {p[0].strip(): p[1].strip() for p in pairs if len(p) > 1 and p[1].strip()}
    return parsed


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


def test_colours_are_kg_s_own() -> None:
    rules = grass_rules(GRASS)
    for label, colour in TYPE_COLOURS.items():
        assert rules[f"node.{label}"]["color"] == colour, label


@pytest.mark.parametrize("relationship", [*RELATION_TYPES, *EVENT_ROLES, *OTHER_RELATIONSHIPS])
def test_every_relationship_has_a_short_caption(relationship: str) -> None:
    caption = grass_rules(GRASS)[f"relationship.{relationship}"]["caption"].strip("'")
    assert 0 < len(caption) <= 11, caption


@pytest.mark.parametrize("label", ENTITY_LABELS)
def test_every_known_name_fits_the_node(label: str) -> None:
    """Browser cuts a caption to the characters its circle holds, diameter² · π / 4 / font²
    (neo4j-browser's fitCaptionIntoCircle); a headless Browser test checks the drawing."""
    props = grass_rules(GRASS)[f"node.{label}"]
    radius = float(props["diameter"].removesuffix("px")) / 2
    font = float(props["font-size"].removesuffix("px"))
    room = math.floor(radius**2 * math.pi / font**2)
    for entity in read_kb():
        if entity.label == label:
            caption = f"{entity.name} {entity.name_en or ''}".strip()
            assert len(caption) <= room, caption
