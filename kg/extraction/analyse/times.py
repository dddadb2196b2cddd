"""Time expressions in Arabic news sentences, resolved against the article's publication date.

`find_times(sentence, reference)` finds expressions such as `أيار الماضي`, `في نيسان/أبريل
الماضي`, `مطلع 2020`, `عام 2019`, `22 أيلول 2023`, `أمس` or `الجمعة الماضية` and resolves each
to an ISO prefix with a precision (day, month, year) and an optional qualifier. The words are
data in `kg.vocabulary`; this module tokenises, matches and does the calendar arithmetic.

Matching compares `match_key`s, so every spelling the key unifies (hamza forms, ta marbuta,
diacritics, tatweel, Arabic-Indic digits) matches; offsets are into the text as given.

Choices:

- A qualifier applies only when its word directly precedes the date (`منذ 2011`, `مطلع 2020`).
  In `منذ بدأت الحرب في 2011` the `منذ` governs a clause, so the date is a plain 2011: relation
  extraction, which sees the whole sentence, decides what the `منذ` means there.
- When a relation word and a position word both precede a date (`منذ مطلع 2020`), the relation
  (since, before, after) is kept: it changes the interval, the position only narrows it.
- A week has no precision of its own: `الأسبوع الماضي` is the month of the day seven days before
  the reference (month precision), `الأسبوع المقبل` that of the day seven days after.
- A bare four-digit year (1900-2100) is a year only after a month, a year noun (`عام`, `سنة`),
  a qualifier (`منذ`, `مطلع`, ...) or a preposition (`في`, `خلال`): `قتل 2011 شخصا` has none.
- Month names that are also common words (`مارس` "practised", `آب` ~ `أب` "father") are months
  alone only when something marks them: `شهر`, a day, a preposition or qualifier before, a year,
  a paired name or a relative word after.
- Proclitics (`و`, `ف`, `ب`, `ل`, `ك`) are left out of a mention's span, except in `للعام` where
  the article's alef was elided; prepositions (`في`, `خلال`) are not part of the span either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, TypeVar

from kg.arabic import match_key
from kg.records import TimeMention, TimeValue
from kg.vocabulary import (
    AMBIGUOUS_MONTHS,
    CUES,
    DAY_PARTS,
    DAYS,
    FROM,
    MONTH_WORD,
    MONTHS,
    PAIR_SEPARATORS,
    POSITIONS,
    RELATIONS,
    RELATIVE,
    THIS,
    UNITS,
    WEEKDAYS,
    YEAR_NOUNS,
    YOM,
    iso_date,
)

T = TypeVar("T")

_FIRST_YEAR, _LAST_YEAR = 1900, 2100

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
_TOKEN_RE = re.compile(
    r"(?P<dmy>(?P<d>\d{1,2})(?P<s1>[/.-])(?P<m>\d{1,2})(?P=s1)(?P<y>\d{4})(?!\d))"
    r"|(?P<ymd>(?P<y2>\d{4})(?P<s2>[/.-])(?P<m2>\d{1,2})(?P=s2)(?P<d2>\d{1,2})(?!\d))"
    r"|(?P<clock>\d{1,2}:\d{2}(?::\d{2})?)"
    r"|(?P<num>\d+(?:[.,٫٬]\d+)*)"
    rf"|(?P<word>(?:[^\W\d_]|[{_MARKS}])+)"
    r"|(?P<punct>\S)"
)
_COMMAS = (",", "،")
_REFERENCE_RE = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    kind: str  # word, num, date (a valid numeric date; key is ISO), clock, punct
    key: str


@dataclass(frozen=True)
class _Ref:
    year: int
    month: int | None
    day: date | None


@dataclass(frozen=True)
class _Word(Generic[T]):
    value: T
    key: str  # the phrase's key as found in the table
    end: int  # index of the token after the phrase
    start: int  # character offset where the phrase starts, proclitics left out
    preposed: bool  # a preposition (ب, ل) was attached


@dataclass(frozen=True)
class _Hit:
    end: int
    start: int
    time: TimeValue


def find_times(text: str, reference: str | None) -> list[TimeMention]:
    """Return the time expressions of `text` (a sentence), left to right, not overlapping.

    `reference` is the article's publication date as an ISO prefix (`2023-09-22`, `2023-09`,
    `2023`) or None. Expressions relative to it (`أيار الماضي`, `أمس`) are left out when it is
    None or coarser than they need; absolute ones (`عام 2019`) never need it. At each position
    the longest expression wins.
    """
    tokens = _tokenize(text)
    if not any(_may_start_core(token) for token in tokens):
        return []  # most sentences: no number, month, weekday, day or year word at all
    matcher = _Matcher(text, tokens, _parse_reference(reference))
    # A core starts at most _LEAD_WORDS words into its expression: only positions that near a
    # word that can start one are tried.
    near_core = [_may_start_core(token) for token in tokens]
    found: list[TimeMention] = []
    k = 0
    while k < len(matcher.tokens):
        hit = matcher.at(k) if any(near_core[k : k + _LEAD_WORDS + 1]) else None
        if hit is None:
            k += 1
            continue
        end = matcher.tokens[hit.end - 1].end
        found.append(TimeMention(hit.start, end, text[hit.start : end], hit.time))
        k = hit.end
    return found


def _tokenize(text: str) -> list[_Token]:
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        kind, key = m.lastgroup or "punct", m.group()
        if m["dmy"] or m["ymd"]:
            iso = iso_date(m["y"] or m["y2"], m["m"] or m["m2"], m["d"] or m["d2"])
            kind, key = ("date", iso) if iso else ("punct", key)
        elif kind == "word":
            key = match_key(key)
        tokens.append(_Token(m.start(), m.end(), kind, key))
    return tokens


# The most words an expression can hold before its first word of `_CORE_FIRST_WORDS`: a
# relation, a position, and up to two markers inside the core (a part of the day, `هذا`, `من`).
_LEAD_WORDS = (
    max(len(key.split()) for key in RELATIONS) + max(len(key.split()) for key in POSITIONS) + 2
)

# The first word of every expression that can be the core of a time (qualifiers and relative
# words only ever come with one).
_CORE_FIRST_WORDS = frozenset(
    key.split()[0]
    for table in (MONTHS, WEEKDAYS, DAYS, UNITS, YEAR_NOUNS, YOM, MONTH_WORD)
    for key in table
)


def _may_start_core(token: _Token) -> bool:
    if token.kind in ("num", "date"):
        return True
    return token.kind == "word" and any(
        stem in _CORE_FIRST_WORDS for stem, _, _ in _stems(token.key, clitics=True)
    )


def _parse_reference(reference: str | None) -> _Ref | None:
    m = _REFERENCE_RE.match(reference or "")
    if m is None or not _FIRST_YEAR <= int(m[1]) <= _LAST_YEAR:
        return None
    year = int(m[1])
    month = int(m[2]) if m[2] and 1 <= int(m[2]) <= 12 else None
    day = iso_date(m[1], m[2], m[3]) if month and m[3] else None
    return _Ref(year, month, date.fromisoformat(day) if day else None)


def _stems(key: str, clitics: bool) -> Iterator[tuple[str, int, bool]]:
    """Readings of a word key: (stem, letters to skip in the span, preposition attached)."""
    yield key, 0, False
    if not clitics:
        return
    conj = 1 if key[:1] in ("و", "ف") else 0
    rest = key[conj:]
    if conj and len(rest) > 1:
        yield rest, conj, False
    if rest[:1] in ("ب", "ل", "ك") and len(rest) > 2:
        yield rest[1:], conj + 1, True
        if rest.startswith("لل"):
            yield "ا" + rest[1:], conj, True


def _skip_letters(text: str, letters: int) -> int:
    """Offset in `text` after its first `letters` letters and the marks that follow them."""
    i = 0
    while letters and i < len(text):
        letters -= bool(match_key(text[i]))
        i += 1
    while i < len(text) and not match_key(text[i]):
        i += 1
    return i


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _month_year(month: int, ref: _Ref, direction: int) -> int:
    """Year of `month` relative to the reference month: before it (-1), not after it (0), after
    it (1)."""
    assert ref.month is not None
    if direction < 0:
        return ref.year if month < ref.month else ref.year - 1
    if direction > 0:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _weekday_date(weekday: int, ref: date, direction: int) -> date:
    """The `weekday` on or before `ref` (0), strictly before it (-1) or strictly after it (1)."""
    if direction > 0:
        return ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    back = (ref.weekday() - weekday) % 7
    return ref - timedelta(days=back or (7 if direction < 0 else 0))


def _month_value(year: int, month: int) -> TimeValue:
    return TimeValue(f"{year:04d}-{month:02d}", "month")


class _Matcher:
    """The grammar of time expressions over one sentence's tokens."""

    def __init__(self, text: str, tokens: list[_Token], ref: _Ref | None) -> None:
        self.text = text
        self.tokens = tokens
        self.ref = ref

    def at(self, k: int) -> _Hit | None:
        """The longest expression starting at token `k`, with its qualifiers."""
        j, start, qualifier, positioned = k, None, None, False
        for table in (RELATIONS, POSITIONS):
            word = self._phrase(j, table, clitics=j == k)
            if word is not None:
                qualifier = qualifier or word.value
                start = word.start if start is None else start
                positioned, j = table is POSITIONS, word.end
        cued = j > k or self._cued(k)
        hit = self._core(j, clitics=j == k, cued=cued, bare_unit=positioned)
        if hit is None:
            return None
        time = TimeValue(hit.time.value, hit.time.precision, qualifier)
        return _Hit(hit.end, hit.start if start is None else start, time)

    def _core(self, k: int, clitics: bool, cued: bool, bare_unit: bool) -> _Hit | None:
        hits = (
            self._numeric_date(k),
            self._day_month(k),
            self._bare_year(k) if cued else None,
            self._year_noun(k, clitics),
            self._month(k, clitics, cued),
            self._relative_unit(k, clitics, bare_unit),
            self._day(k, clitics),
        )
        return max((h for h in hits if h), key=lambda h: h.end, default=None)

    def _phrase(self, k: int, table: Mapping[str, T], clitics: bool) -> _Word[T] | None:
        """The longest phrase of `table` (up to three words) at token `k`."""
        for n in (3, 2, 1):
            words = self.tokens[k : k + n]
            if len(words) < n or any(t.kind != "word" for t in words):
                continue
            rest = [t.key for t in words[1:]]
            for stem, skip, preposed in _stems(words[0].key, clitics):
                key = " ".join([stem, *rest])
                if key in table:
                    first = self.text[words[0].start : words[0].end]
                    start = words[0].start + _skip_letters(first, skip)
                    return _Word(table[key], key, k + n, start, preposed)
        return None

    def _cued(self, k: int) -> bool:
        """Whether the word before token `k` is a preposition that introduces dates."""
        return k > 0 and self._phrase(k - 1, CUES, clitics=True) is not None

    def _year_at(self, k: int) -> int | None:
        if k < len(self.tokens) and self.tokens[k].kind == "num":
            key = match_key(self.tokens[k].key)
            if len(key) == 4 and key.isdigit() and _FIRST_YEAR <= int(key) <= _LAST_YEAR:
                return int(key)
        return None

    def _numeric_date(self, k: int) -> _Hit | None:
        if k < len(self.tokens) and self.tokens[k].kind == "date":
            return _Hit(k + 1, self.tokens[k].start, TimeValue(self.tokens[k].key, "day"))
        return None

    def _bare_year(self, k: int) -> _Hit | None:
        year = self._year_at(k)
        return None if year is None else _Hit(k + 1, self.tokens[k].start, _year_value(year))

    def _year_noun(self, k: int, clitics: bool) -> _Hit | None:
        noun = self._phrase(k, YEAR_NOUNS, clitics)
        year = None if noun is None else self._year_at(noun.end)
        if noun is None or year is None:
            return None
        return _Hit(noun.end + 1, noun.start, _year_value(year))

    def _relative_unit(self, k: int, clitics: bool, bare: bool) -> _Hit | None:
        """`العام الماضي`, `هذا الشهر`, `الأسبوع المقبل`; a bare `العام` after a position word."""
        this = self._phrase(k, THIS, clitics)
        unit = self._phrase(k if this is None else this.end, UNITS, clitics and this is None)
        if unit is None or self.ref is None:
            return None
        relative = None if this else self._phrase(unit.end, RELATIVE, clitics=False)
        if relative is None and this is None and not bare:
            return None
        end, direction = (unit.end, 0) if relative is None else (relative.end, relative.value)
        time = self._unit_value(unit.value, direction)
        return None if time is None else _Hit(end, unit.start if this is None else this.start, time)

    def _unit_value(self, unit: str, direction: int) -> TimeValue | None:
        ref = self.ref
        assert ref is not None
        if unit == "year":
            return _year_value(ref.year + direction)
        if unit == "month" and ref.month is not None:
            return _month_value(*_add_months(ref.year, ref.month, direction))
        if unit == "week" and ref.day is not None:
            day = ref.day + timedelta(days=7 * direction)
            return _month_value(day.year, day.month)
        return None

    def _month(self, k: int, clitics: bool, cued: bool) -> _Hit | None:
        """`[شهر] <month> [pair] [year | relative word]`."""
        word = self._phrase(k, MONTH_WORD, clitics)
        j = k if word is None else word.end
        month = self._phrase(j, MONTHS, clitics and word is None)
        if month is None:
            return None
        cued = cued or word is not None or month.preposed or month.key not in AMBIGUOUS_MONTHS
        found = self._month_tail(month.end, month.value, cued)
        if found is None:
            return None
        end, year = found
        start = month.start if word is None else word.start
        return _Hit(end, start, _month_value(year, month.value))

    def _day_month(self, k: int) -> _Hit | None:
        """`<day> [من] <month> [pair] [year | relative word]`."""
        if k >= len(self.tokens) or self.tokens[k].kind != "num" or len(self.tokens[k].key) > 2:
            return None
        of = self._phrase(k + 1, FROM, clitics=False)
        month = self._phrase(k + 1 if of is None else of.end, MONTHS, clitics=False)
        found = None if month is None else self._month_tail(month.end, month.value, True)
        if month is None or found is None:
            return None
        iso = iso_date(str(found[1]), str(month.value), match_key(self.tokens[k].key))
        return None if iso is None else _Hit(found[0], self.tokens[k].start, TimeValue(iso, "day"))

    def _month_tail(self, j: int, month: int, cued: bool) -> tuple[int, int] | None:
        """What follows a month name ending before token `j`: (token after it all, year)."""
        paired = self._pair(j, month)
        if paired is not None:
            j, cued = paired, True
        of = self._phrase(j, FROM, clitics=False)
        after_of = j if of is None else of.end
        unit = self._relative_unit(after_of, clitics=False, bare=False)
        if unit is not None and unit.time.precision == "year":
            return unit.end, int(unit.time.value)
        noun = self._phrase(after_of, YEAR_NOUNS, clitics=False)
        after_noun = after_of if noun is None else noun.end
        year = self._year_at(after_noun)
        if year is not None and (of is None or noun is not None):
            return after_noun + 1, year
        if self.ref is None or self.ref.month is None:
            return None
        relative = self._phrase(j, RELATIVE, clitics=False)
        if relative is not None:
            return relative.end, _month_year(month, self.ref, relative.value)
        return (j, _month_year(month, self.ref, 0)) if cued else None

    def _pair(self, j: int, month: int) -> int | None:
        """The token after `/أبريل`, `(أبريل)` or `- سبتمبر` naming `month` again, if present."""
        if j >= len(self.tokens) or self.tokens[j].key not in PAIR_SEPARATORS:
            return None
        other = self._phrase(j + 1, MONTHS, clitics=False)
        if other is None or other.value != month:
            return None
        close = PAIR_SEPARATORS[self.tokens[j].key]
        end = other.end
        if close and end < len(self.tokens) and self.tokens[end].key == close:
            end += 1
        return end

    def _day(self, k: int, clitics: bool) -> _Hit | None:
        """`[صباح] [يوم] (أمس | اليوم | <weekday> [relative word] [date])`."""
        part = self._phrase(k, DAY_PARTS, clitics)
        j = k if part is None else part.end
        yom = self._phrase(j, YOM, clitics and j == k)
        j = j if yom is None else yom.end
        start = next((w.start for w in (part, yom) if w is not None), None)
        day = self._phrase(j, DAYS, clitics and j == k)
        weekday = self._phrase(j, WEEKDAYS, clitics and j == k)
        hit = None
        if day is not None and self.ref is not None and self.ref.day is not None:
            value = self.ref.day + timedelta(days=day.value)
            hit = _Hit(day.end, day.start, TimeValue(value.isoformat(), "day"))
        elif weekday is not None:
            hit = self._weekday(weekday)
        elif start is not None:
            hit = self._numeric_date(j) or self._day_month(j)
        if hit is None:
            return None
        return _Hit(hit.end, hit.start if start is None else start, hit.time)

    def _weekday(self, weekday: _Word[int]) -> _Hit | None:
        """A weekday, or the date that follows it (`الجمعة، 22-09-2023`)."""
        relative = self._phrase(weekday.end, RELATIVE, clitics=False)
        end = weekday.end if relative is None else relative.end
        comma = end < len(self.tokens) and self.tokens[end].key in _COMMAS
        dated = self._numeric_date(end + int(comma)) or self._day_month(end + int(comma))
        if dated is not None:
            return _Hit(dated.end, weekday.start, dated.time)
        if self.ref is None or self.ref.day is None:
            return None
        direction = 0 if relative is None else relative.value
        value = _weekday_date(weekday.value, self.ref.day, direction)
        return _Hit(end, weekday.start, TimeValue(value.isoformat(), "day"))


def _year_value(year: int) -> TimeValue:
    return TimeValue(f"{year:04d}", "year")
