"""The records that flow through the pipeline, from a file read to the graph written.

Offsets everywhere are character offsets into `Article.text`, the article's text exactly as
decoded from its file; cleaning and normalisation never change that text, they only choose
spans of it and compute matching keys beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.temporal import TimeValue


@dataclass(frozen=True)
class Span:
    """A half-open character range `[start, end)` of an article's text."""

    start: int
    end: int


@dataclass
class Article:
    """One article as read and cleaned.

    `text` is the decoded file content (or the JSON `text` field) unchanged; `body` lists the
    spans of it that are article body (page furniture and reader comments left out), in order.
    """

    id: str
    text: str
    body: list[Span]
    path: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD), or a prefix of one
    lang: str = "ar"
    sha256: str = ""


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's body: the unit of provenance."""

    idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in an article, with how it was linked to its entity."""

    start: int
    end: int
    text: str
    sentence: int
    link: str = ""  # the resolution rule and its evidence, e.g. "kb-alias: قاآني"


@dataclass(frozen=True)
class Relation:
    """A typed fact between two entities, stated by one sentence."""

    type: str  # one of kg.schema.RELATION_TYPES
    source: str  # entity id
    target: str  # entity id
    sentence: int
    evidence: str
    rule: str
    when: TimeValue | None = None


@dataclass
class Event:
    """A happening (visit, strike, agreement, ...) as one article reports it."""

    id: str
    type: str  # one of kg.schema.EVENT_TYPES
    sentences: list[int]
    evidence: str
    rule: str
    roles: dict[str, list[str]] = field(default_factory=dict)  # role -> entity ids
    when: TimeValue | None = None


@dataclass
class Entity:
    """A real-world entity as found in one run: its id is shared across the run's articles."""

    id: str
    label: str  # one of kg.schema.ENTITY_LABELS
    name: str
    name_en: str | None = None
    kind: str | None = None  # for locations: country, city, region, facility
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Document:
    """Everything extracted from one article."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity]
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
