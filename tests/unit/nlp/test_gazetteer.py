"""The gazetteer feature: which listed names cover each token, from the packaged list."""

from __future__ import annotations

from kg.arabic import match_key
from kg.nlp.features import FEATURE_COUNT, doc_features
from kg.nlp.gazetteer import packaged_gazetteer, token_classes
from kg.nlp.tokenizer import blank_arabic

LIST = {"محمد": "GS", "جواد": "G", "محمد جواد ظريف": "P", "طهران": "L", "ايران": "C"}


def test_words_and_phrases_mark_every_token_they_cover() -> None:
    keys = ["قال", "محمد", "جواد", "ظريف", "في", "طهران"]
    assert token_classes(keys, LIST) == ["", "GPS", "GP", "P", "", "L"]


def test_the_feature_column_follows_the_lists_on_real_text() -> None:
    doc = blank_arabic()("وصل محمد جواد ظريف إلى طهران")
    plain = doc_features(doc)
    marked = doc_features(doc, LIST)
    assert plain.shape == (len(doc), FEATURE_COUNT)
    assert marked.shape == (len(doc), FEATURE_COUNT + 1)
    assert (marked[:, :FEATURE_COUNT] == plain).all()
    column = marked[:, FEATURE_COUNT]
    assert column[1] != column[0] and column[0] == column[4]  # a name vs two plain words


def test_packaged_list_has_people_places_and_countries() -> None:
    gazetteer = packaged_gazetteer()
    assert "C" in gazetteer[match_key("إيران")]
    assert "L" in gazetteer[match_key("الموصل")]
    assert "G" in gazetteer[match_key("محمد")]
    assert all(len(key.split()) <= 4 for key in gazetteer)
