"""The curated knowledge base: known entities, their labels and the spellings outlets use."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import KgError
from kg.schema import ENTITY_LABELS, LOCATION_KINDS


@dataclass(frozen=True)
class KbEntity:
    """One entity of the knowledge base."""

    id: str
    label: str
    name: str
    name_en: str | None = None
    kind: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    wikidata: str | None = None
    demonyms: tuple[str, ...] = ()  # for countries: the adjectives (إسرائيلي, إسرائيلية, ...)
    located_in: str | None = None  # the id of the place this one lies in
    state_body: bool = False  # an institution of a state (its army, a ministry, an agency)
    armed: bool = False  # an army, a force or an armed group
    # Spellings that name this entity only in an article that names one of `context` (ids):
    # `التحالف` is the Saudi-led coalition in news of Yemen's war, and no one elsewhere.
    context_aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()


def _parse(raw: dict, where: str) -> KbEntity:
    try:
        entity = KbEntity(
            id=raw["id"],
            label=raw["label"],
            name=raw["name"],
            name_en=raw.get("nameEn"),
            kind=raw.get("kind"),
            aliases=tuple(dict.fromkeys([raw["name"], *raw.get("aliases", [])])),
            wikidata=raw.get("wikidata"),
            demonyms=tuple(raw.get("demonyms", ())),
            located_in=raw.get("locatedIn"),
            state_body=bool(raw.get("stateBody")),
            armed=bool(raw.get("armed")),
            context_aliases=tuple(raw.get("contextAliases", ())),
            context=tuple(raw.get("context", ())),
        )
    except KeyError as missing:
        raise KgError(f"{where}: an entity lacks the field {missing}") from None
    if entity.label not in ENTITY_LABELS:
        raise KgError(f"{where}: entity {entity.id!r} has unknown label {entity.label!r}")
    if bool(entity.context_aliases) != bool(entity.context):
        raise KgError(f"{where}: entity {entity.id!r} needs both contextAliases and context")
    if entity.kind is not None and entity.kind not in LOCATION_KINDS:
        raise KgError(f"{where}: entity {entity.id!r} has unknown kind {entity.kind!r}")
    return entity


def read_kb(path: Path | None = None) -> tuple[KbEntity, ...]:
    """Read a knowledge-base JSON file (`{"entities": [...]}`); the packaged one by default."""
    if path is None:
        source = resources.files("kg") / "data" / "kb.json"
        where = "the packaged knowledge base"
    else:
        source, where = path, str(path)
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise KgError(f"cannot read knowledge base {where}: {exc}") from None
    entities = tuple(_parse(item, where) for item in raw.get("entities", []))
    ids = [e.id for e in entities]
    if len(ids) != len(set(ids)):
        raise KgError(f"{where}: entity ids are not unique")
    unknown = {e.located_in for e in entities if e.located_in} - set(ids)
    if unknown:
        raise KgError(f"{where}: locatedIn names unknown ids {sorted(unknown)}")
    unknown = {i for e in entities for i in e.context} - set(ids)
    if unknown:
        raise KgError(f"{where}: context names unknown ids {sorted(unknown)}")
    return entities


def place_chain(by_id: Mapping[str, KbEntity], place_id: str) -> list[str]:
    """The place and every place it lies in, innermost first (`damascus`, `syria`), from the
    knowledge base's entities by id."""
    chain = [place_id]
    while (entity := by_id.get(chain[-1])) is not None and entity.located_in:
        chain.append(entity.located_in)
    return chain


@lru_cache(maxsize=1)
def default_kb() -> tuple[KbEntity, ...]:
    """The packaged knowledge base, read once per process."""
    return read_kb()
