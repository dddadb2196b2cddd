"""Checks on the figures a notebook draws, run inside its kernel.

`RECORD` and `REPORT` are the cells the notebook test runs before and after a notebook: the
first keeps every figure `plt.show()` shows; the second checks them (their Arabic, see
`tests.arabic_figures`, and that their labels do not overlap) and prints one JSON line.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

RECORD = """
import matplotlib.pyplot as _kg_plt
_kg_figures = []
_kg_show = _kg_plt.show
def _kg_recording_show(*args, **kwargs):
    _kg_figures.extend(_kg_plt.figure(number) for number in _kg_plt.get_fignums())
    return _kg_show(*args, **kwargs)
_kg_plt.show = _kg_recording_show
"""
REPORT = """
import json as _kg_json, sys as _kg_sys
_kg_sys.path.insert(0, {root!r})
from tests.arabic_figures import mismatches as _kg_mismatches
from tests.figure_checks import overlapping_labels as _kg_overlapping
_kg_report = []
for _kg_figure in _kg_figures:
    _kg_checked, _kg_wrong = _kg_mismatches([_kg_figure], set({known!r}))
    _kg_report.append({{
        "arabic_lines": _kg_checked,
        "wrong": [m.__dict__ for m in _kg_wrong],
        "overlaps": [list(pair) for pair in _kg_overlapping([_kg_figure])],
    }})
print("KG-FIGURES " + _kg_json.dumps(_kg_report, ensure_ascii=False))
"""


def overlapping_labels(figures: Iterable[Figure]) -> list[tuple[str, str]]:
    """The pairs of texts drawn inside an axes (labels, annotations) whose boxes overlap."""
    pairs = []
    for figure in figures:
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        for axes in figure.axes:
            texts = [
                t for t in axes.texts if isinstance(t, Text) and t.get_visible() and t.get_text()
            ]
            boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
            for (text_a, box_a), (text_b, box_b) in combinations(boxes, 2):
                if box_a.overlaps(box_b):
                    pairs.append((text_a, text_b))
    return pairs
