"""Title-cue rules: names that the words before them type, as a spaCy component.

News text announces many names with a cue: a rank or office before a person (`العميد`,
`اللواء`, `المستشار`, `وزير الدفاع`), a kind of body before an organisation (`وكالة`,
`حركة`, `حزب`, `ميليشيا`, `كتائب`), often with the name in quotes (`وكالة "تسنيم"`,
`حركتي "حماس" و"الجهاد الإسلامي"`).

Precedence in the default pipeline: the statistical NER runs first; these rules only add
spans where it found nothing (they never cut or retype its spans); the knowledge-base ruler
runs last and overrides both, because a curated id beats any guess.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.arabic import match_key
from kg.nlp.span_filter import is_description

QUOTES = frozenset("\"«»“”„'")
ORGANISATION_CUES = frozenset(
    match_key(word)
    for word in (
        "وكالة",
        "حركة",
        "حركتي",
        "حزب",
        "ميليشيا",
        "مليشيا",
        "ميليشيات",
        "لواء",
        "كتائب",
        "جماعة",
        "تنظيم",
        "جبهة",
        "فصيل",
        "صحيفة",
        "قناة",
        "موقع",
    )
)
PERSON_CUES = frozenset(
    match_key(word)
    for word in (
        "العميد",
        "اللواء",
        "الجنرال",
        "العقيد",
        "المستشار",
        "القائد",
        "القيادي",
        "الوزير",
        "الحاج",
        "الشيخ",
    )
)
# Words that end a name or cannot be part of one.
STOP_WORDS = frozenset(
    match_key(word)
    for word in (
        "في",
        "من",
        "إلى",
        "على",
        "عن",
        "مع",
        "أن",
        "إن",
        "الذي",
        "التي",
        "الذين",
        "قال",
        "قالت",
        "وقال",
        "وقالت",
        "أعلن",
        "أكد",
        "بعد",
        "قبل",
        "خلال",
        "منذ",
        "حيث",
        "كما",
        "وهو",
        "وهي",
        "هو",
        "هي",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
    )
)
MAX_QUOTED = 5
MAX_PERSON_NAME = 3


def _is_name_word(token) -> bool:
    return token.is_alpha and token.norm_ not in STOP_WORDS and len(token.text) > 1


def _quoted_after(doc: Doc, index: int) -> tuple[int, int] | None:
    """The tokens inside quotes opening at `index`, if short enough to be a name."""
    if index >= len(doc) or doc[index].text not in QUOTES:
        return None
    for end in range(index + 1, min(len(doc), index + 2 + MAX_QUOTED)):
        if doc[end].text in QUOTES:
            return (index + 1, end) if end > index + 1 else None
    return None


def cue_spans(doc: Doc) -> list[Span]:
    """Spans that a cue word types: quoted organisations, and names after ranks."""
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        norm = doc[i].norm_
        if norm in ORGANISATION_CUES:
            quoted = _quoted_after(doc, i + 1)
            while quoted is not None:
                spans.append(Span(doc, *quoted, label="Organization"))
                after = quoted[1] + 1
                # `حركتي "حماس" و"الجهاد الإسلامي"`: coordinated quoted names.
                if after < len(doc) and doc[after].norm_ == "و":
                    quoted = _quoted_after(doc, after + 1)
                else:
                    quoted = None
        elif norm in PERSON_CUES:
            end = i + 1
            while end < len(doc) and end - i <= MAX_PERSON_NAME and _is_name_word(doc[end]):
                end += 1
            if end - i >= 3:  # a first and a last name at least
                spans.append(Span(doc, i + 1, end, label="Person"))
        i += 1
    return spans


class CueRules:
    """Adds cue-typed spans to `doc.ents` where no entity is yet."""

    def __call__(self, doc: Doc) -> Doc:
        """Keep existing entities; add the cue spans that do not overlap them and are names,
        not descriptions (`المستشار العسكري`: "the military adviser")."""
        taken = {token.i for ent in doc.ents for token in ent}
        new = [
            span
            for span in cue_spans(doc)
            if not any(t.i in taken for t in span) and not is_description(span)
        ]
        if new:
            doc.ents = filter_spans([*doc.ents, *new])
        return doc


@Language.factory("kg_cue_rules")
def create_cue_rules(nlp: Language, name: str) -> CueRules:
    """Config factory for the title-cue rules."""
    return CueRules()
