"""Facts a name states about itself: `الجيش اليمني` is part of Yemen, `ميناء الحديدة` lies in
Hodeidah, `فيلق القدس الإيراني` is part of Iran.

A skeleton shows each entity as one slot, so the rule patterns cannot see inside a name. These
rules read an entity's own tokens (and the token right after it):

- a state institution named with a country's adjective is PART_OF that country: an
  organisation the knowledge base marks as a state body (`فيلق القدس الإيراني`), or one it
  does not know whose name starts with an institution's head noun (`kg.nlp.institutions`:
  `الجيش`, `القوات`, `وزارة الخارجية`, ...);
- a facility or landform named after a known place (`مطار`, `ميناء`, `قاعدة`, `جبل` + the
  place) is LOCATED_IN that place.

Each fact is a `RuleHit` of one of `NAME_RULES`, with the entity as the slot `s` and the
country or place as the knowledge-base id `t`, so the resolve stage treats it like any other hit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from kg.arabic import match_key
from kg.extraction.rules.skeleton import Slot
from kg.kb import KbEntity
from kg.nlp.institutions import INSTITUTION_HEADS
from kg.nlp.places import FACILITY_CUES, LANDFORM_CUES
from kg.records import Rule, RuleHit

STATE_BODY = Rule("state-body-of-country", "", relations=(("PART_OF", "s", "t"),), timed=False)
PLACE_IN_NAME = Rule("place-in-name", "", relations=(("LOCATED_IN", "s", "t"),), timed=False)
NAME_RULES = (STATE_BODY, PLACE_IN_NAME)


class NameFacts:
    """Finds the facts entity names state about themselves."""

    def __init__(self, kb: Iterable[KbEntity]) -> None:
        kb = tuple(kb)
        self.countries = {
            match_key(d): e.id for e in kb for d in e.demonyms if match_key(d).startswith("ال")
        }
        self.state_bodies = frozenset(e.id for e in kb if e.state_body)
        self.places = {
            match_key(alias): e.id for e in kb if e.label == "Location" for alias in e.aliases
        }

    def _country_in(self, norms: Sequence[str]) -> str | None:
        return next((self.countries[n] for n in norms if n in self.countries), None)

    def _country_after_head(self, norms: Sequence[str]) -> str | None:
        heads = [size for size in (2, 1) if tuple(norms[:size]) in INSTITUTION_HEADS]
        return self._country_in(norms[heads[0] :]) if heads else None

    def hits(self, doc: Doc, slots: Sequence[Slot], kb_ids: Sequence[str | None]) -> list[RuleHit]:
        """The name facts of a sentence's entities (`slots`, with their knowledge-base ids)."""
        found = []
        for index, (slot, kb_id) in enumerate(zip(slots, kb_ids, strict=True)):
            norms = [token.norm_ for token in doc[slot.start : slot.end]]
            start, end = doc[slot.start].idx, doc[slot.end - 1].idx + len(doc[slot.end - 1])
            if slot.label == "Organization":
                # The knowledge base knows which of its organisations are state bodies; for
                # the others, the head noun tells (`الجيش السوري الحر` is not the state's).
                after = doc[slot.end].norm_ if slot.end < len(doc) else ""
                if kb_id is None:
                    country = self._country_after_head(norms)
                elif kb_id in self.state_bodies:
                    country = self._country_in(norms) or self.countries.get(after)
                else:
                    country = None
                if country is not None and country != kb_id:
                    found.append(RuleHit(STATE_BODY, {"s": (index,), "t": (country,)}, start, end))
            elif slot.label == "Location" and norms[0] in FACILITY_CUES | LANDFORM_CUES:
                tails = (" ".join(norms[1:size]) for size in range(len(norms), 1, -1))
                place = next((self.places[t] for t in tails if t in self.places), None)
                if place is not None and place != kb_id:
                    found.append(RuleHit(PLACE_IN_NAME, {"s": (index,), "t": (place,)}, start, end))
        return found
