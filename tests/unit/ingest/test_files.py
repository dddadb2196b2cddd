"""Finding and decoding input files (`kg.ingest.files`)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from kg.ingest.files import MAX_ARTICLE_BYTES, _decode, iter_articles
from kg.ingest.identity import file_article_id, url_article_id
from kg.records import Article, ReadFailure
from tests.integration.cli import SEEDS

ARABIC = "قال مسؤول إن الوضع في المنطقة الجنوبية خطير جدا.\nوأضاف أن المفاوضات ستستأنف قريبا."

PAGE = """<!DOCTYPE html>
<html lang="ar"><head>
<meta charset="utf-8">
<title>مناورات عسكرية مشتركة | موقع الأخبار</title>
<meta property="og:title" content="مناورات عسكرية مشتركة في سوريا">
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2023-09-22T07:40:00+03:00">
<link rel="canonical" href="https://example.com/news/1">
<style>p { color: red }</style>
<script>var x = "لا يظهر";</script>
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
<article>
<h1>مناورات عسكرية مشتركة في سوريا</h1>
<figure><img src="a.jpg"><figcaption>صورة من المناورات</figcaption></figure>
<p>ذكرت وكالة &quot;تسنيم&quot; أن قائد فيلق القدس زار سوريا.</p>
<p>وقالت الوكالة إن قاآني<br>التقى مسؤولين كبارا في دمشق.</p>
<div class="share-buttons">شارك على فيسبوك</div>
<aside>أخبار ذات صلة: عنوان آخر</aside>
<!-- تعليق في الشيفرة لا يظهر -->
</article>
<div id="comments"><p>ناقد لا حاقد</p><p>تعليق من قارئ.</p></div>
<footer>جميع الحقوق محفوظة</footer>
</body></html>
"""


def _read(*paths: Path | str) -> tuple[list[Article], list[ReadFailure]]:
    items = list(iter_articles(paths))
    articles = [item for item in items if isinstance(item, Article)]
    failures = [item for item in items if isinstance(item, ReadFailure)]
    assert len(articles) + len(failures) == len(items)
    return articles, failures


def _body(article: Article) -> list[str]:
    return [article.text[span.start : span.end] for span in article.body]


def test_seeds_are_read_and_cleaned() -> None:
    articles, failures = _read(SEEDS)
    assert failures == []
    paths = sorted(SEEDS.glob("*.txt"))
    assert [a.id for a in articles] == [file_article_id(path) for path in paths]
    assert articles[0].id.startswith("000_1b65feb3fe5d18da-")
    for article, path in zip(articles, paths, strict=True):
        text = path.read_text(encoding="utf-8")
        assert article.text == text
        assert article.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert article.path == str(path)
        assert article.body
    assert articles[0].published == "2023-09-22"
    assert articles[1].title.startswith("مناورات عسكرية بين إيران وقوات النظام")


def test_mixed_folder_reports_failures_per_file_and_reads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "b.json").write_text(
        json.dumps({"text": ARABIC, "title": "عنوان", "id": "rec-1"}), encoding="utf-8"
    )
    lines = [
        json.dumps({"text": ARABIC}),
        "",
        '{"text": "broken',
        json.dumps({"title": "بلا نص"}),
        json.dumps({"text": ARABIC, "url": "https://example.com/x"}),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "d.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "notes.csv").write_text("ignored,file\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.txt").write_bytes(ARABIC.encode("cp1256"))

    articles, failures = _read(tmp_path)

    assert [a.id for a in articles] == [
        file_article_id(tmp_path / "a.txt"),
        "rec-1",
        file_article_id(tmp_path / "c.jsonl", 1),
        url_article_id("https://example.com/x"),
        url_article_id("https://example.com/news/1"),
        file_article_id(tmp_path / "sub" / "e.txt"),
    ]
    assert {(Path(f.path).name, f.reason) for f in failures} == {
        ("c.jsonl:3", "malformed JSON on line 3, column 10: Unterminated string"),
        ("c.jsonl:4", "missing the required string field 'text'"),
        ("empty.txt", "empty file"),
        ("image.txt", "not text (binary)"),
    }
    assert articles[-1].text == ARABIC  # Windows-1256 decoded
    assert all(a.body for a in articles)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize(
    "text",
    [ARABIC, "وسائل إعلام إيرانية: قاآني زار دمشق\nنص عربي قصير."],
    ids=["paragraphs", "headline and a line"],
)
def test_windows_1256_arabic_decodes(tmp_path: Path, text: str) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1256"))
    articles, failures = _read(path)
    assert failures == []
    assert articles[0].text == text


@pytest.mark.parametrize(
    "text",
    ["نص عربي قصير.", "وسائل إعلام إيرانية: قاآني زار دمشق"],
    ids=["short", "headline"],
)
def test_short_windows_1256_arabic_decodes(text: str) -> None:
    # One line is a headline and no body, so a file of it is no article: decode it directly.
    assert _decode(text.encode("cp1256")) == text


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"))
    [article], _ = _read(path)
    assert article.text == ARABIC


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ARABIC.encode("utf-16"))
    [article], _ = _read(path)
    assert article.text == ARABIC


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("blank.txt", b"  \n\n ", "empty file"),
        ("zeros.txt", b"\x00" * 100, "not text (binary)"),
        ("controls.txt", bytes(range(1, 32)) * 20, "not text (binary)"),
        (
            "broken.json",
            b'{"text": "a",\n "title": }',
            "malformed JSON on line 2, column 11: Expecting value",
        ),
        ("number.json", b"42", "JSON is neither an object nor a list of objects"),
        ("list.json", b"[]", "empty JSON list"),
        ("notext.json", b'{"text": "   "}', "empty text"),
        ("blank.jsonl", b"\n\n", "empty file"),
        ("page.html", b"<html><script>x()</script></html>", "no article text found in the HTML"),
    ],
)
def test_bad_files_get_one_clear_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles, failures = _read(path)
    assert articles == []
    assert failures == [ReadFailure(str(path), reason)]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert _read(missing) == ([], [ReadFailure(str(missing), "no such file or directory")])


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    assert _read(path)[1] == [ReadFailure(str(path), "larger than the 5 MB limit for one article")]


def test_too_large_jsonl_record_skips_to_the_next_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "a" * (MAX_ARTICLE_BYTES + 1)})
    path.write_text(big + "\n" + json.dumps({"text": ARABIC}) + "\n", encoding="utf-8")
    articles, failures = _read(path)
    assert [a.id for a in articles] == [file_article_id(path, 2)]
    assert failures == [ReadFailure(f"{path}:1", "larger than the 5 MB limit for one article")]


def test_json_list_records(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    records = [{"text": ARABIC, "published": "2023-09-22T07:40:00Z"}, "oops", {"text": ARABIC}]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    articles, failures = _read(path)
    assert [a.id for a in articles] == [file_article_id(path, 1), file_article_id(path, 3)]
    assert articles[0].published == "2023-09-22"
    assert failures == [ReadFailure(str(path), "record 2: not a JSON object")]


def test_json_metadata_fields(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "text": ARABIC,
        "title": "عنوان",
        "source": "وكالة",
        "url": "https://example.com/a",
        "published": "22/09/2023",
        "author": "كاتب",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    [article], _ = _read(path)
    assert (article.title, article.source, article.url, article.published, article.author) == (
        "عنوان",
        "وكالة",
        "https://example.com/a",
        "2023-09-22",
        "كاتب",
    )
    assert article.id == "url:" + _sha1("example.com/a")


def test_ids_do_not_change_when_content_changes(tmp_path: Path) -> None:
    txt, jsonl = tmp_path / "story.txt", tmp_path / "feed.jsonl"
    txt.write_text(ARABIC, encoding="utf-8")
    jsonl.write_text(json.dumps({"text": ARABIC}) + "\n", encoding="utf-8")
    before, _ = _read(txt, jsonl)
    txt.write_text(ARABIC + "\nجملة جديدة.", encoding="utf-8")
    jsonl.write_text(json.dumps({"text": "نص آخر."}) + "\n", encoding="utf-8")
    after, _ = _read(txt, jsonl)
    expected = [file_article_id(txt), file_article_id(jsonl, 1)]
    assert [a.id for a in before] == [a.id for a in after] == expected
    assert [a.sha256 for a in before] != [a.sha256 for a in after]


def test_explicit_file_with_another_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text(ARABIC, encoding="utf-8")
    [article], _ = _read(path)
    assert (article.id, article.text) == (file_article_id(path), ARABIC)


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/c.TXT", ".hidden/x.txt", "a/.secret.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARABIC, encoding="utf-8")
    articles, _ = _read(tmp_path)
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in articles] == [
        "a/c.TXT",
        "a/z.txt",
        "b.txt",
    ]


def test_html_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article], failures = _read(path)
    assert failures == []
    assert article.text == (
        "مناورات عسكرية مشتركة في سوريا\n"
        'ذكرت وكالة "تسنيم" أن قائد فيلق القدس زار سوريا.\n'
        "وقالت الوكالة إن قاآني\n"
        "التقى مسؤولين كبارا في دمشق."
    )
    assert article.title == "مناورات عسكرية مشتركة في سوريا"
    assert article.source == "موقع الأخبار"
    assert article.published == "2023-09-22"
    assert article.url == "https://example.com/news/1"
    assert article.lang == "ar"
    assert _body(article) == article.text.split("\n")[1:]


def test_html_without_article_element_or_og_tags(tmp_path: Path) -> None:
    page = (
        "<html><head><title>العنوان الكامل للخبر هنا | الموقع</title></head><body>"
        "<div class='menu'>الرئيسية</div><h1>العنوان الكامل للخبر هنا</h1>"
        "<time datetime='2024-01-05'>5 يناير</time><p>الفقرة الأولى من الخبر.</p>"
        "<div class='related-posts'><p>خبر آخر</p></div><p>الفقرة الثانية.</p></body></html>"
    )
    path = tmp_path / "plain.htm"
    path.write_bytes(page.encode("cp1256").replace(b"<head>", b"<head><meta charset=windows-1256>"))
    [article], _ = _read(path)
    assert article.title == "العنوان الكامل للخبر هنا | الموقع"
    assert article.published == "2024-01-05"
    assert _body(article) == ["الفقرة الأولى من الخبر.", "الفقرة الثانية."]


def test_malformed_html_still_yields_its_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_text("<p>فقرة أولى كاملة هنا.<div><p>فقرة ثانية</span></b>", encoding="utf-8")
    [article], _ = _read(path)
    assert article.text == "فقرة أولى كاملة هنا.\nفقرة ثانية"


def test_iteration_continues_after_failures(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARABIC, encoding="utf-8")
    shutil.copy(good, tmp_path / "copy.txt")
    items = list(iter_articles([tmp_path / "missing", good, tmp_path / "missing.json", tmp_path]))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["ReadFailure", "Article", "ReadFailure", "Article", "Article"]


def test_parquet_rows_are_articles_like_json_records(tmp_path: Path) -> None:
    import datetime

    import pyarrow
    import pyarrow.parquet as parquet

    rows = [
        {"id": "a-1", "text": ARABIC, "title": "عنوان", "source": "وكالة", "published": None},
        {"id": None, "text": None, "title": None, "source": None, "published": None},
        {
            "id": None,
            "text": ARABIC + " ثانية",
            "title": None,
            "source": None,
            "published": datetime.datetime(2018, 3, 4, 9, 30),
        },
    ]
    path = tmp_path / "archive.parquet"
    parquet.write_table(pyarrow.Table.from_pylist(rows), path)
    articles, failures = _read(path)
    assert [a.id for a in articles] == ["a-1", file_article_id(path, 3)]
    assert (articles[0].title, articles[0].source) == ("عنوان", "وكالة")
    assert articles[1].published == "2018-03-04"
    assert failures == [ReadFailure(f"{path}:row 2", "missing the required string field 'text'")]
    as_json = tmp_path / "archive.json"
    as_json.write_text(json.dumps([rows[0]], ensure_ascii=False), encoding="utf-8")
    [from_json], _ = _read(as_json)
    assert (from_json.id, from_json.text, from_json.body) == (
        articles[0].id,
        articles[0].text,
        articles[0].body,
    )


def test_parquet_without_text_or_broken_is_one_failure(tmp_path: Path) -> None:
    import pyarrow
    import pyarrow.parquet as parquet

    no_text = tmp_path / "no_text.parquet"
    parquet.write_table(pyarrow.Table.from_pylist([{"id": "x", "body": ARABIC}]), no_text)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not Parquet")
    assert _read(no_text) == ([], [ReadFailure(str(no_text), "no 'text' column")])
    [], [failure] = _read(broken)
    assert failure.reason.startswith("not a readable Parquet file")


def test_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    path = tmp_path / "archive.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert _read(path) == (
        [],
        [ReadFailure(str(path), "reading Parquet needs pyarrow: pip install 'kg[spark]'")],
    )
