"""The check of Arabic in figures (`tests/arabic_figures.py`) tells right from wrong."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from arabic_reshaper import reshape
from bidi.algorithm import get_display

from tests.arabic_figures import arabic_words, mismatches

LABELS = [
    "إسماعيل قاآني",
    "حزب الله · Hezbollah",
    "الحرس الثوري الإيراني · Islamic Revolutionary Guard Corps",
    "United States → قاسم سليماني",
    "فيلق القدس\nQuds Force",
]


def _figure(labels: list[str]) -> plt.Figure:
    figure, axes = plt.subplots()
    axes.barh(labels, range(1, len(labels) + 1))
    axes.set_title(labels[0])
    axes.annotate(labels[-1], (1, 1))
    return figure


def test_labels_as_written_are_drawn_right() -> None:
    checked, wrong = mismatches([_figure(LABELS)], arabic_words(LABELS))
    assert checked == len(LABELS) + 2  # the tick labels, the title, the annotation
    assert wrong == []


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@pytest.mark.parametrize(
    "broken",
    [
        lambda text: get_display(reshape(text)),  # reshaped for an old matplotlib: backwards
        lambda text: text[::-1],  # reversed
        lambda text: "\u202d" + text + "\u202c",  # forced left to right: letters in reverse
    ],
    ids=["reshaped-twice", "reversed", "left-to-right"],
)
def test_labels_drawn_wrong_are_caught(broken) -> None:
    _, wrong = mismatches([_figure([broken(label) for label in LABELS])], arabic_words(LABELS))
    assert len(wrong) >= len(LABELS)
