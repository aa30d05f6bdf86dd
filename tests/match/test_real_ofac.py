"""Scoring real entities parsed from the OFAC SDN snapshot of January 2023."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.match import Prepared, compare, prepare_entity, prepare_query, score_entity
from tamis.model.entity import Entity
from tamis.sources import parse

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sdn(shared_data: Path) -> dict[str, Entity]:
    parsed = parse(shared_data / "ofac-sdn-2023-01")
    return {e.id: e for e in parsed.entities if e.is_thing}


@pytest.fixture(scope="module")
def prepared(sdn: dict[str, Entity]) -> list[Prepared]:
    return [prepare_entity(e) for e in sdn.values()]


def _top(prepared: list[Prepared], query: dict[str, str], k: int = 3) -> list[tuple[str, float]]:
    q = prepare_query(query)
    scored = sorted((score_entity(q, e) for e in prepared), key=lambda m: -m.score)
    return [(m.id, round(m.score, 3)) for m in scored[:k]]  # type: ignore[misc]


@pytest.mark.parametrize(
    "query", ["Vladimir Putin", "Putin Vladimir", "V. Putin", "Владимир Путин"]
)
def test_real_putin_entry_is_found(sdn: dict[str, Entity], query: str) -> None:
    m = compare({"name": query}, sdn["ofac-sdn:35096"])
    assert m.match, (query, m.score)


@pytest.mark.parametrize("query", ["Dmitri Peskov", "Dmitry Peskov"])
def test_real_peskov_entry_is_found(sdn: dict[str, Entity], query: str) -> None:
    assert compare({"name": query}, sdn["ofac-sdn:35320"]).match


def test_real_rdif_entry_is_found_with_or_without_legal_form(sdn: dict[str, Entity]) -> None:
    rdif = sdn["ofac-sdn:34036"]
    assert compare({"name": "Russian Direct Investment Fund LLC"}, rdif).match
    assert compare({"name": "RDIF"}, rdif).match


def test_putin_ranks_first_over_the_whole_list(prepared: list[Prepared]) -> None:
    top = _top(prepared, {"name": "Vladimir Putin", "birth_date": "1952"})
    assert top[0][0] == "ofac-sdn:35096"
    assert top[0][1] > 0.9


def test_potanin_and_putin_are_told_apart(sdn: dict[str, Entity], prepared: list[Prepared]) -> None:
    putin, potanin = sdn["ofac-sdn:35096"], sdn["ofac-sdn:38241"]
    assert compare({"name": "Vladimir Potanin"}, putin).score < (
        compare({"name": "Vladimir Putin"}, putin).score - 0.5
    )
    assert _top(prepared, {"name": "Vladimir Potanin"})[0][0] == potanin.id
    assert _top(prepared, {"name": "Vladimir Poutine"})[0][0] == putin.id


def test_peskov_family_members_are_told_apart_by_birth_date(prepared: list[Prepared]) -> None:
    top = _top(prepared, {"name": "Dmitry Peskov", "birth_date": "1967-10-17"})
    assert top[0][0] == "ofac-sdn:35320"
    assert all(score < top[0][1] for _, score in top[1:])
