"""Title-cue rules: names that the words before them type, as a spaCy component.

News text announces many names with a cue: a rank or office before a person (`العميد`,
`اللواء`, `المستشار`, `وزير الدفاع`, `زعيم التيار الصدري`), a kind of body before an
organisation (`وكالة`, `حركة`, `حزب`, `ميليشيا`, `كتائب`), often with the name in quotes
(`وكالة "تسنيم"`, `حركتي "حماس" و"الجهاد الإسلامي"`).

Precedence in the default pipeline: the statistical NER runs first; these rules add spans
where it found nothing and widen its spans of the same type to the whole name the cue
delimits (`محمد شياع` to `محمد شياع السوداني`), but never cut or retype them; the
knowledge-base ruler runs last and overrides both, because a curated id beats any guess.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.arabic import match_key
from kg.nlp.gazetteer import given_names
from kg.nlp.span_filter import is_description
from kg.nlp.tokenizer import PROCLITICS
from kg.nlp.wordlists import packaged_common_words
from kg.vocabulary import (
    COUNTERPART_WORDS,
    OFFICE_NOUNS,
    OFFICE_TITLE_WORDS,
    SPOKESPERSON_WORDS,
    TITLES_BEFORE_NAMES,
)

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
        # electoral lists and alliances, named in quotes: `ائتلاف "الفتح"`, `قائمة "الحكمة"`
        "ائتلاف",
        "تحالف",
        "قائمة",
        "كتلة",
        "تيار",
    )
)
# A word that completes a kind of body before its name (`وكالة أنباء "سبأ"`).
KIND_COMPLEMENTS = frozenset(match_key(word) for word in ("أنباء",))
# "Named", between a kind of body and its quoted name.
NAMING_WORDS = frozenset(match_key(word) for word in ("باسم", "اسمها", "اسمه", "يدعى", "تدعى"))
# Kinds of body whose name no place bears: a place the NER finds right after one is the body's
# name (`وكالة سبأ`, `تنظيم "الدولة الإسلامية"`), so the cue retypes it. Not `قناة` (`قناة
# السويس`), `جبهة` (`جبهة البيضاء`, a front), `لواء` or `موقع`, which also name places.
RETYPING_CUES = frozenset(
    match_key(word)
    for word in (
        "وكالة",
        "حركة",
        "حزب",
        "ميليشيا",
        "مليشيا",
        "ميليشيات",
        "كتائب",
        "جماعة",
        "تنظيم",
        "فصيل",
        "صحيفة",
    )
)
# Ranks and offices that stand right before a name, or before the body or country they
# belong to and then the name (`وزير الدفاع ثابت العباسي`, `زعيم التيار الصدري مقتدى الصدر`,
# `نظيره العماني بدر البوسعيدي`).
PERSON_CUES = TITLES_BEFORE_NAMES | OFFICE_NOUNS | SPOKESPERSON_WORDS | COUNTERPART_WORDS
# Words that end a name or cannot be part of one.
STOP_WORDS = (
    frozenset(
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
            "أنه",
            "إنه",
            "بأن",
            "قد",
            "لقد",
            "وقد",
            "أمس",
            "عبر",
            "أمام",
            "الذي",
            "التي",
            "الذين",
            "قال",
            "قالت",
            "وقال",
            "وقالت",
            "قائلا",
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
    | COUNTERPART_WORDS
)
# Nouns that head the name of a building or institution, never a person's first name: after
# an office they name the body (`المتحدث باسم قصر بكينغهام`), not the office holder.
INSTITUTION_HEADS = frozenset(
    match_key(word)
    for word in (
        "قصر",
        "مبنى",
        "مقر",
        "مطار",
        "ميناء",
        "جامعة",
        "مستشفى",
        "وزارة",
        "سفارة",
        "قنصلية",
        "شركة",
        "مصرف",
        "بنك",
        "مؤسسة",
        "معهد",
        "مركز",
        "مجلس",
        "محكمة",
        "برلمان",
        "بلدية",
        "قاعدة",
        "معسكر",
        "سجن",
    )
)
DEFINITE_PREFIXES = ("ال", "لل", "بال", "وال", "فال", "كال", "لال")
TITLE_PREPOSITIONS = frozenset(("في", "ب", "ل", "لل", "من"))
MAX_QUOTED = 5
MAX_TITLE_WORDS = 6


def _is_name_word(token) -> bool:
    norm = token.norm_
    return (
        token.is_alpha
        and len(token.text) > 1
        and norm not in STOP_WORDS
        # `متأثرا`, `مؤكدا`: an adverbial participle, not a name
        and not (norm.startswith("م") and norm.endswith("ا") and len(norm) >= 5)
    )


def _definite(token) -> bool:
    """The article, alone or after a clitic the tokenizer left attached (`للتأمين`)."""
    return token.norm_.startswith(DEFINITE_PREFIXES) and len(token.norm_) > 3


def _quoted_after(doc: Doc, index: int) -> tuple[int, int] | None:
    """The tokens inside quotes opening at `index`, if short enough to be a name."""
    if index >= len(doc) or doc[index].text not in QUOTES:
        return None
    for end in range(index + 1, min(len(doc), index + 2 + MAX_QUOTED)):
        if doc[end].text in QUOTES:
            return (index + 1, end) if end > index + 1 else None
    return None


def _may_start_name(token) -> bool:
    """A first name: a name word of three letters or more, not definite, not a rank, not the
    head of an institution's name (`قصر`, `وزارة`), not a common word behind a clitic the
    tokenizer left on (`بمناسبة`), and not a common word that is no given name (`جولة`,
    `ليس`, after `وزير الخارجية الإيراني`; `علي` is common as a preposition, and a name)."""
    norm = token.norm_
    common = packaged_common_words()
    behind_clitic = len(norm) >= 5 and norm[0] in PROCLITICS
    return (
        _is_name_word(token)
        and len(norm) >= 3
        and not _definite(token)
        and norm not in PERSON_CUES
        and norm not in INSTITUTION_HEADS
        and not (behind_clitic and norm[1:] in common)
        and not (norm in common and norm not in given_names())
    )


def _is_family_name(token) -> bool:
    """A third name word: definite and a nisba (`السوداني`, `الموسوي`), unlike a common noun
    after a name (`اليوم`, `النائب`)."""
    return _definite(token) and token.norm_.endswith("ي") and _is_name_word(token)


def _belongs_to_title(doc: Doc, index: int, body_tokens: set[int]) -> bool:
    """A definite word, a word of a body or country, or a preposition leading to one
    (`المستشار في الحرس الثوري`)."""
    token = doc[index]
    if _definite(token) or index in body_tokens:
        return True
    following = index + 1
    return (
        token.norm_ in TITLE_PREPOSITIONS
        and following < len(doc)
        and (_definite(doc[following]) or following in body_tokens)
    )


def _name_after_title(doc: Doc, cue: int) -> tuple[int, int] | None:
    """The name a person cue at `cue` announces, as a token range, or None.

    The title's own words come first: `OFFICE_TITLE_WORDS` right after the cue (`وزير خارجية`,
    `المتحدث باسم`), then definite words and the words of a body or country already found
    (`الحكومة`, `إيران`, `في الحرس الثوري`). An office without the article (`وزير`) must
    end in such a word, or it describes rather than announces (`مستشار عسكري آخر`). The
    name is a first word without the article, a second word that is not a common word
    (`kg.nlp.wordlists`), and a third only when the second has no article and the third
    is a definite nisba (`محمد شياع السوداني`); a lone word is not taken for a name.
    """
    body_tokens = {
        t.i for ent in doc.ents if ent.start > cue and ent.label_ != "Person" for t in ent
    }
    start = cue + 1
    while (
        start < len(doc)
        and start - cue <= MAX_TITLE_WORDS
        and doc[start].norm_ in OFFICE_TITLE_WORDS
    ):
        start += 1
    while (
        start < len(doc)
        and start - cue <= MAX_TITLE_WORDS
        and _belongs_to_title(doc, start, body_tokens)
    ):
        start += 1
    if start + 1 >= len(doc) or not _may_start_name(doc[start]):
        return None
    if not _definite(doc[cue]) and not (
        start > cue + 1 and _belongs_to_title(doc, start - 1, body_tokens)
    ):
        return None  # `مستشار عسكري آخر`: an indefinite office needs its body or country
    second = doc[start + 1]
    if not _is_name_word(second) or second.norm_ in packaged_common_words():
        return None  # `الرئيس عباس يتحدث`, `على الرغم`: a name has no common second word
    end = start + 2
    if end < len(doc) and not _definite(second) and _is_family_name(doc[end]):
        end += 1
    return start, end


def _places_named_after(doc: Doc, cue: int) -> list[Span]:
    """The place the NER found right after a body's cue (past an opening quote), as the
    organisation it names."""
    start = cue + 2 if cue + 1 < len(doc) and doc[cue + 1].text in QUOTES else cue + 1
    return [
        Span(doc, ent.start, ent.end, label="Organization")
        for ent in doc.ents
        if ent.start == start and ent.label_ == "Location"
    ]


def cue_spans(doc: Doc) -> list[Span]:
    """Spans that a cue word types: quoted organisations, and names after ranks and offices."""
    spans: list[Span] = []
    for i, token in enumerate(doc):
        norm = token.norm_
        # `وكالة أنباء "سبأ"`: the name follows the kind's complement
        completed = i + 1 < len(doc) and doc[i + 1].norm_ in KIND_COMPLEMENTS
        cue = i + 1 if norm in ORGANISATION_CUES and completed else i
        if norm in RETYPING_CUES:
            spans += _places_named_after(doc, cue)
        if norm in ORGANISATION_CUES:
            # `تحالف باسم "..."`, `جماعة اسمها "..."`: named so
            named = cue + 1 < len(doc) and doc[cue + 1].norm_ in NAMING_WORDS
            quoted = _quoted_after(doc, cue + 2 if named else cue + 1)
            while quoted is not None:
                spans.append(Span(doc, *quoted, label="Organization"))
                after = quoted[1] + 1
                # `حركتي "حماس" و"الجهاد الإسلامي"`: coordinated quoted names.
                if after < len(doc) and doc[after].norm_ == "و":
                    quoted = _quoted_after(doc, after + 1)
                else:
                    quoted = None
        elif norm in PERSON_CUES:
            name = _name_after_title(doc, i)
            if name is not None:
                spans.append(Span(doc, *name, label="Person"))
    return spans


def _quoted(span: Span) -> bool:
    """Whether the span is exactly what stands between two quotes."""
    doc = span.doc
    return (
        span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text in QUOTES
        and doc[span.end].text in QUOTES
    )


def _widens(span: Span, ent: Span) -> bool:
    """True when `span` contains `ent` and has its label, or is a body containing a place
    (`تنظيم "الدولة الإسلامية"`), or is the quoted name after a kind of body, whatever the
    NER took it for (`تحالف "سائرون"`, not a person): the cue saw the whole name, and what it
    names."""
    same_kind = (
        ent.label_ == span.label_
        or (ent.label_ == "Location" and span.label_ == "Organization")
        or (span.label_ == "Organization" and _quoted(span))
    )
    return same_kind and span.start <= ent.start and ent.end <= span.end


class CueRules:
    """Adds cue-typed spans to `doc.ents`: where no entity is yet, or in place of a shorter
    entity of the same type inside them."""

    def __call__(self, doc: Doc) -> Doc:
        """Keep existing entities except those a cue span widens; add the cue spans that do
        not cut or retype another entity and are names, not descriptions (`المستشار العسكري`:
        "the military adviser")."""
        ents = list(doc.ents)
        added = False
        for span in cue_spans(doc):
            if is_description(span):
                continue
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if all(_widens(span, e) for e in overlapping):
                ents = [e for e in ents if e not in overlapping] + [span]
                added = True
        if added:
            doc.ents = filter_spans(ents)
        return doc


@Language.factory(
    "kg_cue_rules",
    assigns=["doc.ents"],
    requires=["token.norm"],
    retokenizes=False,
    default_config={},
)
def create_cue_rules(nlp: Language, name: str) -> CueRules:
    """Config factory for the title-cue rules."""
    return CueRules()
