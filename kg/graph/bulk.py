"""The graph as neo4j-admin's CSV files, for `kg import` (a bulk first load): pure, no database.

`BulkGraph.add` takes the rows of one batch, exactly as the writer sends them
(`kg.graph.rows.batch_rows`), and folds them the way the writer's statements
(`kg.graph.statements`) fold successive batches into the graph: what one article alone holds
(the article, its sentences and mentions, its reports of events) streams to its files at once;
what articles share (entities, facts, co-occurrences, events and their roles) is merged in
memory, its computed properties (an entity's aliases, count and name; a fact's order of
support, `rules`, `count`, `since`/`date`) worked out as those statements work them out, and
written by `finish`. The files use neo4j-admin's header format (`id:ID(Entity)`, `:LABEL`,
`count:long`, `aliases:string[]`, ...), one ID space per label (`Article`, `Sentence`,
`Entity`, `Event`), arrays joined by `ARRAY_DELIMITER`.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.graph.rows import BatchRows, Row
from kg.schema import STATE_RELATIONS

ARRAY_DELIMITER = "\x1f"
"""Between array elements (the unit separator: never in news text; checked)."""
ADMIN_ARRAY_DELIMITER = "U+001F"
"""The same, as neo4j-admin's `--array-delimiter` takes it."""

_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_PRECISIONS = {10: "day", 7: "month", 4: "year"}
# The two values neo4j-admin cannot hold (an empty field is no property): written as nothing,
# and set by `statements.AFTER_IMPORT` once the files are in.
_RESTORED_AFTER = {("Entity", "aliases"), ("fact", "times")}


def _type_of(value: Any, where: str) -> str | None:
    if isinstance(value, list):
        kinds = {_TYPES.get(type(item)) for item in value}
        if None in kinds or len(kinds) > 1:
            raise ValueError(f"{where}: a list neo4j-admin cannot type: {value!r}")
        return f"{kinds.pop()}[]" if kinds else None
    kind = _TYPES.get(type(value))
    if kind is None:
        raise ValueError(f"{where}: a value neo4j-admin cannot type: {value!r}")
    return kind


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if ARRAY_DELIMITER in value:
        raise ValueError(f"a text holds the array delimiter U+001F: {value[:80]!r}")
    return value


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _field(value: Any, kind: str, restorable: bool) -> str:
    """One CSV field: nothing for no value, numbers bare, texts and arrays quoted."""
    if value is None:
        return ""
    if isinstance(value, list):
        if value in ([], [""]) and not restorable:
            raise ValueError(f"neo4j-admin cannot hold the list {value!r} here")
        return _quoted(ARRAY_DELIMITER.join(_scalar(item) for item in value)) if value else ""
    if kind in ("long", "double", "boolean"):
        return _scalar(value)
    return _quoted(_scalar(value))


class CsvFile:
    """One neo4j-admin CSV file: its fixed columns (ids, label or type) and the properties its
    rows bring, typed from their values. Rows are spooled as JSON while the columns are not
    all known yet; `close` writes the file, header first."""

    def __init__(self, path: Path, fixed: list[str], group: str) -> None:
        self.path = path
        self.fixed = fixed
        self.group = group  # the label or kind the restorable lists are named by
        self.types: dict[str, str] = {}
        self.rows = 0
        self._spool_path = path.with_suffix(".spool")
        self._spool = self._spool_path.open("w", encoding="utf-8")

    def add(self, fixed: list[str], props: Row) -> None:
        """One node or relationship: its fixed columns' values, and its properties."""
        for key, value in props.items():
            if value is None:
                continue
            kind = _type_of(value, f"{self.path.name}, {key}")
            if kind is None:
                continue
            if self.types.setdefault(key, kind) != kind:
                raise ValueError(f"{self.path.name}: {key} is {self.types[key]} and {kind}")
        self._spool.write(json.dumps([fixed, props], ensure_ascii=False) + "\n")
        self.rows += 1

    def close(self) -> Path:
        """Write the CSV file (header and rows); its path."""
        self._spool.close()
        keys = sorted(self.types)
        header = [
            *self.fixed,
            *(k if self.types[k] == "string" else f"{k}:{self.types[k]}" for k in keys),
        ]
        with (
            self.path.open("w", encoding="utf-8", newline="") as out,
            self._spool_path.open(encoding="utf-8") as spool,
        ):
            out.write(",".join(header) + "\n")
            for line in spool:
                fixed, props = json.loads(line)
                fields = [_quoted(value) for value in fixed]  # ids, and labels joined on purpose
                fields += [
                    _field(props.get(k), self.types[k], (self.group, k) in _RESTORED_AFTER)
                    for k in keys
                ]
                out.write(",".join(fields) + "\n")
        os.unlink(self._spool_path)
        return self.path


