"""Finding and decoding input files: `.txt`, `.html`/`.htm`, `.json`, `.jsonl`, `.parquet`.

`iter_articles` turns paths (files or folders) into cleaned `Article`s, reporting every file or
record it cannot read as a `ReadFailure` with one human reason, and going on with the rest.

Ids are stable across content changes (the loader replaces changed articles by id) and never
shared by two different articles: see `kg.ingest.identity`. A file or record with no article
text (binary data, markup only, nothing left once page furniture is removed) is a failure, so
that nothing empty is ever stored.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from kg.ids import text_article_id
from kg.ingest.cleaning import clean, parse_date
from kg.ingest.html import page_text_and_metadata
from kg.ingest.identity import article_id, legacy_ids
from kg.records import Article, ReadFailure, TextSpan

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
"""The largest article (a text or HTML file, or one record's text) that is read."""
MAX_JSON_BYTES = 100 * 1024 * 1024
"""The largest JSON (not JSON Lines) file, which has to be parsed whole."""
_TOO_LARGE = f"larger than the {MAX_ARTICLE_BYTES >> 20} MB limit for one article"
_TOO_LARGE_JSON = (
    f"larger than the {MAX_JSON_BYTES >> 20} MB limit for a JSON file (use JSON Lines for more)"
)
_NO_TEXT = "no article text (nothing is left once markup and page furniture are removed)"
_NOT_PROSE = "not text (binary: no words in any encoding)"
_MAX_JSONL_LINE = 6 * MAX_ARTICLE_BYTES  # a JSON escape (\u0642) takes 6 bytes for one char

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl"})
PARQUET_SUFFIXES = frozenset({".parquet"})
"""A Parquet file holds one article a row, with the columns of a JSON record (`id`, `text`,
`title`, `url`, `published`, `source`, ...): the form of a data team's archive, and of a
dataset written by Spark (a folder of `part-*.parquet` files). Reading it needs pyarrow."""
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
PARQUET_BATCH_ROWS = 256
"""The files taken when walking a folder; a file named explicitly is read whatever its name."""


class _Unreadable(Exception):
    """Raised inside this module with the reason a file or record cannot be read."""


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | ReadFailure]:
    """Yield every article found under `paths`, cleaned, or a `ReadFailure` for what fails.

    Folders are walked recursively in sorted order (hidden entries skipped), taking the
    `FOLDER_SUFFIXES` files; a file named explicitly is read as text unless its suffix says
    HTML or JSON. Bad input never stops the iteration.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file)
        else:
            yield from _read_file(path)


def input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files `iter_articles` reads under `paths`, in its order."""
    for given in paths:
        path = Path(given)
        yield from _walk(path) if path.is_dir() else [path]


def _walk(folder: Path) -> list[Path]:
    """The readable files under `folder`, sorted, skipping hidden files and folders."""
    return sorted(
        file
        for file in folder.rglob("*")
        if file.suffix.lower() in FOLDER_SUFFIXES
        and not any(part.startswith(".") for part in file.relative_to(folder).parts)
        and file.is_file()
    )


def _read_file(path: Path) -> Iterator[Article | ReadFailure]:
    """Read one file of any supported kind, turning each problem into a `ReadFailure`."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size == 0:
            raise _Unreadable("empty file")
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
            return
        if suffix in PARQUET_SUFFIXES:
            yield from _read_parquet(path)
            return
        if suffix in JSON_SUFFIXES and size > MAX_JSON_BYTES:
            raise _Unreadable(_TOO_LARGE_JSON)
        if suffix not in JSON_SUFFIXES and size > MAX_ARTICLE_BYTES:
            raise _Unreadable(_TOO_LARGE)
        data = path.read_bytes()
        if suffix in JSON_SUFFIXES:
            yield from _read_json(path, _decode(data))
        elif suffix in HTML_SUFFIXES:
            yield _article_from_html(path, _decode(data, _declared_charset(data)))
        else:
            yield _new_article(path, None, _decode(data), {})
    except _Unreadable as problem:
        yield ReadFailure(str(path), str(problem))
    except FileNotFoundError:
        yield ReadFailure(str(path), "no such file or directory")
    except PermissionError:
        yield ReadFailure(str(path), "permission denied")
    except OSError as error:
        yield ReadFailure(str(path), error.strerror or str(error))


# --- decoding ----------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes, declared: str | None = None) -> str:
    """Decode file bytes to text: a BOM's encoding, else UTF-8, else `declared` (an HTML meta
    charset), else an encoding charset-normalizer detects that yields mostly Arabic, else
    Windows-1256 if that does, else the detector's best guess. Raises `_Unreadable` for binary
    data, empty text or bytes no encoding explains."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError:
                raise _Unreadable(f"not text (invalid {encoding.upper()})") from None
    if b"\x00" in data:
        raise _Unreadable("not text (binary)")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    detected = [match.encoding for match in from_bytes(data)]
    for encoding in ([declared] if declared else []) + detected + ["cp1256"]:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == declared or (_arabic_share(text) >= 0.6 and _has_words(text)):
            return _checked(text)
    if detected:
        text = _checked(data.decode(detected[0]))
        if not _has_words(text):
            raise _Unreadable(_NOT_PROSE)
        return text
    raise _Unreadable("not text (binary or unknown encoding)")


