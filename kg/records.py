"""The records that flow between kg's stages, from a file read to the graph written.

    read (kg.ingest)        files -> Article | ReadFailure
    analyse (kg.extraction.analyse, per article, in any process)
                            Article -> ArticleAnalysis (SentenceAnalysis: EntitySpan,
                            RuleHit, TimeMention)
    resolve (kg.extraction.resolve, in article order, with the run's state)
                            ArticleAnalysis -> Document (Entity, Mention, Relation, Event),
                            through LinkedMention, EntityMention, EventMention, KnownEvent
    write (kg.graph)        Document -> statement rows -> Neo4j

Offsets everywhere are character offsets into `Article.text`, the article's text exactly as
decoded from its file; cleaning and normalisation never change that text, they only choose
spans of it and compute matching keys beside it. Records that cross process boundaries (an
article and its analysis) are frozen dataclasses or plain ones of picklable fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.schema import (
    EVENT_ROLES,
    EntityLabel,
    EventRole,
    EventType,
    LocationKind,
    RelationType,
    TimePrecision,
    TimeQualifier,
)

# --- time ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeValue:
    """An absolute time: an ISO prefix, its precision, and how the text qualified it."""

    value: str  # "2023-09-22", "2023-05" or "2020"
    precision: TimePrecision
    qualifier: TimeQualifier | None = None


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in a text: `text == given[start:end]`."""

    start: int
    end: int
    text: str
    time: TimeValue


# --- read ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextSpan:
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
    body: list[TextSpan]
    path: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD), or a prefix of one
    author: str | None = None  # the byline's names, joined by `، `
    lang: str = "ar"
    sha256: str = ""
    legacy_ids: tuple[str, ...] = ()  # its ids under kg's earlier id scheme (kg.ingest.identity)


@dataclass(frozen=True)
class ReadFailure:
    """A file (or `file:line` record) that could not be read, and why, in one line."""

    path: str
    reason: str


# --- analyse ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's body: the unit of provenance."""

    idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EntitySpan:
    """An entity span as the pipeline found it: article offsets, label, knowledge-base id."""

    start: int
    text: str
    label: EntityLabel
    kind: LocationKind | None
    kb_id: str | None
    key: str = ""  # the tokens' matching keys: `الحوثيين` for the text `لحوثيين` of `للحوثيين`


@dataclass(frozen=True)
class Rule:
    """One relation or event pattern (`kg.extraction.rules`) and what its matches mean."""

    name: str
    pattern: str
    relations: tuple[tuple[RelationType, str, str], ...] = ()  # (type, source, target group)
    event: EventType | None = None
    roles: dict[EventRole, tuple[str, ...]] = field(default_factory=dict)  # role -> groups
    expand: tuple[str, ...] = ()
    timed: bool = True  # False: a description; the sentence's date is not its time
    anaphoric: bool = False  # the event is the article's latest of its type ("the strike")
    # (group, kind) pairs the groups' entities must satisfy: "country", "not-country",
    # "armed", "not-facility" (see `kg.extraction.resolve.relations.kinds_fit`)
    kinds: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RuleHit:
    """One match of one rule in one sentence.

    Groups hold entity ids once resolved; straight from the matcher they hold slot indexes
    (ints) for entities found in the sentence, and ids (strs) for demonyms.
    """

    rule: Rule
    groups: dict[str, tuple[int | str, ...]]
    start: int  # character span of the match in the sentence
    end: int

    def resolved(self, slot_ids: list[str]) -> RuleHit:
        """The hit with slot indexes replaced by the entity ids the slots were linked to."""
        groups = {
            name: tuple(dict.fromkeys(slot_ids[r] if isinstance(r, int) else r for r in refs))
            for name, refs in self.groups.items()
        }
        return RuleHit(self.rule, groups, self.start, self.end)


@dataclass(frozen=True)
class SentenceAnalysis:
    """The entity spans, rule hits and times of one sentence that names entities."""

    sentence: Sentence
    spans: list[EntitySpan]
    hits: list[RuleHit]
    times: list[TimeMention]


@dataclass(frozen=True)
class ArticleAnalysis:
    """What one article says: all its sentences, and the analysed ones."""

    article: Article
    sentences: list[Sentence]
    analysed: list[SentenceAnalysis]


