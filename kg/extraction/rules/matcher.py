"""Match the rule catalogue against sentence skeletons: one `RuleHit` per match."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from kg.arabic import match_key
from kg.extraction.rules.catalogue import RULES
from kg.extraction.rules.skeleton import (
    SLOT_LABELS,
    Skeleton,
    compile_pattern,
    required_slots,
    required_words,
    unit_keys,
)
from kg.kb import KbEntity
from kg.records import Rule, RuleHit
from kg.vocabulary import key_set

# Words that make what follows them no stated fact: accused, denied, supposed, demanded,
# negated, only planned or called off (`اتهم`, `نفى`, `يرجح`, `طالب بوقف`, `لم`, `من المقرر`,
# `إلغاء`); looked for among the units just before a match.
HEDGES = key_set(
    (
        "اتهم",
        "تتهم",
        "يتهم",
        "اتهمت",
        "اتهام",
        "اتهامات",
        "متهما",
        "متهمة",
        "تنفي",
        "ينفي",
        "نفى",
        "نفت",
        "نفي",
        "نافيا",
        "نافية",
        "مزاعم",
        "يزعم",
        "تزعم",
        "زعم",
        "زعمت",
        "يحتمل",
        "يرجح",
        "رجح",
        "رجحت",
        "يشتبه",
        "ربما",
        "طالب",
        "طالبت",
        "يطالب",
        "تطالب",
        "مطالبة",
        "بوقف",
        "لوقف",
        "وقف",
        "إيقاف",
        "لمنع",
        "منع",
        "لم",
        "لن",
        "فكرة",
        "احتمال",
        "إمكانية",
        "تهديد",
        "التهديد",
        "تهديدات",
        "يهدد",
        "تهدد",
        "هدد",
        "هددت",
        "بشن",
        "ستشن",
        "سيشن",
        # planned or offered, not yet done: `من المقرر أن`, `مستعد للقاء`
        "المقرر",
        "مستعد",
        "مستعدا",
        "مستعدة",
        "اقتراح",
        # with its clitic, or split off it where the tokenizer knows the stem
        "باقتراحه",
        "اقتراحه",
        "اقتراحها",
        "يعتزم",
        "تعتزم",
        "ينوي",
        "تنوي",
        # only attempted or about to be: `تسعى للسيطرة على`, `توشك على السيطرة`
        "يسعى",
        "تسعى",
        "سعت",
        "يحاول",
        "تحاول",
        "حاولت",
        "محاولة",
        "يوشك",
        "توشك",
        # called off or ruled out: `إلغاء زيارته`, `استبعد أن يقوم بزيارة`
        "إلغاء",
        "ألغى",
        "ألغت",
        "استبعد",
        "استبعدت",
        "يستبعد",
        "تأجيل",
        "أرجأ",
        # refused: `رفض جيش الإسلام الخروج من دوما`
        "رفض",
        "رفضت",
        "يرفض",
        "ترفض",
        "رافضا",
        "رافضة",
        # only supposed: `إذا نفذت الولايات المتحدة ضربة`
        "إذا",
        "لو",
    )
)
HEDGE_WINDOW = 6
NEGATIONS = key_set(("لم", "لن"))
# Words right after a match that make it no fact: `الضربة الأميركية المحتملة` (the possible
# strike), `المرتقبة` (awaited), `الوشيكة` (imminent), `المزعومة` (alleged).
AFTER_HEDGES = key_set(
    (
        "المحتملة",
        "المحتمل",
        "محتملة",
        "محتمل",
        "المرتقبة",
        "المرتقب",
        "مرتقبة",
        "مرتقب",
        "الوشيكة",
        "الوشيك",
        "وشيكة",
        "وشيك",
        "المزعومة",
        "المزعوم",
        "المفترضة",
        "المفترض",
        "المقبلة",
        "المقبل",
    )
)
AFTER_HEDGE_WINDOW = 2


def _is_hedge(unit: str) -> bool:
    """Whether a skeleton unit is a hedge word, with or without a proclitic in front."""
    return unit.lstrip("وفبلك") in HEDGES or unit in HEDGES


def _hedged(text: str, position: int) -> bool:
    """Whether one of the units just before `position` of a skeleton is a hedge."""
    before = text[:position].split()[-HEDGE_WINDOW:]
    return any(_is_hedge(unit) for unit in before)


def _hedged_within(text: str, start: int, end: int) -> bool:
    """Whether a unit inside the match is a hedge: `X ... مستعد للقاء Y`
    is ready to meet, and `X نفى أنه التقى Y` denies it. A negation inside is left to what it
    negates: `X لم تتوقف عن مد Y` (has not stopped) still supports them."""
    return any(_is_hedge(unit) and unit not in NEGATIONS for unit in text[start:end].split())


def _hedged_after(text: str, position: int) -> bool:
    """Whether one of the units just after `position` of a skeleton makes the match no fact."""
    after = text[position:].split(maxsplit=AFTER_HEDGE_WINDOW)[:AFTER_HEDGE_WINDOW]
    return any(unit in AFTER_HEDGES for unit in after)


# What may stand between coordinated entities: `دمشق وحلب`, `بسوريا، أهمها في دمشق`.
# A clitic or `في` alone links no second entity (`الساحل الغربي لليمن` is of Yemen, not and Yemen).
_LINK = r"(?:و|،|,|اهمها|ابرزها|منها|خاصه|لا سيما)"
_COORDINATION = (
    r'(?: (?:[فبلك]|"|في))*(?: ' + _LINK + r')(?: (?:[وفبلك]|،|,|"|اهمها|ابرزها|منها|في|ب|خاصه|'
    r"لا سيما))* ⟦{label}(\d+)⟧"
)


class _CompiledRule(NamedTuple):
    rule: Rule
    regex: re.Pattern[str]
    slots: tuple[frozenset[str], ...]  # the slot letters each needed slot accepts
    words: tuple[frozenset[str], ...]  # the matching keys each needed word accepts


class RuleSet:
    """Compiled rules, with the demonyms of the knowledge base's countries."""

    def __init__(self, kb: Iterable[KbEntity], rules: Iterable[Rule] = RULES) -> None:
        kb = tuple(kb)
        self.demonym_ids = {match_key(d): e.id for e in kb for d in e.demonyms}
        # The accusative of an indefinite masculine demonym: `موقعا إسرائيليا`.
        self.demonym_ids |= {
            f"{key}ا": entity_id
            for key, entity_id in list(self.demonym_ids.items())
            if key.endswith("ي") and not key.startswith("ال")
        }
        self.rules = tuple(rules)
        self._compiled = [
            _CompiledRule(
                rule,
                compile_pattern(rule.pattern, self.demonym_ids, rule.expand),
                required_slots(rule.pattern),
                required_words(rule.pattern),
            )
            for rule in self.rules
        ]
        self._by_letters: dict[frozenset[str], list[int]] = {}
        # Each needed word's keys, pointing at (rule, which of its needed words).
        self._needing: dict[str, list[tuple[int, int]]] = {}
        for index, compiled in enumerate(self._compiled):
            for need, words in enumerate(compiled.words):
                for word in words:
                    self._needing.setdefault(word, []).append((index, need))

    def _candidates(self, skeleton: Skeleton) -> list[_CompiledRule]:
        """The rules that can match the skeleton, in catalogue order: it has an entity for
        each slot they need and one of the words of each word they need (a sentence of news
        has few of the catalogue's words, so most rules are never tried on it)."""
        letters = frozenset(SLOT_LABELS[slot.label] for slot in skeleton.slots)
        by_slots = self._by_letters.get(letters)
        if by_slots is None:
            by_slots = self._by_letters[letters] = [
                index
                for index, compiled in enumerate(self._compiled)
                if all(letters & accepted for accepted in compiled.slots)
            ]
        met = {
            pair
            for key in unit_keys(skeleton.text) & self._needing.keys()
            for pair in self._needing[key]
        }
        found = Counter(index for index, _ in met)
        return [
            self._compiled[index]
            for index in by_slots
            if found[index] == len(self._compiled[index].words)
        ]

    def hits(self, skeleton: Skeleton) -> list[RuleHit]:
        """Every rule match in the sentence (groups as slot indexes, or ids for demonyms),
        but those that a hedge before them (`تتهم السعودية إيران بدعم ...`) or right after
        them (`الضربة الأميركية المحتملة`) makes no fact.

        Descriptions (rules with `timed=False`: titles, adjectives, affiliations) are never
        hedged: `طالب اليوسفي الرئيس اليمني هادي` still names Yemen's president."""
        found: list[RuleHit] = []
        for rule, regex, _, _ in self._candidates(skeleton):
            for match in regex.finditer(skeleton.text):
                if rule.timed and (
                    _hedged(skeleton.text, match.start())
                    or _hedged_within(skeleton.text, match.start(), match.end())
                    or _hedged_after(skeleton.text, match.end())
                ):
                    continue
                groups = {
                    name: self._group_ids(skeleton, match, name, rule)
                    for name, value in match.groupdict().items()
                    if value is not None
                }
                start = skeleton.char_at(match.start())
                end = skeleton.char_at(max(match.start(), match.end() - 1)) + 1
                found.append(RuleHit(rule, groups, start, end))
        return found

    def _group_ids(
        self, skeleton: Skeleton, match: re.Match[str], name: str, rule: Rule
    ) -> tuple[int | str, ...]:
        value = match.group(name)
        if not value.isdigit():
            return (self.demonym_ids[value],)
        refs: list[int | str] = [int(value)]
        if name in rule.expand:
            label = skeleton.text[match.start(name) - 1]
            coordinated = re.compile(_COORDINATION.format(label=re.escape(label)))
            position = match.end(name) + 1
            while (more := coordinated.match(skeleton.text, position)) is not None:
                refs.append(int(more.group(1)))
                position = more.end()
        return tuple(refs)
