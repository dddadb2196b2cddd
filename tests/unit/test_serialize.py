"""The JSON of `kg extract` and the Python records use one set of field names."""

from __future__ import annotations

import dataclasses
import re

import kg
from kg.records import Entity, Event, Relation
from kg.serialize import document_to_dict


def _camel(name: str) -> str:
    return re.sub(r"_(\w)", lambda m: m.group(1).upper(), name)


def _fields(record: type) -> set[str]:
    return {_camel(f.name) for f in dataclasses.fields(record)}


def test_relation_and_event_json_keys_are_the_record_fields() -> None:
    [document] = kg.extract(["قائد فيلق القدس إسماعيل قاآني زار دمشق في أيلول 2023."])
    data = document_to_dict(document)
    assert data["relations"] and data["events"]
    for relation in data["relations"]:
        assert set(relation) <= _fields(Relation)
    for event in data["events"]:
        assert set(event) <= _fields(Event)
        assert {"agent", "participant", "target", "place"} <= set(event)
    visit = next(e for e in document.events if e.type == "Visit")
    assert visit.agent == ["esmail-qaani"] and visit.place == ["damascus"]
    assert (visit.date, visit.date_precision) == ("2023-09", "month")


def test_entity_json_keys_are_the_record_fields() -> None:
    [document] = kg.extract(["قائد فيلق القدس إسماعيل قاآني زار دمشق."])
    for entity in document_to_dict(document)["entities"]:
        assert set(entity) <= _fields(Entity)