def _has_words(text: str) -> bool:
    """Whether `text` reads as words between spaces, as prose does: bytes of no text decoded
    with a legacy encoding (every byte is some letter in Windows-1256) make a few very long
    "words" instead. True when at most half of the text is in runs of over 30 characters."""
    runs = text.split()
    return sum(len(run) for run in runs if len(run) > 30) * 2 <= sum(len(run) for run in runs)


def _arabic_share(text: str) -> float:
    """The share of letters in `text` that are Arabic script."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff") / len(letters)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _checked(text: str) -> str:
    """`text` itself, unless it is empty or mostly control characters (binary)."""
    if not text.strip():
        raise _Unreadable("empty file")
    if len(_CONTROL.findall(text)) > len(text) / 100:
        raise _Unreadable("not text (binary)")
    return text


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobytes, if any."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", data[:4096], re.IGNORECASE)
    return m[1].decode("ascii") if m else None


# --- articles ----------------------------------------------------------------------------


def _text_field(value: Any) -> str | None:
    """A metadata value as a non-empty string, or None."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


_WORD = re.compile(r"[^\W\d_\u0640]{2,}")  # two letters (tatweel is no letter)


def _new_article(path: Path, record: int | None, text: str, meta: dict[str, Any]) -> Article:
    """Build and clean an Article from decoded text and its metadata fields (`record`: its
    1-based number in a JSON list or JSON Lines file). Raises `_Unreadable` when cleaning
    leaves no article text."""
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise _Unreadable(_TOO_LARGE)
    url = _text_field(meta.get("url"))
    given_id = _text_field(meta.get("id"))
    published = _text_field(meta.get("published"))
    article = Article(
        id=article_id(path, given_id, url, record),
        legacy_ids=tuple(legacy_ids(path, given_id, url, record)),
        text=text,
        body=[],
        path=str(path),
        title=_text_field(meta.get("title")),
        source=_text_field(meta.get("source")),
        url=url,
        published=parse_date(published) if published else None,
        author=_text_field(meta.get("author")),
        lang=_text_field(meta.get("lang")) or "ar",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    clean(article)
    if not any(_WORD.search(text, span.start, span.end) for span in article.body):
        raise _Unreadable(_NO_TEXT)
    return article


def _article_from_record(path: Path, number: int | None, record: Any) -> Article:
    """An Article from one JSON record (an object with a `text` field)."""
    if not isinstance(record, dict):
        raise _Unreadable("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise _Unreadable("missing the required string field 'text'")
    if not text.strip():
        raise _Unreadable("empty text")
    return _new_article(path, number, text, record)


def _read_json(path: Path, content: str) -> Iterator[Article | ReadFailure]:
    """The records of a JSON file holding one object or a list of objects."""
    try:
        document = json.loads(content)
    except json.JSONDecodeError as error:
        raise _Unreadable(_json_problem(error, error.lineno)) from None
    except RecursionError:
        raise _Unreadable("malformed JSON: nested too deeply") from None
    if isinstance(document, dict):
        yield _article_from_record(path, None, document)
        return
    if not isinstance(document, list):
        raise _Unreadable("JSON is neither an object nor a list of objects")
    if not document:
        raise _Unreadable("empty JSON list")
    for number, record in enumerate(document, start=1):
        try:
            yield _article_from_record(path, number, record)
        except _Unreadable as problem:
            yield ReadFailure(str(path), f"record {number}: {problem}")


def _json_problem(error: json.JSONDecodeError, line_number: int) -> str:
    """The reason given for malformed JSON: where, and what the parser expected."""
    what = error.msg.removesuffix(" at").removesuffix(" starting")
    return f"malformed JSON on line {line_number}, column {error.colno}: {what}"


def _read_jsonl(path: Path) -> Iterator[Article | ReadFailure]:
    """The records of a JSON Lines file, one per non-blank line, read line by line."""
    records = 0
    with path.open("rb") as stream:
        for line_number, line in _physical_lines(stream):
            if line is not None and not line.strip():
                continue
            records += 1
            where = f"{path}:{line_number}"
            try:
                if line is None:
                    raise _Unreadable(_TOO_LARGE)
                record = _parse_json_line(line, line_number)
                yield _article_from_record(path, records, record)
            except _Unreadable as problem:
                yield ReadFailure(where, str(problem))
    if records == 0:
        raise _Unreadable("empty file")


def _read_parquet(path: Path) -> Iterator[Article | ReadFailure]:
    """The rows of a Parquet file, one article each, read a batch of rows at a time."""
    try:
        import pyarrow
        import pyarrow.parquet as parquet
    except ImportError:
        raise _Unreadable("reading Parquet needs pyarrow: pip install 'kg[spark]'") from None
    try:
        table = parquet.ParquetFile(path)
        if "text" not in table.schema_arrow.names:
            raise _Unreadable("no 'text' column")
        number = 0
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            for record in batch.to_pylist():
                number += 1
                try:
                    yield _article_from_record(path, number, _json_values(record))
                except _Unreadable as problem:
                    yield ReadFailure(f"{path}:row {number}", str(problem))
    except pyarrow.ArrowException as error:
        raise _Unreadable(f"not a readable Parquet file ({error})") from None
    if number == 0:
        raise _Unreadable("no rows")


def _json_values(record: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as a JSON record would give it: dates and times in ISO 8601."""
    return {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in record.items()
    }


def _physical_lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line too long to hold, which is skipped."""
    number = 0
    while line := stream.readline(_MAX_JSONL_LINE + 1):
        number += 1
        if len(line) > _MAX_JSONL_LINE and not line.endswith(b"\n"):
            while (rest := stream.readline(_MAX_JSONL_LINE)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _parse_json_line(line: bytes, line_number: int) -> Any:
    """One JSON Lines record, decoded and parsed."""
    try:
        text = _decode(line.removeprefix(codecs.BOM_UTF8))
    except _Unreadable as problem:
        raise _Unreadable(f"line {line_number} is {problem}") from None
    try:
        return json.loads(text.strip())
    except json.JSONDecodeError as error:
        raise _Unreadable(_json_problem(error, line_number)) from None
    except RecursionError:
        raise _Unreadable(f"malformed JSON on line {line_number}: nested too deeply") from None


def _article_from_html(path: Path, html: str) -> Article:
    """An Article from an HTML page: the extracted text, with the page metadata."""
    text, meta = page_text_and_metadata(html)
    if not text:
        raise _Unreadable("no article text found in the HTML")
    return _new_article(path, None, text, meta)


def article_from_text(text: str, **metadata: str | None) -> Article:
    """An `Article` for text given directly (not read from a file), cleaned like a file."""
    article = Article(
        id=metadata.pop("id", None) or text_article_id(text),
        text=text,
        body=[TextSpan(0, len(text))],
        path=metadata.pop("path", None) or "<text>",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **metadata,
    )
    return clean(article)


def unique_articles(items: Iterable[Article | ReadFailure]) -> Iterator[Article | ReadFailure]:
    """Pass items through, turning a second article with an already-seen id into a failure."""
    first_path: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            if item.id in first_path:
                reason = f"same article id {item.id!r} as {first_path[item.id]}; not loaded"
                yield ReadFailure(item.path, reason)
                continue
            first_path[item.id] = item.path
        yield item
