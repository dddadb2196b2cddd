"""Reading `kg extract`'s output back: JSON Lines of documents, for `kg load` and `kg import`.

Such a file is recognised by its first line (an object with an `article` object and an
`entities` list), whatever its name. Every line is checked (`kg.serialize.document_from_dict`)
before anything is written: a file that is not valid extraction output stops the command with
one error naming the file, line and field, and nothing of it is stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import KgError
from kg.ingest.files import input_files
from kg.records import Document, ReadFailure
from kg.serialize import NotExtractionOutput, document_from_dict

_SNIFF_BYTES = 64 * 1024 * 1024


def _first_record(path: Path) -> object:
    """The first non-blank line of `path` parsed as JSON (None: none, or not JSON)."""
    try:
        with path.open("rb") as stream:
            for line in stream:
                if line.strip():
                    return json.loads(line[:_SNIFF_BYTES].decode("utf-8-sig"))
    except (OSError, ValueError):
        return None
    return None


def looks_extracted(path: Path) -> bool:
    """Whether `path` is (by its first line) a file of `kg extract`'s output."""
    if not path.is_file():
        return False
    record = _first_record(path)
    return (
        isinstance(record, dict)
        and isinstance(record.get("article"), dict)
        and isinstance(record.get("entities"), list)
    )


def extracted_input(paths: Iterable[str | Path], forced: bool = False) -> bool:
    """Whether the files under `paths` are extraction output (True) or articles (False).

    `forced` (`--extracted`): all must be. Raises `KgError` for a mix of both, or when forced
    and one is not.
    """
    files = list(input_files(paths))
    extracted = [path for path in files if looks_extracted(path)]
    others = [path for path in files if path not in extracted]
    if forced and others:
        raise KgError(f"{others[0]} is not kg's extraction output ({_why_not(others[0])})")
    if extracted and others:
        raise KgError(
            f"the input mixes kg's extraction output ({extracted[0]}) with articles "
            f"({others[0]}): load them in separate commands"
        )
    return bool(extracted)


def _why_not(path: Path) -> str:
    record = _first_record(path)
    if record is None:
        return "its first line is not JSON"
    try:
        document_from_dict(record)
    except NotExtractionOutput as problem:
        return f"line 1: {problem}"
    return "not a JSON Lines file of documents"


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | ReadFailure]:
    """The documents of the extraction output under `paths`, in order; a second document with
    an id already read is a `ReadFailure` (as `kg.ingest.unique_articles` makes it for
    articles). Raises `KgError` at the first line that is not a valid document."""
    first_path: dict[str, str] = {}
    for path in input_files(paths):
        for number, document in _documents_of(path):
            where = f"{path}:{number}"
            article_id = document.article.id
            if article_id in first_path:
                reason = f"same article id {article_id!r} as {first_path[article_id]}; not loaded"
                yield ReadFailure(where, reason)
                continue
            first_path[article_id] = where
            yield document


def _documents_of(path: Path) -> Iterator[tuple[int, Document]]:
    try:
        with path.open("r", encoding="utf-8-sig") as stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                yield number, _parse(line, f"{path}:{number}")
    except UnicodeDecodeError:
        raise KgError(f"{path} is not kg's extraction output (not UTF-8 text)") from None
    except OSError as exc:
        raise KgError(f"cannot read {path}: {exc.strerror or exc}") from None


def _parse(line: str, where: str) -> Document:
    try:
        return document_from_dict(json.loads(line))
    except json.JSONDecodeError as exc:
        raise KgError(f"{where}: not valid extraction output (malformed JSON: {exc.msg})") from None
    except NotExtractionOutput as problem:
        raise KgError(f"{where}: not valid extraction output ({problem})") from None


def check_documents(paths: Iterable[str | Path]) -> int:
    """Read every line under `paths` (raising `KgError` at the first invalid one, before the
    caller writes anything); the number of documents."""
    return sum(1 for item in read_documents(paths) if isinstance(item, Document))
