"""A leader named inside an organisation's span: `التحالف بقيادة السعودية` is two names.

The knowledge base spells some bodies with their leader (`التحالف الذي تقوده السعودية`, so
that `التحالف` links to the right coalition), and the NER sometimes runs a name on through
`بقيادة` or `الذي يرأسه`. This component, after the knowledge-base ruler, cuts such an
Organization span before the relative clause or the `بقيادة` word, keeping its label and id,
and makes the known entity after that word (a person, place or organisation of the knowledge
base, longest spelling first) a span of its own, with its label and id. The relation rules
then read `⟦O⟧ الذي تقوده ⟦L⟧` like any sentence that names both.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.arabic import match_key
from kg.kb import KbEntity
from kg.vocabulary import LED_BY_WORDS, RELATIVE_PRONOUNS


class LeaderSplitter:
    """Splits Organization spans that name their leader into the body and the leader."""

    def __init__(self) -> None:
        self.leaders: dict[str, tuple[str, str]] = {}
        self.longest = 1

    def add_leaders(self, kb: Iterable[KbEntity]) -> None:
        """Know these entities' spellings as possible leaders (key -> label and id)."""
        for entity in kb:
            for alias in (entity.name, *entity.aliases):
                key = match_key(alias)
                self.leaders.setdefault(key, (entity.label, entity.id))
                self.longest = max(self.longest, len(key.split()))

    def _leader(self, doc: Doc, start: int, end: int) -> Span | None:
        for stop in range(min(end, start + self.longest), start, -1):
            known = self.leaders.get(" ".join(t.norm_ for t in doc[start:stop]))
            if known is not None:
                label, kb_id = known
                return Span(doc, start, stop, label=label, span_id=kb_id)
        return None

    def _split(self, doc: Doc, ent: Span) -> list[Span]:
        for index in range(ent.start + 1, ent.end - 1):
            if doc[index].norm_ not in LED_BY_WORDS:
                continue
            leader = self._leader(doc, index + 1, ent.end)
            if leader is None:
                return [ent]
            head_end = index - 1 if doc[index - 1].norm_ in RELATIVE_PRONOUNS else index
            if head_end <= ent.start:
                return [ent]
            head = Span(doc, ent.start, head_end, label=ent.label, span_id=ent.id)
            return [head, leader]
        return [ent]

    def __call__(self, doc: Doc) -> Doc:
        """Split the Organization entities of `doc` that name their leader."""
        ents: list[Span] = []
        for ent in doc.ents:
            ents += self._split(doc, ent) if ent.label_ == "Organization" else [ent]
        if len(ents) != len(doc.ents):
            doc.ents = ents
        return doc


@Language.factory(
    "kg_leader_splitter",
    assigns=["doc.ents"],
    requires=["doc.ents", "token.norm"],
    retokenizes=False,
    default_config={},
)
def create_leader_splitter(nlp: Language, name: str) -> LeaderSplitter:
    """Config factory for the leader splitter (the knowledge base is added by
    `build_pipeline`)."""
    return LeaderSplitter()