# --- resolve ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkedMention:
    """The linker's outcome for one span: its entity, the span kept, the rule with evidence."""

    entity_id: str
    start: int
    end: int
    link: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in an article, with how it was linked to its entity."""

    start: int
    end: int
    text: str
    sentence: int
    link: str = ""  # the resolution rule and its evidence, e.g. "kb-alias: قاآني"


@dataclass(frozen=True)
class EntityMention:
    """A mention with the entity it was linked to, before mentions are grouped per entity."""

    entity_id: str
    label: EntityLabel
    mention: Mention
    kind: LocationKind | None = None


@dataclass
class EventMention:
    """One event as one sentence states it."""

    type: EventType
    sentence: int
    evidence: str
    rule: str
    roles: dict[EventRole, set[str]]
    when: TimeValue | None
    anaphoric: bool = False

    def absorb(self, other: EventMention) -> None:
        """Take in another mention of the same happening from the same sentence."""
        for role, ids in other.roles.items():
            self.roles.setdefault(role, set()).update(ids)
        self.when = self.when or other.when
        self.anaphoric = self.anaphoric or other.anaphoric
        if other.rule not in self.rule.split("+"):
            self.rule = f"{self.rule}+{other.rule}"


@dataclass
class KnownEvent:
    """An event resolved so far: its id and everything its mentions said."""

    id: str
    type: EventType
    roles: dict[EventRole, set[str]] = field(default_factory=dict)
    when: TimeValue | None = None

    def absorb(self, mention: EventMention) -> None:
        """Add a mention's participants; keep the more precise date."""
        for role, ids in mention.roles.items():
            self.roles.setdefault(role, set()).update(ids)
        if mention.when is not None and (
            self.when is None or len(mention.when.value) > len(self.when.value)
        ):
            self.when = mention.when


# --- documents: what the graph and the JSON Lines output are written from -----------------


class Dated:
    """A record with `date`, `date_precision` and `date_qualifier` fields (`Relation`, `Event`)."""

    date: str | None
    date_precision: TimePrecision | None
    date_qualifier: TimeQualifier | None

    @property
    def time(self) -> TimeValue | None:
        """The date, its precision and qualifier as one value."""
        if self.date is None or self.date_precision is None:
            return None
        return TimeValue(self.date, self.date_precision, self.date_qualifier)


@dataclass(frozen=True)
class Relation(Dated):
    """A typed fact between two entities, stated by one sentence.

    The fields are those of `kg extract`'s JSON (`date_precision` is `datePrecision` there):
    `date` is an ISO prefix (`2023-09-22`, `2023-09`, `2020`) when the sentence dates it.
    """

    type: RelationType
    source: str  # entity id
    target: str  # entity id
    sentence: int
    evidence: str
    rule: str
    date: str | None = None
    date_precision: TimePrecision | None = None
    date_qualifier: TimeQualifier | None = None


@dataclass
class Event(Dated):
    """A happening (visit, strike, agreement, ...) as one article reports it.

    The fields are those of `kg extract`'s JSON: the entity ids of each role (`agent`,
    `participant`, `target`, `place`) and the date, as on `Relation`.
    """

    id: str
    type: EventType
    sentences: list[int]
    evidence: str
    rule: str
    agent: list[str] = field(default_factory=list)
    participant: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: TimePrecision | None = None
    date_qualifier: TimeQualifier | None = None

    def ids(self, role: EventRole) -> list[str]:
        """The entity ids of one role (`"AGENT"`: `self.agent`)."""
        return getattr(self, role.lower())

    def by_role(self) -> dict[EventRole, list[str]]:
        """The roles that name an entity, each with its ids."""
        return {role: ids for role in EVENT_ROLES if (ids := self.ids(role))}


def dated(when: TimeValue | None) -> dict[str, str | None]:
    """The `date`, `date_precision` and `date_qualifier` fields of a record from a time."""
    if when is None:
        return {"date": None, "date_precision": None, "date_qualifier": None}
    return {"date": when.value, "date_precision": when.precision, "date_qualifier": when.qualifier}


@dataclass
class Entity:
    """A real-world entity as found in one run: its id is shared across the run's articles."""

    id: str
    label: EntityLabel
    name: str
    name_en: str | None = None
    kind: LocationKind | None = None
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
    pipeline: str | None = None
    """The fingerprint of the pipeline that extracted it, when read back from `kg extract`'s
    output (None: this kg's own, `kg.fingerprint`)."""
