"""The words of Arabic time expressions, as data for `kg.temporal`.

Every table maps a `match_key` (of a word or a space-separated phrase) to its meaning, so one
entry covers the spellings the key unifies (`أيار`, `ايار`, `أيّار`, `أيـار`; `إبريل`, `ابريل`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from kg.arabic import match_key

T = TypeVar("T")


def _keyed(words: Mapping[str, T]) -> dict[str, T]:
    return {match_key(word): value for word, value in words.items()}


def _marker(words: Iterable[str]) -> dict[str, bool]:
    return {match_key(word): True for word in words}


_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    # Levantine / Iraqi (Syriac) names, then Egyptian / Gulf (Latin) ones.
    1: ("كانون الثاني", "يناير"),
    2: ("شباط", "فبراير"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "إبريل"),
    5: ("أيار", "مايو"),
    6: ("حزيران", "يونيو", "يونية"),
    7: ("تموز", "يوليو", "يولية"),
    8: ("آب", "أغسطس"),
    9: ("أيلول", "سبتمبر"),
    10: ("تشرين الأول", "أكتوبر"),
    11: ("تشرين الثاني", "نوفمبر", "نوڤمبر"),
    12: ("كانون الأول", "ديسمبر"),
}
MONTHS: dict[str, int] = {
    match_key(name): month for month, names in _MONTH_NAMES.items() for name in names
}
# Month names that are also common words: months alone only when the context marks them.
AMBIGUOUS_MONTHS = frozenset(match_key(word) for word in ("مارس", "آب"))

WEEKDAYS: dict[str, int] = _keyed(  # Python's numbering: Monday is 0
    {
        "الاثنين": 0,
        "الثلاثاء": 1,
        "الأربعاء": 2,
        "الخميس": 3,
        "الجمعة": 4,
        "السبت": 5,
        "الأحد": 6,
    }
)

# Days relative to the reference day.
DAYS: dict[str, int] = _keyed(
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
RELATIVE: dict[str, int] = _keyed(
    {
        **dict.fromkeys(("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة"), -1),
        **dict.fromkeys(("الجاري", "الجارية", "الحالي", "الحالية"), 0),
        **dict.fromkeys(("المقبل", "المقبلة", "القادم", "القادمة"), 1),
    }
)
UNITS: dict[str, str] = _keyed(
    {"العام": "year", "السنة": "year", "الشهر": "month", "الأسبوع": "week"}
)

# Qualifiers: a relation to the date, or a position inside it.
RELATIONS: dict[str, str] = _keyed({"منذ": "since", "قبل": "before", "بعد": "after"})
POSITIONS: dict[str, str] = _keyed(
    {
        **dict.fromkeys(("مطلع", "أوائل", "بداية", "بدايات", "مستهل"), "early"),
        **dict.fromkeys(("منتصف", "أواسط"), "mid"),
        **dict.fromkeys(("أواخر", "نهاية", "نهايات"), "late"),
    }
)

CUES = _marker(("في", "خلال"))  # prepositions after which a bare year is a year
YEAR_NOUNS = _marker(("عام", "العام", "سنة", "السنة"))
THIS = _marker(("هذا", "هذه"))
FROM = _marker(("من",))
MONTH_WORD = _marker(("شهر",))
YOM = _marker(("يوم",))
DAY_PARTS = _marker(("صباح", "مساء", "ليلة", "فجر", "ظهر", "ظهيرة"))

# Separators of paired month names (`نيسان/أبريل`, `نيسان (أبريل)`), with the closing mark.
PAIR_SEPARATORS: dict[str, str | None] = {"/": None, "-": None, "–": None, "—": None, "(": ")"}
