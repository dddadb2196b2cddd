"""How kg draws its graph, in one place: a colour per node type and the caption of a node.

The same colours are in Neo4j Browser's style sheet (`cypher/browser.grass`, checked by a
test), the notebooks and the HTML export (`kg.graph.html_export`): people red, organisations
blue, groups pink, places green, events yellow, articles sand, sentences grey.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.schema import ENTITY_LABELS

TYPE_COLOURS: dict[str, str] = {
    "Person": "#F16667",
    "Organization": "#4C8EDA",
    "Group": "#DA7194",
    "Location": "#8DCC93",
    "Event": "#FFC454",
    "Article": "#D9C8AE",
    "Sentence": "#E8E8E8",
}
"""The fill colour of each node type (Neo4j Browser's palette)."""
OTHER_COLOUR = "#A5ABB6"
"""The colour of a node of no known type."""


def node_type(labels: str | Any) -> str:
    """The type a node is drawn as: its entity label (`Person` of `Entity:Person`), else its
    first label (`Event`, `Article`), else `Node`. Takes NetworkX's `Entity:Person` string or a
    collection of labels."""
    names = labels.split(":") if isinstance(labels, str) else sorted(labels)
    for name in names:
        if name in ENTITY_LABELS:
            return name
    return next((name for name in names if name and name != "Entity"), "Node")


def type_colour(labels: str | Any) -> str:
    """The colour of a node with these labels."""
    return TYPE_COLOURS.get(node_type(labels), OTHER_COLOUR)


def caption(data: Mapping[str, Any]) -> str:
    """A node's caption from its attributes: the Arabic name with the English one where known
    (`إسماعيل قاآني · Esmail Qaani`), an event's type and date, an article's title."""
    name = data.get("name")
    english = data.get("nameEn")
    if name and english:
        return f"{name} · {english}"
    if name or english:
        return str(name or english)
    return str(data.get("label") or data.get("title") or data.get("id") or "")


def short_name(data: Mapping[str, Any]) -> str:
    """A node's shortest readable name: the English name where known, else the Arabic name
    (or the caption of a node without one)."""
    return str(data.get("nameEn") or data.get("name") or caption(data))
