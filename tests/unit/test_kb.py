"""The knowledge base covers the theatre's actors and places, and no alias is a common word.

The ruler overrides the NER and the linker trusts its id, so one entry too few links a name to
the wrong entity (`كتائب حزب الله` to Lebanese Hezbollah, `عين الأسد` to Bashar al-Assad) and
one alias too many turns an ordinary word into an entity.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg
from kg.arabic import match_key
from kg.errors import KgError
from kg.kb import default_kb, read_kb
from kg.records import Document


def extracted(text: str) -> Document:
    (document,) = kg.extract([text])
    return document


def ids(text: str) -> dict[str, str]:
    """Entity id -> label of everything found in `text`."""
    return {entity.id: entity.label for entity in extracted(text).entities}


def test_kataib_hezbollah_is_not_lebanese_hezbollah() -> None:
    found = ids("نفت كتائب حزب الله العراقية أي علاقة بالهجوم على القاعدة.")
    assert found.get("kataib-hezbollah") == "Organization"
    assert "hezbollah" not in found


def test_lebanese_hezbollah_still_found() -> None:
    assert "hezbollah" in ids("وقال حزب الله في بيان إن مقاتليه استهدفوا موقعا.")


def test_nujaba_is_not_lebanese_hezbollah() -> None:
    found = ids("وأعلنت حركة حزب الله النجباء مسؤوليتها عن الهجوم.")
    assert "harakat-al-nujaba" in found
    assert "hezbollah" not in found


def test_ain_al_asad_is_a_base_not_bashar_al_assad() -> None:
    found = ids("سقطت صواريخ على قاعدة عين الأسد الجوية غرب العراق.")
    assert found.get("ain-al-asad-air-base") == "Location"
    assert "bashar-al-assad" not in found


def test_the_homeland_defenders_party_is_not_the_city_of_hama() -> None:
    found = ids("قال رئيس حزب حماة الوطن إن الانتخابات ستجري في موعدها.")
    assert found.get("homeland-defenders-party") == "Organization"
    assert "hama" not in found
    assert ids("وقصفت الطائرات مدينة حماة وسط سوريا.").get("hama") == "Location"


@pytest.mark.parametrize(
    ("region", "entity_id"),
    [
        ("أميركا اللاتينية", "latin-america"),
        ("أمريكا اللاتينية", "latin-america"),
        ("أميركا الجنوبية", "south-america"),
        ("أمريكا الشمالية", "north-america"),
    ],
)
def test_the_americas_are_not_the_united_states(region: str, entity_id: str) -> None:
    found = ids(f"وتريد الشركة بيع منتجاتها في {region} قبل نهاية العام.")
    assert found.get(entity_id) == "Location"
    assert "united-states" not in found
    assert "united-states" in ids("وتريد الشركة بيع منتجاتها في أميركا قبل نهاية العام.")


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [("ماهر الأسد", "maher-al-assad"), ("حافظ الأسد", "hafez-al-assad")],
)
def test_other_assads_are_not_bashar(name: str, entity_id: str) -> None:
    found = ids(f"وقالت المصادر إن {name} أشرف على العملية.")
    assert entity_id in found
    assert "bashar-al-assad" not in found


def test_sayyida_zaynab_is_a_place_in_damascus() -> None:
    document = extracted("وقالت مصادر إن غارة على منطقة السيدة زينب جنوب دمشق قتلت مستشارا.")
    found = {entity.id: entity for entity in document.entities}
    assert found["sayyida-zaynab"].label == "Location"
    assert [e for e in document.entities if e.label == "Person"] == []
    by_id = {entity.id: entity for entity in default_kb()}
    assert by_id["sayyida-zaynab"].located_in == "damascus"


def test_razi_mousavi_killed_in_sayyida_zaynab() -> None:
    found = ids("أعلن الحرس الثوري مقتل المستشار رضي موسوي في غارة على السيدة زينب.")
    assert {"irgc", "razi-mousavi", "sayyida-zaynab"} <= set(found)


@pytest.mark.parametrize(
    ("text", "entity_id", "label"),
    [
        ("قتل أبو مهدي المهندس مع سليماني قرب مطار بغداد.", "abu-mahdi-al-muhandis", "Person"),
        ("أعلنت هيئة الحشد الشعبي النفير.", "popular-mobilization-forces", "Organization"),
        ("وقال قيس الخزعلي إن الفصائل لن تسلم سلاحها.", "qais-al-khazali", "Person"),
        ("دعا مقتدى الصدر أنصاره إلى التظاهر.", "muqtada-al-sadr", "Person"),
        ("وهاجم الحوثيون سفينة تجارية في البحر الأحمر.", "houthis", "Organization"),
        ("وقالت جماعة أنصار الله إنها استهدفت السفينة.", "houthis", "Organization"),
        ("وقال عبد الملك الحوثي إن الهجمات ستستمر.", "abdul-malik-al-houthi", "Person"),
        ("التقى وزير الخارجية عباس عراقجي نظيره القطري.", "abbas-araghchi", "Person"),
        ("أطلقت القوة الجوفضائية للحرس الثوري صواريخ.", "irgc-aerospace-force", "Organization"),
        ("وقالت وكالة مهر للأنباء إن الهجوم فشل.", "mehr-news-agency", "Organization"),
        ("وقال نعيم قاسم في كلمة إن المقاومة مستمرة.", "naim-qassem", "Person"),
        ("اغتيل قائد في قوة الرضوان التابعة لحزب الله.", "radwan-force", "Organization"),
        ("وانسحبت وحدات من قوات الرضوان إلى شمال الليطاني.", "radwan-force", "Organization"),
        ("وقال بنيامين نتنياهو إن الحرب ستستمر.", "benjamin-netanyahu", "Person"),
        ("وقالت القيادة المركزية الأمريكية إن قواتها ردت.", "centcom", "Organization"),
        ("ودعا مجلس الأمن الدولي إلى ضبط النفس.", "un-security-council", "Organization"),
        ("وقالت الوكالة الدولية للطاقة الذرية إن مفتشيها غادروا.", "iaea", "Organization"),
        ("وقصفت طائرات إسرائيلية مطار التيفور العسكري.", "t4-air-base", "Location"),
        ("واستهدفت الغارة مبنى في الضاحية الجنوبية لبيروت.", "dahiyeh", "Location"),
        ("وسقط صاروخ قرب مدينة صور جنوبي لبنان.", "tyre", "Location"),
        ("وتقع منشأة فوردو قرب مدينة قم.", "fordow", "Location"),
        ("وأغلقت إيران مضيق هرمز أمام الملاحة.", "strait-of-hormuz", "Location"),
        # a known name ends before the word after it (`كرد`: "in reply")
        ("وتحرك الرئيس محمود عباس كرد على القرار الأمريكي.", "mahmoud-abbas", "Person"),
        ("وأكد النظام الإيراني أن الاتفاق انتهى.", "iran-government", "Organization"),
        (
            "وأعلن الجيش الوطني الليبي بقيادة خليفة حفتر السيطرة على درنة.",
            "libyan-national-army",
            "Organization",
        ),
    ],
)
def test_known_entity_links(text: str, entity_id: str, label: str) -> None:
    assert ids(text).get(entity_id) == label


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("وقالت مصادر في البصرة والموصل إن الوضع هادئ.", "mosul"),  # و + الموصل
        ("وقالت مصادر محلية إن الاحتجاجات امتدت بالبصرة.", "basra"),  # ب + البصرة
        ("وأعلنت الصحة وفاة ثلاثة بغزة.", "gaza-strip"),  # ب + غزة
        ("وحذرت إيران والسعودية من التصعيد.", "saudi-arabia"),  # و + السعودية
    ],
)
def test_clitic_attached_forms_link(text: str, entity_id: str) -> None:
    assert entity_id in ids(text)


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("وقال مصدر في قوات تابعة للحشد الشعبي إن الهجوم صُد.", "popular-mobilization-forces"),
        ("واجتمع المسؤولون بأربيل أمس.", "erbil"),
    ],
)
def test_clitic_forms_of_new_stems(text: str, entity_id: str) -> None:
    assert entity_id in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت أسعار الخبز في الأسواق وقال المهندس إن العمل مستمر.",
        "نشرت الوكالة صور الدمار وقالت إن السبب الرئيسي هو الإهمال.",
        "يتجمع الحشد في الساحة وسط مشهد من الفرح والأمل.",
        "الغارات تدمر منازل المدنيين.",
        "وقال مسؤول إن مجلس الأمن القومي سيجتمع غدا.",
    ],
)
def test_ordinary_words_give_no_kb_entity(text: str) -> None:
    kb_ids = {entity.id for entity in default_kb()}
    assert {e.id for e in extracted(text).entities} & kb_ids == set()


# Words and phrases of ordinary news prose that must never be a knowledge-base spelling.
COMMON_WORDS = (
    "صور",
    "الصور",
    "الأمل",
    "أمل",
    "الحق",
    "الشعب",
    "الشعبي",
    "النصر",
    "نصر",
    "المهندس",
    "رئيسي",
    "الرئيسي",
    "الضيف",
    "ظريف",
    "سلامي",
    "شكر",
    "الجزيرة",
    "العربية",
    "الميادين",
    "المنار",
    "مشهد",
    "المشهد",
    "قم",
    "تدمر",
    "عمان",
    "الحشد",
    "الصدر",
    "الشرع",
    "السلام",
    "الدولة",
    "التنظيم",
    "القدس",
    "المقاومة",
    "المقاومة الإسلامية",
    "القاعدة",
    "الضاحية",
    "الضفة",
    "الجنوب",
    "الخليج",
    "البحر",
    "التعبئة",
    "السيدة",
    "زينب",
    "بدر",
    "فارس",
    "مهر",
    "قاسم",
    "الخزانة",
    "مجلس الأمن",
    "وزارة الدفاع",
    "وزارة الخارجية",
    "القيادة المركزية",
    "الرئيس الإيراني",
    "وزير الخارجية الإيراني",
    "النجباء",
    "العصائب",
    "الموسوي",
    "موسوي",
    "باقري",
    "العامري",
    "الفياض",
    "السنوار",
    "هنية",
    "مغنية",
)


def test_no_alias_is_a_common_word() -> None:
    common = {match_key(word): word for word in COMMON_WORDS}
    clashes = [
        (entity.id, alias, common[match_key(alias)])
        for entity in default_kb()
        for alias in entity.aliases
        if match_key(alias) in common
    ]
    assert clashes == []


def test_ids_are_unique_and_places_exist() -> None:
    kb = default_kb()
    ids_ = [entity.id for entity in kb]
    assert len(ids_) == len(set(ids_))
    by_id = {entity.id: entity for entity in kb}
    for entity in kb:
        if entity.located_in is not None:
            assert entity.located_in in by_id, entity.id
            assert by_id[entity.located_in].label == "Location", entity.id
            assert entity.label == "Location", entity.id


def test_no_spelling_names_two_entities() -> None:
    owners: dict[str, set[str]] = {}
    for entity in default_kb():
        for alias in entity.aliases:
            owners.setdefault(match_key(alias), set()).add(entity.id)
    assert {key: found for key, found in owners.items() if len(found) > 1} == {}


def test_countries_have_demonyms_and_places_a_kind() -> None:
    for entity in default_kb():
        if entity.kind == "country":
            assert entity.demonyms, entity.id
        if entity.label == "Location":
            assert entity.kind is not None, entity.id


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        # news of Yemen's war: the coalition is the Saudi-led one, the national army Yemen's
        ("وقتل عشرات الحوثيين في غارات لطيران التحالف قرب صعدة.", "saudi-led-coalition"),
        ("وأكد الجيش الوطني تحرير مديرية حيس من الحوثيين.", "yemen-army"),
        # news of the war on the Islamic State: the US-led one
        ("وشن التحالف غارات على مواقع داعش في الرقة.", "us-led-coalition"),
        # a name of two words the NER did not tag
        ("وقالت مصادر إن الجيش الوطني طهر مواقع الحوثيين في الحديدة.", "yemen-army"),
    ],
)
def test_a_bare_name_is_the_body_the_article_is_about(text: str, entity_id: str) -> None:
    assert entity_id in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # no context: an electoral alliance, another country's army
        "وأعلن التحالف فوزه بأكثر المقاعد في البرلمان.",
        "وقال الجيش الوطني إنه يسيطر على بنغازي.",
        # both contexts: neither coalition
        "وقصف التحالف مواقع الحوثيين في صعدة ومواقع داعش في الرقة.",
    ],
)
def test_a_bare_name_without_one_context_names_no_known_body(text: str) -> None:
    assert not {"saudi-led-coalition", "us-led-coalition", "yemen-army"} & set(ids(text))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"contextAliases": ["التحالف"], "context": ["nowhere"]}, "context names unknown ids"),
        ({"contextAliases": ["التحالف"]}, "needs both contextAliases and context"),
    ],
)
def test_a_context_must_name_known_entities(tmp_path: Path, extra: dict, message: str) -> None:
    entity = {"id": "a", "label": "Organization", "name": "التحالف العربي", **extra}
    path = tmp_path / "kb.json"
    path.write_text(json.dumps({"entities": [entity]}), encoding="utf-8")
    with pytest.raises(KgError, match=message):
        read_kb(path)
