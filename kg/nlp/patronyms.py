"""A person's given name before `بن`: `خالد بن سلمان` is one name, not `خالد` and `بن سلمان`.

The NER, and the knowledge base (whose spellings include short forms such as `بن سلمان` for
Mohammed bin Salman), sometimes start a Person span at `بن`, `ابن` or `بنت` and leave the
given name before it outside. The span then names someone else, or links to the wrong
person: Khalid bin Salman became Mohammed bin Salman. This component, after the
knowledge-base ruler, moves the start of such a span back over the word before it when that
word is a given name of the gazetteer (`kg/data/gazetteer.tsv`, class `G`), is no common
word (`common_words.txt`: `كان`, a verb, is a given name too) and no title, and belongs to no
other entity. The widened span keeps its label. It keeps its knowledge-base id where that
person's name begins with the same given name (`أحمد بن دغر` is `أحمد عبيد بن دغر`), takes the
id of the person it now spells, or has none.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.arabic import match_key
from kg.nlp.gazetteer import given_names
from kg.nlp.titles import TITLE_TOKENS
from kg.nlp.wordlists import packaged_common_words
from kg.vocabulary import key_set

PATRONYM_WORDS = key_set(("بن", "ابن", "بنت"))


class PatronymJoiner:
    """Widens Person spans that start at `بن` over the given name before them."""

    def __init__(self) -> None:
        self.given_names = given_names() - packaged_common_words() - TITLE_TOKENS
        self.person_ids: dict[str, str] = {}
        self.given_names_of: dict[str, set[str]] = {}

    def add_persons(self, persons: Iterable[tuple[str, str]]) -> None:
        """Know these (spelling, id) pairs of knowledge-base persons."""
        for spelling, kb_id in persons:
            key = match_key(spelling)
            self.person_ids.setdefault(key, kb_id)
            self.given_names_of.setdefault(kb_id, set()).add(key.split()[0])

    def _id(self, widened: Span, ent: Span) -> str:
        known = self.person_ids.get(match_key(widened.text))
        if known is not None:
            return known
        if ent.id_ and widened[0].norm_ in self.given_names_of.get(ent.id_, ()):
            return ent.id_
        return ""

    def __call__(self, doc: Doc) -> Doc:
        """Widen the Person entities of `doc` that start at a patronym word."""
        ents = list(doc.ents)
        taken = {index for ent in ents for index in range(ent.start, ent.end)}
        changed = False
        for position, ent in enumerate(ents):
            before = ent.start - 1
            if (
                ent.label_ != "Person"
                or before < 0
                or ent[0].norm_ not in PATRONYM_WORDS
                or before in taken
                or doc[before].norm_ not in self.given_names
            ):
                continue
            widened = doc[before : ent.end]
            ents[position] = Span(
                doc,
                before,
                ent.end,
                label=ent.label,
                span_id=self._id(widened, ent),
            )
            changed = True
        if changed:
            doc.ents = ents
        return doc


@Language.factory(
    "kg_patronym_joiner",
    assigns=["doc.ents"],
    requires=["doc.ents", "token.norm"],
    retokenizes=False,
    default_config={},
)
def create_patronym_joiner(nlp: Language, name: str) -> PatronymJoiner:
    """Config factory for the patronym joiner (the knowledge base's persons are added by
    `build_pipeline`)."""
    return PatronymJoiner()