@dataclass(frozen=True)
class ImportFiles:
    """The files of one import: node files and relationship files, with their row counts."""

    nodes: list[Path]
    relationships: list[Path]
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Entity:
    labels: list[str] = field(default_factory=list)
    props: Row = field(default_factory=dict)
    mention_count: int = 0
    aliases: set[str] = field(default_factory=set)
    spellings: Counter = field(default_factory=Counter)


@dataclass
class _Fact:
    supports: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)


def _node(label_group: str) -> list[str]:
    return [f"id:ID({label_group})", ":LABEL"]


def _relationship(start: str, end: str) -> list[str]:
    return [f":START_ID({start})", f":END_ID({end})", ":TYPE"]


class BulkGraph:
    """Folds batches of rows into the graph and writes it as neo4j-admin CSV files in
    `directory`."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        spec = {
            "articles": (_node("Article"), "Article"),
            "sentences": (_node("Sentence"), "Sentence"),
            "entities": (_node("Entity"), "Entity"),
            "events": (_node("Event"), "Event"),
            "has_sentence": (_relationship("Article", "Sentence"), "HAS_SENTENCE"),
            "sentence_mentions": (_relationship("Sentence", "Entity"), "MENTIONS"),
            "article_mentions": (_relationship("Article", "Entity"), "MENTIONS"),
            "facts": (_relationship("Entity", "Entity"), "fact"),
            "co_occurrences": (_relationship("Entity", "Entity"), "CO_OCCURS_WITH"),
            "reports": (_relationship("Article", "Event"), "REPORTS"),
            "event_roles": (_relationship("Event", "Entity"), "role"),
        }
        self.files = {
            name: CsvFile(directory / f"{name}.csv", fixed, group)
            for name, (fixed, group) in spec.items()
        }
        self.entities: dict[str, _Entity] = {}
        self.facts: dict[tuple[str, str, str], _Fact] = {}
        self.co_occurrences: dict[tuple[str, str], Row] = {}
        self.events: dict[str, Row] = {}
        self.reports: dict[tuple[str, str], Row] = {}
        self.roles: dict[tuple[str, str, str], None] = {}

    def add(self, rows: BatchRows) -> None:
        """Fold one batch's rows in, in the order `kg.graph.writer.write_rows` runs them."""
        files = self.files
        for row in rows.articles:  # MERGE_ARTICLES
            files["articles"].add([row["id"], "Article"], {**row["props"], "id": None})
        for row in rows.sentences:  # CREATE_SENTENCES
            props = {key: value for key, value in row.items() if key not in ("article", "id")}
            files["sentences"].add([row["id"], "Sentence"], props)
            files["has_sentence"].add([row["article"], row["id"], "HAS_SENTENCE"], {})
        for label, entity_rows in rows.entities.items():  # MERGE_ENTITIES
            for row in entity_rows:
                entity = self.entities.setdefault(row["id"], _Entity())
                if label not in entity.labels:
                    entity.labels.append(label)
                entity.props.update(row["props"])
        for row in rows.mentions:  # CREATE_MENTIONS
            props = {"start": row["start"], "end": row["end"], "text": row["text"]}
            files["sentence_mentions"].add([row["sentence"], row["entity"], "MENTIONS"], props)
            self.entities[row["entity"]].spellings[row["text"]] += 1
        for row in rows.article_mentions:  # MERGE_ARTICLE_MENTIONS
            files["article_mentions"].add(
                [row["article"], row["entity"], "MENTIONS"], {"count": row["count"]}
            )
        for row in rows.entity_mentions:  # ADD_ENTITY_MENTIONS
            entity = self.entities[row["id"]]
            entity.mention_count += row["count"]
            entity.aliases.update(row["aliases"])
        for relation_type, relation_rows in rows.relations.items():  # MERGE_RELATIONS
            for row in relation_rows:
                fact = self.facts.setdefault((relation_type, row["source"], row["target"]), _Fact())
                for i, sid in enumerate(row["sentences"]):
                    fact.supports.setdefault(
                        sid, (row["evidence"][i], row["times"][i], row["sentenceRules"][i])
                    )
                fact.articles.update(row["articles"])
        for row in rows.events:  # MERGE_EVENTS
            event = self.events.setdefault(row["id"], {"id": row["id"]})
            event.update({"type": row["type"], **row["time"]})
            self.reports[(row["article"], row["id"])] = {
                "sentences": row["sentences"],
                "evidence": row["evidence"],
                "rule": row["rule"],
            }
        for role, role_rows in rows.event_roles.items():  # MERGE_EVENT_ROLES
            for row in role_rows:
                self.roles[(row["event"], role, row["entity"])] = None
        for row in rows.co_occurrences:  # ADD_CO_OCCURRENCE
            pair = self.co_occurrences.setdefault(
                (row["a"], row["b"]), {"weight": 0, "articles": set()}
            )
            pair["weight"] += row["weight"]
            pair["articles"].update(row["articles"])

    def finish(self) -> ImportFiles:
        """Write what the articles share, close every file; the files to import."""
        files = self.files
        for entity_id, entity in self.entities.items():
            files["entities"].add(
                [entity_id, ARRAY_DELIMITER.join(["Entity", *entity.labels])],
                entity_properties(entity_id, entity),
            )
        for (relation_type, source, target), fact in self.facts.items():
            if source in self.entities and target in self.entities:
                files["facts"].add(
                    [source, target, relation_type], fact_properties(relation_type, fact)
                )
        for (a, b), pair in self.co_occurrences.items():
            props = {
                "weight": pair["weight"],
                "count": pair["weight"],
                "articles": sorted(pair["articles"]),
            }
            files["co_occurrences"].add([a, b, "CO_OCCURS_WITH"], props)
        for event_id, props in self.events.items():
            files["events"].add([event_id, "Event"], {**props, "id": None})
        for (article, event_id), props in self.reports.items():
            files["reports"].add([article, event_id, "REPORTS"], props)
        for event_id, role, entity_id in self.roles:
            if entity_id in self.entities:
                files["event_roles"].add([event_id, entity_id, role], {})
        paths = {name: file.close() for name, file in files.items()}
        node_files = ("articles", "sentences", "entities", "events")
        return ImportFiles(
            nodes=[paths[name] for name in node_files],
            relationships=[path for name, path in paths.items() if name not in node_files],
            counts={name: file.rows for name, file in files.items()},
        )


