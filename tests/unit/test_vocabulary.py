"""The shared Arabic vocabulary: every month spelling works for page dates and time words."""

from __future__ import annotations

import pytest

from kg.extraction.analyse.times import find_times
from kg.ingest.cleaning import parse_date
from kg.vocabulary import MONTH_NAMES, WEEKDAY_NAMES, word_set

SPELLINGS = [(month, name) for month, names in MONTH_NAMES.items() for name in names]


@pytest.mark.parametrize(("month", "name"), SPELLINGS)
def test_every_month_spelling_dates_a_page(month: int, name: str) -> None:
    assert parse_date(f"نشر في 5 {name} 2019") == f"2019-{month:02d}-05"


@pytest.mark.parametrize(("month", "name"), SPELLINGS)
def test_every_month_spelling_is_a_time_expression(month: int, name: str) -> None:
    [found] = find_times(f"وصل الوفد في {name} 2019 إلى المدينة", "2020-01-01")
    assert found.time.value == f"2019-{month:02d}"
    assert found.text == f"{name} 2019"


@pytest.mark.parametrize("name", ["جانفي", "نوڤمبر", "كانون الثاني", "يوليوز", "أيّار", "ايار"])
def test_both_month_systems_agree_on_the_same_spellings(name: str) -> None:
    date = parse_date(f"3 {name} 2021")
    [found] = find_times(f"في 3 {name} 2021", None)
    assert date is not None and found.time.value == date


@pytest.mark.parametrize("name", sorted(WEEKDAY_NAMES))
def test_weekday_names_are_stamp_words_and_time_words(name: str) -> None:
    assert parse_date(f"{name} 2023-09-22") == "2023-09-22"
    assert find_times(f"وقال {name} الماضي إن", "2023-09-22")


def test_word_set_joins_phrases_and_folds() -> None:
    assert word_set("رام_الله دمشق") == {"رام الله", "دمشق"}
    assert word_set("أبوظبي", lambda w: w.replace("أ", "ا")) == {"ابوظبي"}
