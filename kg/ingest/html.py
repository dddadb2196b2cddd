"""HTML pages: the visible article text, one paragraph a line, and the page's metadata.

Scripts, navigation, forms, captions and blocks whose class or id names page furniture
(comments, share widgets, related links, ads) are left out; when the page has an `<article>`
element, only its text is kept, and a line that is only the name of the page's author goes too.

Metadata, each field from the first source that has it:

- `title`: the JSON-LD article's `headline`, `og:title`, the `<title>` (without the outlet's
  name), the first `<h1>`;
- `source` (the outlet): `og:site_name`, the JSON-LD `publisher`'s name (cleaning later falls
  back to a byline, then to the outlet of the URL's domain, `kg.ingest.outlets`);
- `published`: `article:published_time`, the JSON-LD `datePublished`, `<meta name="pubdate">`
  (and `publishdate`, `itemprop="datePublished"`, Dublin Core dates), `<time datetime>`;
- `url`: the canonical link, `og:url`, the JSON-LD `url` or `mainEntityOfPage`;
- `author`: the JSON-LD `author` names, else `<meta name="author">` (joined by `، `);
- `lang`: `<html lang>`.

JSON-LD is read from every `<script type="application/ld+json">`: an object, a list, or an
`@graph`, with `@id` references resolved; the article is the first node whose `@type` is an
article type (`NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`, ...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from kg.vocabulary import word_set

_SKIPPED_TAGS = word_set(
    "script style noscript template svg nav footer aside form button iframe select "
    "figcaption title head"
)
_SKIPPED_CLASS_WORDS = word_set(
    "comment comments share sharing social related newsletter breadcrumb breadcrumbs "
    "advert advertisement ads sidebar menu cookie cookies popup subscribe"
)
_BLOCK_TAGS = word_set(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article main header "
    "blockquote pre dd dt dl figure hr address"
)
_VOID_TAGS = word_set("area base br col embed hr img input link meta param source track wbr")


_META_KEYS = {
    "og:title": "title",
    "og:site_name": "source",
    "og:url": "url",
    "article:published_time": "published",
    "og:article:published_time": "published",
    "datepublished": "pubdate",
    "pubdate": "pubdate",
    "publishdate": "pubdate",
    "publish-date": "pubdate",
    "publish_date": "pubdate",
    "dc.date": "pubdate",
    "dc.date.issued": "pubdate",
    "dcterms.issued": "pubdate",
    "author": "author",
}
"""Meta tag `property`/`name`/`itemprop` values and the metadata field each one gives."""

_ARTICLE_TYPES = word_set(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "backgroundnewsarticle reviewnewsarticle blogposting socialmediaposting liveblogposting "
    "report"
)
"""JSON-LD `@type`s (lower case) of a node that is the page's article."""
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T.*)?")


class _PageParser(HTMLParser):
    """Collects a page's visible article text (as lines) and its metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[tuple[str, bool]] = []  # (text, inside <article>)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.json_ld: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, starts a skipped region)
        self._skipping = 0
        self._in_article = 0
        self._in_title = 0
        self._in_h1 = 0
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._note_metadata(tag, values)
        if tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        if tag in _BLOCK_TAGS:
            self.chunks.append(("\n", False))
        if tag in _VOID_TAGS:
            return
        classes = re.split(r"[\s_-]+", f"{values.get('class', '')} {values.get('id', '')}".lower())
        skip = tag in _SKIPPED_TAGS or not _SKIPPED_CLASS_WORDS.isdisjoint(classes)
        self._open.append((tag, skip))
        self._skipping += skip
        self._in_article += tag == "article"
        self._in_title += tag == "title"
        self._in_h1 += tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False
        if tag in _BLOCK_TAGS:
            self.chunks.append(("\n", False))
        if not any(open_tag == tag for open_tag, _ in self._open):
            return
        while self._open:
            open_tag, skip = self._open.pop()
            self._skipping -= skip
            self._in_article -= open_tag == "article"
            self._in_title -= open_tag == "title"
            self._in_h1 -= open_tag == "h1"
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld[-1] += data
        if self._in_title and all(tag != "svg" for tag, _ in self._open):
            self.title_parts.append(data)
        if self._skipping:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        self.chunks.append((data, self._in_article > 0))

    def _note_metadata(self, tag: str, values: dict[str, str]) -> None:
        """Remember the metadata a tag carries (first value of each kind wins)."""
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content") or values.get("datetime") or ""
        if tag == "html" and values.get("lang"):
            self.meta.setdefault("lang", values["lang"].split("-")[0].lower())
        elif tag == "link" and "canonical" in values.get("rel", "").lower():
            self.meta.setdefault("url", values.get("href", ""))
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"])
        if key in _META_KEYS and content.strip():
            self.meta.setdefault(_META_KEYS[key], content.strip())

    def text(self, left_out: frozenset[str] = frozenset()) -> str:
        """The collected text: inside `<article>` when the page has one, one paragraph a line,
        without the lines in `left_out`."""
        in_article = [chunk for chunk, inside in self.chunks if inside]
        use_article = any(chunk.strip() for chunk in in_article)
        raw = "".join(
            chunk for chunk, inside in self.chunks if inside or not use_article or chunk == "\n"
        )
        lines = (" ".join(line.split()) for line in raw.split("\n"))
        return "\n".join(line for line in lines if line and line not in left_out)


def _json_ld_nodes(scripts: list[str]) -> list[dict[str, Any]]:
    """Every JSON-LD node (object) of the page's scripts, `@graph` members included."""
    nodes: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            nodes.append(value)
            walk(value.get("@graph"))

    for script in scripts:
        try:
            walk(json.loads(script))
        except (json.JSONDecodeError, RecursionError):
            continue
    return nodes


