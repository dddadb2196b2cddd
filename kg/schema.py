"""The graph vocabulary: the only labels, relationship types and kinds kg ever writes.

Cypher cannot take a label or a relationship type as a parameter, so every query that names
one is chosen from these fixed sets, never built from article text.
"""

from __future__ import annotations

ENTITY_LABELS: tuple[str, ...] = ("Person", "Organization", "Location", "Group")
LOCATION_KINDS: tuple[str, ...] = ("country", "city", "region", "facility")
