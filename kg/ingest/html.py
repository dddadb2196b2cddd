"""HTML pages: the visible article text, one paragraph a line, and the page's metadata.

Scripts, navigation, forms, captions and blocks whose class or id names page furniture
(comments, share widgets, related links, ads) are left out; when the page has an `<article>`
element, only its text is kept. Metadata comes from `og:*` and `article:*` meta tags, the
canonical link, `<time datetime>`, `<html lang>`, the `<title>` (without the outlet's name)
and the first `<h1>`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
    "datepublished": "published",
}
"""Meta tag `property`/`name`/`itemprop` values and the Article field each one gives."""


class _PageParser(HTMLParser):
    """Collects a page's visible article text (as lines) and its metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[tuple[str, bool]] = []  # (text, inside <article>)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, starts a skipped region)
        self._skipping = 0
        self._in_article = 0
        self._in_title = 0
        self._in_h1 = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._note_metadata(tag, values)
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

    def text(self) -> str:
        """The collected text: inside `<article>` when the page has one, one paragraph a line."""
        in_article = [chunk for chunk, inside in self.chunks if inside]
        use_article = any(chunk.strip() for chunk in in_article)
        raw = "".join(
            chunk for chunk, inside in self.chunks if inside or not use_article or chunk == "\n"
        )
        lines = (" ".join(line.split()) for line in raw.split("\n"))
        return "\n".join(line for line in lines if line)


def page_text_and_metadata(html: str) -> tuple[str, dict[str, str]]:
    """The page's article text (empty when it has none) and its metadata fields (`title`,
    `source`, `url`, `published`, `lang`)."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    meta = dict(parser.meta)
    meta.setdefault("published", meta.get("time"))
    source = meta.get("source")
    title = meta.get("title") or " ".join("".join(parser.title_parts).split())
    if title and source:
        title = re.sub(rf"\s*[-|–—:]\s*{re.escape(source)}\s*$", "", title)
    meta["title"] = title or " ".join("".join(parser.h1_parts).split())
    return parser.text(), meta
