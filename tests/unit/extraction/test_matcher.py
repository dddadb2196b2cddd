"""The rule matcher tries on a sentence only the rules whose words it has, and finds what
trying every rule finds."""

from __future__ import annotations

import pytest

from kg.extraction.rules.catalogue import RULES
from kg.extraction.rules.matcher import RuleSet
from kg.extraction.rules.skeleton import (
    SLOT_LABELS,
    Skeleton,
    Slot,
    compile_pattern,
    required_words,
    unit_keys,
)
from kg.kb import default_kb
from kg.records import Rule

LABELS = {letter: label for label, letter in SLOT_LABELS.items()}


def skeleton_of(text: str) -> Skeleton:
    """A skeleton written by hand: units after single spaces, `⟦P0⟧` for the first slot."""
    units = text.split()
    slots = [
        Slot(position, position + 1, LABELS[unit[1]])
        for position, unit in enumerate(units)
        if unit.startswith("⟦")
    ]
    starts, position = [], 0
    for unit in units:
        starts.append(position)
        position += len(unit) + 1
    return Skeleton("".join(" " + unit for unit in units), slots, starts, starts)


def test_the_words_a_pattern_needs_are_its_plain_words_with_a_needed_unit_after_them() -> None:
    pattern = "(?:التقى|اجتمع) {P:a} (?:مع)? {GAP:2} (?<!و)بنظيره {P:b} قائد {GAP:2}"
    # `مع` is optional, the gap may be empty, and `قائد` has nothing needed after it.
    assert required_words(pattern) == (frozenset({"التقي", "اجتمع"}), frozenset({"بنظيره"}))
    assert required_words("{P:a} (?:قاد|قادت)ه {O:b}") == ()  # not a plain choice of words


def test_a_unit_stands_for_its_word_with_up_to_two_proclitics() -> None:
    assert unit_keys(" وبالقايد ⟦P0⟧ ،") == {"وبالقايد", "بالقايد", "القايد", "⟦P0⟧", "،"}


@pytest.mark.parametrize(
    "text",
    [
        " وقايد ⟦O0⟧ ⟦P1⟧",  # the word with a proclitic attached
        " و ل قايد ⟦O0⟧ ⟦P1⟧",  # proclitics split off by the tokenizer
        " ⟦P1⟧ ، قايدا",  # a word at the end matches the start of a longer unit
    ],
)
def test_the_rules_tried_find_what_every_rule_finds(text: str) -> None:
    rules = (
        Rule("leads-after-title", "قائد {O:o} {P:p}", relations=(("LEADS", "p", "o"),)),
        Rule("name-then-title", "{P:p} ، قائد"),
    )
    skeleton = skeleton_of(text)
    every = {
        rule.name
        for rule in rules
        if compile_pattern(rule.pattern).search(skeleton.text) is not None
    }
    assert every
    assert {hit.rule.name for hit in RuleSet((), rules).hits(skeleton)} == every


@pytest.mark.parametrize(
    "text",
    [
        " التقي ⟦P0⟧ مع نظيره ⟦P1⟧ في ⟦L2⟧",
        " قال ⟦P0⟧ ، الامين العام ل ⟦O1⟧ ، ان ⟦O2⟧ سيطرت علي ⟦L3⟧",
        " شنت ⟦O0⟧ غارات علي مواقع ل ⟦O1⟧ في ⟦L2⟧ و ⟦L3⟧",
        " وصل ⟦P0⟧ الي ⟦L1⟧ في زياره رسميه",
        " قتل ⟦P0⟧ في ⟦L1⟧",
    ],
)
def test_the_catalogue_finds_on_a_sentence_what_trying_each_rule_finds(text: str) -> None:
    rule_set = RuleSet(default_kb())
    skeleton = skeleton_of(text)
    every = {
        rule.name
        for rule in RULES
        if compile_pattern(rule.pattern, rule_set.demonym_ids, rule.expand).search(text)
    }
    assert every, "each sentence is matched by some rule"
    assert {hit.rule.name for hit in rule_set.hits(skeleton)} == every
