"""Matching keys: the spelling variants that occur in real Arabic news give one key."""

import pytest

from kg.arabic import is_arabic, match_key, spell_out_hashtags


@pytest.mark.parametrize(
    "variants",
    [
        # hamza / madda forms and transliteration doubling of Qaani's name
        ["قاآني", "قآني", "قاني", "قاآاني"],
        ["إسماعيل", "اسماعيل", "أسماعيل", "إسماعیل"],
        # ta marbuta and ha
        ["سورية", "سوريه"],
        # alef maqsura and ya
        ["مصطفى", "مصطفي"],
        # Persian ya and kaf
        ["سليماني", "سلیمانی"],
        ["كرمان", "کرمان"],
        # tatweel and diacritics
        ["حزب الله", "حـــزب اللـه", "حِزْبُ اللّٰه"],
        # wasla alef
        ["ٱلحرس", "الحرس"],
        # Arabic-Indic digits
        ["٢٠٢٠", "2020", "۲۰۲۰"],
        # direction marks and odd spacing
        ["\u200eفيلق  القدس", "فيلق القدس"],
    ],
)
def test_variants_share_one_key(variants: list[str]) -> None:
    keys = {match_key(v) for v in variants}
    assert len(keys) == 1, keys


def test_distinct_words_keep_distinct_keys() -> None:
    assert match_key("حماس") != match_key("حمص")
    assert match_key("قاسم") != match_key("قاني")


def test_is_arabic() -> None:
    assert is_arabic("Quds فيلق")
    assert not is_arabic("Quds Force 2020")


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("واصلت #ميليشيات_الحوثي، الاثنين", "واصلت  ميليشيات الحوثي، الاثنين"),
        ("مدينة #الحديدة.", "مدينة  الحديدة."),
        ("#علي_عبدالله_صالح.وذكرت", " علي عبدالله صالح.وذكرت"),
        ("#hash_tag و snake_case", "#hash_tag و snake_case"),
    ],
)
def test_hashtags_are_spelled_out_in_place(text: str, spelled: str) -> None:
    assert spell_out_hashtags(text) == spelled
    assert len(spell_out_hashtags(text)) == len(text)
