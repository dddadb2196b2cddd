"""Arabic words that kg's stages share: months, weekdays, time words, titles and ranks.

Every list of words lives here once. Tables are keyed by `match_key` (of a word or a
space-separated phrase), so one entry covers the spellings the key unifies (`أيار`, `ايار`,
`أيّار`, `أيـار`; `إبريل`, `ابريل`); `word_set` turns a written list into a set for modules that
compare another form of the text (folded lines, HTML tag names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TypeVar

from kg.arabic import match_key

T = TypeVar("T")


def word_set(words: str, fold: Callable[[str], str] | None = None) -> frozenset[str]:
    """The words of a space-separated list as a set; `_` joins the parts of one phrase
    (`رام_الله`) and `fold`, when given, maps each entry (e.g. to its folded form)."""
    entries = (word.replace("_", " ") for word in words.split())
    return frozenset(fold(entry) if fold else entry for entry in entries)


def key_set(words: Iterable[str]) -> frozenset[str]:
    """The matching keys of `words`."""
    return frozenset(match_key(word) for word in words)


def keyed(words: Mapping[str, T]) -> dict[str, T]:
    """A table of words (or phrases) re-keyed by their matching keys."""
    return {match_key(word): value for word, value in words.items()}


def marker_table(words: Iterable[str]) -> dict[str, bool]:
    """A table that marks each of `words` (by matching key), for phrase lookups that need a
    value per entry."""
    return dict.fromkeys(key_set(words), True)


# --- months and weekdays -----------------------------------------------------------------


def iso_date(year: str | int, month: str | int, day: str | int) -> str | None:
    """The ISO form of a calendar date, or None when it is not one (`2023-02-30`)."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# Every spelling of each month in the two systems Arabic news uses: the Syriac names of the
