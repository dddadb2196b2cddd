"""The fingerprint of the extraction pipeline: what produced an article's facts.

An article in the graph is up to date only if its content and the pipeline that extracted it
are both unchanged. The fingerprint covers kg's extraction code, its data (knowledge base,
lexicon) and the NER model, so upgrading any of them makes the next `kg load` re-extract.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Parts of the package that do not change what is extracted.
NOT_EXTRACTION = ("cli", "neo4j_server", "cypher", "__pycache__")


def _inputs() -> list[Path]:
    files = [
        path
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and not any(part in NOT_EXTRACTION for part in path.relative_to(PACKAGE).parts)
        and path.suffix not in (".pyc",)
    ]
    return sorted(files)


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A short digest of everything that determines extraction output."""
    digest = hashlib.sha1()
    for path in _inputs():
        digest.update(str(path.relative_to(PACKAGE)).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
