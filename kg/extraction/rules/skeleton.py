"""A sentence as relation rules see it: matching keys, with each entity as one placeholder.

`قائد "فيلق القدس" التابع للحرس الثوري، إسماعيل قاآني` becomes the skeleton

    ` قايد " ⟦O0⟧ " التابع ل ⟦O1⟧ ، ⟦P2⟧`

(tokens joined by single spaces, each preceded by one), so a rule is a regular expression
over normalised words and typed entity slots. `compile_pattern` turns the rule notation into
that expression:

- a plain Arabic word matches its matching key (`قائد` matches `قايد`), with or without
  proclitics (`وقائد`, `و قائد`);
- `{P:name}`, `{O:name}`, `{L:name}`, `{G:name}` match a Person / Organization / Location /
  Group slot and capture its index as `name`; letters combine (`{PO:name}`: a person or an
  organisation) and `{E:name}` is any entity; without `:name` nothing is captured;
- `{DEM:name}` a demonym (`إسرائيلية`) of a knowledge-base country, captured as its key;
- `{WORDS:n}` up to n tokens that are neither entities nor the prepositions and commas that
  link a title to something else (`الي`, `لدي`, `في`, `،`, ...);
- `{GAP:n}` up to n tokens that are not entities, `{NOP:n}` up to n tokens that are not
  persons, `{ANY:n}` up to n tokens of any kind, `{MODS:n}` up to n tokens that are not
  entities and do not open a clause or an opposition (`ان`, `قال`, `ضد`, ...: what may
  stand between a name and what describes it); all as few as possible;
- a slot may be followed by an aside in brackets (`⟦O0⟧ ( ⟦O1⟧ سابقا )`), which the
  pattern need not spell out;
- any other unit is a regular expression for one token (`(?:التقى|اجتمع)`); a unit ending
  in `?` is optional;
- lookbehind groups at the start of a slot or word unit (`(?<!بقياده\x20){L:t}`) guard it:
  the unit matches only where the text before it (before the word, after its proclitics) is
  none of theirs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.arabic import match_key
from kg.nlp.tokenizer import PROCLITICS

SLOT_LABELS = {"Person": "P", "Organization": "O", "Location": "L", "Group": "G"}
_MACRO = re.compile(r"\{([POLGE]+|DEM|GAP|ANY|NOP|WORDS|MODS)(?::(\w+))?\}")
# Words that link a title to something else (`المبعوث الأممي إلى اليمن`): not part of it.
_LINKS = "(?:الي|لدي|في|ب|ل|من|علي|عن|مع|،|,)"
# Words that open a clause or set one side against another (`وتابع دانفورد أن حلفاء`,
# `بين تركيا ضد الاكراد حلفاء`): what follows them no longer describes the name before.
_CLAUSE_WORDS = (
    "(?:ان|انه|انها|بان|بانه|لان|قال|قالت|يقول|تقول|اكد|اكدت|اعلن|اعلنت|ضد|بين|مع|عن|حيث)"
)
_GAP_TOKENS = {
    "GAP": r"[^⟦ ]+",
    "ANY": r"\S+",
    "NOP": r"(?!⟦P)\S+",
    "WORDS": rf"(?!{_LINKS}(?: |$))[^⟦ ]+",
    "MODS": rf"(?!{_CLAUSE_WORDS}(?: |$))[^⟦ ]+",
}
_ARABIC_RUN = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u0640\u064b-\u0652\u0670]+")
_GUARDS = re.compile(r"(?:\(\?<!(?:[^()\\]|\\.)*\))*")
_ASIDE = r"(?: \((?: [^()\s]+){1,6}? \))?"
_CLITIC_CLASS = "[" + "".join(sorted(PROCLITICS)) + "]"
_PROCLITICS = f"(?:{_CLITIC_CLASS} )*{_CLITIC_CLASS}{{0,2}}"


@dataclass(frozen=True)
class Slot:
    """An entity occurrence in a sentence: its token span and label."""

    start: int  # first token
    end: int  # one past the last token
    label: str


@dataclass
class Skeleton:
    """The skeleton string of one sentence and the way back to tokens and characters."""

    text: str
    slots: list[Slot]
    unit_chars: list[int]  # character offset (in the sentence) of each unit
    _unit_starts: list[int]  # position in `text` where each unit begins

    def char_at(self, position: int) -> int:
        """Character offset in the sentence of the unit at skeleton `position`."""
        index = max(0, bisect.bisect_right(self._unit_starts, position) - 1)
        return self.unit_chars[index] if self.unit_chars else 0


def build_skeleton(doc: Doc, slots: Sequence[Slot]) -> Skeleton:
    """The skeleton of a tokenised sentence whose entity spans are `slots` (in token order)."""
    by_start = {slot.start: (index, slot) for index, slot in enumerate(slots)}
    parts: list[str] = []
    unit_chars: list[int] = []
    unit_starts: list[int] = []
    position = 0
    token = 0
    while token < len(doc):
        if token in by_start:
            index, slot = by_start[token]
            unit = f"⟦{SLOT_LABELS[slot.label]}{index}⟧"
            char = doc[slot.start].idx
            token = slot.end
        else:
            current = doc[token]
            token += 1
            if current.is_space:
                continue
            unit = current.norm_ or match_key(current.text)
            char = current.idx
            if not unit:
                continue
        unit_starts.append(position)
        unit_chars.append(char)
        parts.append(" " + unit)
        position += len(unit) + 1
    return Skeleton("".join(parts), list(slots), unit_chars, unit_starts)


def _unit_regex(unit: str, demonyms: Iterable[str], expand: Collection[str] = ()) -> str:
    """The regex of one pattern unit, including the space that precedes its token; a slot
    whose name is in `expand` also spans the entities coordinated after it."""
    optional = unit.endswith("?") and len(unit) > 1 and not unit.endswith("??")
    body = unit[:-1] if optional else unit
    if optional and body.count("(") < body.count(")"):
        # `(?:عدد من)?` would make only its last word optional, and the first one's space
        # required: write one optional group a word (`(?:عدد)? (?:من)?`).
        raise ValueError(f"an optional group spans words, at {unit!r}")
    # Lookbehind guards (`(?<!بقياده\x20){L:t}`) stay in front of the slot or word they guard.
    guard = _GUARDS.match(body).group()
    body = body[len(guard) :]
    guard = _ARABIC_RUN.sub(lambda m: match_key(m.group()), guard)
    macro = _MACRO.fullmatch(body)
    if macro is not None and guard and macro.group(1) in _GAP_TOKENS:
        raise ValueError(f"a guard stands before a slot or word, not a gap, at {unit!r}")
    if macro is not None:
        kind, name = macro.groups()
        if kind in _GAP_TOKENS:
            return f"(?: {_GAP_TOKENS[kind]}){{0,{int(name or 3)}}}?"
        if kind == "DEM":
            keys = sorted({match_key(d) for d in demonyms}, key=len, reverse=True)
            inner = "|".join(re.escape(k) for k in keys) or "(?!)"
            regex = f"(?P<{name}>{inner})" if name else f"(?:{inner})"
        else:
            classes = "POLG" if "E" in kind else kind
            number = f"(?P<{name}>\\d+)" if name else r"\d+"
            # An aside in brackets may follow a name: `⟦O0⟧ ( ⟦O1⟧ سابقا )`, `⟦O0⟧ ( YPG )`.
            regex = f"⟦[{classes}]{number}⟧{_ASIDE}"
            if name in expand:
                regex += rf"(?:(?: (?:و|،|,|\"))+ ⟦[{classes}]\d+⟧{_ASIDE})*"
        regex = guard + regex
    else:
        # A word may carry proclitics, attached or split off by the tokenizer; its guards
        # look at what stands before the word itself (`(?<!و)حليفه` refuses `وحليفه`).
        regex = _PROCLITICS + guard + _ARABIC_RUN.sub(lambda m: match_key(m.group()), body)
    return f"(?: {regex})?" if optional else f" {regex}"


def required_slots(pattern: str) -> tuple[frozenset[str], ...]:
    """For each slot a match of `pattern` cannot do without, the slot letters it accepts
    (`{PO:s}`: P or O): a sentence without such an entity cannot match."""
    required = []
    for unit in pattern.split():
        macro = _MACRO.fullmatch(unit)
        if _optional_unit(unit) or macro is None or macro.group(1) == "DEM":
            continue
        kind = macro.group(1)
        required.append(frozenset("POLG" if "E" in kind else kind))
    return tuple(required)


# A word unit that is a plain word or a plain choice of words (`قائد`, `(?:التقى|اجتمع)`).
_PLAIN_WORDS = re.compile(
    rf"(?:{_ARABIC_RUN.pattern}|\(\?:{_ARABIC_RUN.pattern}(?:\|{_ARABIC_RUN.pattern})*\))"
)


def _optional_unit(unit: str) -> bool:
    """Whether a match can do without the unit: marked `?`, or a gap (which may be empty)."""
    if unit.endswith("?") and len(unit) > 1 and not unit.endswith("??"):
        return True
    macro = _MACRO.fullmatch(unit)
    return macro is not None and macro.group(1) in _GAP_TOKENS


def required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """For each plain word unit (`قائد`, `(?:التقى|اجتمع)`) that a match of `pattern` cannot
    do without and that a needed unit follows, the matching keys it accepts: a skeleton none
    of whose units is one of them, bar up to two proclitic letters (`وقايد`), cannot match.

    Other units prune nothing and are left out, and so is a word with nothing needed after
    it, since it may match the start of a longer unit (`قائد` in `قائدا`)."""
    required = []
    followed = False  # whether a needed unit comes after the current one
    for unit in reversed(pattern.split()):
        if _optional_unit(unit):
            continue
        body = unit[len(_GUARDS.match(unit).group()) :]
        if followed and _MACRO.fullmatch(body) is None and _PLAIN_WORDS.fullmatch(body):
            required.append(frozenset(match_key(word) for word in _ARABIC_RUN.findall(body)))
        followed = True
    return tuple(reversed(required))


def unit_keys(skeleton_text: str) -> set[str]:
    """The skeleton's units, each also without one and two leading proclitic letters: what
    a word unit of a pattern (`required_words`) may be in this sentence."""
    keys = set()
    for unit in skeleton_text.split():
        keys.add(unit)
        if unit[:1] in PROCLITICS:
            keys.add(unit[1:])
            if unit[1:2] in PROCLITICS:
                keys.add(unit[2:])
    return keys


def compile_pattern(
    pattern: str, demonyms: Iterable[str] = (), expand: Collection[str] = ()
) -> re.Pattern[str]:
    """Compile rule notation (see the module docstring) to a regex over skeletons; the slots
    named in `expand` span the entities coordinated after them (`⟦O0⟧ و ⟦O1⟧`)."""
    demonyms = tuple(demonyms)
    return re.compile("".join(_unit_regex(unit, demonyms, expand) for unit in pattern.split()))
