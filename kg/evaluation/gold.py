"""Gold files: hand-annotated articles to score extraction against (`kg eval GOLD`).

A gold file is JSON Lines, one article a line:

    {"article": {"corpus": "text/ant_multisource_v2.1.txt.gz", "position": 24000,
                 "sha256": "...", "outlet": "Sky News Arabia"},
     "entities": [{"id": "e1", "label": "Organization", "name": "الحوثيون",
                   "aliases": ["الحوثي", "الحوثيين"]}],
     "relations": [{"type": "SUPPORTS", "source": "e2", "target": "e1",
                    "evidence": [412, 530]}],
     "events": [{"type": "Strike", "agent": ["e1"], "participant": [], "target": [],
                 "place": ["e3"], "date": "2018-06", "evidence": [[610, 702]]}]}

The article is named by reference, never copied: either `corpus` (a file of the data folder in
the ANT layout, `kg.ingest.corpus`) and `position`, or `path` (a text file, relative to the gold
file); `sha256` is the SHA-256 of its text, checked before scoring. Entities list every spelling
the text uses (`aliases`, without clitics or titles); relations and events refer to them by
`id`; `evidence` gives the character offsets of the sentence that states a fact. A relation may
carry `"former": true` (an office held before). The annotation guidelines are in
`evaluation/GUIDELINES.md`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.schema import ENTITY_LABELS, EVENT_ROLES, EVENT_TYPES, RELATION_TYPES

ROLE_FIELDS = tuple(role.lower() for role in EVENT_ROLES)


@dataclass(frozen=True)
class GoldEntity:
    """An entity the article names, with every spelling it uses."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GoldRelation:
    """A fact the article states, between two gold entities."""

    type: str
    source: str
    target: str
    evidence: tuple[int, int] | None = None
    former: bool = False


@dataclass(frozen=True)
class GoldEvent:
    """A happening the article reports: its type, its roles (gold entity ids) and date."""

    type: str
    roles: dict[str, tuple[str, ...]]
    date: str | None = None
    evidence: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: where its text is, and what it states."""

    line: int
    reference: dict[str, Any]
    entities: dict[str, GoldEntity]
    relations: tuple[GoldRelation, ...] = ()
    events: tuple[GoldEvent, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        """How reports name the article: `corpus#position` or its path."""
        ref = self.reference
        if "path" in ref:
            return str(ref["path"])
        return f"{Path(ref['corpus']).name}#{ref['position']}"


def _span(value: Any, where: str) -> tuple[int, int] | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise KgError(f"{where}: evidence must be [start, end] character offsets")
    return value[0], value[1]


def _entity(raw: dict[str, Any], where: str) -> GoldEntity:
    if raw.get("label") not in ENTITY_LABELS:
        raise KgError(f"{where}: entity {raw.get('id')!r} has label {raw.get('label')!r}")
    aliases = tuple(raw.get("aliases") or ())
    if not aliases and not raw.get("name"):
        raise KgError(f"{where}: entity {raw.get('id')!r} has neither name nor aliases")
    return GoldEntity(str(raw["id"]), raw["label"], raw.get("name") or aliases[0], aliases)


def _relation(raw: dict[str, Any], entities: dict[str, GoldEntity], where: str) -> GoldRelation:
    if raw.get("type") not in RELATION_TYPES:
        raise KgError(f"{where}: unknown relation type {raw.get('type')!r}")
    for side in ("source", "target"):
        if raw.get(side) not in entities:
            raise KgError(f"{where}: {raw['type']} {side} {raw.get(side)!r} is not an entity id")
    return GoldRelation(
        raw["type"],
        raw["source"],
        raw["target"],
        _span(raw.get("evidence"), where),
        bool(raw.get("former")),
    )


def _event(raw: dict[str, Any], entities: dict[str, GoldEntity], where: str) -> GoldEvent:
    if raw.get("type") not in EVENT_TYPES:
        raise KgError(f"{where}: unknown event type {raw.get('type')!r}")
    roles: dict[str, tuple[str, ...]] = {}
    for role, name in zip(EVENT_ROLES, ROLE_FIELDS, strict=True):
        ids = tuple(raw.get(name) or ())
        unknown = [i for i in ids if i not in entities]
        if unknown:
            raise KgError(f"{where}: {raw['type']} {name} {unknown} are not entity ids")
        if ids:
            roles[role] = ids
    evidence = tuple(s for s in (_span(v, where) for v in raw.get("evidence") or ()) if s)
    return GoldEvent(raw["type"], roles, raw.get("date"), evidence)


def parse_gold_line(text: str, line: int, where: str) -> GoldArticle:
    """One gold article from one JSON line (`where` names the file in messages)."""
    place = f"{where}:{line}"
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KgError(f"{place}: malformed JSON ({exc.msg})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("article"), dict):
        raise KgError(f"{place}: a gold line is an object with an 'article' reference")
    reference = raw["article"]
    if "path" not in reference and not ("corpus" in reference and "position" in reference):
        raise KgError(f"{place}: the article needs 'path', or 'corpus' and 'position'")
    try:
        entities = {e.id: e for e in (_entity(item, place) for item in raw.get("entities", []))}
        relations = tuple(_relation(item, entities, place) for item in raw.get("relations", []))
        events = tuple(_event(item, entities, place) for item in raw.get("events", []))
    except (KeyError, TypeError, AttributeError) as exc:
        raise KgError(f"{place}: malformed annotation ({exc})") from None
    return GoldArticle(line, reference, entities, relations, events)


def read_gold(path: Path) -> list[GoldArticle]:
    """Every article of a gold file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise KgError(f"no such gold file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"cannot read gold file {path}: {exc}") from None
    articles = [
        parse_gold_line(line, number, str(path))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    if not articles:
        raise KgError(f"{path} holds no annotated article")
    return articles
