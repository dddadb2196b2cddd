"""The graph vocabulary: the only labels, relationship types and kinds kg ever writes.

Each vocabulary is a `Literal` type, so records say exactly which values a field takes, and
the tuple of its values is derived from that type. Cypher cannot take a label or a
relationship type as a parameter, so every statement that names one is chosen from these
fixed sets, never built from article text.
"""

from __future__ import annotations

from typing import Literal, get_args

EntityLabel = Literal["Person", "Organization", "Location", "Group"]
LocationKind = Literal["country", "city", "region", "facility"]
RelationType = Literal[
    "LEADS",
    "MEMBER_OF",
    "PART_OF",
    "SUCCEEDED",
    "APPOINTED",
    "VISITED",
    "MET_WITH",
    "SUPPORTS",
    "KILLED_IN",
    "KILLED_BY",
    "BORN_IN",
    "DESIGNATED_TERRORIST_BY",
    "HEADQUARTERED_IN",
    "DEPLOYED_IN",
    "LOCATED_IN",
]
EventType = Literal[
    "Visit",
    "Meeting",
    "Exercise",
    "Strike",
    "Killing",
    "Appointment",
    "Designation",
    "Agreement",
    "Relocation",
]
EventRole = Literal["AGENT", "PARTICIPANT", "TARGET", "PLACE"]
TimePrecision = Literal["day", "month", "year"]
# How the text placed a time: a position inside it, or a relation to it.
TimeQualifier = Literal["early", "mid", "late", "since", "before", "after"]

ENTITY_LABELS: tuple[EntityLabel, ...] = get_args(EntityLabel)
LOCATION_KINDS: tuple[LocationKind, ...] = get_args(LocationKind)
RELATION_TYPES: tuple[RelationType, ...] = get_args(RelationType)
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
EVENT_ROLES: tuple[EventRole, ...] = get_args(EventRole)

# Relations that read the same both ways: stored once per pair, from the smaller entity id to
# the larger, whichever the sentence names first.
SYMMETRIC_RELATIONS: frozenset[RelationType] = frozenset({"MET_WITH"})

# Relations that describe a lasting state: their time is when it began (`since`).
STATE_RELATIONS: frozenset[RelationType] = frozenset(
    {"LEADS", "MEMBER_OF", "PART_OF", "SUPPORTS", "HEADQUARTERED_IN", "DEPLOYED_IN", "LOCATED_IN"}
)
