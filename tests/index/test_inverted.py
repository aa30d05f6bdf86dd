"""The inverted index on a handful of names: what it proposes, and in which order."""

from __future__ import annotations

import marshal

import pytest

from tamis.index import Index, IndexBuilder
from tamis.normalise import name_form

NAMES = {
    "putin": ["PUTIN, Vladimir Vladimirovich"],
    "potanin": ["POTANIN, Vladimir Olegovich"],
    "peskov": ["PESKOV, Dmitriy Sergeevich"],
    "smith": ["SMITH, Joan"],
    "acme": ["ACME CORP."],
    "corp11420": ["11420 CORP."],
    "rahman": ["Abdul Rahman AL-HADDAD"],
    "bank": ["BANK MELLI IRAN", "MELLI BANK PLC", "BANK MELLI"],
}


@pytest.fixture(scope="module")
def index() -> Index:
    builder = IndexBuilder()
    for ident, names in NAMES.items():
        builder.add(ident, [f for n in names if (f := name_form(n)) is not None])
    return builder.build()


def found(index: Index, name: str, limit: int = 10) -> list[str]:
    form = name_form(name)
    assert form is not None
    return [index.ids[n] for n, _ in index.search([form], limit)]


def test_the_closest_name_comes_first(index: Index) -> None:
    assert found(index, "Vladimir Putin")[0] == "putin"
    assert found(index, "Putin Vladimir")[0] == "putin"


def test_a_shared_given_name_alone_ranks_below(index: Index) -> None:
    assert found(index, "Vladimir Putin")[:2] == ["putin", "potanin"]


def test_other_scripts_and_spellings_are_found(index: Index) -> None:
    assert found(index, "Владимир Путин")[0] == "putin"
    assert found(index, "Dmitri Peskov")[0] == "peskov"


def test_typos_are_found(index: Index) -> None:
    assert found(index, "Vladimr Puttin")[0] == "putin"


def test_a_number_only_finds_that_number(index: Index) -> None:
    assert found(index, "11420 CORP.") == ["corp11420"]


def test_parts_written_together_are_found(index: Index) -> None:
    assert "rahman" in found(index, "Abdulrahman Haddad")


def test_an_entity_is_proposed_once_whatever_its_names(index: Index) -> None:
    assert found(index, "Bank Melli").count("bank") == 1


def test_scores_are_between_0_and_1(index: Index) -> None:
    form = name_form("Bank Melli Iran")
    assert form is not None
    assert all(0.0 < s <= 1.0 for _, s in index.search([form]))


def test_a_name_with_nothing_in_common_finds_nothing(index: Index) -> None:
    assert found(index, "Zxqwv Plomb") == []


def test_the_state_survives_marshal(index: Index) -> None:
    again = Index.from_state(marshal.loads(marshal.dumps(index.state())))
    assert found(again, "Vladimir Putin") == found(index, "Vladimir Putin")


def test_a_repeated_search_gives_the_same_answer(index: Index) -> None:
    form = name_form("Vladimir Putin")
    assert form is not None
    first = index.search([form], 10)
    assert index.search([form], 10) == first  # the second reads the kept part plans
    rebuilt = Index.from_state(index.state())
    assert rebuilt.search([form], 10) == first


def test_a_part_missing_one_letter_finds_the_longer_listed_part() -> None:
    builder = IndexBuilder()
    for ident, name in (("meamar", "MEAMAR SARL"), ("maria", "MARIA E"), ("mara", "MARA")):
        builder.add(ident, [f for f in [name_form(name)] if f is not None])
    assert found(builder.build(), "MEAAR SARL")[0] == "meamar"
