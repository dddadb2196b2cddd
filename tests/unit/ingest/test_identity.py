"""Article identity (`kg.ingest.identity`): one id per article, never one id for two."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.ingest import iter_articles
from kg.ingest.identity import file_article_id, legacy_ids, url_article_id, url_key
from kg.records import Article, ReadFailure

STORY = "قال مسؤول إن الوضع في المنطقة الجنوبية خطير جدا.\nوأضاف أن المفاوضات ستستأنف قريبا."
OTHER = "وصل وفد رسمي إلى العاصمة صباح اليوم.\nوبحث الوفد ملفات عدة مع المسؤولين."


def _articles(*paths: Path) -> list[Article]:
    items = list(iter_articles(paths))
    assert not [item for item in items if isinstance(item, ReadFailure)]
    return items  # type: ignore[return-value]


def test_two_files_of_one_name_in_two_folders_are_two_articles(tmp_path: Path) -> None:
    for folder, text in (("a", STORY), ("b", OTHER)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(text, encoding="utf-8")
    first, second = _articles(tmp_path)
    assert first.id != second.id
    assert first.id.startswith("index-") and second.id.startswith("index-")
    # ... and in two runs: each folder alone gives the same ids as both together.
    assert [a.id for a in _articles(tmp_path / "a")] == [first.id]
    assert [a.id for a in _articles(tmp_path / "b" / "index.txt")] == [second.id]


def test_a_file_keeps_its_id_when_edited_and_however_it_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "news" / "story.txt"
    story.parent.mkdir()
    story.write_text(STORY, encoding="utf-8")
    [before] = _articles(story)
    story.write_text(STORY + "\nوختم بالقول إن الحل سياسي.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link").symlink_to(tmp_path / "news")
    ids = {
        a.id
        for p in ("news/story.txt", "news", "link/story.txt", "./news/../news")
        for a in _articles(Path(p))
    }
    assert ids == {before.id}


def test_records_without_id_or_url_are_numbered_within_their_file(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (STORY, OTHER)) + "\n",
        encoding="utf-8",
    )
    assert [a.id for a in _articles(feed)] == [file_article_id(feed, 1), file_article_id(feed, 2)]
    assert file_article_id(feed, 1).endswith("#1")


def test_a_record_s_own_id_wins_then_its_url(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "mine-7", "url": "https://example.com/a", "text": STORY},
        {"url": "https://example.com/b", "text": OTHER},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert [a.id for a in _articles(feed)] == ["mine-7", url_article_id("https://example.com/b")]


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.Example.com/news/1",
        "http://example.com/news/1/",
        "https://example.com:443/news/1#comments",
        "https://example.com/news/1?utm_source=twitter&fbclid=abc",
        " https://EXAMPLE.com/news/1 ",
    ],
)
def test_one_page_has_one_id_however_it_is_linked(variant: str) -> None:
    assert url_article_id(variant) == url_article_id("https://example.com/news/1")


def test_arabic_urls_are_one_page_encoded_or_not() -> None:
    raw = "https://example.com/أخبار/قاآني-في-دمشق"
    encoded = "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%82%D8%A7%D8%A2%D9%86%D9%8A-%D9%81%D9%8A-%D8%AF%D9%85%D8%B4%D9%82"
    assert url_article_id(raw) == url_article_id(encoded)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.com/news/1", "https://example.com/news/2"),
        ("https://example.com/news?id=1", "https://example.com/news?id=2"),
        ("https://example.com/news/1", "https://other.example/news/1"),
        ("https://example.com:8080/news/1", "https://example.com/news/1"),
    ],
)
def test_different_pages_have_different_ids(a: str, b: str) -> None:
    assert url_article_id(a) != url_article_id(b)


@pytest.mark.parametrize("link", ["/news/1", "news/1", "mailto:desk@example.com", "file:///x"])
def test_a_link_that_names_no_page_is_no_identity(tmp_path: Path, link: str) -> None:
    assert url_key(link) is None
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"url": link, "text": STORY}), encoding="utf-8")
    [article] = _articles(page)
    assert article.id == file_article_id(page)
    assert article.url == link


def test_the_ids_of_the_earlier_scheme_are_known(tmp_path: Path) -> None:
    """Graphs written before: the file stem (`#n` for records), or the digest of the URL as
    written; a record's own id has not changed."""
    path = tmp_path / "index.txt"
    assert legacy_ids(path, None, None) == ["index"]
    assert legacy_ids(tmp_path / "feed.jsonl", None, None, 3) == ["feed#3"]
    assert legacy_ids(path, "mine-7", "https://example.com/a") == []
    [old_url_id] = legacy_ids(path, None, "https://www.example.com/a/")
    assert old_url_id.startswith("url:") and old_url_id != url_article_id("https://example.com/a")
    path.write_text(STORY, encoding="utf-8")
    [article] = _articles(path)
    assert article.legacy_ids == ("index",)


def test_file_ids_depend_on_the_resolved_path_only(tmp_path: Path) -> None:
    here = tmp_path / "x.txt"
    assert file_article_id(here) == file_article_id(Path(os.path.relpath(here)))
    assert file_article_id(here) != file_article_id(tmp_path / "y" / "x.txt")
