"""The pipeline's entity labels and how the corpora's labels map onto them.

ANERcorp: `PERS` -> Person, `ORG` -> Organization, `LOC` -> Location; `MISC` (events,
products, languages, ...) has no counterpart in the graph and is dropped. NewsFANE's 50 fine
classes map to Person, Organization, Location (GPEs and natural locations), Facility and Group;
the rest (Book, Movie, Software, Medical-Science, ...) are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

PERSON = "Person"
ORGANIZATION = "Organization"
LOCATION = "Location"
FACILITY = "Facility"
GROUP = "Group"

LABELS = (PERSON, ORGANIZATION, LOCATION, FACILITY, GROUP)

ANERCORP_LABELS = {"PERS": PERSON, "PER": PERSON, "ORG": ORGANIZATION, "LOC": LOCATION}

_NEWSFANE_GROUPS = {
    PERSON: (
        "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer "
        "Engineer Police_PER"
    ),
    ORGANIZATION: (
        "Government Non-Governmental Media Commercial Educational Sports Police Religious_ORG"
    ),
    LOCATION: (
        "Nation Population-Center State-or-Province County-or-District Continent GPE-Cluster "
        "Water-Body Land-Region-Natural Land Celestial"
    ),
    FACILITY: "Airport Building-Grounds Path Subarea-Facility",
    GROUP: "Group",
}
NEWSFANE_LABELS = {
    fine: coarse for coarse, names in _NEWSFANE_GROUPS.items() for fine in names.split()
}

# Our own labels, and common short forms, read as themselves.
_OWN_LABELS = {label: label for label in LABELS} | {
    "PERSON": PERSON,
    "GPE": LOCATION,
    "FAC": FACILITY,
    "NORP": GROUP,
}


def coarse_label(label: str) -> str | None:
    """Our label for a corpus label (ANERcorp, NewsFANE fine class or our own), or None."""
    for table in (ANERCORP_LABELS, NEWSFANE_LABELS, _OWN_LABELS):
        if label in table:
            return table[label]
    return None


# Our labels as ANERcorp's: it has no Facility or Group (it tags most of them O or MISC).
TO_ANERCORP = {PERSON: "PERS", ORGANIZATION: "ORG", LOCATION: "LOC"}


def is_anercorp_scheme(labels: Iterable[str]) -> bool:
    """True when every (IOB-stripped) label is one of ANERcorp's, MISC included."""
    return set(labels) <= {*ANERCORP_LABELS, "MISC"}


def relabel(tags: Sequence[str], mapping: Callable[[str], str | None]) -> list[str]:
    """IOB2 tags with every type mapped; a type mapped to None becomes `O`."""
    relabelled = []
    for tag in tags:
        prefix, _, label = tag.partition("-")
        new = mapping(label) if label else None
        relabelled.append(f"{prefix}-{new}" if new else "O")
    return relabelled
