"""Organisations by their initials, however another language writes them: РФПИ and RDIF are
the same fund, CGRI and IRGC the same corps, AQMI and AQIM the same group (word order differs
between languages, so initials compare in any order); PDVSA counts "de" and "S.A."."""

from __future__ import annotations

from pathlib import Path

import pytest

import tamis
from tamis.match import compare, prepare_entity
from tamis.match.query import acronym_form
from tamis.model.entity import Entity
from tamis.model.store import Store
from tests.index.realdata import sdn_store_url

RDIF, IRGC, WAGNER, PDVSA = "ofac-sdn:34036", "ofac-sdn:10391", "ofac-sdn:22543", "ofac-sdn:26367"


@pytest.fixture(scope="module")
def store(shared_data: Path) -> Store:
    return Store(url=sdn_store_url(shared_data))


def first(store: Store, name: str) -> str:
    results = tamis.screen({"name": name}, store=store, threshold=0.0)
    assert results, f"nothing found for {name!r}"
    return results[0].id


def org(name: str, *aliases: str) -> Entity:
    return Entity("t:1", "Organization", {"name": [name], "alias": list(aliases)}, source="t")


def test_russian_initials_find_the_russian_direct_investment_fund(store: Store) -> None:
    assert first(store, "РФПИ") == RDIF


def test_french_initials_find_the_islamic_revolutionary_guard_corps(store: Store) -> None:
    assert first(store, "CGRI") == IRGC


def test_russian_initials_with_the_rest_of_the_name(store: Store) -> None:
    assert first(store, "ЧВК «Вагнер»") == WAGNER


def test_spanish_initials_count_every_word_and_the_legal_form(store: Store) -> None:
    assert first(store, "PDVSA") == PDVSA


def test_a_listed_acronym_in_another_order() -> None:
    aqim = org("THE ORGANIZATION OF AL-QAIDA IN THE ISLAMIC MAGHREB", "AQIM")
    assert compare({"name": "AQMI"}, aqim).score > 0.5
    assert compare({"name": "AQM"}, aqim).score < 0.1


def test_derived_initials_score_below_a_listed_alias() -> None:
    derived = compare({"name": "RDIF"}, org("RUSSIAN DIRECT INVESTMENT FUND")).score
    listed = compare({"name": "RDIF"}, org("RUSSIAN DIRECT INVESTMENT FUND", "RDIF")).score
    assert 0.0 < derived < listed


def test_an_acronym_in_parentheses_stands_for_the_words_before_it() -> None:
    names = {f.original for f, _ in prepare_entity(org(
        "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE")).names}  # fmt: skip
    assert "IRGC QODS FORCE" in names


@pytest.mark.parametrize("query", ["Quds Force", "Qods Force", "Fuerza Quds", "force Al-Qods"])
def test_a_unit_hyphenated_to_its_bodys_acronym_is_a_name_alone(query: str) -> None:
    qods = org("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE")
    assert ("QODS FORCE", "unit") in {(f.original, p) for f, p in prepare_entity(qods).names}
    assert compare({"name": query}, qods).match
    # the body's own name without its unit is not a unit
    irgc = org("ISLAMIC STATE IN THE GREATER SAHARA (ISGS)")
    assert "unit" not in {p for _, p in prepare_entity(irgc).names}


def test_a_name_in_parentheses_is_not_an_acronym() -> None:
    names = {f.original for f, _ in prepare_entity(org("PJSC VTB BANK (KIEV)")).names}
    assert "KIEV" not in names
    assert not any(n.endswith(" ") or n.startswith("VTB BANK ") and "KIEV" not in n
                   for n in names if n != "PJSC VTB BANK (KIEV)")  # fmt: skip


def test_the_name_without_its_acronym_scores_higher() -> None:
    isgs = org("ISLAMIC STATE IN THE GREATER SAHARA (ISGS)")
    assert compare({"name": "État islamique au Grand Sahara"}, isgs).score > 0.4


def test_initials_in_any_order_never_meet_a_word() -> None:
    # "0cgir" is a number-kind part: it agrees with the same key only, not with "cgir"
    assert acronym_form("CGRI") == "0cgir"
    assert compare({"name": "CGRI"}, org("ISLAMIC REVOLUTIONARY GUARD CORPS")).score > 0.5
    assert compare({"name": "CGRI"}, org("CGIR HOLDING")).score < 0.1


@pytest.mark.parametrize("name", ["JOHN SMITH", "Putin Vladimir LLC", "Vladimir Putin", "VTB"])
def test_no_acronym_in_a_name_all_in_capitals_a_legal_form_or_lower_case(name: str) -> None:
    assert acronym_form(name) is None


@pytest.mark.parametrize("name", ["DRIL, Gleb Vladimirovich", "ABU-TALEBI, Yusif", "ПУТИН, Владимир"])
def test_a_family_name_in_capitals_before_a_comma_is_no_acronym(name: str) -> None:
    # the lists' "SURNAME, Given": DRIL is a surname, not initials to meet in any order
    assert acronym_form(name) is None
    assert acronym_form("ЧВК Вагнер, Москва") == "0chkv Вагнер, Москва"


def test_three_letters_in_any_order_only_beside_other_words() -> None:
    assert acronym_form("ЧВК Вагнер") == "0chkv Вагнер"
    assert compare({"name": "VTB"}, org("COMMERCIAL BANK VERKHNEVOLZHSKY")).score < 0.1


def test_a_person_gets_no_acronym() -> None:
    person = Entity("t:2", "Person", {"name": ["RUSSIAN DIRECT INVESTMENT FUND"]}, source="t")
    assert all(p != "acronym" for _, p in prepare_entity(person).names)


def test_a_name_with_a_qualifier_is_met_by_its_initials_and_the_qualifier() -> None:
    # the press writes "ISIL Yemen" / "ISIL in Yemen" for the UN's "... LEVANT - YEMEN"
    isil_yemen = org("ISLAMIC STATE IN IRAQ AND THE LEVANT - YEMEN")
    assert "isil yemen" in {f.original for f, _ in prepare_entity(isil_yemen).names}
    assert compare({"name": "ISIL Yemen"}, isil_yemen).match
    assert not compare({"name": "ISIL"}, isil_yemen).match  # the qualifier is needed


def test_an_organisations_function_words_weigh_little() -> None:
    # "in" was once taken for a legal form; it is a word, but a light one
    assert compare({"name": "Islamic State Yemen"}, org("ISLAMIC STATE IN YEMEN")).score > 0.85
    # "all" is an English word: ALL ENERGY INVESTMENTS is not any "energy investments"
    assert not compare({"name": "Energy Investments"}, org("ALL ENERGY INVESTMENTS LTD")).match
