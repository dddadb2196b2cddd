"""Page-furniture removal and metadata detection (`kg.ingest.cleaning`)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.ingest.cleaning import FURNITURE, clean, parse_date
from kg.records import Article
from tests.integration.cli import SEEDS

SEED_000 = SEEDS / "000_1b65feb3fe5d18da.txt"
SEED_001 = SEEDS / "001_7fa67fb2b680fd24.txt"

SEED_FURNITURE = [
    "icon",
    "التغطية الحية",
    "2023.09.22 | 07:40 دمشق",
    "آخر تحديث",
    "زيارة سابقة لـ قاآني إلى حلب ـ وسائل إعلام إيرانية",
    "عين قاآني قائدا لفيلق القدس بعد مقتل سليماني عام 2020- وكالة تسنيم",
    "تلفزيون سوريا - إسطنبول",
    "+A",
    "حجم الخط",
    "-A",
    "ملخص",
    "سياسة عربية",
    "اظهار أخبار متعلقة",
    "التعليقات (1)",
    "ناقد لا حاقد",
    "22-09-2023 08:07",
    "الارهاب و الخراب",
]


def _article(text: str, **metadata: str | None) -> Article:
    return clean(Article(id="t", text=text, body=[], path="t.txt", **metadata))


def _seed(path: Path) -> Article:
    return _article(path.read_text(encoding="utf-8"))


def _body(article: Article) -> list[str]:
    return [article.text[span.start : span.end] for span in article.body]


@pytest.mark.parametrize("seed", [SEED_000, SEED_001], ids=["000", "001"])
def test_seed_body_has_no_furniture(seed: Path) -> None:
    article = _seed(seed)
    body = _body(article)
    assert body
    for line in body:
        assert line not in {"قاآني", "A"}
        for furniture in SEED_FURNITURE:
            assert furniture not in line, (furniture, line)
        assert article.title not in line


@pytest.mark.parametrize("seed", [SEED_000, SEED_001], ids=["000", "001"])
def test_seed_body_spans_are_trimmed_ordered_lines(seed: Path) -> None:
    article = _seed(seed)
    previous_end = 0
    for span in article.body:
        piece = article.text[span.start : span.end]
        assert previous_end <= span.start < span.end
        assert piece == piece.strip() and "\n" not in piece
        assert not piece.startswith(("•", "-", "*"))
        previous_end = span.end


def test_seed_000_metadata_and_paragraphs() -> None:
    article = _seed(SEED_000)
    assert article.title == "وسائل إعلام إيرانية: قاآني زار دمشق والتقى مسؤولين سياسيين وعسكريين"
    assert article.published == "2023-09-22"
    assert article.source == "تلفزيون سوريا"
    body = _body(article)
    assert len(body) == 5 + 9  # five summary bullets, nine paragraphs
    assert (
        body[0] == 'قائد "فيلق القدس" زار مناطق في سوريا وأجرى لقاءات مع مسؤولين سياسيين وعسكريين.'
    )
    assert body[4] == "أعرب عن دعم إيران للنظام السوري في مواجهة التحديات."
    assert body[5].startswith("كشفت وسائل إعلام إيرانية زيارة قام بها")
    assert body[-1].startswith('وفي أيار الماضي، أفادت مصادر خاصة لموقع "تلفزيون سوريا"')
    assert body[-1].endswith("ضد أهداف إيرانية في سوريا.")


def test_seed_000_bullet_character_is_outside_the_span() -> None:
    article = _seed(SEED_000)
    first = article.body[0]
    assert article.text[first.start - 2 : first.start] == "• "


def test_seed_001_metadata_and_paragraphs() -> None:
    article = _seed(SEED_001)
    assert article.title == "مناورات عسكرية بين إيران وقوات النظام في سوريا بحضور قائد فيلق القدس"
    # The only date in the file is the reader comment's, which is not the article's.
    assert article.published is None
    assert article.source is None
    body = _body(article)
    assert len(body) == 14
    assert body[0].startswith('ذكرت وكالة "تسنيم" الإيرانية أن قائد فيلق القدس')
    assert "كما وقع النظام السوري وإيران في عام 2020 اتفاقية" in body[6]
    assert body[-1].startswith("كما قتل\xa0 خلال الغارة الجوية بضواحي دمشق، ميلاد حيدري")
    assert body[-1].endswith("في سوريا.")


def test_text_is_never_changed() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    assert _article(text).text == text


# --- furniture families, on lines of our own ----------------------------------------------

HEAD = "عنوان الخبر الرئيسي في هذه الصفحة\n\n"
FIRST = "قال مسؤول إن الوضع في المنطقة الجنوبية خطير جدا.\n"
LAST = "\nوأضاف أن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.\n"

FURNITURE_LINES = [
    "شارك",
    "شارك عبر: فيسبوك | تويتر | واتساب",
    "Share on Facebook Twitter WhatsApp",
    "طباعة",
    "Print | Email",
    "اقرأ أيضا: الجيش يعلن السيطرة على مواقع جديدة في الشمال",
    "إقرأ أيضاً",
    "أخبار ذات صلة",
    "المزيد من الأخبار",
    "Related articles",
    "Read more: the other story",
    "You may also like",
    "تابعونا على تلغرام وفيسبوك",
    "Follow us on Twitter",
    "اشترك في النشرة البريدية لتصلك آخر الأخبار",
    "Subscribe to our newsletter",
    "© 2024 جميع الحقوق محفوظة",
    "Copyright 2024 Example News. All rights reserved.",
    "حجم الخط",
    "A+",
    "عاجل",
    "بث مباشر",
    "ملخص:",
    "أبرز النقاط",
    "الكلمات المفتاحية: إيران، سوريا، الحرس الثوري",
    "Tags: Iran, Syria",
    "بقلم: أحمد محمد",
    "By John Smith",
    "الصورة: رويترز",
    "(أرشيفية)",
    "Getty Images",
    "الجمعة، 22-09-2023 08:07 م",
    "نشر في 22 أيلول/سبتمبر 2023",
    "Updated: September 22, 2023 10:30 GMT",
    "جنود في موقع عسكري قرب الحدود - رويترز",
    "المصدر: وكالة الأنباء",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_line_is_not_body(line: str) -> None:
    article = _article(HEAD + FIRST + line + "\n" + LAST)
    assert _body(article) == [FIRST.strip(), LAST.strip()]


BODY_LINES = [
    "شارك في تدريبات عسكرية مشتركة بين إيران والنظام السوري.",
    "صورة قاتمة رسمها التقرير للوضع الإنساني في البلاد.",
    "كتب الرئيس في تغريدة أن المفاوضات مستمرة حتى الآن.",
    "وفي 22 أيلول 2023 أعلن الجيش انتهاء المناورات.",
    "وتابع المتحدث أن القوات ستبقى في مواقعها.",
    "اشترك في المعارك آلاف المقاتلين خلال السنوات الماضية.",
]


@pytest.mark.parametrize("line", BODY_LINES)
def test_body_line_that_looks_like_furniture_stays(line: str) -> None:
    article = _article(HEAD + FIRST + line + "\n" + LAST)
    assert _body(article) == [FIRST.strip(), line, LAST.strip()]


def test_every_family_is_documented() -> None:
    assert len({family.name for family in FURNITURE}) == len(FURNITURE)
    assert all(family.doc for family in FURNITURE)


def test_related_heading_takes_the_headlines_below_it() -> None:
    text = (
        HEAD
        + FIRST
        + "اقرأ أيضا\nالجيش يعلن السيطرة على مواقع جديدة\nوزير الخارجية يزور أنقرة غدا\n"
        + LAST
    )
    assert _body(_article(text)) == [FIRST.strip(), LAST.strip()]


def test_comment_block_is_cut_to_the_end() -> None:
    text = HEAD + FIRST + LAST + "Comments\nقارئ\nهذا تعليق طويل من أحد القراء على الخبر.\n"
    assert _body(_article(text)) == [FIRST.strip(), LAST.strip()]


def test_comment_counter_in_the_header_does_not_cut_the_article() -> None:
    text = HEAD + "التعليقات (0)\n" + FIRST + LAST
    assert _body(_article(text)) == [FIRST.strip(), LAST.strip()]


def test_repeated_caption_is_dropped_but_repeated_sentence_kept() -> None:
    caption = "الرئيس خلال لقائه الوفد في القصر"
    sentence = "وقال إن الاتفاق نهائي."
    text = HEAD + caption + "\n" + FIRST + caption + "\n" + sentence + "\n" + sentence + LAST
    assert _body(_article(text)) == [FIRST.strip(), sentence, sentence, LAST.strip()]


# --- metadata ------------------------------------------------------------------------------


def test_preamble_above_the_headline_is_dropped() -> None:
    text = "الرئيسية > أخبار > سياسة\nشؤون عربية\n" + HEAD + FIRST
    article = _article(text)
    assert article.title == HEAD.strip()
    assert _body(article) == [FIRST.strip()]


def test_headline_with_a_date_is_not_a_stamp() -> None:
    article = _article("هجوم 7 أكتوبر 2023 يعيد خلط الأوراق\n" + FIRST)
    assert article.title == "هجوم 7 أكتوبر 2023 يعيد خلط الأوراق"
    assert article.published is None


def test_no_header_means_no_title() -> None:
    article = _article(FIRST + LAST)
    assert article.title is None
    assert _body(article) == [FIRST.strip(), LAST.strip()]


def test_given_title_is_kept_and_its_line_left_out() -> None:
    article = _article(HEAD + FIRST, title="عنوان الخبر الرئيسي في هذه الصفحة - موقع الأخبار")
    assert article.title == "عنوان الخبر الرئيسي في هذه الصفحة - موقع الأخبار"
    assert _body(article) == [FIRST.strip()]


def test_given_metadata_is_not_overwritten() -> None:
    text = "دمشق - سانا\n" + HEAD + "2023.09.22 | 07:40\n" + FIRST
    article = _article(text, source="وكالة", published="2020-01-01")
    assert (article.source, article.published) == ("وكالة", "2020-01-01")


def test_byline_place_side_is_not_the_source() -> None:
    article = _article(HEAD + "بيروت - الأناضول\n" + FIRST)
    assert article.source == "الأناضول"
    assert _body(article) == [FIRST.strip()]


def test_byline_beats_a_source_label() -> None:
    article = _article(HEAD + "تلفزيون سوريا - إسطنبول\n" + FIRST + "المصدر: رويترز\n")
    assert article.source == "تلفزيون سوريا"


def test_publication_stamp_is_preferred_to_the_update_stamp() -> None:
    text = HEAD + "آخر تحديث: 23.09.2023 | 11:06\n" + "22.09.2023 | 07:40\n" + FIRST
    assert _article(text).published == "2023-09-22"


def test_update_stamp_is_used_when_it_is_the_only_one() -> None:
    text = HEAD + "آخر تحديث: 23.09.2023 | 11:06\n" + FIRST
    assert _article(text).published == "2023-09-23"


def test_windows_line_endings() -> None:
    text = (HEAD + "2023.09.22 | 07:40\n" + FIRST + LAST).replace("\n", "\r\n")
    article = _article(text)
    assert article.title == HEAD.strip()
    assert article.published == "2023-09-22"
    assert _body(article) == [FIRST.strip(), LAST.strip()]


def test_empty_text_has_no_body() -> None:
    article = _article("\n \n")
    assert (article.body, article.title, article.published) == ([], None, None)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2023.09.22 | 07:40 دمشق", "2023-09-22"),
        ("آخر تحديث: 22.09.2023 | 11:06 دمشق", "2023-09-22"),
        ("الجمعة، 22-09-2023 08:07 م", "2023-09-22"),
        ("22/09/2023", "2023-09-22"),
        ("09/22/2023", "2023-09-22"),
        ("2023-09-22T07:40:00+03:00", "2023-09-22"),
        ("٢٢-٠٩-٢٠٢٣", "2023-09-22"),
        ("22 أيلول/سبتمبر 2023", "2023-09-22"),
        ("الجمعة 22 سبتمبر، 2023", "2023-09-22"),
        ("1 كانون الثاني 2024", "2024-01-01"),
        ("September 22, 2023", "2023-09-22"),
        ("2023-09", "2023-09"),
        ("2023", "2023"),
        ("31.02.2023", None),
        ("لا تاريخ هنا", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


# --- texts without a page layout: every line is body ---------------------------------------

ONE_LINE = "قائد فيلق القدس إسماعيل قاآني زار دمشق"
HEADLINE_AND_BODY = (
    "قاآني يزور دمشق\n\nوصل قائد فيلق القدس إسماعيل قاآني إلى دمشق والتقى مسؤولين سوريين"
)
SHORT_POSTS = (
    "قاآني يزور دمشق\nالحرس الثوري يعلن مناورات\nغارة إسرائيلية\nقصف على مطار حلب - رويترز\n"
)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (ONE_LINE, [ONE_LINE]),
        (ONE_LINE + "\n", [ONE_LINE]),
        ("  " + ONE_LINE + "  \r\n", [ONE_LINE]),
        (HEADLINE_AND_BODY, HEADLINE_AND_BODY.split("\n\n")),
        (SHORT_POSTS, SHORT_POSTS.splitlines()),
    ],
    ids=["one-line", "one-line-newline", "one-line-padded", "headline-body", "posts"],
)
def test_text_without_a_paragraph_is_all_body(text: str, lines: list[str]) -> None:
    article = _article(text)
    assert article.title is None
    assert _body(article) == lines


def test_stamps_and_labels_are_still_left_out_of_a_text_without_a_paragraph() -> None:
    article = _article("عاجل\nقاآني في دمشق\n22.09.2023 | 07:40")
    assert _body(article) == ["قاآني في دمشق"]
    assert article.published == "2023-09-22"


def test_a_given_title_that_is_the_whole_text_stays_body() -> None:
    article = _article(ONE_LINE, title=ONE_LINE)
    assert article.title == ONE_LINE
    assert _body(article) == [ONE_LINE]


def test_a_headline_above_a_paragraph_is_still_the_title() -> None:
    article = _article("قاآني يزور دمشق\n\n" + FIRST)
    assert article.title == "قاآني يزور دمشق"
    assert _body(article) == [FIRST.strip()]


def test_any_text_with_a_word_of_news_has_a_body() -> None:
    news = ["قاآني", "دمشق", "الحرس", "الثوري"]
    words = [*news, "شارك", "عاجل", "2023.09.22", "07:40", "-", "."]
    rng = random.Random(0)
    for _ in range(500):
        lines = [
            " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
            for _ in range(rng.randint(1, 5))
        ]
        text = rng.choice(["\n", "\n\n", "\r\n"]).join(lines)
        if any(word in text for word in news):
            assert _article(text).body, text


@pytest.mark.parametrize(
    "text",
    [
        "شارك",
        "حجم الخط\n+A\nالتعليقات\nشارك على فيسبوك\n",
        "<div class='nav'><a href='/'>الرئيسية</a> <a href='/x'>أخبار</a></div>",
    ],
    ids=["share-button", "page-furniture", "menu-markup"],
)
def test_page_furniture_alone_has_no_body(text: str) -> None:
    assert _article(text).body == []
