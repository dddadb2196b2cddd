"""Arabic text normalisation for matching.

`match_key` maps the many ways one word is written to one key: diacritics, tatweel and
direction marks out; hamza-carrying and wasla alefs to bare alef; alef maqsura to ya; ta
marbuta to ha; Persian ya and kaf to Arabic ones; Arabic-Indic digits to ASCII; runs of
long-vowel letters (as in the transliterations `قاآني`, `قآني`, `قاني`) to one letter.

The key is for matching only: the original text, and every character offset into it, stay
as they were.
"""

from __future__ import annotations

import re

# Harakat, tanween, shadda, sukun, dagger alef, Quranic annotation marks, tatweel, and the
# invisible direction / joiner marks that copy-pasted text and some corpora carry.
_REMOVED = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
)
_REMOVED_RE = re.compile(f"[{_REMOVED}]")

_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian ya
        "ې": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ۀ": "ه",
        "ە": "ه",
        "ک": "ك",  # Persian kaf
        "ڪ": "ك",
        "گ": "ك",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
    }
)

# Long-vowel letters doubled by transliteration ("قاآني" -> "قااني") collapse to one.
_REPEATED_VOWEL_RE = re.compile(r"([اوي])\1+")

ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


def fold_letters(text: str) -> str:
    """`text` with marks removed and letter variants unified, spacing and case untouched:
    the letter-level half of `match_key`, for matching patterns against whole lines."""
    return _REMOVED_RE.sub("", text).translate(_LETTER_MAP)


def match_key(text: str) -> str:
    """Return the matching key of `text` (a word or a phrase).

    Whitespace runs become one space and the result is stripped, so phrase keys compare
    equal however the phrase was spaced.
    """
    key = _REPEATED_VOWEL_RE.sub(r"\1", fold_letters(text))
    return " ".join(key.split()).lower()


def is_arabic(text: str) -> bool:
    """True when `text` contains at least one Arabic letter."""
    return ARABIC_LETTER_RE.search(text) is not None


# An Arabic hashtag, `#ميليشيات_الحوثي`: the sign, then words joined by underscores.
_WORD_CHARS = r"(?:[^\W_]|[\u064b-\u065f\u0670])+"
_HASHTAG_RE = re.compile(rf"#(?=[\u0621-\u064a\u0671-\u06d3])({_WORD_CHARS}(?:_{_WORD_CHARS})*)")


def spell_out_hashtags(text: str) -> str:
    """`text` with each Arabic hashtag written as plain words (`#ميليشيات_الحوثي` becomes
    ` ميليشيات الحوثي`): the sign and the underscores become spaces, so the length and
    every offset stay the same. News sites tag names this way inside their sentences."""
    return _HASHTAG_RE.sub(lambda m: " " + m.group(1).replace("_", " "), text)
