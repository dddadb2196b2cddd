"""A spaCy tokenizer for Arabic news that splits proclitics and sets matching keys.

It runs spaCy's own Arabic tokenizer (with a few extra affix rules for news text: `لـ`/`بـ`
written with tatweel, a dash glued to a year), then splits leading `و ف ب ل ك` and `لل` off
a word when the rest is a known stem (see `kg.nlp.wordlists`). Every token's `norm_` is its
matching key (`kg.arabic.match_key`), with `لل` + stem keyed as `ال` + stem, so rules and
matchers can work on `NORM` while `doc.text` and every offset stay exactly the input.

Registered as `kg.arabic_tokenizer.v1` (an entry point of the `spacy_tokenizers` group, so a
saved pipeline finds it without importing kg first) for use in a pipeline config:

    [nlp.tokenizer]
    @tokenizers = "kg.arabic_tokenizer.v1"
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import numpy
import spacy
from spacy.attrs import NORM
from spacy.lang.ar import Arabic
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
from spacy.vocab import Vocab

from kg.arabic import match_key
from kg.nlp.wordlists import LEXICON_FILE, packaged_lexicon

TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "kg.arabic_tokenizer.v1"}}}
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
PROCLITICS = frozenset(CONJUNCTIONS + PREPOSITIONS)
MIN_STEM_KEY_LENGTH = 2
# How many distinct words the tokenizer remembers the pieces of before it starts afresh.
MAX_REMEMBERED_WORDS = 200_000
# Two-letter stems are split off only when they are these function words (`وهو`, `فقد`,
# `بها`, `ولم`): the lexicon's other two-letter keys are mostly fragments, and trusting them
# broke names (`بدر` into `ب` + `در`).
SHORT_STEMS = frozenset(
    match_key(word)
    for word in (
        "هو",
        "هي",
        "هم",
        "هن",
        "ما",
        "لا",
        "لم",
        "لن",
        "قد",
        "أن",
        "إن",
        "إذ",
        "أي",
        "من",
        "في",
        "عن",
        "مع",
        "كل",
        "ها",
        "نا",
        "له",
        "لي",
        "بل",
        "ثم",
        "حق",
    )
)

# `لـ قاآني`, `بـ"العلاقات`, `و"الجهاد`: a clitic joined to the next word by tatweel or
# written straight before an opening quote.
_CLITIC_PREFIXES = (r"[وفبلك]ـ+", r"[وفبلك](?=[\"'«“”„])", r"#")
# `2020-`, `2020ـ`: a dash or tatweel glued to the end of a number or word; `الإسلامي".`:
# a closing quote or a full stop glued to an Arabic word.
# `#ميليشيات_الحوثي`: a hashtag's words are joined by underscores; `لافروف،الاثنين`: an
# Arabic comma or semicolon typed without the space after it.
_NEWS_INFIXES = (r"_", r"(?<=[\u0621-\u064a])[،؛](?=[\u0621-\u064a])")
_NEWS_SUFFIXES = (r"[-ـ–—]+$", r'["«»“”„]$', r'(?<=[\u0621-\u064a"«»“”])[.،؛]$')


def _base_tokenizer(vocab: Vocab) -> Tokenizer:
    """spaCy's Arabic tokenizer with the extra news-text affix rules."""
    defaults = Arabic.Defaults
    return Tokenizer(
        vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex([*_CLITIC_PREFIXES, *defaults.prefixes]).search,
        suffix_search=compile_suffix_regex([*_NEWS_SUFFIXES, *defaults.suffixes]).search,
        infix_finditer=compile_infix_regex([*defaults.infixes, *_NEWS_INFIXES]).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


class ArabicTokenizer:
    """Tokenize with spaCy's Arabic rules, then split proclitics off known stems."""

    def __init__(self, vocab: Vocab, lexicon: Iterable[str]) -> None:
        self.vocab = vocab
        self.lexicon = frozenset(lexicon)
        self._base = _base_tokenizer(vocab)
        self._pieces: dict[str, list[tuple[str, str]]] = {}

    def __call__(self, text: str) -> Doc:
        """Return a Doc whose tokens cover `text` exactly, proclitics split off."""
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[int] = []
        strings = self.vocab.strings
        for token in self._base(text):
            pieces = self._pieces.get(token.text)
            if pieces is None:
                pieces = self._remember(token.text)
            for position, (piece, norm) in enumerate(pieces):
                words.append(piece)
                norms.append(strings.add(norm))
                spaces.append(bool(token.whitespace_) and position == len(pieces) - 1)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if norms:
            doc.from_array([NORM], numpy.array(norms, dtype="uint64").reshape(-1, 1))
        return doc

    def _remember(self, word: str) -> list[tuple[str, str]]:
        """`split_word(word)`, kept for the next time (news repeats its words)."""
        if len(self._pieces) >= MAX_REMEMBERED_WORDS:
            self._pieces.clear()
        pieces = self._pieces[word] = self.split_word(word)
        return pieces

    def split_word(self, word: str) -> list[tuple[str, str]]:
        """Split `word` into (surface, matching key) pieces: proclitics first, then the stem.

        The pieces' surfaces concatenate to `word`. A word that is itself a known stem is
        never split; otherwise at most a conjunction and then a preposition (or `لل`) come
        off, and only when the remaining stem is known.
        """
        key = match_key(word)
        # The key folds a doubled و (`ووكالة` has the key of `وكالة`), so such a word is never
        # taken whole for the stem it contains. A word in `لل` is ل + the article whenever the
        # article's word is a stem, even if the corpus also left it whole (`للأمم`, `للجيش`).
        known = (
            key in self.lexicon
            and not word.startswith("وو")
            and not (word.startswith("لل") and self._is_stem("ا" + word[1:]))
        )
        if known or len(word) <= MIN_STEM_KEY_LENGTH:
            return [(word, key)]
        pieces: list[tuple[str, str]] = []
        rest = word
        if rest[0] in CONJUNCTIONS and self._splits_well(rest[1:]):
            pieces.append((rest[0], rest[0]))
            rest = rest[1:]
            if self._is_stem(rest):
                return [*pieces, (rest, match_key(rest))]
        if rest[:2] == "لل" and self._is_stem("ا" + rest[1:]):
            # `للحرس` is ل + الحرس with the article's alef dropped in writing.
            return [*pieces, ("ل", "ل"), (rest[1:], match_key("ا" + rest[1:]))]
        if rest[0] in PREPOSITIONS and self._is_stem(rest[1:]):
            pieces.append((rest[0], rest[0]))
            rest = rest[1:]
        return [*pieces, (rest, match_key(rest))]

    def _is_stem(self, candidate: str) -> bool:
        key = match_key(candidate)
        if len(key) == MIN_STEM_KEY_LENGTH:
            return key in SHORT_STEMS
        return len(key) > MIN_STEM_KEY_LENGTH and key in self.lexicon

    def _splits_well(self, rest: str) -> bool:
        """After a conjunction: the rest is a stem, or a preposition or `لل` plus a stem."""
        if self._is_stem(rest):
            return True
        if rest[:2] == "لل" and self._is_stem("ا" + rest[1:]):
            return True
        return rest[:1] in PREPOSITIONS and self._is_stem(rest[1:])

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon beside the pipeline, so a saved model keeps the stems it used."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / LEXICON_FILE).write_text("\n".join(sorted(self.lexicon)) + "\n", "utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ArabicTokenizer:
        """Load the lexicon a saved pipeline was built with."""
        lexicon_path = Path(path) / LEXICON_FILE
        if lexicon_path.exists():
            self.lexicon = frozenset(lexicon_path.read_text("utf-8").split())
            self._pieces.clear()
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialise the lexicon (spaCy calls this when copying pipelines)."""
        return "\n".join(sorted(self.lexicon)).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ArabicTokenizer:
        """Restore the lexicon from `to_bytes` output."""
        self.lexicon = frozenset(data.decode("utf-8").split())
        self._pieces.clear()
        return self


@spacy.registry.tokenizers("kg.arabic_tokenizer.v1")
def create_arabic_tokenizer() -> Callable[[Language], ArabicTokenizer]:
    """Config factory: the clitic-splitting tokenizer with the packaged stem lexicon."""

    def make(nlp: Language) -> ArabicTokenizer:
        return ArabicTokenizer(nlp.vocab, packaged_lexicon())

    return make


def blank_arabic(vocab: Vocab | None = None) -> Language:
    """An empty Arabic pipeline with kg's tokenizer (for tokenising and as a base to build on),
    on `vocab` if given (a model's, so that its vectors and strings are shared)."""
    if vocab is None:
        return spacy.blank("ar", config=TOKENIZER_CONFIG)
    return spacy.blank("ar", config=TOKENIZER_CONFIG, vocab=vocab)
