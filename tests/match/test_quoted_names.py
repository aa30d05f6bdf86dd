"""An organisation's name in quotes after the kind of body it is (PRIVATE MILITARY COMPANY
'WAGNER', OAO SHIP REPAIR CENTER 'ZVEZDOCHKA'): the press writes the quoted name alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import tamis
from tamis.match import compare, prepare_entity
from tamis.model.entity import Entity
from tamis.model.store import Store
from tests.index.realdata import sdn_store_url

WAGNER = "ofac-sdn:22543"


def org(name: str, *aliases: str) -> Entity:
    return Entity("t:1", "Company", {"name": [name], "alias": list(aliases)}, source="t")


def quoted(entity: Entity) -> list[str]:
    return [form.original for form, prop in prepare_entity(entity).names if prop == "quoted"]


def test_the_quoted_name_alone_matches_as_a_derived_name() -> None:
    m = compare({"name": "Wagner"}, org("PRIVATE MILITARY COMPANY 'WAGNER'"))
    assert m.match
    assert m.explanation.name is not None and m.explanation.name.property == "quoted"


def test_it_scores_below_the_name_itself() -> None:
    listed = org("ZVEZDOCHKA", "OAO SHIP REPAIR CENTER 'ZVEZDOCHKA'")
    derived = org("OAO SHIP REPAIR CENTER 'ZVEZDOCHKA'")
    query = {"name": "Zvezdochka"}
    assert compare(query, listed).score > compare(query, derived).score


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PRIVATE MILITARY COMPANY 'WAGNER'", ["WAGNER"]),
        ('FAU "GLAVGOSEKSPERTIZA ROSSII"', ["GLAVGOSEKSPERTIZA ROSSII"]),
        # a nested name: the innermost quoted name ends it
        (
            "OPEN JOINT STOCK COMPANY 'BUMAZHNO-POLIGRAFICHESKOYE OBYEDINENIYE 'PECHATNIKI'",
            ["PECHATNIKI"],
        ),
        ("BRANCH OF 'ROSOBORONEXPORT' IN MINSK", []),  # not the branch's own name
        ("AL-QA'IDA", []),  # an apostrophe inside a word is no quote
        ("ACME CORP", []),
    ],
)
def test_which_names_have_a_quoted_name(name: str, expected: list[str]) -> None:
    assert quoted(org(name)) == expected


def test_wagner_by_its_quoted_name_on_the_real_list(shared_data: Path) -> None:
    store = Store(url=sdn_store_url(shared_data))
    results = tamis.screen({"name": "Wagner"}, store=store)
    assert results[0].id == WAGNER and results[0].match
