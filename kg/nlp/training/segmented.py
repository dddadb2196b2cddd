"""NewsFANE and WikiFANE text back to written words: re-join the segmented clitics.

Both FANE corpora split clitics off as tokens of their own (`و لبنان`, `ف قد`, `ب دمشق`,
`عاصمة ها`, `عن ه`), whereas articles, ANERcorp and the pipeline's tokenizer keep a word whole
and split only the proclitics it knows. To train on these corpora with the pipeline's own
tokens, a lone proclitic (`و ف ب ل ك`) is joined to the Arabic word after it (`ل` + `ال...`
written `لل...`), and a lone pronoun suffix (`ه ها هم هما هن كم نا ي`) to the Arabic word
before it (a final `ة` becomes `ت`, a final `ى` becomes `ي`: `عاصمة ها` -> `عاصمتها`,
`على ه` -> `عليه`). The joined word takes the tag of its stem; a proclitic before a `B-` tag
leaves the entity starting at the word it is now part of. The corpora's spelling
normalisation (`اعلن` for `أعلن`) stays: the model's features and vectors read matching keys,
which fold those letters anyway.
"""

from __future__ import annotations

from kg.arabic import is_arabic
from kg.nlp.training.conll import TaggedSentence

PROCLITIC_TOKENS = frozenset("وفبلك")
ENCLITIC_TOKENS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي"})
_BEFORE_SUFFIX = {"ة": "ت", "ى": "ي"}


def _join_proclitic(clitic: str, word: str) -> str:
    if clitic == "ل" and word.startswith("ال"):
        return "ل" + word[1:]
    return clitic + word


def rejoin(sentence: TaggedSentence) -> TaggedSentence:
    """`sentence` with its segmented clitics joined back to their words (see the module)."""
    words: list[str] = []
    tags: list[str] = []
    pending: list[str] = []  # proclitics waiting for their word
    pending_tag = "O"
    for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
        if token in ENCLITIC_TOKENS and not pending and words and is_arabic(words[-1][-1]):
            last = words[-1]
            words[-1] = last[:-1] + _BEFORE_SUFFIX.get(last[-1], last[-1]) + token
            continue
        if token in PROCLITIC_TOKENS:
            if not pending:
                pending_tag = tag
            pending.append(token)
            continue
        if pending:
            if is_arabic(token[:1]):
                for clitic in reversed(pending):
                    token = _join_proclitic(clitic, token)
                # `و/B-X دمشق/I-X`: the entity starts at the joined word.
                if tag.startswith("I-") and pending_tag == "B-" + tag[2:]:
                    tag = pending_tag
            else:
                words.extend(pending)
                tags.extend([pending_tag] + ["O"] * (len(pending) - 1))
            pending = []
        words.append(token)
        tags.append(tag)
    if pending:
        words.extend(pending)
        tags.extend([pending_tag] + ["O"] * (len(pending) - 1))
    return TaggedSentence(tuple(words), tuple(tags))
