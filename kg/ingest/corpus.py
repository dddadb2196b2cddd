"""News corpora in the ANT layout: one article per block of lines, an empty line between blocks.

The ANT corpus (`../shared/data/text/*.txt.gz`, Chouigui et al., Apache-2.0) gives each
article as its title, its abstract and its body, one paragraph a line. An article is named by
its *position*, the 0-based index of its block among the non-empty blocks of the file, and
identified by the SHA-256 of the block's text (the block without the blank lines around it),
so that a gold file or a benchmark can refer to articles without copying their text.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from kg.errors import KgError


def iter_blocks(path: Path) -> Iterator[str]:
    """The articles of a corpus file (gzip or plain UTF-8), in order."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as stream:
            lines: list[str] = []
            for line in stream:
                line = line.rstrip("\n")
                if line:
                    lines.append(line)
                    continue
                if any(part.strip() for part in lines):
                    yield "\n".join(lines)
                lines = []
            if any(part.strip() for part in lines):
                yield "\n".join(lines)
    except FileNotFoundError:
        raise KgError(f"no such corpus file: {path}") from None
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise KgError(f"cannot read corpus {path}: {exc}") from None


@lru_cache(maxsize=2)
def corpus_articles(path: Path) -> tuple[str, ...]:
    """Every article of a corpus file, indexed by position (read once per process)."""
    return tuple(iter_blocks(path))


def text_sha256(text: str) -> str:
    """The SHA-256 (hex) of a text's UTF-8 bytes: how gold files identify an article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def corpus_article(path: Path, position: int, sha256: str | None = None) -> str:
    """The text of the article at `position`; with `sha256`, checked to be the expected one."""
    articles = corpus_articles(path)
    if not 0 <= position < len(articles):
        raise KgError(f"{path} has no article {position} (it has {len(articles)})")
    text = articles[position]
    if sha256 is not None and text_sha256(text) != sha256:
        raise KgError(
            f"article {position} of {path} is not the expected text (SHA-256 differs): "
            "a different version of the corpus?"
        )
    return text
