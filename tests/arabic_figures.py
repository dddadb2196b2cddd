"""Whether matplotlib draws the Arabic of a figure right.

Two checks for every line of text with Arabic in it:

1. the line is text as it is written: each Arabic word of it is a word of the known-correct
   text (the names in the graph), so a label reshaped or reversed before matplotlib got it
   (what an older matplotlib needed) is caught;
2. the glyphs matplotlib lays out for it, left to right, are those of a reference built without
   matplotlib: the line's visual order by the Unicode bidirectional algorithm (python-bidi),
   each Arabic letter in its joining form (arabic-reshaper), looked up in the font matplotlib
   draws the text with. A line drawn left to right, or with its letters unjoined, differs.

python-bidi does not pair brackets (rule N0 of the bidirectional algorithm since Unicode 6.3),
so the reference of a line with brackets next to Arabic is wrong; labels keep brackets away
from Arabic (`2018: أمير حاتمي`, not `أمير حاتمي (2018)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import matplotlib._text_helpers as text_helpers
from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.text import Text

ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_WORD = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+")
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates, left out of the reference (a label forced left to right
is caught); the marks that set a label's direction stay, and are compared as the invisible
characters they are (`_MARKS`)."""
_MARKS = frozenset("\u200e\u200f\u061c")

# Joining forms as the font holds them: the isolated form is the letter itself, and of the
# ligatures only lam-alef (the one every Arabic font has).
_RESHAPER = ArabicReshaper(
    configuration={"use_unshaped_instead_of_isolated": True, "ARABIC LIGATURE ALLAH": False}
)


@dataclass(frozen=True)
class Mismatch:
    """A line of a figure's text drawn wrong: `why`, and the glyphs drawn and expected."""

    text: str
    why: str
    drawn: list[str]
    expected: list[str]


def drawn_glyphs(line: str, font: FT2Font, text: Text | None = None) -> list[int]:
    """The glyphs matplotlib lays out for `line` in `font`, left to right."""
    options = {}
    if text is not None:
        options = {"features": text.get_fontfeatures(), "language": text.get_language()}
    items = [i for i in text_helpers.layout(line, font, **options) if i.char not in _MARKS]
    return [item.glyph_index for item in sorted(items, key=lambda item: item.x)]


def expected_glyphs(line: str, font: FT2Font) -> list[int]:
    """The glyphs `line` should show, left to right (see the module docstring)."""
    visual = get_display(_RESHAPER.reshape(_CONTROLS.sub("", line)))
    return [font.get_char_index(ord(char)) for char in visual if char not in _MARKS]


def arabic_texts(figure: Figure) -> list[Text]:
    """Every visible text of `figure` with Arabic in it (titles, tick labels, annotations)."""
    return [
        text
        for text in figure.findobj(Text)
        if text.get_visible() and ARABIC.search(text.get_text())
    ]


def arabic_words(texts: Iterable[str]) -> set[str]:
    """The Arabic words of `texts`."""
    return {word for text in texts for word in _WORD.findall(text)}


def mismatches(figures: Iterable[Figure], known: set[str]) -> tuple[int, list[Mismatch]]:
    """How many Arabic lines the figures draw, and those drawn wrong; `known` holds the
    Arabic words of the known-correct text (see `arabic_words`)."""
    checked, wrong = 0, []
    for figure in figures:
        canvas = FigureCanvasAgg(figure)
        canvas.draw()  # tick labels are only set when drawn
        renderer = canvas.get_renderer()
        for text in arabic_texts(figure):
            font = renderer._prepare_font(text.get_fontproperties())
            for line in text.get_text().split("\n"):
                if not ARABIC.search(line):
                    continue
                checked += 1
                drawn = drawn_glyphs(line, font, text)
                expected = expected_glyphs(line, font)
                names = font.get_glyph_name
                unknown = sorted(set(_WORD.findall(line)) - known)
                if unknown:
                    why = f"not text as written: {unknown}"
                elif drawn != expected:
                    why = "glyphs drawn are not the reference's"
                else:
                    continue
                wrong.append(
                    Mismatch(line, why, [names(g) for g in drawn], [names(g) for g in expected])
                )
    return checked, wrong
