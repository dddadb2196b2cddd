"""Time expressions: found with exact offsets, resolved against the article date."""

import itertools
import random

import pytest

from kg.extraction.analyse.times import find_times
from kg.records import TimeMention, TimeValue

SEEDS_DATE = "2023-09-22"  # a Friday


def only(text: str, reference: str | None = SEEDS_DATE) -> TimeMention:
    found = find_times(text, reference)
    assert len(found) == 1, found
    return found[0]


def check_offsets(text: str, found: list[TimeMention]) -> None:
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize(
    ("text", "span", "value", "precision", "qualifier"),
    [
        # the seed sentences, article date 2023-09-22
        (
            "تعلن وسائل الإعلام الإيرانية عنها أحياناً، كان آخرها في أيار الماضي.",
            "أيار الماضي",
            "2023-05",
            "month",
            None,
        ),
        (
            "لم يزر قاآني سوريا سوى مرات قليلة منذ توليه قيادة الفيلق في العام 2020، في حين",
            "العام 2020",
            "2020",
            "year",
            None,
        ),
        (
            "وعقب مقتل سليماني، في بغداد بغارة أمريكية مطلع 2020، عين قاآني خلفا له",
            "مطلع 2020",
            "2020",
            "year",
            "early",
        ),
        (
            "وأدرج فيلق القدس على قائمة الولايات المتحدة للمنظمات الإرهابية عام 2019، فيما",
            "عام 2019",
            "2019",
            "year",
            None,
        ),
        ("وكانت طهران ودمشق وقعتا في 2018 اتفاقية تعاون عسكري", "2018", "2018", "year", None),
        ("كما وقع النظام السوري وإيران في عام 2020 اتفاقية", "عام 2020", "2020", "year", None),
        # `منذ` governs the clause, not the date: the date is a plain year
        (
            "في المعارك ضد المعارضة السورية، منذ بدأت الحرب في 2011 بعد قمع تظاهرات",
            "2011",
            "2011",
            "year",
            None,
        ),
        (
            "وفي نيسان/أبريل الماضي أعلن الحرس الثوري مقتل مقداد مهقاني",
            "نيسان/أبريل الماضي",
            "2023-04",
            "month",
            None,
        ),
        ("وفي أيار الماضي، أفادت مصادر خاصة", "أيار الماضي", "2023-05", "month", None),
        (
            "عين قاآني قائدا لفيلق القدس بعد مقتل سليماني عام 2020- وكالة تسنيم",
            "عام 2020",
            "2020",
            "year",
            None,
        ),
        # paired month names
        ("نيسان (أبريل) الماضي", "نيسان (أبريل) الماضي", "2023-04", "month", None),
        ("في أيلول - سبتمبر 2021", "أيلول - سبتمبر 2021", "2021-09", "month", None),
        ("أبريل/نيسان المقبل", "أبريل/نيسان المقبل", "2024-04", "month", None),
        # full dates, month-year, month alone
        ("وصل في 22 أيلول 2023 إلى دمشق", "22 أيلول 2023", "2023-09-22", "day", None),
        ("في الـ3 من كانون الثاني 2020", "3 من كانون الثاني 2020", "2020-01-03", "day", None),
        ("في 5 يونيو", "5 يونيو", "2023-06-05", "day", None),
        ("في 32 أيار 2023", "أيار 2023", "2023-05", "month", None),  # no such day
        ("في تشرين الأول 2019", "تشرين الأول 2019", "2019-10", "month", None),
        ("في أيار من العام 2019", "أيار من العام 2019", "2019-05", "month", None),
        ("في أيار من العام الماضي", "أيار من العام الماضي", "2022-05", "month", None),
        ("خلال حزيران", "حزيران", "2023-06", "month", None),
        ("في تشرين الثاني", "تشرين الثاني", "2022-11", "month", None),
        ("في أيلول الجاري", "أيلول الجاري", "2023-09", "month", None),
        ("في كانون الثاني المقبل", "كانون الثاني المقبل", "2024-01", "month", None),
        ("في أكتوبر القادم", "أكتوبر القادم", "2023-10", "month", None),
        ("زار دمشق في مارس", "مارس", "2023-03", "month", None),
        ("خلال شهر آب", "شهر آب", "2023-08", "month", None),
        # numeric dates
        ("نشر في 22/09/2023 بيانا", "22/09/2023", "2023-09-22", "day", None),
        ("نشر في 2023-09-22 بيانا", "2023-09-22", "2023-09-22", "day", None),
        ("2023.09.22 | 07:40 دمشق", "2023.09.22", "2023-09-22", "day", None),
        # years
        ("في سنة 2018", "سنة 2018", "2018", "year", None),
        ("خلال 2017 تصاعدت الهجمات", "2017", "2017", "year", None),
        ("في العام ٢٠٢٠", "العام ٢٠٢٠", "2020", "year", None),
        # years and months relative to the reference
        ("العام الماضي", "العام الماضي", "2022", "year", None),
        ("في العام المنصرم", "العام المنصرم", "2022", "year", None),
        ("العام الحالي", "العام الحالي", "2023", "year", None),
        ("خلال العام الجاري", "العام الجاري", "2023", "year", None),
        ("هذا العام", "هذا العام", "2023", "year", None),
        ("العام المقبل", "العام المقبل", "2024", "year", None),
        ("السنة القادمة", "السنة القادمة", "2024", "year", None),
        ("الشهر الماضي", "الشهر الماضي", "2023-08", "month", None),
        ("الشهر الجاري", "الشهر الجاري", "2023-09", "month", None),
        ("الشهر المقبل", "الشهر المقبل", "2023-10", "month", None),
        ("الأسبوع الماضي", "الأسبوع الماضي", "2023-09", "month", None),
        ("الأسبوع المقبل", "الأسبوع المقبل", "2023-09", "month", None),
        # days
        ("أمس", "أمس", "2023-09-21", "day", None),
        ("قال يوم أمس", "يوم أمس", "2023-09-21", "day", None),
        ("البارحة", "البارحة", "2023-09-21", "day", None),
        ("مساء أمس", "مساء أمس", "2023-09-21", "day", None),
        ("بالأمس", "الأمس", "2023-09-21", "day", None),
        ("اليوم", "اليوم", "2023-09-22", "day", None),
        ("صباح اليوم", "صباح اليوم", "2023-09-22", "day", None),
        ("أول أمس", "أول أمس", "2023-09-20", "day", None),
        ("أول من أمس", "أول من أمس", "2023-09-20", "day", None),
        ("غداً", "غداً", "2023-09-23", "day", None),
        # weekdays: on or before the reference day; strictly before with الماضي
        ("الجمعة", "الجمعة", "2023-09-22", "day", None),
        ("يوم الجمعة الماضي", "يوم الجمعة الماضي", "2023-09-15", "day", None),
        ("الخميس", "الخميس", "2023-09-21", "day", None),
        ("يوم السبت", "يوم السبت", "2023-09-16", "day", None),
        ("الأحد الماضي", "الأحد الماضي", "2023-09-17", "day", None),
        ("الاثنين المقبل", "الاثنين المقبل", "2023-09-25", "day", None),
        ("الإثنين المقبل", "الإثنين المقبل", "2023-09-25", "day", None),
        ("الأربعاء الماضية", "الأربعاء الماضية", "2023-09-20", "day", None),
        ("يوم الجمعة 15 أيلول 2023", "يوم الجمعة 15 أيلول 2023", "2023-09-15", "day", None),
        ("الجمعة، 22-09-2023 08:07 م", "الجمعة، 22-09-2023", "2023-09-22", "day", None),
        # qualifiers
        ("منذ 2011", "منذ 2011", "2011", "year", "since"),
        ("منذ العام 2011", "منذ العام 2011", "2011", "year", "since"),
        ("منذ أيار الماضي", "منذ أيار الماضي", "2023-05", "month", "since"),
        ("قبل عام 2011", "قبل عام 2011", "2011", "year", "before"),
        ("بعد 2015", "بعد 2015", "2015", "year", "after"),
        ("أوائل 2020", "أوائل 2020", "2020", "year", "early"),
        ("في بداية العام الماضي", "بداية العام الماضي", "2022", "year", "early"),
        ("منتصف أيار", "منتصف أيار", "2023-05", "month", "mid"),
        ("أواسط التسعينيات أو أواسط 1995", "أواسط 1995", "1995", "year", "mid"),
        ("في أواخر 2019", "أواخر 2019", "2019", "year", "late"),
        ("نهاية الشهر الماضي", "نهاية الشهر الماضي", "2023-08", "month", "late"),
        ("مطلع العام", "مطلع العام", "2023", "year", "early"),
        ("منذ مطلع 2020", "منذ مطلع 2020", "2020", "year", "since"),
    ],
)
def test_expressions(
    text: str, span: str, value: str, precision: str, qualifier: str | None
) -> None:
    mention = only(text)
    assert mention.text == span
    assert text[mention.start : mention.end] == span
    assert mention.time == TimeValue(value, precision, qualifier)


