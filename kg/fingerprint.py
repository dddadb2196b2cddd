"""The fingerprint of the extraction pipeline: what produced an article's contribution.

An article in the graph is up to date only if its content and the pipeline that extracted it
are both unchanged. The fingerprint covers exactly what decides what an article contributes:
reading and cleaning (`kg.ingest`), the extraction stages (`kg.extraction`), the spaCy
components with their word lists and models (`kg.nlp`, `kg/data`, `kg/models`), the words,
knowledge base and records they share, and how documents become the rows the graph stores
(`kg.serialize`, `kg.graph.rows`). Editing anything else (the command line, the query
templates, the exporter, the local server, the training code) leaves it unchanged, so the next
`kg load` does not re-extract every article.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
EXTRACTION_PARTS = (
    "ingest",
    "extraction",
    "nlp",
    "data",
    "models",
    "arabic.py",
    "vocabulary.py",
    "kb.py",
    "ids.py",
    "records.py",
    "schema.py",
    "serialize.py",
    "graph/rows.py",
)
# Inside those parts: what only builds the shipped files (the models and word lists are
# covered themselves), and caches.
NOT_EXTRACTION = ("nlp/training", "__pycache__")


def fingerprint_inputs(package: Path = PACKAGE) -> list[Path]:
    """The files the fingerprint covers, sorted."""
    files: list[Path] = []
    for part in EXTRACTION_PARTS:
        root = package / part
        files += [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
    return sorted(
        path
        for path in files
        if path.suffix != ".pyc"
        and not any(
            path.relative_to(package).as_posix().startswith(excluded) or excluded in path.parts
            for excluded in NOT_EXTRACTION
        )
    )


@lru_cache(maxsize=4)
def pipeline_fingerprint(package: Path = PACKAGE) -> str:
    """A short digest of everything that determines extraction output."""
    digest = hashlib.sha1()
    for path in fingerprint_inputs(package):
        digest.update(path.relative_to(package).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
