"""Event resolution: one event per happening, whichever sentence or outlet reports it."""

from __future__ import annotations

from kg.extraction.resolve.events import EventResolver
from kg.kb import default_kb, place_chain
from kg.records import EventMention, TimeValue


def resolver() -> EventResolver:
    by_id = {entity.id: entity for entity in default_kb()}
    return EventResolver(lambda place: place_chain(by_id, place))


def visit(agent: str, place: str, when: str | None, sentence: int = 0) -> EventMention:
    time = TimeValue(when, "month" if when and len(when) == 7 else "year") if when else None
    return EventMention(
        "Visit", sentence, "...", "visited", {"AGENT": {agent}, "PLACE": {place}}, time
    )


def test_same_visit_from_two_outlets_is_one_event() -> None:
    events = resolver()
    first = events.resolve(visit("esmail-qaani", "syria", "2023-09"), "outlet-a")
    second = events.resolve(visit("esmail-qaani", "damascus", None), "outlet-b")
    assert first == second
    assert events.known[first].roles["PLACE"] == {"syria", "damascus"}
    assert events.known[first].when == TimeValue("2023-09", "month")


def test_visits_in_different_months_stay_apart() -> None:
    events = resolver()
    may = events.resolve(visit("esmail-qaani", "damascus", "2023-05"), "a")
    september = events.resolve(visit("esmail-qaani", "damascus", "2023-09"), "a")
    assert may != september


def test_contradicting_places_stay_apart() -> None:
    events = resolver()
    assert events.resolve(visit("esmail-qaani", "beirut", "2023-09"), "a") != events.resolve(
        visit("esmail-qaani", "damascus", "2023-09"), "b"
    )


def test_different_people_visiting_stay_apart() -> None:
    events = resolver()
    assert events.resolve(visit("esmail-qaani", "syria", "2023-09"), "a") != events.resolve(
        visit("amir-hatami", "syria", "2023-09"), "b"
    )


def test_an_undated_report_fitting_two_events_equally_is_not_guessed() -> None:
    events = resolver()
    a = events.resolve(visit("esmail-qaani", "syria", "2023-05"), "a")
    b = events.resolve(visit("esmail-qaani", "syria", "2023-09"), "a")
    undated = events.resolve(visit("esmail-qaani", "syria", None), "b")
    assert undated not in (a, b)


def test_an_undated_report_goes_to_the_event_with_the_same_place() -> None:
    events = resolver()
    in_syria = events.resolve(visit("esmail-qaani", "syria", "2023-09"), "a")
    events.resolve(visit("esmail-qaani", "damascus", "2023-05"), "a")
    assert events.resolve(visit("esmail-qaani", "syria", None), "b") == in_syria


def test_event_ids_are_stable_across_runs() -> None:
    one = resolver().resolve(visit("esmail-qaani", "syria", "2023-09"), "a")
    two = resolver().resolve(visit("esmail-qaani", "syria", "2023-09"), "a")
    assert one == two


def strike(agent: str | None, place: str | None, when: str | None, target: str | None = None):
    roles = {"AGENT": {agent}} if agent else {}
    if target:
        roles["TARGET"] = {target}
    if place:
        roles["PLACE"] = {place}
    time = TimeValue(when, "year") if when else None
    return EventMention("Strike", 0, "...", "strike", roles, time)


def test_one_shared_agent_without_place_or_date_is_not_one_strike() -> None:
    events = resolver()
    first = events.resolve(strike("israel", "damascus", "2023"), "a")
    assert events.resolve(strike("israel", None, None), "b") != first


def test_strikes_of_one_agent_in_different_countries_stay_apart() -> None:
    events = resolver()
    baghdad = events.resolve(strike("united-states", "baghdad", None), "a")
    assert events.resolve(strike("united-states", "jordan", None), "b") != baghdad


def test_the_same_strike_from_two_outlets_is_one_event() -> None:
    events = resolver()
    first = events.resolve(strike("israel", "damascus", "2023", "hezbollah"), "a")
    assert events.resolve(strike("israel", "syria", None, "hezbollah"), "b") == first
    assert events.resolve(strike("israel", "damascus", None), "c") == first


def test_a_strike_in_baghdad_and_an_attack_on_a_base_in_jordan_are_two_events() -> None:
    import kg

    baghdad, jordan = kg.extract(
        [
            "نفذت الولايات المتحدة غارة أمريكية بطائرة مسيرة في بغداد أمس.",
            "وقع هجوم على قاعدة أمريكية في الأردن أمس.",
        ]
    )
    strikes = [e for d in (baghdad, jordan) for e in d.events if e.type == "Strike"]
    assert len({e.id for e in strikes}) == len(strikes)
    for event in jordan.events:
        assert "united-states" not in event.agent


def test_an_undated_report_of_an_exercise_is_the_known_one() -> None:
    events = resolver()
    known = EventMention(
        "Exercise",
        0,
        "...",
        "exercise-between",
        {"AGENT": {"esmail-qaani"}, "PARTICIPANT": {"iran", "syrian-government"}},
        TimeValue("2023-09", "month"),
    )
    first = events.resolve(known, "a")
    undated = EventMention("Exercise", 0, "...", "took-part", {"AGENT": {"esmail-qaani"}}, None)
    assert events.resolve(undated, "b") == first


def test_who_is_named_first_does_not_split_a_meeting() -> None:
    events = resolver()
    first = events.resolve(
        EventMention("Meeting", 0, "...", "met", {"AGENT": {"a"}, "PARTICIPANT": {"b"}}, None), "x"
    )
    other = EventMention("Meeting", 0, "...", "met", {"AGENT": {"b"}, "PARTICIPANT": {"a"}}, None)
    assert events.resolve(other, "y") == first


def test_a_sentence_the_article_repeats_reports_one_strike() -> None:
    """A lead sentence printed twice gives one event; two undated reports of one agent's
    strikes in different sentences stay two (see the test above)."""
    import kg

    lead = "وشنت طائرات إسرائيلية غارات على مواقع في سوريا."
    (document,) = kg.extract([f"{lead} وقال مسؤول إن الوضع هادئ. {lead}"])
    strikes = [event for event in document.events if event.type == "Strike"]
    assert len(strikes) == 1 and strikes[0].sentences == [0, 2]
