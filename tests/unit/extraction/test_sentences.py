"""Sentence splitting over body spans (`kg.extraction.analyse.sentences`)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from kg.extraction.analyse.sentences import split_sentences
from kg.ingest.cleaning import clean
from kg.ingest.files import article_from_text
from kg.records import Article, Sentence, TextSpan
from tests.integration.cli import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_FURNITURE = [
    "icon",
    "التغطية الحية",
    "07:40 دمشق",
    "آخر تحديث",
    "زيارة سابقة لـ قاآني إلى حلب",
    "2020- وكالة تسنيم",
    "تلفزيون سوريا - إسطنبول",
    "+A",
    "حجم الخط",
    "-A",
    "ملخص",
    "سياسة عربية",
    "اظهار أخبار متعلقة",
    "التعليقات",
    "ناقد لا حاقد",
    "الارهاب و الخراب",
]


def _sentences(text: str, body: list[TextSpan] | None = None) -> list[str]:
    article = Article(id="t", text=text, body=body or [TextSpan(0, len(text))], path="t")
    return [s.text for s in split_sentences(article)]


def _check_invariants(article: Article, sentences: list[Sentence]) -> None:
    for number, sentence in enumerate(sentences):
        assert sentence.idx == number
        assert sentence.text == article.text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip()
        assert not sentence.text.startswith(("•", "-", "*"))
        assert any(ch.isalnum() for ch in sentence.text)
        assert any(
            span.start <= sentence.start and sentence.end <= span.end for span in article.body
        )
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.stem[:3])
def test_seed_sentences(seed: Path) -> None:
    article = clean(Article(id="t", text=seed.read_text(encoding="utf-8"), body=[], path="t"))
    sentences = split_sentences(article)
    _check_invariants(article, sentences)
    assert len(sentences) >= 12
    for sentence in sentences:
        for furniture in SEED_FURNITURE:
            assert furniture not in sentence.text, (furniture, sentence.text)
        assert sentence.text != article.title


def test_seed_000_bullets_are_sentences() -> None:
    text = SEED_FILES[0].read_text(encoding="utf-8")
    sentences = split_sentences(clean(Article(id="t", text=text, body=[], path="t")))
    assert sentences[0].text.startswith('قائد "فيلق القدس" زار مناطق في سوريا')
    assert text[sentences[0].start - 2 : sentences[0].start] == "• "
    assert sentences[4].text == "أعرب عن دعم إيران للنظام السوري في مواجهة التحديات."


def test_seed_001_two_sentences_on_one_line() -> None:
    text = SEED_FILES[1].read_text(encoding="utf-8")
    sentences = [s.text for s in split_sentences(clean(Article("t", text, [], "t")))]
    assert (
        "ومن جهتها، تقول إيران إن ضباطها يقومون بدور استشاري في سوريا بدعوة من دمشق." in sentences
    )
    assert any(s.startswith("وقد لقي العشرات من أعضاء الحرس الثوري مصرعهم") for s in sentences)


def test_terminators_and_line_breaks() -> None:
    text = "قال إنه وصل. هل انتهى؟ نعم! Is it over? Yes\nسطر جديد بلا نقطة\nآخر"
    assert _sentences(text) == [
        "قال إنه وصل.",
        "هل انتهى؟",
        "نعم!",
        "Is it over?",
        "Yes",
        "سطر جديد بلا نقطة",
        "آخر",
    ]


def test_no_break_inside_numbers_or_abbreviations() -> None:
    text = (
        "بلغت النسبة 3.5 في المئة في 2023.09.22 تماما. وقال د. أحمد إن Dr. Smith وصل إلى U.S. أمس."
    )
    assert _sentences(text) == [
        "بلغت النسبة 3.5 في المئة في 2023.09.22 تماما.",
        "وقال د. أحمد إن Dr. Smith وصل إلى U.S. أمس.",
    ]


def test_no_break_in_domain_names_or_after_a_list_number() -> None:
    assert _sentences("1. نقلت aljazeera.net الخبر. ثم انتهى") == [
        "1. نقلت aljazeera.net الخبر.",
        "ثم انتهى",
    ]


def test_sentence_ending_in_a_year_breaks() -> None:
    assert _sentences("حدث ذلك في عام 2020. وبعدها تغير كل شيء.") == [
        "حدث ذلك في عام 2020.",
        "وبعدها تغير كل شيء.",
    ]


def test_closing_quote_and_ellipsis_stay_with_their_sentence() -> None:
    assert _sentences('وقال: "انتهى الأمر." ثم غادر... وعاد!!') == [
        'وقال: "انتهى الأمر."',
        "ثم غادر...",
        "وعاد!!",
    ]


def test_bullets_and_whitespace_are_outside_the_span() -> None:
    text = "  • أولا بند.\n  - ثانيا بند\n* ثالثا\n\xa0 •  \n..."
    article = Article(id="t", text=text, body=[TextSpan(0, len(text))], path="t")
    sentences = split_sentences(article)
    assert [s.text for s in sentences] == ["أولا بند.", "ثانيا بند", "ثالثا"]
    _check_invariants(article, sentences)


def test_idx_runs_over_all_body_spans() -> None:
    text = "عنوان\nالجملة الأولى. الثانية.\nحاشية\nالثالثة."
    body = [TextSpan(6, 29), TextSpan(36, 44)]
    article = Article(id="t", text=text, body=body, path="t")
    sentences = split_sentences(article)
    assert [(s.idx, s.text) for s in sentences] == [
        (0, "الجملة الأولى."),
        (1, "الثانية."),
        (2, "الثالثة."),
    ]


def test_no_body_no_sentences() -> None:
    assert split_sentences(Article(id="t", text="نص", body=[], path="t")) == []


ALPHABET = "قاآنيزردمشق" + "abc" + "0123" + " \t\n\xa0" + '.!?؟…•-*"»)' + "ـ"


@pytest.mark.parametrize("seed", range(300))
def test_offsets_hold_on_random_text(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300)))
    pairs = min(len(text) + 1, 2 * rng.randint(0, 4)) // 2
    cuts = sorted(rng.sample(range(len(text) + 1), k=2 * pairs))
    body = [TextSpan(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if a < b]
    article = Article(id="t", text=text, body=body, path="t")
    _check_invariants(article, split_sentences(article))


@pytest.mark.parametrize("seed", range(100))
def test_offsets_hold_on_random_cleaned_text(seed: int) -> None:
    rng = random.Random(seed)
    lines = SEED_FILES[seed % 2].read_text(encoding="utf-8").split("\n")
    rng.shuffle(lines)
    article = clean(Article(id="t", text="\n".join(lines), body=[], path="t"))
    _check_invariants(article, split_sentences(article))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قائد فيلق القدس إسماعيل قاآني زار دمشق", ["قائد فيلق القدس إسماعيل قاآني زار دمشق"]),
        (
            "قاآني يزور دمشق\n\nوصل قاآني إلى دمشق والتقى مسؤولين سوريين",
            ["قاآني يزور دمشق", "وصل قاآني إلى دمشق والتقى مسؤولين سوريين"],
        ),
        (
            "قاآني يزور دمشق\nالحرس الثوري يعلن مناورات\nغارة إسرائيلية على مطار حلب",
            ["قاآني يزور دمشق", "الحرس الثوري يعلن مناورات", "غارة إسرائيلية على مطار حلب"],
        ),
    ],
    ids=["one-line", "headline-and-body", "short-posts"],
)
def test_text_given_directly_yields_its_sentences(text: str, expected: list[str]) -> None:
    article = article_from_text(text)
    sentences = split_sentences(article)
    _check_invariants(article, sentences)
    assert [s.text for s in sentences] == expected
