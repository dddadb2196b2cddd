"""A graph from `kg.to_networkx` as one self-contained interactive HTML page (`kg export -f html`).

Drawn with Bokeh, its JavaScript inlined (`bokeh.resources.INLINE`), so the file opens in any
browser without a network and can be sent as it is. Nodes are coloured by type
(`kg.graph.style`) and captioned with their Arabic and English names; the browser lays out
and shapes the Arabic itself. Hovering a node shows its names, type and id; hovering a
relationship shows its type, time, articles and the sentences that state it. Pan with the
mouse, zoom with the wheel, save a PNG from the toolbar.

Sentence nodes are left out of the picture (their text is on the relationships they support),
and so are the `HAS_SENTENCE` links. Article text is data, never markup: Bokeh escapes every
value it puts in a tooltip, and labels are drawn on a canvas.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import networkx as nx
from bokeh.embed import file_html
from bokeh.models import ColumnDataSource, HoverTool, Range1d
from bokeh.plotting import figure
from bokeh.resources import INLINE

from kg.errors import KgError
from kg.graph.style import caption, node_type, type_colour

HIDDEN_NODE_TYPES = frozenset({"Sentence"})
"""Node types the page leaves out."""
HIDDEN_RELATIONSHIPS = frozenset({"HAS_SENTENCE"})
"""Relationship types the page leaves out."""
_FAINT = frozenset({"CO_OCCURS_WITH", "MENTIONS", "REPORTS"})
"""Relationships drawn thin and pale: context rather than stated facts."""
_EVIDENCE_SHOWN = 3
"""How many of a relationship's sentences its tooltip shows."""

_NODE_TOOLTIP = """
<div style="max-width: 360px" dir="auto">
  <div style="font-size: 15px; font-weight: bold">@name</div>
  <div>@nameEn</div>
  <div style="color: #555">@type · @id</div>
  <div style="color: #555">@details</div>
</div>
"""
_EDGE_TOOLTIP = """
<div style="max-width: 420px; white-space: normal" dir="auto">
  <div style="font-weight: bold">@relation</div>
  <div>@ends</div>
  <div style="color: #555">@details</div>
  <div style="margin-top: 4px; white-space: pre-line" dir="rtl">@evidence</div>
</div>
"""


def write_html(graph: nx.MultiDiGraph, path: Path | str, title: str = "kg graph") -> None:
    """Write `graph` (as `kg.to_networkx` returns it) to `path` as an interactive HTML page."""
    page = html_page(graph, title)
    try:
        Path(path).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror}") from None


def html_page(graph: nx.MultiDiGraph, title: str = "kg graph") -> str:
    """The HTML of the page `write_html` writes."""
    shown = graph.subgraph(
        n
        for n, data in graph.nodes(data=True)
        if node_type(data.get("labels", "")) not in HIDDEN_NODE_TYPES
    )
    layout = _layout(shown)
    plot = figure(
        title=f"{title}: {shown.number_of_nodes()} nodes, {_edge_count(shown)} relationships",
        sizing_mode="stretch_both",
        tools="pan,wheel_zoom,box_zoom,reset,save",
        active_scroll="wheel_zoom",
        toolbar_location="above",
        match_aspect=True,
    )
    plot.axis.visible = False
    plot.grid.visible = False
    plot.outline_line_color = None
    if layout:
        xs, ys = zip(*layout.values(), strict=True)
        pad = 0.25
        plot.x_range = Range1d(min(xs) - pad, max(xs) + pad)
        plot.y_range = Range1d(min(ys) - pad, max(ys) + pad)
    edges = plot.multi_line(
        "xs",
        "ys",
        source=ColumnDataSource(_edge_columns(shown, layout)),
        line_color="colour",
        line_width="width",
        line_alpha="alpha",
        hover_line_color="#222222",
        hover_line_alpha=1.0,
    )
    nodes_source = ColumnDataSource(_node_columns(shown, layout))
    nodes = plot.scatter(
        "x",
        "y",
        source=nodes_source,
        size="size",
        fill_color="colour",
        line_color="#555555",
        hover_line_color="#000000",
        hover_line_width=3,
        legend_field="type",
    )
    plot.text(
        "x",
        "label_y",
        text="caption",
        source=nodes_source,
        text_align="center",
        text_baseline="top",
        text_font_size="11px",
        text_color="#222222",
    )
    plot.legend.location = "top_left"
    plot.add_tools(
        HoverTool(renderers=[nodes], tooltips=_NODE_TOOLTIP),
        HoverTool(renderers=[edges], tooltips=_EDGE_TOOLTIP, line_policy="interp"),
    )
    return file_html(plot, resources=INLINE, title=title)


