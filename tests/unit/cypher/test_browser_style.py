"""The Neo4j Browser style sheet, read the way Browser's GraSS parser reads it."""

from __future__ import annotations

from importlib.resources import files

from kg.schema import ENTITY_LABELS


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