@pytest.mark.parametrize(
    "text",
    ["في أيار الماضي", "في ايار الماضي", "في أيّار الماضي", "في أيـار الماضي", "في أيــّار الماضي"],
)
def test_spelling_variants_of_a_month(text: str) -> None:
    mention = only(text)
    assert mention.text == text[3:]
    assert mention.time == TimeValue("2023-05", "month")


@pytest.mark.parametrize("spelling", ["أبريل", "إبريل", "ابريل", "آبريل"])
def test_spelling_variants_of_april(spelling: str) -> None:
    assert only(f"في {spelling} 2021").time == TimeValue("2021-04", "month")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("بأيار 2021", "أيار 2021", "2021-05"),
        ("وفي نيسان 2021", "نيسان 2021", "2021-04"),
        ("لشهر أيار 2021", "شهر أيار 2021", "2021-05"),
        ("وبأيّار الماضي", "أيّار الماضي", "2023-05"),
        ("فمنذ 2011", "منذ 2011", "2011"),
        ("والعام الماضي", "العام الماضي", "2022"),
        ("للعام الماضي", "للعام الماضي", "2022"),
        ("وعام 2019", "عام 2019", "2019"),
        ("ويوليو 2014", "يوليو 2014", "2014-07"),
    ],
)
def test_proclitics_are_left_out_of_the_span(text: str, span: str, value: str) -> None:
    mention = only(text)
    assert mention.text == span
    assert text[mention.start : mention.end] == span
    assert mention.time.value == value


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("كانون الثاني الماضي", "2024-01-15", "2023-01"),
        ("كانون الأول الماضي", "2024-01-15", "2023-12"),
        ("كانون الثاني", "2024-01-15", "2024-01"),
        ("كانون الثاني المقبل", "2024-01-15", "2025-01"),
        ("أيار", "2023-03-01", "2022-05"),
        ("أيار", "2023-05-31", "2023-05"),
        ("أيار الماضي", "2023-05-31", "2022-05"),
        ("أيار", "2023-05", "2023-05"),
        ("الشهر الماضي", "2024-01", "2023-12"),
        ("الشهر المقبل", "2023-12-31", "2024-01"),
        ("أمس", "2024-03-01", "2024-02-29"),
        ("الأسبوع الماضي", "2024-01-03", "2023-12"),
        ("العام الماضي", "2024", "2023"),
    ],
)
def test_reference_edges(text: str, reference: str, value: str) -> None:
    assert only(text, reference).time.value == value


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("في أيار الماضي", None),
        ("العام الماضي", None),
        ("أمس", None),
        ("اليوم", None),
        ("الجمعة الماضية", None),
        ("أيار", None),
        ("أيار الماضي", "2023"),
        ("الشهر الماضي", "2023"),
        ("أمس", "2023-09"),
        ("الأسبوع الماضي", "2023-09"),
        ("يوم السبت", "2023-09"),
        ("أمس", "not a date"),
    ],
)
def test_relative_expressions_need_a_fine_enough_reference(
    text: str, reference: str | None
) -> None:
    assert find_times(text, reference) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("عام 2019", "2019"),
        ("22 أيلول 2023", "2023-09-22"),
        ("أيار 2021", "2021-05"),
        ("مطلع 2020", "2020"),
        ("22/09/2023", "2023-09-22"),
        ("يوم الجمعة 22 أيلول 2023", "2023-09-22"),
    ],
)
def test_absolute_expressions_need_no_reference(text: str, value: str) -> None:
    assert only(text, None).time.value == value


