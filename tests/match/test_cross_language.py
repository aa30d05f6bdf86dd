"""Across languages and scripts, on the real OFAC SDN list (January 2023): the same person
or company, however another language writes it, is found first and explained."""

from __future__ import annotations

from pathlib import Path

import pytest

import tamis
from tamis.match import Match
from tamis.model.store import Store
from tests.index.realdata import sdn_store_url

PUTIN, RDIF, KIM_JONG_UN = "ofac-sdn:35096", "ofac-sdn:34036", "ofac-sdn:20157"


@pytest.fixture(scope="module")
def store(shared_data: Path) -> Store:
    return Store(url=sdn_store_url(shared_data))


def screen(store: Store, name: str) -> list[Match]:
    results = tamis.screen({"name": name}, store=store)
    assert results, f"nothing found for {name!r}"
    return results


@pytest.mark.parametrize(
    "name",
    [
        "Fonds russe d'investissement direct",
        "Российский фонд прямых инвестиций",
        "Fondo ruso de inversión directa",
        "Russischer Direktinvestitionsfonds",
        "RDIF",
    ],
)
def test_the_russian_direct_investment_fund_in_five_languages(store: Store, name: str) -> None:
    top = screen(store, name)[0]
    assert top.id == RDIF and top.match, (name, top.id, top.score)


@pytest.mark.parametrize(
    "name", ["Vladimir Poutine", "Wladimir Putin", "Владимир Путин", "فلاديمير بوتين"]
)
def test_putin_as_french_german_russian_and_arabic_write_him(store: Store, name: str) -> None:
    top = screen(store, name)[0]
    assert top.id == PUTIN and top.match, (name, top.id, top.score)


def test_potanin_does_not_score_as_high_as_putin_for_poutine(store: Store) -> None:
    scores = {m.id: m.score for m in screen(store, "Vladimir Poutine")}
    potanin = tamis.compare({"name": "Vladimir Poutine"}, "ofac-sdn:37172", store=store)
    assert potanin.score < scores[PUTIN]
    assert not potanin.match


@pytest.mark.parametrize(
    "name, listed",
    [
        ("بشار الأسد", "ofac-sdn:12735"),  # AL-ASSAD, Bashar: the article on the surname
        ("حسن نصر الله", "ofac-sdn:2686"),  # NASRALLAH, Hasan: one listed part, two words
    ],
)
def test_arabic_names_whose_parts_are_written_otherwise(store: Store, name: str,
                                                        listed: str) -> None:  # fmt: skip
    top = screen(store, name)[0]
    assert top.id == listed and top.match, (name, top.id, top.score)


@pytest.mark.parametrize("name", ["Kim Chŏng-ŭn", "Ким Чен Ын", "김정은", "金正恩"])
def test_kim_jong_un_in_four_romanisations_and_scripts(store: Store, name: str) -> None:
    top = screen(store, name)[0]
    assert top.id == KIM_JONG_UN and top.match, (name, top.id, top.score)


def test_the_explanation_names_the_convention(store: Store) -> None:
    top = screen(store, "Vladimir Poutine")[0]
    parts = top.explanation.to_dict()["name"]["parts"]
    putin = next(p for p in parts if p["query"] == "poutine")
    assert putin["kind"] == "transliteration"
    assert "French" in putin["rule"]


def test_the_explanation_names_the_word_table(store: Store) -> None:
    top = screen(store, "Fonds russe d'investissement direct")[0]
    parts = top.explanation.to_dict()["name"]["parts"]
    fund = next(p for p in parts if p["candidate"] == "fund")
    assert fund["query"] == "fonds" and fund["kind"] == "translation"
    assert "fund" in fund["rule"]


def test_an_organisation_word_does_not_match_a_person_by_meaning() -> None:
    """"Russo" is an Italian surname as well as "Russian": people compare by spelling."""
    m = tamis.compare(
        {"name": "Marco Russo", "schema": "Person"}, {"name": "Marco Russian", "schema": "Person"}
    )
    assert not m.match


def test_an_arabic_word_of_known_meaning_is_not_read_by_its_consonants(store: Store) -> None:
    """البنك الدولي is the World Bank: بنك "bank" has the consonants of PANACEA (b = p,
    k = c), but a word whose meaning the word tables give compares by meaning."""
    m = tamis.compare({"name": "البنك الدولي"}, "ofac-sdn:17101", store=store)
    assert m.score < 0.5 and not m.match
