"""The graph vocabulary: the only labels, relationship types and kinds kg ever writes.

Cypher cannot take a label or a relationship type as a parameter, so every query that names
one is chosen from these fixed sets, never built from article text.
"""

from __future__ import annotations

ENTITY_LABELS: tuple[str, ...] = ("Person", "Organization", "Location", "Group")
LOCATION_KINDS: tuple[str, ...] = ("country", "city", "region", "facility")

RELATION_TYPES: tuple[str, ...] = (
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
)
# Relations that describe a lasting state: their time is when it began (`since`).
STATE_RELATIONS: frozenset[str] = frozenset(
    {"LEADS", "MEMBER_OF", "PART_OF", "SUPPORTS", "HEADQUARTERED_IN", "DEPLOYED_IN", "LOCATED_IN"}
)

EVENT_TYPES: tuple[str, ...] = (
    "Visit",
    "Meeting",
    "Exercise",
    "Strike",
    "Killing",
    "Appointment",
    "Designation",
    "Agreement",
    "Relocation",
)
EVENT_ROLES: tuple[str, ...] = ("AGENT", "PARTICIPANT", "TARGET", "PLACE")