def entity_properties(entity_id: str, entity: _Entity) -> Row:
    """An entity's stored properties: its last `props`, its mention count and aliases, and
    (outside the knowledge base, when mentioned) the spelling used most (`_DERIVED_NAME`)."""
    props = {
        **entity.props,
        "mentionCount": entity.mention_count,
        "aliases": sorted(entity.aliases),
    }
    if ":" in entity_id and entity.mention_count > 0:
        props["name"] = min(entity.spellings.items(), key=lambda item: (-item[1], item[0]))[0]
    return props


def fact_properties(relation_type: str, fact: _Fact) -> Row:
    """A fact's stored properties: its support in sentence-id order, and what
    `_FACT_SUMMARY` computes from it."""
    order = sorted(fact.supports)
    times = [fact.supports[sid][1] for sid in order]
    rules = [fact.supports[sid][2] for sid in order]
    props: Row = {
        "sentences": order,
        "evidence": [fact.supports[sid][0] for sid in order],
        "times": times,
        "sentenceRules": rules,
        "articles": sorted(fact.articles),
        "count": len(order),
        "rules": sorted({rule for joined in rules for rule in joined.split("+") if rule}),
    }
    stated = [time for time in times if time]
    if stated:
        best = min(stated, key=lambda time: (-len(time), time))
        props["since" if relation_type in STATE_RELATIONS else "date"] = best
        if len(best) in _PRECISIONS:
            props["datePrecision"] = _PRECISIONS[len(best)]
    return props


def admin_arguments(
    files: ImportFiles, database: str, relative_to: Path | None = None
) -> list[str]:
    """The arguments of `neo4j-admin` that import `files` into `database` (replacing it), with
    paths relative to `relative_to` when given."""

    def name(path: Path) -> str:
        return str(path.relative_to(relative_to)) if relative_to else str(path)

    return [
        "database",
        "import",
        "full",
        database,
        "--overwrite-destination=true",
        "--multiline-fields=true",
        f"--array-delimiter={ADMIN_ARRAY_DELIMITER}",
        *(f"--nodes={name(path)}" for path in files.nodes),
        *(f"--relationships={name(path)}" for path in files.relationships),
    ]
