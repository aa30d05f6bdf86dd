"""Prepared queries and entities: the contract with the index (fast, picklable, validated)."""

from __future__ import annotations

import pickle

import pytest

from tamis.match import (
    Prepared,
    QueryError,
    compare,
    prepare_entity,
    prepare_query,
    score_entity,
)
from tamis.model.entity import Entity


def test_score_entity_takes_an_entity_or_its_prepared_form(putin: Entity) -> None:
    q = prepare_query({"name": "Vladimir Putin"})
    assert score_entity(q, putin).score == score_entity(q, prepare_entity(putin)).score


def test_prepared_forms_survive_pickling(putin: Entity, rdif: Entity) -> None:
    prepared = [prepare_entity(putin), prepare_entity(rdif)]
    restored = pickle.loads(pickle.dumps(prepared))
    q = prepare_query({"name": "Vladimir Putin", "birth_date": "1952"})
    for a, b in zip(prepared, restored):
        assert isinstance(b, Prepared)
        assert score_entity(q, a).score == score_entity(q, b).score
    q2 = pickle.loads(pickle.dumps(q))
    assert score_entity(q2, restored[0]).score == score_entity(q, prepared[0]).score


def test_aliases_of_an_entity_are_matched(rdif: Entity) -> None:
    m = compare({"name": "RDIF"}, rdif)
    assert m.match
    assert m.explanation.name.property == "alias"


def test_query_aliases_are_tried_too(putin: Entity) -> None:
    m = compare({"name": "Vova", "aliases": ["Vladimir Putin"]}, putin)
    assert m.match


def test_two_mappings_can_be_compared() -> None:
    m = compare({"name": "Vladimir Putin"}, {"name": "PUTIN, Vladimir", "birth_date": "1952"})
    assert m.match
    assert m.id is None


def test_entity_can_play_the_query(putin: Entity) -> None:
    assert compare(putin, {"name": "Vladimir Putin"}).match


@pytest.mark.parametrize(
    "query, message",
    [
        ({}, "name"),
        ({"name": "  "}, "name"),
        ({"name": "X", "schema": "Spaceship"}, "schema"),
        ({"name": "X", "birth_date": "sometime"}, "birth date"),
        ({"name": "X", "country": "Narnia"}, "country"),
        ({"name": "X", "gender": "plural"}, "gender"),
        ({"name": "..."}, "letters"),
    ],
)
def test_unreadable_queries_raise_a_clear_error(query: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(QueryError, match=message):
        prepare_query(query)


def test_relations_have_no_names_and_score_nothing() -> None:
    link = Entity("t:link", "UnknownLink", {"role": ["director"]})
    assert compare({"name": "Director"}, link).score < 0.01


def test_threshold_can_be_chosen_per_call(putin: Entity) -> None:
    q = prepare_query({"name": "V. Putin"})
    m = score_entity(q, putin, threshold=0.99)
    assert not m.match and m.explanation.threshold == 0.99
