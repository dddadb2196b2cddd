"""Stable identifiers for nodes that the knowledge base does not name."""

from __future__ import annotations

import hashlib

from kg.arabic import match_key


def derived_entity_id(label: str, name: str) -> str:
    """Id of an entity outside the knowledge base: its type plus its name's matching key.

    Two spellings with one key (`إسماعيل`/`اسماعيل`) give one id, in any article and any run.
    """
    return f"{label.lower()}:{match_key(name).replace(' ', '_')}"


def sentence_id(article_id: str, idx: int) -> str:
    """Id of the `idx`-th sentence of an article."""
    return f"{article_id}:s{idx}"


def text_article_id(text: str) -> str:
    """Id of an article given as bare text: a digest of its content."""
    return "text:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
