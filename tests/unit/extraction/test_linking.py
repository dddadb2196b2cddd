"""Entity linking: one id per person however named, two people never merged on a shared name."""

from __future__ import annotations

from kg.extraction.resolve.linking import EntityLinker
from kg.kb import default_kb


def linker() -> EntityLinker:
    result = EntityLinker(default_kb())
    result.start_article()
    return result


def test_kb_match_keeps_its_id_and_says_so() -> None:
    linked = linker().link("Person", "قاآني", 10, "esmail-qaani")
    assert (linked.entity_id, linked.start, linked.end) == ("esmail-qaani", 10, 15)
    assert linked.link == "kb-alias: قاآني"


def test_title_is_stripped_from_the_span_and_the_id() -> None:
    people = linker()
    with_title = people.link("Person", "العميد رضا زاهدي", 0, None)
    assert with_title.start == len("العميد ")
    assert with_title.entity_id == "person:رضا_زاهدي"
    assert with_title.link == "title-stripped: العميد"
    assert people.link("Person", "رضا زاهدي", 50, None).entity_id == with_title.entity_id


def test_short_form_after_full_name_in_one_article() -> None:
    people = linker()
    full = people.link("Person", "محمد رضا زاهدي", 0, None)
    short = people.link("Person", "زاهدي", 40, None)
    assert short.entity_id == full.entity_id
    assert short.link.startswith("short-form: زاهدي")


def test_short_form_with_a_title() -> None:
    people = linker()
    full = people.link("Person", "محمد رضا زاهدي", 0, None)
    short = people.link("Person", "اللواء زاهدي", 40, None)
    assert short.entity_id == full.entity_id
    assert short.start == 40 + len("اللواء ")


def test_two_people_with_one_family_name_are_not_guessed() -> None:
    people = linker()
    ali = people.link("Person", "علي خامنئي", 0, "ali-khamenei")
    mojtaba = people.link("Person", "مجتبى خامنئي", 20, None)
    alone = people.link("Person", "خامنئي", 40, None)
    assert ali.entity_id != mojtaba.entity_id
    assert alone.entity_id not in (ali.entity_id, mojtaba.entity_id)


def test_people_sharing_a_first_name_stay_apart() -> None:
    people = linker()
    soleimani = people.link("Person", "قاسم سليماني", 0, "qasem-soleimani")
    araji = people.link("Person", "قاسم الأعرجي", 30, None)
    first_name = people.link("Person", "قاسم", 60, None)
    assert len({soleimani.entity_id, araji.entity_id, first_name.entity_id}) == 3


def test_surname_alone_links_across_articles_when_unique() -> None:
    people = linker()
    full = people.link("Person", "محمد رضا زاهدي", 0, None)
    people.start_article()
    alone = people.link("Person", "زاهدي", 5, None)
    assert alone.entity_id == full.entity_id
    assert alone.link.startswith("surname-across-articles")


def test_spellings_of_one_name_share_an_id_across_articles() -> None:
    people = linker()
    first = people.link("Person", "إسماعيل هنية", 0, None)
    people.start_article()
    assert people.link("Person", "اسماعيل هنيه", 0, None).entity_id == first.entity_id


def test_organisations_link_by_name() -> None:
    linked = linker().link("Organization", "كتائب حزب الله", 0, None)
    assert linked.entity_id == "organization:كتايب_حزب_الله"
    assert linked.link == "same-name: كتائب حزب الله"