def _types(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return {name.lower() for name in names if isinstance(name, str)}


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> Iterator[str]:
    """The names a JSON-LD value gives: a string, a node's `name`, a reference, a list."""
    if isinstance(value, list):
        for item in value:
            yield from _names(item, by_id)
    elif isinstance(value, str) and value.strip() and "://" not in value:
        yield " ".join(value.split())
    elif isinstance(value, dict):
        node = by_id.get(value.get("@id", ""), value) if "name" not in value else value
        if isinstance(node.get("name"), str):
            yield from _names(node["name"], by_id)


def _text(value: Any) -> str | None:
    """A JSON-LD scalar as one line of text, or None."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, (str, int, float)) and str(value).strip():
        return " ".join(str(value).split())
    return None


def _json_ld_metadata(scripts: list[str]) -> dict[str, str]:
    """The metadata of the page's JSON-LD article node (empty when there is none)."""
    nodes = _json_ld_nodes(scripts)
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    article = next((node for node in nodes if _types(node) & _ARTICLE_TYPES), None)
    if article is None:
        return {}
    fields = {
        "title": _text(article.get("headline")) or _text(article.get("name")),
        "published": _text(article.get("datePublished")),
        "source": next(_names(article.get("publisher"), by_id), None),
        "author": "، ".join(dict.fromkeys(_names(article.get("author"), by_id))) or None,
        "url": _text(article.get("url")) or _text(article.get("mainEntityOfPage")),
    }
    return {key: value for key, value in fields.items() if value}


def _iso(value: str) -> str:
    """A compact date (`20230922`, `20230922T0740`) written with dashes; others unchanged."""
    compact = _COMPACT_DATE.fullmatch(value.strip())
    return f"{compact[1]}-{compact[2]}-{compact[3]}" if compact else value


def page_text_and_metadata(html: str) -> tuple[str, dict[str, str]]:
    """The page's article text (empty when it has none) and its metadata fields (`title`,
    `source`, `url`, `published`, `author`, `lang`), as the module docstring says."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    tags = parser.meta
    ld = _json_ld_metadata(parser.json_ld)
    meta = {key: value for key in ("lang",) if (value := tags.get(key))}
    for key, value in (
        ("source", tags.get("source") or ld.get("source")),
        ("url", tags.get("url") or ld.get("url")),
        ("author", ld.get("author") or tags.get("author")),
        (
            "published",
            tags.get("published") or ld.get("published") or tags.get("pubdate") or tags.get("time"),
        ),
    ):
        if value:
            meta[key] = _iso(value) if key == "published" else value
    source = meta.get("source")
    title = ld.get("title") or tags.get("title") or " ".join("".join(parser.title_parts).split())
    if title and source:
        title = re.sub(rf"\s*[-|–—:]\s*{re.escape(source)}\s*$", "", title)
    meta["title"] = title or " ".join("".join(parser.h1_parts).split())
    authors = frozenset(meta["author"].split("، ")) if meta.get("author") else frozenset()
    return parser.text(left_out=authors), meta
