"""Facts a name states about itself: a state institution is part of its country, a facility
lies in the place it is named after."""

from __future__ import annotations

import pytest

import kg


def facts(text: str) -> set[tuple[str, str, str]]:
    [document] = kg.extract([text])
    names = {e.id: e.name for e in document.entities}
    return {(r.type, names.get(r.source, r.source), r.target) for r in document.relations}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("وقصف الجيش اليمني مواقع المتمردين.", ("PART_OF", "الجيش اليمني", "yemen")),
        ("وقالت الحكومة العراقية إنها سترد.", ("PART_OF", "الحكومة العراقية", "iraq")),
        ("وأكد قائد فيلق القدس الإيراني ذلك.", ("PART_OF", "فيلق القدس", "iran")),
        ("تقدمت القوات نحو ميناء الحديدة أمس.", ("LOCATED_IN", "ميناء الحديدة", "hodeidah")),
    ],
)
def test_names_state_their_own_facts(text: str, fact: tuple[str, str, str]) -> None:
    assert fact in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال حزب الله اللبناني إن الهجوم فشل.",  # a party with a nationality, not the state
        "وقال المرصد السوري لحقوق الإنسان إن القصف استمر.",
        "وأعلن الجيش السوري الحر سيطرته على البلدة.",
    ],
)
def test_a_nationality_is_not_membership_of_the_state(text: str) -> None:
    assert not [f for f in facts(text) if f[0] == "PART_OF"]