@pytest.mark.parametrize(
    "text",
    [
        "قتل 2011 شخصا في القصف",
        "نحو 1500 مقاتل",
        "نحو 2000 مقاتل من الفاطميين",
        "الساعة 07:40 بتوقيت دمشق",
        "أصيب 1.500 شخص",
        "مارس الحرس الثوري ضغوطا كبيرة",
        "أب لثلاثة أطفال",
        "قبل عام من الزيارة",
        "منذ سنوات",
        "كان آخرها في دمشق",
        "31/02/2023",
        "في 2300",
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    assert find_times(text, SEEDS_DATE) == []


def test_several_expressions_in_order() -> None:
    text = "زار دمشق أمس بعد زيارة في أيار الماضي، وأخرى مطلع 2020 وثالثة عام 2019"
    found = find_times(text, SEEDS_DATE)
    check_offsets(text, found)
    assert [(m.text, m.time.value, m.time.qualifier) for m in found] == [
        ("أمس", "2023-09-21", None),
        ("أيار الماضي", "2023-05", None),
        ("مطلع 2020", "2020", "early"),
        ("عام 2019", "2019", None),
    ]


def test_relative_skipped_absolute_kept_without_reference() -> None:
    text = "في أيار الماضي، وأخرى عام 2019 وأمس"
    assert [m.text for m in find_times(text, None)] == ["عام 2019"]


_FUZZ_PIECES = [
    "أيار",
    "نيسان",
    "/",
    "(",
    ")",
    "-",
    "أبريل",
    "كانون",
    "الثاني",
    "الأول",
    "الماضي",
    "المقبل",
    "العام",
    "الشهر",
    "الأسبوع",
    "هذا",
    "عام",
    "سنة",
    "في",
    "وفي",
    "بأيار",
    "منذ",
    "قبل",
    "بعد",
    "مطلع",
    "نهاية",
    "يوم",
    "الجمعة",
    "أمس",
    "أول",
    "من",
    "اليوم",
    "مساء",
    "2020",
    "٢٠١١",
    "22",
    "31",
    "0",
    "99999",
    "22/09/2023",
    "2023-02-30",
    "07:40",
    "1.5",
    "للعام",
    "ـ",
    "\u0651",
    "\u200f",
    "،",
    ".",
    "شخصا",
    "مارس",
    "آب",
    "x",
    "",
]
_FUZZ_REFERENCES = [
    None,
    "2023-09-22",
    "2024-01",
    "2023",
    "1899-01-01",
    "2100-12-31",
    "junk",
    "2023-13-40",
    "2023-02-30",
    "",
]


def test_random_text_never_raises() -> None:
    rng = random.Random(20230922)
    for _ in range(3000):
        pieces = rng.choices(_FUZZ_PIECES, k=rng.randint(0, 12))
        text = "".join(p + rng.choice(["", " ", "  ", "\n"]) for p in pieces)
        found = find_times(text, rng.choice(_FUZZ_REFERENCES))
        check_offsets(text, found)
        assert all(m.time.precision in {"day", "month", "year"} for m in found)
    for _ in range(500):
        text = "".join(chr(rng.randint(0x20, 0x6FF)) for _ in range(rng.randint(0, 40)))
        check_offsets(text, find_times(text, "2023-09-22"))
