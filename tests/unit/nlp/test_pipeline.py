"""The combined entity step: statistical NER, then cue rules, then the knowledge base."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.cues import cue_spans
from kg.nlp.pipeline import build_pipeline, default_pipeline


@pytest.fixture(scope="module")
def rules_only() -> Language:
    return build_pipeline(statistical=False)


def ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_default_pipeline_order_is_the_precedence() -> None:
    assert default_pipeline().pipe_names == [
        "ner",
        "kg_description_filter",
        "kg_cue_rules",
        "kg_state_bodies",
        "kb_ruler",
        "kg_state_bodies_over_places",
        "kg_place_cues",
        "kg_leader_splitter",
        "kg_patronym_joiner",
        "kg_title_trimmer",
    ]


@pytest.mark.parametrize(
    ("words", "spans", "dropped"),
    [
        ("وصفتها بأنها منظمة إرهابية", [(3, 5, "Organization")], True),
        ("قادة الميليشيات", [(1, 2, "Group")], True),
        ("في نيسان الماضي", [(1, 2, "Organization")], True),
        ("جماعة الإخوان المسلمين", [(0, 3, "Organization")], False),
        ("الجيش اللبناني", [(0, 2, "Organization")], False),
        ("المستشار العسكري متأثرا بجروحه", [(1, 4, "Person")], True),
        ("محمد شياع السوداني", [(0, 3, "Person")], False),
        ("في قصف على ريف حمص", [(3, 4, "Location")], True),
        ("في المنطقة الشرقية", [(1, 3, "Location")], True),
        ("محافظة ريف دمشق", [(1, 3, "Location")], False),
    ],
)
def test_descriptions_are_not_names(
    rules_only: Language, words: str, spans: list, dropped: bool
) -> None:
    doc = with_ner_output(rules_only, words, spans)
    doc = default_pipeline().get_pipe("kg_description_filter")(doc)
    assert (len(doc.ents) == 0) is dropped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('نقلت وكالة "مهر" للأنباء', [("مهر", "Organization")]),
        (
            'مع حركتي "النجباء" و"عصائب أهل الحق"',
            [("النجباء", "Organization"), ("عصائب أهل الحق", "Organization")],
        ),
        # an electoral list or alliance, named in quotes, or "named" so
        ('وتقدم ائتلاف "الفجر الجديد" في', [("الفجر الجديد", "Organization")]),
        ('وانضمت إلى تحالف باسم "الفجر الجديد" كتل', [("الفجر الجديد", "Organization")]),
        ("وقال العميد رضا زاهدي إن", [("رضا زاهدي", "Person")]),
        ("وأكد اللواء محمد باقري في", [("محمد باقري", "Person")]),
        # an office, the body or country it belongs to, then the name
        ("وقال وزير الدفاع ثابت العباسي إن", [("ثابت العباسي", "Person")]),
        (
            "اتهم زعيم التيار الصدري محمد الحسيني فصائل",
            [("التيار الصدري", "Organization"), ("محمد الحسيني", "Person")],
        ),
        ("وقال المتحدث باسم الحكومة باسم العوادي إن", [("باسم العوادي", "Person")]),
        ("التقى نظيره العماني بدر البوسعيدي، وبحثا", [("بدر البوسعيدي", "Person")]),
        ("أعلن رئيس الوزراء العراقي محمد شياع السوداني، الأحد", [("محمد شياع السوداني", "Person")]),
        (
            "قتل المستشار العسكري في الحرس الثوري الإيراني رضا موسوي في غارة",
            [("الحرس الثوري الإيراني", "Organization"), ("رضا موسوي", "Person")],
        ),
        # a common noun after a name is not part of it
        ("يتسلم وزير الثقافة المصري فاروق حسني اليوم الجائزة", [("فاروق حسني", "Person")]),
    ],
)
def test_cues_type_unknown_names(rules_only: Language, text: str, expected: list) -> None:
    assert ents(rules_only, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وقال العميد إن القوات وصلت",  # a rank with no name after it
        "مقتل المستشار العسكري متأثرا بجروحه",  # a rank with a description after it
        'حذرت الوكالة من "تصعيد خطير جدا في المنطقة كلها اليوم"',  # a quote, not a name
        "وهو مستشار عسكري آخر وضابط بالجيش",  # an indefinite office with no body
        "الرئيس عباس يتحدث عن خطة",  # a name followed by a common word
        "أصدر وزير النقل بيانا أمام اللجنة",  # an office followed by what it did
        "وزير الدولة المكلف بالتعاون الدولي في جمهورية",  # a title that never reaches a name
        "وقال المتحدث باسم قصر بكينغهام إن الملك بخير",  # an office of a palace, not a name
        "وقال الناطق باسم مستشفى ناصر إن",  # the spokesman of a hospital
        "وصرح المتحدث باسم شركة أرامكو بأن",  # the spokesman of a company
    ],
)
def test_cues_do_not_invent_names(rules_only: Language, text: str) -> None:
    assert ents(rules_only, text) == []


def with_ner_output(nlp: Language, text: str, spans: list[tuple[int, int, str]]) -> Doc:
    """A doc as the statistical NER would leave it: these token spans, these labels."""
    doc = nlp.make_doc(text)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def test_cue_rules_never_cut_or_retype_an_ner_span(rules_only: Language) -> None:
    # Tokens: و قال العميد رضا زاهدي إن; the NER took `العميد رضا` as an organisation.
    doc = with_ner_output(rules_only, "وقال العميد رضا زاهدي إن", [(2, 4, "Organization")])
    assert [s.text for s in cue_spans(doc)] == ["رضا زاهدي"]  # what the cue alone would say
    doc = rules_only.get_pipe("kg_cue_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("العميد رضا", "Organization")]


def test_a_quoted_name_after_a_kind_of_body_is_that_body(rules_only: Language) -> None:
    # Tokens: فاز تحالف " الرافدين " ب ; the NER took the alliance's name for a person.
    doc = with_ner_output(rules_only, 'فاز تحالف "الرافدين" بمقعدين', [(3, 4, "Person")])
    doc = rules_only.get_pipe("kg_cue_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("الرافدين", "Organization")]


def test_a_cue_widens_a_shorter_ner_name_to_the_whole_name(rules_only: Language) -> None:
    # Tokens: أعلن رئيس الوزراء العراقي محمد شياع السوداني ; the NER stopped one word short.
    text = "أعلن رئيس الوزراء العراقي محمد شياع السوداني"
    doc = with_ner_output(rules_only, text, [(4, 6, "Person")])
    doc = rules_only.get_pipe("kg_cue_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("محمد شياع السوداني", "Person")]


def test_knowledge_base_overrides_the_ner(rules_only: Language) -> None:
    doc = with_ner_output(rules_only, "زار إسماعيل قاآني دمشق", [(1, 2, "Location")])
    doc = rules_only.get_pipe("kb_ruler")(doc)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("إسماعيل قاآني", "Person", "esmail-qaani"),
        ("دمشق", "Location", "damascus"),
    ]


def test_knowledge_base_overrides_a_cue(rules_only: Language) -> None:
    found = default_pipeline()('ذكرت وكالة "تسنيم" الإيرانية')
    assert [(e.text, e.ent_id_) for e in found.ents] == [("تسنيم", "tasnim")]


def test_statistical_ner_finds_a_name_no_list_knows() -> None:
    text = "وقال رئيس الوزراء العراقي محمد شياع السوداني إن بغداد سترد ."
    found = default_pipeline()(text)
    name = text.index("محمد")
    people = [e for e in found.ents if e.label_ == "Person" and not e.ent_id_]
    assert any(e.start_char <= name < e.end_char for e in people), found.ents


def test_a_name_after_news_agency_is_the_agency() -> None:
    """`وكالة أنباء "سبأ"`: the word `أنباء` completes the kind of body before its name."""
    assert ("سبأ", "Organization") in ents(
        default_pipeline(), 'وأفادت وكالة أنباء "سبأ" بأن الاجتماع انعقد مساء.'
    )
