"""Page metadata from HTML (`kg.ingest.html`) and the outlet of a URL (`kg.ingest.outlets`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest.files import iter_articles
from kg.ingest.html import page_text_and_metadata
from kg.ingest.outlets import outlet_entity_ids, outlet_for_url, outlets
from kg.kb import read_kb
from kg.records import Article

BODY = (
    "<p>كشفت وسائل إعلام إيرانية زيارة قام بها قائد فيلق القدس إسماعيل قاآني إلى دمشق.</p>"
    "<p>والتقى قاآني خلال الزيارة مسؤولين سياسيين وعسكريين في العاصمة السورية.</p>"
)

# The shape of a real news page: JSON-LD in an @graph with the publisher by reference, the
# title tag carrying the outlet, the author's name shown above the text, no og:site_name.
NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>قاآني زار دمشق والتقى مسؤولين - تلفزيون سوريا</title>
<meta name="pubdate" content="20230921">
<script type="application/ld+json">
{
    json.dumps(
        {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "Organization",
                    "@id": "https://www.syria.tv/#org",
                    "name": "تلفزيون سوريا",
                    "logo": {"@type": "ImageObject", "url": "https://www.syria.tv/logo.png"},
                },
                {"@type": "WebPage", "@id": "https://www.syria.tv/qaani", "name": "صفحة"},
                {
                    "@type": ["NewsArticle"],
                    "headline": "قاآني زار دمشق والتقى مسؤولين",
                    "datePublished": "2023-09-22T07:40:00+03:00",
                    "mainEntityOfPage": {"@id": "https://www.syria.tv/qaani"},
                    "publisher": {"@id": "https://www.syria.tv/#org"},
                    "author": [
                        {"@type": "Person", "name": "محمد أمين"},
                        {"@type": "Person", "name": "سارة علي"},
                    ],
                },
            ],
        },
        ensure_ascii=False,
    )
}
</script>
<script type="application/ld+json">{{"@type": "BreadcrumbList", "itemListElement": [</script>
</head><body><article>
<h1>قاآني زار دمشق والتقى مسؤولين</h1>
<div class="byline">محمد أمين</div>
{BODY}
</article></body></html>
"""


def _page_article(tmp_path: Path, html: str, name: str = "page.html") -> Article:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    [article] = list(iter_articles([path]))
    assert isinstance(article, Article), article
    return article


def test_json_ld_news_article_gives_the_metadata(tmp_path: Path) -> None:
    article = _page_article(tmp_path, NEWS_PAGE)
    assert article.title == "قاآني زار دمشق والتقى مسؤولين"
    assert article.published == "2023-09-22"
    assert article.source == "تلفزيون سوريا"
    assert article.url == "https://www.syria.tv/qaani"
    assert article.author == "محمد أمين، سارة علي"


def test_json_ld_authors_are_read_and_their_name_line_is_not_text() -> None:
    text, meta = page_text_and_metadata(NEWS_PAGE)
    assert meta["author"] == "محمد أمين، سارة علي"
    assert "محمد أمين" not in text.split("\n")
    assert text.split("\n")[1].startswith("كشفت وسائل إعلام إيرانية")


def test_og_tags_win_over_json_ld() -> None:
    page = NEWS_PAGE.replace(
        "<head>",
        '<head><meta property="og:site_name" content="Syria TV">'
        '<meta property="article:published_time" content="2023-09-20T10:00:00Z">',
    )
    _, meta = page_text_and_metadata(page)
    assert meta["source"] == "Syria TV"
    assert meta["published"] == "2023-09-20T10:00:00Z"
    assert meta["title"] == "قاآني زار دمشق والتقى مسؤولين"


@pytest.mark.parametrize(
    ("tag", "published"),
    [
        ('<meta name="pubdate" content="20230921">', "2023-09-21"),
        ('<meta name="pubdate" content="2023-09-21T08:00:00+03:00">', "2023-09-21"),
        ('<meta name="publishdate" content="2023-09-21">', "2023-09-21"),
        ('<meta itemprop="datePublished" content="2023-09-21">', "2023-09-21"),
        ('<meta name="dc.date.issued" content="2023-09-21">', "2023-09-21"),
        ('<meta property="article:published_time" content="2023-09-21T05:00:00Z">', "2023-09-21"),
    ],
)
def test_publication_date_meta_tags(tmp_path: Path, tag: str, published: str) -> None:
    page = f"<html><head>{tag}<title>عنوان الخبر هنا اليوم</title></head><body>{BODY}</body></html>"
    assert _page_article(tmp_path, page).published == published


def test_pubdate_comes_after_json_ld_date_published() -> None:
    _, meta = page_text_and_metadata(NEWS_PAGE)
    assert meta["published"] == "2023-09-22T07:40:00+03:00"


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://www.syria.tv/qaani-damascus", "تلفزيون سوريا"),
        ("https://ar.irna.ir/news/85234", "وكالة الجمهورية الإسلامية للأنباء"),
        ("https://www.tasnimnews.com/ar/news/2023/09/22/1", "وكالة تسنيم"),
        ("https://news.example-outlet.com/a/1", "news.example-outlet.com"),
    ],
)
def test_outlet_falls_back_to_the_url_domain(tmp_path: Path, url: str, source: str) -> None:
    page = f'<html><head><link rel="canonical" href="{url}"></head><body>{BODY}</body></html>'
    assert _page_article(tmp_path, page).source == source


def test_a_byline_in_the_text_beats_the_url_domain(tmp_path: Path) -> None:
    page = (
        '<html><head><meta property="og:url" content="https://www.syria.tv/x"></head><body>'
        "<h1>قاآني زار دمشق والتقى مسؤولين</h1><p>دمشق - سانا</p>" + BODY + "</body></html>"
    )
    assert _page_article(tmp_path, page).source == "سانا"


def test_json_records_with_a_url_get_its_outlet(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    record = {"text": "قاآني في دمشق.", "url": "https://www.enabbaladi.net/1"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = list(iter_articles([path]))
    assert isinstance(article, Article)
    assert article.source == "عنب بلدي"


def test_outlet_for_url_without_a_host() -> None:
    assert outlet_for_url("not a url") is None
    assert outlet_for_url("syria.tv/qaani") == "تلفزيون سوريا"


def test_outlet_table_is_consistent_with_the_knowledge_base() -> None:
    kb = {entity.id: entity for entity in read_kb()}
    domains = [domain for outlet in outlets() for domain in outlet.domains]
    assert len(domains) == len(set(domains))
    for outlet in outlets():
        if outlet.kb:
            assert outlet.kb in kb, outlet
            assert outlet.name in kb[outlet.kb].aliases, outlet
    assert {"syria-tv", "tasnim"} <= outlet_entity_ids()
