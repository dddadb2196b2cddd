"""Titles out of person names: `الرئيس السوري بشار الأسد` names بشار الأسد.

The model (or an alias) sometimes takes a person's title into the name's span. The relation
rules read the title as the words before the person (`الرئيس` and the demonym of the country
state that he leads it), and linking wants the name alone, so this component runs last and
moves the start of every Person span past leading ranks, offices, honorifics, words of an
office's title and country demonyms, keeping at least the last token; a "person" that is all
title (`ولي العهد`) is no person. A knowledge-base person whose name begins with such a word
stays whole: `تركي المالكي` is a name, not "the Turkish al-Maliki". A Person span that runs
on into the word introducing a nickname (`X المكنى`) ends before that word, and one that
starts with a kinship word (`نجل أبو بكر البغدادي`, `ابن أبو بكر البغدادي`: his son) starts
after it, at the relative's name; `ابن` counts as kinship only before a kunya (`ابن خلدون` is
a name).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.arabic import match_key
from kg.vocabulary import (
    COUNTERPART_WORDS,
    KINSHIP_WORDS,
    KUNYA_WORDS,
    NICKNAME_MARKERS,
    OFFICE_NOUNS,
    OFFICE_TITLE_WORDS,
    SPOKESPERSON_WORDS,
    TITLES_BEFORE_NAMES,
    TITLES_STRIPPED_ONLY,
    key_set,
)

TITLE_TOKENS = (
    TITLES_BEFORE_NAMES
    | TITLES_STRIPPED_ONLY
    | OFFICE_NOUNS
    | SPOKESPERSON_WORDS
    | COUNTERPART_WORDS
    # the definite words of an office's title (`الخارجية`, `الوزراء`), not the indefinite
    # ones, which are names too (`باسم`)
    | {"ال" + word for word in OFFICE_TITLE_WORDS}
    | key_set(
        ("العاهل", "المستشارة", "الرئيسة", "رئيسة", "الراحل", "السابق", "الأسبق", "ولي", "العهد")
    )
)


class TitleTrimmer:
    """Moves the start of Person spans past titles and demonyms."""

    def __init__(self) -> None:
        self.demonyms: frozenset[str] = frozenset()
        self.names: frozenset[str] = frozenset()

    def add_demonyms(self, demonyms: Iterable[str]) -> None:
        """Treat these country adjectives (`السوري`, `الإيرانية`) as part of a title."""
        self.demonyms = self.demonyms | {match_key(d) for d in demonyms}

    def add_person_names(self, names: Iterable[str]) -> None:
        """Keep these names whole where they begin with a title word (`تركي المالكي`)."""
        self.names = self.names | {match_key(name) for name in names}

    def _is_title(self, norm: str) -> bool:
        return norm in TITLE_TOKENS or norm in self.demonyms

    @staticmethod
    def _is_kinship(doc: Doc, index: int, end: int) -> bool:
        """Whether token `index` is a kinship word before a relative's name inside the span."""
        norm = doc[index].norm_
        if norm not in KINSHIP_WORDS or index + 1 >= end:
            return False
        return norm != match_key("ابن") or doc[index + 1].norm_ in KUNYA_WORDS

    def __call__(self, doc: Doc) -> Doc:
        """Trim the Person entities of `doc` that start with a title, or end with a word that
        introduces a nickname (`المكنى`)."""
        ents = []
        changed = False
        for ent in doc.ents:
            start, end = ent.start, ent.end
            if ent.label_ == "Person":
                while end - 1 > start and doc[end - 1].norm_ in NICKNAME_MARKERS:
                    end -= 1
                if all(self._is_title(token.norm_) for token in ent):
                    changed = True
                    continue  # `ولي العهد`: an office, no name
                while (
                    start < end - 1
                    and (
                        self._is_title(doc[start].norm_)
                        or doc[start].is_punct
                        or self._is_kinship(doc, start, end)
                    )
                    and match_key(doc[start:end].text) not in self.names
                ):
                    start += 1
            if (start, end) != (ent.start, ent.end):
                ent = Span(doc, start, end, label=ent.label, span_id=ent.id)
                changed = True
            ents.append(ent)
        if changed:
            doc.ents = ents
        return doc


@Language.factory(
    "kg_title_trimmer",
    assigns=["doc.ents"],
    requires=["doc.ents", "token.norm"],
    retokenizes=False,
    default_config={},
)
def create_title_trimmer(nlp: Language, name: str) -> TitleTrimmer:
    """Config factory for the title trimmer (demonyms are added by `build_pipeline`)."""
    return TitleTrimmer()
