"""Event resolution: one event per happening, whichever sentence or outlet reports it."""

from __future__ import annotations

from kg.extraction.resolve.events import EventResolver
from kg.kb import default_kb, place_chain
from kg.records import EventMention, TimeValue


def resolver() -> EventResolver:
    kb = default_kb()
    return EventResolver(lambda place: place_chain(kb, place))


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
