"""Entity linking: which entity each mention names, and why.

Rules, in order (the first that applies decides; its name and evidence go in `Mention.link`):

1. `kb-alias`: the knowledge-base ruler matched one of the entity's spellings.
2. `title-stripped`: a person mention that starts with a title or rank (`العميد`, `اللواء`,
   `الجنرال`, `الحاج`, ...) names the person without it; the title leaves the span.
3. `short-form`: a one-word person mention is the person named earlier in the same article
   whose full name ends in that word (`قاآني` after `إسماعيل قاآني`), when exactly one such
   person was named; two candidates mean no link.
4. `surname-across-articles`: a one-word person mention with no full name in its article is
   the one person of the knowledge base, or seen in this run, with that family name.
5. `same-name`: otherwise the entity is its type plus the name's matching key, so the same
   name in any spelling is one entity across articles and runs.

A first name alone never links to anyone: people who share a first name stay apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.arabic import match_key
from kg.ids import derived_entity_id
from kg.kb import KbEntity
from kg.records import LinkedMention
from kg.vocabulary import TITLES_BEFORE_NAMES, TITLES_STRIPPED_ONLY

# Titles and ranks that precede a person's name in news text (matching keys).
TITLES = TITLES_BEFORE_NAMES | TITLES_STRIPPED_ONLY


def _strip_titles(text: str) -> tuple[int, str]:
    """Characters of leading titles to drop from a name, and the titles dropped."""
    words = text.split(" ")
    dropped = 0
    while len(words) - dropped > 1 and match_key(words[dropped]) in TITLES:
        dropped += 1
    if dropped == 0:
        return 0, ""
    cut = sum(len(w) + 1 for w in words[:dropped])
    return cut, " ".join(words[:dropped])


class EntityLinker:
    """Links mentions article by article; keeps run-level knowledge of the people seen."""

    def __init__(self, kb: Iterable[KbEntity]) -> None:
        self._surnames: dict[str, set[str]] = defaultdict(set)
        for entity in kb:
            if entity.label == "Person":
                for alias in entity.aliases:
                    self._remember_person(entity.id, alias)
        self._article_people: dict[str, set[str]] = {}

    def _remember_person(self, entity_id: str, name: str) -> None:
        words = match_key(name).split()
        if len(words) >= 2:
            self._surnames[words[-1]].add(entity_id)

    def add_known_people(self, people: Iterable[tuple[str, list[str]]]) -> None:
        """Know people stored elsewhere (the graph): (id, names) pairs, as if seen this run."""
        for entity_id, names in people:
            for name in names:
                self._remember_person(entity_id, name)

    def start_article(self) -> None:
        """Forget the previous article's people (run-level knowledge stays)."""
        self._article_people = defaultdict(set)

    def link(
        self, label: str, text: str, start: int, kb_id: str | None, key: str = ""
    ) -> LinkedMention:
        """Link one mention (`text` at character `start` of the article), in reading order.

        `key` is the span's matching key from its tokens, which restores an article the
        writing elided after `ل` (`للحوثيين` gives the text `لحوثيين`, the key `الحوثيين`).
        """
        end = start + len(text)
        if kb_id:
            self._note(label, kb_id, text)
            return LinkedMention(kb_id, start, end, f"kb-alias: {text}")
        key_words = (
            key.split() if len(key.split()) == len(text.split()) else match_key(text).split()
        )
        if label != "Person":
            entity_id = derived_entity_id(label, " ".join(key_words))
            return LinkedMention(entity_id, start, end, f"same-name: {text}")
        cut, titles = _strip_titles(text)
        name = text[cut:]
        words = key_words[len(text[:cut].split()) :] if cut else key_words
        if len(words) == 1:
            in_article = self._article_people.get(words[0], set())
            if len(in_article) == 1:
                (entity_id,) = in_article
                return LinkedMention(
                    entity_id, start + cut, end, f"short-form: {name} of {entity_id}"
                )
            across = self._surnames.get(words[0], set())
            if not in_article and len(across) == 1:
                (entity_id,) = across
                rule = f"surname-across-articles: {name} of {entity_id}"
                return LinkedMention(entity_id, start + cut, end, rule)
        entity_id = derived_entity_id(label, " ".join(words))
        self._note(label, entity_id, " ".join(words))
        rule = f"title-stripped: {titles}" if titles else f"same-name: {name}"
        return LinkedMention(entity_id, start + cut, end, rule)

    def _note(self, label: str, entity_id: str, name: str) -> None:
        if label != "Person":
            return
        words = match_key(name).split()
        if len(words) >= 2:
            self._article_people[words[-1]].add(entity_id)
            self._remember_person(entity_id, name)
