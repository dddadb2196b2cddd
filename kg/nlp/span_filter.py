"""Drop statistical-NER spans that are descriptions or dates, not names.

A model trained on newswire sometimes tags a description as an entity: a generic head noun
with adjectives (`منظمة إرهابية` "a terrorist organisation", `الميليشيات` "the militias",
`ريف` of `ريف حمص` "the countryside of Homs") or a month or weekday name (`نيسان`). Such
spans would become junk nodes and, worse, hide the very words relation rules read. This
component runs right after the NER and removes them; names that merely start with such a
noun (`جماعة الإخوان المسلمين`) keep a word that is not an adjective and stay. An army,
government or regime with its nationality (`الجيش اللبناني`) is an institution, so those
nouns are not generic heads. An organisation's span that runs on into the rank of the person
named after it (`باسم البعثة الأردنية السفير خالد الزعبي`) ends before the rank.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.arabic import match_key
from kg.vocabulary import MONTHS, WEEKDAYS, key_set

GENERIC_HEADS = frozenset(
    match_key(word)
    for word in (
        "منظمة",
        "منظمات",
        "جماعة",
        "جماعات",
        "حركة",
        "ميليشيا",
        "ميليشيات",
        "الميليشيات",
        "مليشيا",
        "المليشيات",
        "قوات",
        "القوات",
        "فصائل",
        "الفصائل",
        "عناصر",
        "مسؤولين",
        "المسؤولين",
        "مستشارين",
        "ضباط",
        "وكالة",
        "الوكالة",
        "الاحتلال",
        # places named by their kind only: `ريف حمص` tagged as `ريف`
        "ريف",
        "منطقة",
        "المنطقة",
        "مدينة",
        "المدينة",
        "بلدة",
        "قرية",
        "محافظة",
    )
)
# Nisba adjectives end in ي / ية / يون / يين (after normalisation: ي, يه, يون, يين).
NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يا")
DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Ranks that announce a person's name: never inside an organisation's name.
RANKS = key_set(
    ("العميد", "اللواء", "الجنرال", "العقيد", "المقدم", "الرائد", "النقيب", "الركن", "السفير")
)


def is_description(span: Span) -> bool:
    """True for a generic head noun alone or with adjectives only, a person "named" by a
    definite adjective, or a month or weekday."""
    keys = [match_key(token.text) for token in span if not token.is_punct]
    if not keys:
        return True
    if " ".join(keys) in DATE_WORDS:
        return True
    head, *rest = keys
    if span.label_ == "Person" and head.startswith("ال") and head.endswith(NISBA_ENDINGS):
        return True  # `العسكري ...`: "the military ...", an adjective, not a first name
    return head in GENERIC_HEADS and all(word.endswith(NISBA_ENDINGS) for word in rest)


def before_rank(span: Span) -> Span:
    """An organisation's span up to the first rank inside it (`التحالف العقيد الركن`:
    `التحالف`); any other span as it is."""
    if span.label_ != "Organization":
        return span
    for offset, token in enumerate(span[1:], start=1):
        if token.norm_ in RANKS:
            return Span(span.doc, span.start, span.start + offset, label=span.label)
    return span


class DescriptionFilter:
    """Removes description-like spans from `doc.ents` and cuts organisations at a rank."""

    def __call__(self, doc: Doc) -> Doc:
        """Keep the entities that look like names, each without a rank it ran into."""
        kept = [before_rank(ent) for ent in doc.ents if not is_description(ent)]
        if kept != list(doc.ents):
            doc.ents = kept
        return doc


@Language.factory(
    "kg_description_filter",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    retokenizes=False,
    default_config={},
)
def create_description_filter(nlp: Language, name: str) -> DescriptionFilter:
    """Config factory for the description filter."""
    return DescriptionFilter()
