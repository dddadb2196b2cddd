"""Which time expression of a sentence dates a fact: the one nearest to the rule's match."""

from __future__ import annotations

from kg.records import TimeMention, TimeValue


def nearest_time(times: list[TimeMention], start: int, end: int) -> TimeValue | None:
    """The time expression of the sentence closest to the character span `[start, end)`."""

    def distance(mention: TimeMention) -> int:
        if mention.end <= start:
            return start - mention.end
        return max(0, mention.start - end)

    return min(times, key=distance).time if times else None