# Levant and Iraq, and the Latin-derived names, as written in Egypt and the Gulf, in Tunisia
# and Algeria (`جانفي`, `جوان`, `أوت`) and in Morocco (`يوليوز`, `غشت`, `دجنبر`).
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "يناير", "جانفي"),
    2: ("شباط", "فبراير", "فيفري"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "إبريل", "أفريل"),
    5: ("أيار", "مايو", "ماي"),
    6: ("حزيران", "يونيو", "يونية", "يونيه", "جوان"),
    7: ("تموز", "يوليو", "يولية", "يوليه", "جويلية", "يوليوز"),
    8: ("آب", "أغسطس", "أوت", "غشت"),
    9: ("أيلول", "سبتمبر", "شتنبر"),
    10: ("تشرين الأول", "أكتوبر"),
    11: ("تشرين الثاني", "نوفمبر", "نوڤمبر", "نونبر"),
    12: ("كانون الأول", "ديسمبر", "دجنبر"),
}
# The English names and abbreviations that page date stamps use.
LATIN_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan"),
    2: ("february", "feb"),
    3: ("march", "mar"),
    4: ("april", "apr"),
    5: ("may",),
    6: ("june", "jun"),
    7: ("july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("october", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}
MONTHS: dict[str, int] = {
    match_key(name): month for month, names in MONTH_NAMES.items() for name in names
}
# Month names that are also common words (`مارس` "practised", `آب` ~ `أب` "father", `ماي`,
# `جوان` also names): months alone only when the context marks them.
AMBIGUOUS_MONTHS = key_set(("مارس", "آب", "ماي", "جوان"))

WEEKDAY_NAMES: dict[str, int] = {  # Python's numbering: Monday is 0
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
}
WEEKDAYS: dict[str, int] = keyed(WEEKDAY_NAMES)

# --- relative time words ------------------------------------------------------------------

# Days relative to the reference day.
DAYS: dict[str, int] = keyed(
    {
        "أمس": -1,
        "الأمس": -1,
        "البارحة": -1,
        "اليوم": 0,
        "غدا": 1,
        "أول أمس": -2,
        "أول من أمس": -2,
        "أمس الأول": -2,
    }
)

# The word after a month, weekday or unit: before (-1), current (0) or after (1) the reference.
RELATIVE: dict[str, int] = keyed(
    {
        **dict.fromkeys(("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة"), -1),
        **dict.fromkeys(("الجاري", "الجارية", "الحالي", "الحالية"), 0),
        **dict.fromkeys(("المقبل", "المقبلة", "القادم", "القادمة"), 1),
    }
)
UNITS: dict[str, str] = keyed(
    {"العام": "year", "السنة": "year", "الشهر": "month", "الأسبوع": "week"}
)

# Qualifiers: a relation to the date, or a position inside it.
RELATIONS: dict[str, str] = keyed({"منذ": "since", "قبل": "before", "بعد": "after"})
POSITIONS: dict[str, str] = keyed(
    {
        **dict.fromkeys(("مطلع", "أوائل", "بداية", "بدايات", "مستهل"), "early"),
        **dict.fromkeys(("منتصف", "أواسط"), "mid"),
        **dict.fromkeys(("أواخر", "نهاية", "نهايات"), "late"),
    }
)

CUES = marker_table(("في", "خلال"))  # prepositions after which a bare year is a year
YEAR_NOUNS = marker_table(("عام", "العام", "سنة", "السنة"))
THIS = marker_table(("هذا", "هذه"))
FROM = marker_table(("من",))
MONTH_WORD = marker_table(("شهر",))
YOM = marker_table(("يوم",))
DAY_PARTS = marker_table(("صباح", "مساء", "ليلة", "فجر", "ظهر", "ظهيرة"))

# Separators of paired month names (`نيسان/أبريل`, `نيسان (أبريل)`), with the closing mark.
PAIR_SEPARATORS: dict[str, str | None] = {"/": None, "-": None, "–": None, "—": None, "(": ")"}

# --- armed bodies -------------------------------------------------------------------------

# Head nouns of the names of armies, forces and armed groups (`القوات الإيرانية`,
# `ميليشيات الحوثي`, `كتائب حزب الله`, `ألوية حراس الجمهورية`).
ARMED_HEADS = key_set(
    (
        "الجيش",
        "جيش",
        "القوات",
        "قوات",
        "قوة",
        "الحرس",
        "الحشد",
        "ميليشيا",
        "ميليشيات",
        "مليشيا",
        "مليشيات",
        "الميليشيات",
        "المليشيات",
        "كتائب",
        "كتيبة",
        "لواء",
        "ألوية",
        "فصائل",
        "فصيل",
        "سرايا",
        "تنظيم",
        "البحرية",
        "سلاح",
        "المقاومة",
        "الدفاعات",
        "وحدات",
        "فيلق",
    )
)

# --- titles and ranks before a person's name ------------------------------------------------

# Ranks, offices and honorifics that stand right before a person's name: the cue rules
# read a name after them, and linking strips them from a name.
TITLES_BEFORE_NAMES = key_set(
    (
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
        "الرئيس",
        "السفير",
        "الدكتور",
        "النائب",
    )
)
# Titles that linking strips from a name but that do not announce one to the cue rules:
# words that are ordinary nouns too (`الفريق` "the team", `المسؤول` "the official",
# `السيد` "Mr" inside quotes) or that precede names the cue rules cannot delimit
# (`الملك سلمان بن عبد العزيز`).
TITLES_STRIPPED_ONLY = key_set(
    (
        "السيد",
        "النقيب",
        "الرائد",
        "المقدم",
        "الفريق",
        "المشير",
        "الأمير",
        "الملك",
        "الإمام",
        "المرشد",
        "الزعيم",
        "المسؤول",
        # ayatollah, both of its words: `آية الله علي خامنئي` names علي خامنئي
        "آية",
        "الله",
        # `الفريق أول ركن جوزيف فوتيل`: lieutenant general, staff officer
        "أول",
        "ركن",
        "الركن",
    )
)
# Words that end a person's name and introduce another for him (`X المكنى "أبو Y"`): a person
# span the NER ran on into one ends before it.
NICKNAME_MARKERS = key_set(("المكنى", "المكناة", "الملقب", "الملقبة", "المعروف", "المعروفة"))
# Kinship words before a relative's name (`نجل أبو بكر البغدادي`, his son): the person meant
# is not the one named after them.
KINSHIP_WORDS = key_set(
    ("نجل", "نجلي", "شقيق", "شقيقة", "زوجة", "أرملة", "ابنة", "والد", "والدة", "ابن")
)
# Where `ابن` (also part of names: `ابن خلدون`) surely means "son of": before a kunya.
KUNYA_WORDS = key_set(("أبو", "أبي", "ابو"))
# Offices written without the article: they announce a name only after the body or country
# they belong to (`وزير الدفاع ثابت العباسي`, `زعيم التيار الصدري مقتدى الصدر`).
OFFICE_NOUNS = key_set(
    ("وزير", "رئيس", "نائب", "سفير", "زعيم", "قائد", "مستشار", "محافظ", "مبعوث", "مندوب")
)
SPOKESPERSON_WORDS = key_set(("المتحدث", "الناطق"))
# Words that name a body's leader after it (`التحالف بقيادة السعودية`, `تيار الحكمة الذي
# يرأسه عمار الحكيم`, `الذي تتزعمه`).
LED_BY_WORDS = key_set(
    (
        "بقيادة",
        "برئاسة",
        "بزعامة",
        "تقوده",
        "يقوده",
        "تقودها",
        "يقودها",
        "تتزعمه",
        "يتزعمه",
        "تتزعمها",
        "يتزعمها",
        "تترأسه",
        "يترأسه",
        "تترأسها",
        "يترأسها",
        "يرأسه",
        "ترأسه",
        "يرأسها",
        "ترأسها",
    )
)
RELATIVE_PRONOUNS = key_set(("الذي", "التي", "الذين", "اللذين", "اللتين"))
# Head nouns of a country's mission abroad (`السفارة الروسية في لندن`): seated where it is.
MISSION_HEADS = key_set(("السفارة", "سفارة", "القنصلية", "قنصلية"))
# Head nouns that, alone and definite, refer back to the one body of the article named with
# them (`التحالف` for `التحالف العربي`, `الحزب` for `حزب الله`, `المرصد` for `المرصد السوري
# لحقوق الإنسان`).
ANAPHORIC_HEADS = key_set(
    (
        "التحالف",
        "المرصد",
        "الحزب",
        "الحركة",
        "الجماعة",
        "التنظيم",
        "الحشد",
        "الفيلق",
        "الائتلاف",
        "التيار",
        "الجبهة",
        "المنظمة",
        "الحرس",
    )
)
COUNTERPART_WORDS = key_set(("نظيره", "نظيرها"))  # `نظيره العماني بدر البوسعيدي`
# Indefinite words that belong to an office's title rather than to the name after it
# (`وزير خارجية إيران`, `المتحدث باسم الحكومة`, `رئيس هيئة الأركان`).
OFFICE_TITLE_WORDS = key_set(
    (
        "باسم",
        "رئيس",
        "وزير",
        "نائب",
        "أمين",
        "خارجية",
        "داخلية",
        "دفاع",
        "وزراء",
        "حكومة",
        "هيئة",
        "أركان",
        "مجلس",
        "عام",
        "شؤون",
        "جهاز",
        "قوات",
        "قوة",
        "لجنة",
        "مكتب",
        "حزب",
        "حركة",
        "جيش",
        "فيلق",
        "لواء",
        "كتائب",
        "جبهة",
        "تيار",
        "ائتلاف",
        "كتلة",
        "منظمة",
        "جماعة",
        "ميليشيا",
        "إدارة",
        "عمليات",
        "دولة",
        "جمهورية",
        "مملكة",
    )
)