def _edge_count(graph: nx.MultiDiGraph) -> int:
    return sum(1 for _, _, d in graph.edges(data=True) if d.get("type") not in HIDDEN_RELATIONSHIPS)


def _layout(graph: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Node positions, the same on every run: a force layout where typed facts pull harder."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for source, target, data in graph.edges(data=True):
        if source != target and data.get("type") not in HIDDEN_RELATIONSHIPS:
            weight = 0.3 if data.get("type") in _FAINT else 2.0
            previous = simple.get_edge_data(source, target, {"weight": 0.0})["weight"]
            simple.add_edge(source, target, weight=max(previous, weight))
    if not simple:
        return {}
    spread = 2.5 / math.sqrt(simple.number_of_nodes())
    positions = nx.spring_layout(simple, k=spread, weight="weight", seed=7, iterations=200)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def _node_columns(graph: nx.MultiDiGraph, layout: dict[Any, tuple[float, float]]) -> dict:
    columns: dict[str, list[Any]] = {
        key: []
        for key in (
            "x",
            "y",
            "label_y",
            "caption",
            "name",
            "nameEn",
            "type",
            "id",
            "details",
            "colour",
            "size",
        )
    }
    for node, data in graph.nodes(data=True):
        kind = node_type(data.get("labels", ""))
        x, y = layout[node]
        columns["x"].append(x)
        columns["y"].append(y)
        columns["label_y"].append(y - 0.035)
        columns["caption"].append(_shortened(caption(data)))
        columns["name"].append(str(data.get("name") or data.get("label") or node))
        columns["nameEn"].append(str(data.get("nameEn") or ""))
        columns["type"].append(kind)
        columns["id"].append(str(node))
        columns["details"].append(_node_details(data))
        columns["colour"].append(type_colour(data.get("labels", "")))
        columns["size"].append(22 if kind in ("Person", "Organization", "Group") else 16)
    return columns


def _shortened(text: str, limit: int = 40) -> str:
    """`text` cut at a word to at most `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _node_details(data: dict[str, Any]) -> str:
    aliases = [a for a in data.get("aliases") or [] if a != data.get("name")]
    parts = [
        f"also: {'، '.join(aliases)}" if aliases else "",
        f"outlet: {data['source']}" if data.get("source") else "",
        f"published: {data['published']}" if data.get("published") else "",
        f"mentions: {data['mentionCount']}" if data.get("mentionCount") else "",
    ]
    return " · ".join(part for part in parts if part)


def _edge_columns(graph: nx.MultiDiGraph, layout: dict[Any, tuple[float, float]]) -> dict:
    columns: dict[str, list[Any]] = {
        key: []
        for key in (
            "xs",
            "ys",
            "relation",
            "ends",
            "details",
            "evidence",
            "colour",
            "width",
            "alpha",
        )
    }
    for source, target, data in graph.edges(data=True):
        relation = str(data.get("type", ""))
        if relation in HIDDEN_RELATIONSHIPS:
            continue
        faint = relation in _FAINT
        (x0, y0), (x1, y1) = layout[source], layout[target]
        columns["xs"].append([x0, x1])
        columns["ys"].append([y0, y1])
        columns["relation"].append(relation)
        ends = (caption(graph.nodes[source]), caption(graph.nodes[target]))
        columns["ends"].append(f"{ends[0]} → {ends[1]}")
        columns["details"].append(_edge_details(data))
        evidence = [str(e) for e in data.get("evidence") or []][:_EVIDENCE_SHOWN]
        columns["evidence"].append("\n".join(f"◆ {sentence}" for sentence in evidence))
        columns["colour"].append(
            "#B8BCC4" if faint else type_colour(graph.nodes[source].get("labels", ""))
        )
        columns["width"].append(1.0 if faint else 3.0)
        columns["alpha"].append(0.45 if faint else 0.9)
    return columns


def _edge_details(data: dict[str, Any]) -> str:
    time = data.get("since") or data.get("date")
    articles = data.get("articles") or []
    parts = [
        f"since {data['since']}" if data.get("since") else (f"on {time}" if time else ""),
        f"{len(articles)} article(s)" if articles else "",
        f"{data['count']} sentence(s)" if data.get("count") else "",
        f"weight {data['weight']}" if data.get("weight") else "",
    ]
    return " · ".join(part for part in parts if part)
