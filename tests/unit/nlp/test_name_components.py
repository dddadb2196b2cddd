"""The components that find names by their words: state institutions by a head noun and a
country's adjective, places by their kind, and person spans that start at the name."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from kg.nlp.pipeline import build_pipeline, default_pipeline
from kg.nlp.span_filter import DescriptionFilter
from kg.nlp.tokenizer import blank_arabic


@pytest.fixture(scope="module")
def rules_only() -> Language:
    return build_pipeline(statistical=False)


def ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت القوات الإيرانية مواقع", ("القوات الإيرانية", "Organization")),
        ("وتقدمت القوات الحكومية اليمنية نحو المدينة", ("القوات الحكومية اليمنية", "Organization")),
        ("قالت وزارة الدفاع الروسية إن", ("وزارة الدفاع الروسية", "Organization")),
        ("وقال التلفزيون السوري الرسمي إن", ("التلفزيون السوري الرسمي", "Organization")),
        ("بيان للحكومة الأردنية اليوم", ("لحكومة الأردنية", "Organization")),
        # the adjective that is also the country's name does not take the ministry away
        ("ونفى متحدث بوزارة الخارجية السعودية الخبر", ("وزارة الخارجية السعودية", "Organization")),
        ("وتقدمت القوات السعودية نحو الحدود", ("القوات السعودية", "Organization")),
        ("وأيدت المحكمة الإيرانية العليا الحكم", ("المحكمة الإيرانية العليا", "Organization")),
        ("وشددت رئاسة الوزراء البريطانية على", ("رئاسة الوزراء البريطانية", "Organization")),
        ("وأصدر الكونغرس الأمريكي تقريرا", ("الكونغرس الأمريكي", "Organization")),
    ],
)
def test_state_institutions_named_by_their_country(
    rules_only: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in ents(rules_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "قال وزير الخارجية الإيراني إن",  # an office, not the ministry
        "وقالت الحكومة الأمريكي",  # no agreement: not one phrase
    ],
)
def test_offices_and_other_bodies_are_not_state_institutions(
    rules_only: Language, text: str
) -> None:
    assert not [e for e in ents(rules_only, text) if e[1] == "Organization"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قرب بلدة السوسة في ريف المحافظة", [("السوسة", "Location")]),
        ("وصلت القوات إلى مديرية التحيتا", [("التحيتا", "Location")]),
        ("للتقدم نحو ميناء المكلا لاستعادته", [("ميناء المكلا", "Facility")]),
        ("إلى قمة جبل الظهر", [("جبل الظهر", "Location")]),
        ("في مدينة مأرب اليمنية", [("مأرب", "Location")]),
    ],
)
def test_places_announced_by_their_kind(rules_only: Language, text: str, expected: list) -> None:
    assert [e for e in ents(rules_only, text) if e[1] in ("Location", "Facility")] == expected


@pytest.mark.parametrize(
    "text", ["في منطقة خفض التصعيد", "أقيمت قاعدة عسكرية جديدة", "في مدينة كبيرة"]
)
def test_a_kind_word_before_an_ordinary_word_is_no_place(rules_only: Language, text: str) -> None:
    assert ents(rules_only, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وهاجم الرئيس السوري بشار الأسد القرار", "بشار الأسد"),
        ("أنهى العاهل الأردني الملك عبدالله الثاني حديثه", "عبدالله الثاني"),
        ("وانتقد آية الله علي خامنئي في خطابه الأخير", "علي خامنئي"),
        # a known name whose first word is also a demonym (`تركي`, "Turkish") stays whole
        ("وأضاف العقيد تركي المالكي للصحفيين أن", "تركي المالكي"),
        ("وقال الفريق أول ركن فياض الرويلي في كلمته", "فياض الرويلي"),
    ],
)
def test_person_spans_start_at_the_name(text: str, name: str) -> None:
    nlp = build_pipeline()
    assert (name, "Person") in ents(nlp, text)


def test_a_person_ends_before_the_word_that_gives_his_nickname(rules_only: Language) -> None:
    # Tokens: و قتل القيادي سالم الحداد الملقب " أبو علي " ; the NER ran on into `الملقب`.
    doc = rules_only.make_doc('وقتل القيادي سالم الحداد الملقب "أبو علي" أمس')
    doc.ents = [Span(doc, 3, 6, label="Person")]
    doc = rules_only.get_pipe("kg_title_trimmer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("سالم الحداد", "Person")]


def test_an_organisation_ends_before_the_rank_of_the_person_after_it() -> None:
    doc = blank_arabic().make_doc("وصرح الناطق باسم البعثة الأردنية السفير خالد الزعبي بأن")
    doc.ents = [Span(doc, 4, 7, label="Organization"), Span(doc, 7, 9, label="Person")]
    filtered = DescriptionFilter()(doc)
    assert [(e.text, e.label_) for e in filtered.ents] == [
        ("البعثة الأردنية", "Organization"),
        ("خالد الزعبي", "Person"),
    ]


def test_a_first_name_that_is_also_a_title_word_stays(rules_only: Language) -> None:
    assert ("باسم العوادي", "Person") in ents(
        rules_only, "وقال المتحدث باسم الحكومة باسم العوادي إن"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وشنت طائرات التحالف الذي تقوده السعودية غارات",
            [
                ("التحالف", "Organization", "saudi-led-coalition"),
                ("السعودية", "Location", "saudi-arabia"),
            ],
        ),
        (
            "وأعلن التحالف بقيادة السعودية أن",
            [
                ("التحالف", "Organization", "saudi-led-coalition"),
                ("السعودية", "Location", "saudi-arabia"),
            ],
        ),
    ],
)
def test_a_body_named_with_its_leader_is_two_names(
    rules_only: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(e.text, e.label_, e.ent_id_) for e in rules_only(text).ents] == expected


def test_a_body_whose_leader_is_unknown_keeps_its_whole_name(rules_only: Language) -> None:
    text = "وأعلن التحالف العربي أن"
    assert [(e.text, e.ent_id_) for e in rules_only(text).ents] == [
        ("التحالف العربي", "saudi-led-coalition")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a common word after an office and its country is what the office holder did
        "وأنهى وزير الخارجية الإيراني جولة دبلوماسية قصيرة.",
        "وذكر أن اجتماعه بوزير الخارجية السوري ليس الأول من نوعه.",
    ],
)
def test_a_common_word_after_a_title_is_no_name(text: str) -> None:
    assert [label for _, label in ents(default_pipeline(), text)] == []


def test_a_given_name_that_is_also_a_common_word_starts_a_name(rules_only: Language) -> None:
    # `فضل` is also the noun "merit", common as such
    text = "وقال وزير الإعلام اليمني فضل العمري إن الوفد وصل."
    assert ("فضل العمري", "Person") in ents(rules_only, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a son is not the father named after `نجل` or `ابن` + a kunya
        ("وأعلن التنظيم مقتل نجل أبو بكر البغدادي في هجوم.", "أبو بكر البغدادي"),
        ("وقتل حذيفة البدري، ابن أبو بكر البغدادي، في هجوم.", "أبو بكر البغدادي"),
        # `ابن` is part of a name elsewhere
        ("وقال ابن خلدون في مقدمته إن الدول تهرم.", "ابن خلدون"),
    ],
)
def test_a_kinship_word_is_not_part_of_the_relatives_name(text: str, name: str) -> None:
    assert (name, "Person") in ents(default_pipeline(), text)
