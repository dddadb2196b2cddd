"""Which article a file or record is: its id, never shared by two different articles.

An article's id is, in order of preference:

1. the record's own `id` field (JSON and JSON Lines), trusted as given;
2. `url:` and 16 hex digits of the SHA-1 of its URL (a record's `url`, a page's `og:url` or
   canonical link), normalised so that one page has one id however it is linked: scheme
   (`http`/`https`), `www.`, letter case of the host, default port, fragment, trailing slash,
   percent-encoding and tracking parameters (`utm_*`, `fbclid`, `gclid`) do not count;
3. the file's stem, `-`, and 12 hex digits of the SHA-1 of its resolved path (symbolic links
   followed), with `#<n>` (the 1-based record number) for a record of a JSON list or JSON Lines
   file: `index-3f2a9c1b5d6e`. Two `index.html` in two folders are two articles, in one run
   or in two; the same file loaded again, edited or not, is the same article.

Graphs written before this scheme used the record's `id`, else `url:` and the SHA-1 of the
URL as written, else the file stem (`#<n>` for records): `legacy_ids` gives those, so that the
loader can recognise an article it stored under its old id.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

URL_ID_PREFIX = "url:"
PATH_DIGEST_HEX = 12
URL_DIGEST_HEX = 16

_TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters a URL path keeps as they are; everything else is percent-encoded, once.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"


def _sha1(text: str, digits: int) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:digits]


def url_key(url: str) -> str | None:
    """The normalised form of an absolute http(s) URL that names one page, or None for
    anything else (a relative link, another scheme, no host)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").removeprefix("www.")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    netloc = host if port in (None, *_DEFAULT_PORTS.values()) else f"{host}:{port}"
    path = quote(unquote(parts.path), safe=_PATH_SAFE).rstrip("/") or "/"
    query = urlencode(
        [
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if not name.lower().startswith("utm_") and name.lower() not in _TRACKING_PARAMETERS
        ]
    )
    return f"{netloc}{path}" + (f"?{query}" if query else "")


def url_article_id(url: str) -> str | None:
    """The id of the article at `url`, or None when `url` does not name a page (`url_key`)."""
    key = url_key(url)
    return None if key is None else URL_ID_PREFIX + _sha1(key, URL_DIGEST_HEX)


def file_article_id(path: Path, record: int | None = None) -> str:
    """The id of the article in file `path` (of its `record`-th record, 1-based, if given)."""
    resolved = str(Path(path).resolve())
    base = f"{Path(path).stem}-{_sha1(resolved, PATH_DIGEST_HEX)}"
    return base if record is None else f"{base}#{record}"


def article_id(path: Path, given_id: str | None, url: str | None, record: int | None = None) -> str:
    """The id of an article read from `path` with the metadata `id` and `url` it carries (see
    the module docstring for the order)."""
    if given_id:
        return given_id
    by_url = url_article_id(url) if url else None
    return by_url or file_article_id(path, record)


def legacy_ids(
    path: Path, given_id: str | None, url: str | None, record: int | None = None
) -> list[str]:
    """The ids the scheme before this one gave the same article, where they differ from
    `article_id`: the file stem (`#<n>` for records) or the digest of the URL as written."""
    if given_id:
        return []
    current = article_id(path, given_id, url, record)
    old = (
        URL_ID_PREFIX + _sha1(url, URL_DIGEST_HEX)
        if url
        else (Path(path).stem if record is None else f"{Path(path).stem}#{record}")
    )
    return [] if old == current else [old]
