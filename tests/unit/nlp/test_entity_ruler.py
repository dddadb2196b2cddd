"""The knowledge-base entity ruler finds known entities in every spelling and clitic form."""

import pytest

from kg.nlp.pipeline import default_pipeline


def ents(text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in default_pipeline()(text).ents]


@pytest.mark.parametrize(
    ("text", "surface", "entity_id", "label"),
    [
        ("زار إسماعيل قاآني دمشق", "إسماعيل قاآني", "esmail-qaani", "Person"),
        ("زار اسماعيل قآني دمشق", "اسماعيل قآني", "esmail-qaani", "Person"),
        ("قال العميد قاآني", "قاآني", "esmail-qaani", "Person"),
        ("قائد لفيلق القدس", "فيلق القدس", "quds-force", "Organization"),
        ("التابع للحرس الثوري الإيراني", "لحرس الثوري الإيراني", "irgc", "Organization"),
        ("قادة حرس الثورة الإسلامية", "حرس الثورة الإسلامية", "irgc", "Organization"),
        ('مع "حزب الله" وحماس', "حزب الله", "hezbollah", "Organization"),
        ("في سوريا ولبنان والعراق", "لبنان", "lebanon", "Location"),
        ("اجتمعوا بدمشق", "دمشق", "damascus", "Location"),
        ("قاسم سلیمانی", "قاسم سلیمانی", "qasem-soleimani", "Person"),
        ("قوة القدس", "قوة القدس", "quds-force", "Organization"),
        # the forces fighting the Houthis on Yemen's west coast
        ("وتقدمت ألوية العمالقة نحو الميناء", "ألوية العمالقة", "giants-brigades", "Organization"),
        (
            "وأعلنت المقاومة اليمنية المشتركة تمشيط المنطقة",
            "المقاومة اليمنية المشتركة",
            "yemen-joint-forces",
            "Organization",
        ),
        (
            "وقالت المقاومة الوطنية إنها صدت هجوما",
            "المقاومة الوطنية",
            "yemen-national-resistance",
            "Organization",
        ),
        (
            "وتقدمت قوات الشرعية اليمنية",
            "قوات الشرعية اليمنية",
            "yemen-legitimacy-forces",
            "Organization",
        ),
    ],
)
def test_known_entity_found(text: str, surface: str, entity_id: str, label: str) -> None:
    assert (surface, label, entity_id) in ents(text)


def test_longest_match_wins() -> None:
    found = ents("قائد فيلق القدس التابع للحرس الثوري الإيراني إسماعيل قاآني")
    assert [e[2] for e in found] == ["quds-force", "irgc", "esmail-qaani"]


def test_the_coalition_named_with_its_leader_is_two_names() -> None:
    found = ents("وقال التحالف العسكري الذي تقوده السعودية إن الهجوم فشل")
    assert [(e[0], e[2]) for e in found] == [
        ("التحالف العسكري", "saudi-led-coalition"),
        ("السعودية", "saudi-arabia"),
    ]


def test_a_longer_name_keeps_another_resistance_apart() -> None:
    found = ents("وتبنت المقاومة الوطنية الأهوازية الهجوم")
    assert [e[2] for e in found] == ["ahwazi-national-resistance"]


def test_unknown_text_gives_nothing() -> None:
    assert ents("ارتفعت أسعار الخبز في الأسواق") == []
