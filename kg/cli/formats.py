"""Printing a `QueryResult` as a rich table, JSON or CSV.

Tables keep Arabic in logical order (what a bidi-aware terminal expects) and put a
LEFT-TO-RIGHT MARK after every column border, so such a terminal cannot reorder two Arabic
cells across the border between them; every value is printed as text, never as rich markup.
JSON and CSV are data for other programs: their strings carry no invisible direction marks
(LRM, RLM, ALM, embeddings, overrides, isolates), not even those of the article text itself,
so that what a spreadsheet shows and what is copied from it are the letters alone.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from enum import Enum
from typing import Any, TextIO

from neo4j.graph import Node, Path, Relationship
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from kg.graph.query import QueryResult, node_key, plain

LRM = "\u200e"
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_BORDERS = "│┃║|"
_SHORT = 40
_WORD = 24
"""Columns are at least as wide as their longest word, up to this many cells."""


class OutputFormat(str, Enum):
    """The output formats of `kg query`."""

    table = "table"
    json = "json"
    csv = "csv"


def describe(value: Any) -> str:
    """`value` as readable text: entities by name and id, paths as arrows, lists one per line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, Node):
        return _describe_node(value)
    if isinstance(value, Relationship):
        return value.type
    if isinstance(value, Path):
        return _describe_path(value)
    if isinstance(value, dict):
        return _describe_map(value)
    if isinstance(value, (list, tuple)):
        items = [describe(v) for v in value]
        if all(_is_scalar(v) for v in value) and all(len(i) <= _SHORT for i in items):
            return ", ".join(items)
        return "\n".join(f"• {i}" for i in items)
    return str(plain(value))


def _describe_map(value: dict[str, Any]) -> str:
    """Short scalar fields on one line (`k: v; k: v`), then each list or long field on its own."""
    items = [(k, v) for k, v in value.items() if v not in (None, [], "")]
    short = [(k, v) for k, v in items if _is_scalar(v) and len(describe(v)) <= _SHORT]
    long = [(k, v) for k, v in items if (k, v) not in short]
    lines = ["; ".join(f"{k}: {describe(v)}" for k, v in short)] if short else []
    for key, item in long:
        text = " | ".join(describe(i) for i in item) if isinstance(item, list) else describe(item)
        lines.append(f"{key}: {text}")
    return "\n".join(lines)


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _describe_node(node: Node) -> str:
    if "Event" in node.labels:
        caption = " ".join(str(node.get(k)) for k in ("type", "date") if node.get(k))
    else:
        caption = node.get("name") or node.get("title") or node.get("text") or ""
    key = node_key(node)
    return f"{caption} ({key})" if caption and caption != key else key


def _describe_path(path: Path) -> str:
    parts = [_describe_node(path.start_node)]
    current = path.start_node
    for rel in path.relationships:
        forward = rel.start_node is not None and rel.start_node.element_id == current.element_id
        following = rel.end_node if forward else rel.start_node
        parts.append(f"-[{rel.type}]->" if forward else f"<-[{rel.type}]-")
        parts.append(_describe_node(following))
        current = following
    return " ".join(parts)


class BidiSafe:
    """A renderable that adds a LEFT-TO-RIGHT MARK after each border character of a table."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.table, options):
            text = segment.text
            if any(c in text for c in _BORDERS):
                text = "".join(c + LRM if c in _BORDERS else c for c in text)
            yield Segment(text, segment.style, segment.control)


def result_table(result: QueryResult) -> BidiSafe:
    """The result as a table: one row per record, or `field | value` rows for a single record."""
    if len(result.rows) == 1 and len(result.columns) > 3:
        table = Table(show_header=True, show_lines=True)
        table.add_column("field", style="bold", no_wrap=True)
        table.add_column("value")
        for column, value in zip(result.columns, result.rows[0], strict=True):
            table.add_row(Text(column), Text(describe(value)))
        return BidiSafe(table)
    cells = [[describe(v) for v in row] for row in result.rows]
    table = Table(show_header=True, show_lines=True)
    for index, column in enumerate(result.columns):
        words = [column, *(w for row in cells for w in row[index].split())]
        table.add_column(column, min_width=min(_WORD, max(cell_len(w) for w in words)))
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    return BidiSafe(table)


def without_direction_marks(value: Any) -> Any:
    """`value` with every string in it (nested in lists and maps too) rid of direction marks."""
    if isinstance(value, str):
        return _DIRECTION_MARKS.sub("", value)
    if isinstance(value, dict):
        return {key: without_direction_marks(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_direction_marks(item) for item in value]
    return value


def write_json(result: QueryResult, stream: TextIO) -> None:
    """The records as a JSON array of objects (UTF-8 text, Arabic unescaped, no marks)."""
    json.dump(without_direction_marks(result.records()), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_csv(result: QueryResult, stream: TextIO) -> None:
    """The records as CSV with a header; nested values (lists, maps, paths) as JSON text; no
    direction marks."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(_csv_cells(row) for row in without_direction_marks(result.records()))


def _csv_cells(record: dict[str, Any]) -> Iterable[str]:
    for value in record.values():
        if value is None:
            yield ""
        elif isinstance(value, (dict, list)):
            yield json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            yield "true" if value else "false"
        else:
            yield str(value)
