"""State institutions named by their country: `القوات الإيرانية`, `الجيش اليمني`,
`وزارة الدفاع الروسية`, `الحكومة الشرعية اليمنية`, `التلفزيون السوري الرسمي`.

News names a country's army, forces, government, ministries, agencies and courts by a head
noun and the country's adjective. Each such phrase is an organisation (one node per country and
institution, in every article), and it is part of that country: the relation rules read the
country from the adjective inside the span (`kg.extraction.rules.names`).

The component runs after the NER and the cue rules and before the knowledge-base ruler (which
gives a curated id where it knows the institution). It adds a span where there is no entity,
or in place of entities that lie inside it (`[اليمني]` of `الجيش اليمني`), never cutting one
that reaches beyond it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.arabic import match_key
from kg.vocabulary import key_set

# Head nouns of a state institution, one or two words (definite or in construct form), by
# the gender of the adjective that agrees with them.
_FEMININE_HEADS = (
    "القوات",
    "قوات",
    "الحكومة",
    "حكومة",
    "الشرطة",
    "الاستخبارات",
    "المخابرات",
    "البحرية",
    "الدفاعات الجوية",
    "الرئاسة",
    "الخارجية",
    "الداخلية",
    "وزارة الخارجية",
    "وزارة الدفاع",
    "وزارة الداخلية",
    "وزارة الإعلام",
    "وزارة العدل",
    "وزارة المالية",
    "وزارة الخزانة",
    "وزارة النفط",
    "وزارة الصحة",
    "وزارة التخطيط",
    "وزارة التجارة",
    "وزارة الاقتصاد",
    "وزارة الكهرباء",
    "وزارة الطاقة",
    "وزارة النقل",
    "وزارة التعليم",
    "وزارة الثقافة",
    "وزارة الزراعة",
    "وكالة الأنباء",
    "رئاسة الوزراء",
    "المحكمة",
    "السفارة",
    "القنصلية",
    "الإدارة",
    "الأجهزة الأمنية",
)
_MASCULINE_HEADS = (
    "الجيش",
    "جيش",
    "النظام",
    "سلاح الجو",
    "البرلمان",
    "مجلس النواب",
    "مجلس الشورى",
    "مجلس الوزراء",
    "الحرس الوطني",
    "الحرس الثوري",
    "التلفزيون",
    "القضاء",
    "البنك المركزي",
    "الديوان الملكي",
    "الكونغرس",
    "الكونجرس",
    "الدفاع المدني",
)
HEAD_GENDERS: dict[tuple[str, ...], str] = {
    tuple(match_key(phrase).split()): gender
    for gender, phrases in (("f", _FEMININE_HEADS), ("m", _MASCULINE_HEADS))
    for phrase in phrases
}
INSTITUTION_HEADS = frozenset(HEAD_GENDERS)
# Adjectives that may stand between the head and the country, or after the country.
_MODIFIER_STEMS = (
    "المسلح",
    "الحكومي",
    "النظامي",
    "الخاص",
    "الجوي",
    "البحري",
    "البري",
    "المشترك",
    "الرسمي",
    "الأمني",
    "العسكري",
    "الشرعي",
    "الانتقالي",
)
MODIFIERS = key_set(
    (*_MODIFIER_STEMS, *(stem + "ة" for stem in _MODIFIER_STEMS), "العليا", "الأعلى")
)
# What makes the words before a head an office, not an institution (`وزير الخارجية الإيراني`),
# and what after the country makes it another body (`الجيش السوري الحر`).
OFFICE_BEFORE = key_set(("وزير", "وزيرة", "نائب", "باسم", "سفير", "مستشار", "مندوب", "مبعوث"))
# `رئيسة الحكومة البريطانية` is the head of the country's government, an office.
HEAD_OF_GOVERNMENT = key_set(("رئيس", "رئيسة", "الرئيس", "الرئيسة"))
GOVERNMENT_HEADS = key_set(("الحكومة", "حكومة"))
NOT_STATE_AFTER = key_set(("الحر", "الحرة", "المعارض", "المعارضة", "السابق", "السابقة"))
MAX_MODIFIERS = 2
_HEAD_FIRST_WORDS = frozenset(head[0] for head in HEAD_GENDERS)


class StateBodies:
    """Adds `Organization` spans for a head noun, adjectives and a country's adjective.

    `over_places_only`: the second pass, after the knowledge-base ruler, which may have taken
    a country adjective that is also the country's name (`السعودية`) for the country and so
    replaced `وزارة الخارجية السعودية`; this pass puts the institution back, replacing only
    places inside it."""

    def __init__(self, over_places_only: bool = False) -> None:
        self.demonyms: frozenset[str] = frozenset()
        self.over_places_only = over_places_only

    def add_demonyms(self, demonyms: Iterable[str]) -> None:
        """Country adjectives in their definite form (`الإيرانية`) end an institution's name."""
        self.demonyms = self.demonyms | {
            match_key(d) for d in demonyms if match_key(d).startswith("ال")
        }

    def _span_at(self, norms: list[str], start: int) -> tuple[int, int] | None:
        """The token range of the institution whose head starts at `start`, if any
        (`norms`: the matching key of each token of the Doc)."""
        if norms[start] not in _HEAD_FIRST_WORDS:
            return None
        before = norms[start - 1] if start > 0 else ""
        if before in OFFICE_BEFORE or (
            before in HEAD_OF_GOVERNMENT and norms[start] in GOVERNMENT_HEADS
        ):
            return None
        for size in (2, 1):
            head = tuple(norms[start : start + size])
            if len(head) == size and head in HEAD_GENDERS:
                break
        else:
            return None
        end = start + size
        while end < len(norms) and end - start - size < MAX_MODIFIERS and norms[end] in MODIFIERS:
            end += 1
        if end >= len(norms) or not self._agrees(norms[end], HEAD_GENDERS[head]):
            return None
        end += 1
        while end < len(norms) and norms[end] in MODIFIERS:
            end += 1
        if end < len(norms) and norms[end] in NOT_STATE_AFTER:
            return None
        return start, end

    def _agrees(self, norm: str, gender: str) -> bool:
        """A country adjective of the head's gender (`الحكومة اليمنية`, `الجيش اليمني`)."""
        return norm in self.demonyms and norm.endswith("ه" if gender == "f" else "ي")

    def __call__(self, doc: Doc) -> Doc:
        """Add the institutions of `doc` where they cut no entity."""
        ents = list(doc.ents)
        norms = [token.norm_ for token in doc]
        added = False
        index = 0
        while index < len(doc):
            found = self._span_at(norms, index)
            if found is None:
                index += 1
                continue
            span = Span(doc, *found, label="Organization")
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            replaceable = not self.over_places_only or (
                overlapping and all(e.label_ == "Location" for e in overlapping)
            )
            if replaceable and all(
                span.start <= e.start and e.end <= span.end for e in overlapping
            ):
                ents = [e for e in ents if e not in overlapping] + [span]
                added = True
            index = found[1]
        if added:
            doc.ents = filter_spans(ents)
        return doc


@Language.factory(
    "kg_state_bodies",
    assigns=["doc.ents"],
    requires=["token.norm"],
    retokenizes=False,
    default_config={"over_places_only": False},
)
def create_state_bodies(nlp: Language, name: str, over_places_only: bool) -> StateBodies:
    """Config factory for state institutions (demonyms are added by `build_pipeline`)."""
    return StateBodies(over_places_only)
