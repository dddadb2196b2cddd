"""Places announced by their kind: `مدينة مأرب`, `بلدة السوسة`, `مديرية التحيتا`, and the
facilities and landforms whose kind is part of the name: `ميناء الحديدة`, `مطار التيفور`,
`جبل الظهر`, `هضبة الجولان`.

Small towns, districts and facilities are what the war news is about and what no model or
list knows. A settlement cue types the one or two name words after it (the cue stays out of
the span); a facility or landform cue starts a span that includes it, typed Facility or
Location, and replaces the entities inside it (the city of a port stays known to the relation
rules through the span's words, `kg.extraction.rules.names`). The component runs after the
knowledge-base ruler and never cuts a span that reaches beyond its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.arabic import match_key
from kg.nlp.wordlists import packaged_common_words
from kg.vocabulary import key_set

# Cues whose name follows them: the span is the name alone.
SETTLEMENT_CUES = key_set(
    ("مدينة", "بلدة", "قرية", "محافظة", "مديرية", "ناحية", "قضاء", "مخيم", "ولاية")
)
# `منطقة` types a name only when the name has the article (`منطقة المزة`, not `منطقة خفض`).
DEFINITE_ONLY_CUES = key_set(("منطقة",))
# Cues that are part of the name: facilities and landforms.
FACILITY_CUES = key_set(("مطار", "ميناء", "قاعدة", "معبر", "مرفأ", "سجن"))
LANDFORM_CUES = key_set(("جبل", "تل", "هضبة", "جزيرة", "نهر", "وادي", "مضيق", "خليج", "بحيرة"))
# Words that end a place name or cannot start one.
NOT_NAMES = key_set(
    (
        "في",
        "من",
        "إلى",
        "على",
        "عن",
        "مع",
        "أن",
        "الذي",
        "التي",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "شمالي",
        "جنوبي",
        "شرقي",
        "غربي",
        "وسط",
        "قرب",
        "بالقرب",
        "العسكري",
        "العسكرية",
        "الدولي",
        "الجوي",
        "الجوية",
        "البحري",
        "الرئيسي",
        "الرئيسية",
        "الحدودي",
        "الحدودية",
        "الاستراتيجي",
        "الاستراتيجية",
        "المحتل",
        "المحتلة",
    )
)
MAX_NAME_WORDS = 2


class PlaceCues:
    """Adds place spans after settlement cues and spans of facilities and landforms."""

    def __init__(self) -> None:
        self.demonyms: frozenset[str] = frozenset()
        self.known_places: frozenset[str] = frozenset()

    def add_demonyms(self, demonyms: Iterable[str]) -> None:
        """Country adjectives end a place name (`مأرب اليمنية` names مأرب)."""
        self.demonyms = self.demonyms | {match_key(d) for d in demonyms}

    def add_known_places(self, names: Iterable[str]) -> None:
        """Names of known places: a facility named after one ends with it (`ميناء الحديدة`)."""
        self.known_places = self.known_places | {match_key(n) for n in names}

    def _name_word(self, token, first: bool) -> bool:
        norm = token.norm_
        if not token.is_alpha or len(norm) < 2 or norm in NOT_NAMES or norm in self.demonyms:
            return False
        cue = SETTLEMENT_CUES | DEFINITE_ONLY_CUES | FACILITY_CUES | LANDFORM_CUES
        if norm in cue:
            return False
        # A common word may be a place's name only with the article (`البيضاء`).
        return not (norm in packaged_common_words() and not (first and norm.startswith("ال")))

    def _name_end(self, doc: Doc, start: int) -> int:
        end = start
        while (
            end < len(doc)
            and end - start < MAX_NAME_WORDS
            and self._name_word(doc[end], end == start)
        ):
            end += 1
            if " ".join(t.norm_ for t in doc[start:end]) in self.known_places:
                break
        return end

    def spans(self, doc: Doc) -> list[Span]:
        """The place spans the cues of `doc` announce."""
        found = []
        for index, token in enumerate(doc[:-1]):
            norm = token.norm_
            name = index + 1
            if norm in DEFINITE_ONLY_CUES and not doc[name].norm_.startswith("ال"):
                continue
            end = self._name_end(doc, name)
            if end == name:
                continue
            if norm in SETTLEMENT_CUES | DEFINITE_ONLY_CUES:
                found.append(Span(doc, name, end, label="Location"))
            elif norm in FACILITY_CUES:
                found.append(Span(doc, index, end, label="Facility"))
            elif norm in LANDFORM_CUES:
                found.append(Span(doc, index, end, label="Location"))
        return found

    def __call__(self, doc: Doc) -> Doc:
        """Add the cued places of `doc`: a settlement where no entity is, a facility or
        landform in place of the entities inside it."""
        ents = list(doc.ents)
        added = False
        for span in self.spans(doc):
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            inside = all(span.start < e.start and e.end <= span.end for e in overlapping)
            named_part = span.label_ == "Location" and doc[span.start].norm_ not in (
                FACILITY_CUES | LANDFORM_CUES
            )
            # A settlement's name that is already an entity stays as it is; a facility or
            # landform never cuts an entity that holds its cue word (`تل أبيب`) or goes beyond.
            if (named_part and overlapping) or not inside:
                continue
            ents = [e for e in ents if e not in overlapping] + [span]
            added = True
        if added:
            doc.ents = filter_spans(ents)
        return doc


@Language.factory(
    "kg_place_cues",
    assigns=["doc.ents"],
    requires=["doc.ents", "token.norm"],
    retokenizes=False,
    default_config={},
)
def create_place_cues(nlp: Language, name: str) -> PlaceCues:
    """Config factory for the place cues (demonyms are added by `build_pipeline`)."""
    return PlaceCues()
