"""`tamis.screen` and `tamis.compare` on the real OFAC SDN list (January 2023)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tamis
from tamis.errors import StoreError
from tamis.match import DEFAULT_THRESHOLD, Match
from tamis.match.screen import Screener, screen_many
from tamis.model.store import Store
from tests.index.realdata import sdn_screener, sdn_store_url

PUTIN, PESKOV = "ofac-sdn:35096", "ofac-sdn:35320"


@pytest.fixture(scope="module")
def store(shared_data: Path) -> Store:
    return Store(url=sdn_store_url(shared_data))


@pytest.fixture(scope="module")
def scr(shared_data: Path) -> Screener:
    return sdn_screener(shared_data)


def first(store: Store, name: str, **facts: str) -> Match:
    results = tamis.screen({"name": name, **facts}, store=store)
    assert results, f"nothing found for {name!r}"
    return results[0]


@pytest.mark.parametrize("name", ["Vladimir Putin", "Putin Vladimir", "V. Putin", "Владимир Путин"])
def test_putin_is_found_first(store: Store, name: str) -> None:
    top = first(store, name)
    assert top.id == PUTIN and top.match


@pytest.mark.parametrize("name", ["Dmitri Peskov", "Dmitry Peskov"])
def test_peskov_is_found_first(store: Store, name: str) -> None:
    top = first(store, name)
    assert top.id == PESKOV and top.match


def test_john_smith_does_not_hit_joan_smith(store: Store, scr: Screener) -> None:
    joans = [n for n in range(len(scr)) if scr.prepared(n).caption.upper().startswith("SMITH, JOAN")]
    for m in tamis.screen({"name": "John Smith"}, store=store, top=50):
        if m.caption.upper().startswith("SMITH, JOAN"):
            assert not m.match and m.score < DEFAULT_THRESHOLD
    for n in joans:  # even scored directly, not only when the index proposes it
        assert not scr.explain(scr.index.ids[n], {"name": "John Smith"}).match


def test_a_different_number_is_a_different_company(store: Store) -> None:
    for m in tamis.screen({"name": "11420 CORP."}, store=store, top=50):
        if m.match:
            assert "11420" in m.caption, m


def test_facts_that_agree_raise_the_score(store: Store) -> None:
    bare = first(store, "Vladimir Putin")
    full = first(store, "Vladimir Putin", birth_date="1952-10-07", country="ru")
    assert full.id == PUTIN and full.score > bare.score


def test_a_conflicting_birth_date_lowers_the_score(store: Store) -> None:
    bare = first(store, "Vladimir Putin")
    other = tamis.screen({"name": "Vladimir Putin", "birth_date": "1980"}, store=store)
    assert next(m for m in other if m.id == PUTIN).score < bare.score


def test_results_are_ranked_and_limited(store: Store) -> None:
    results = tamis.screen({"name": "Bank Melli"}, store=store, top=5)
    assert len(results) <= 5
    assert [m.score for m in results] == sorted((m.score for m in results), reverse=True)


def test_the_threshold_decides_the_match_flag(store: Store) -> None:
    strict = first(store, "V. Putin")
    assert strict.match
    assert not tamis.screen({"name": "V. Putin"}, store=store, threshold=0.99)[0].match


def test_a_match_explains_itself(store: Store) -> None:
    top = first(store, "Vladimir Putin")
    data = top.to_dict()
    assert data["id"] == PUTIN and data["explanation"]["name"]["candidate"]
    assert "putin" in top.explanation.render().lower()


def test_only_things_are_screened(scr: Screener, store: Store) -> None:
    assert len(scr) == sum(1 for e in store.entities() if e.is_thing)


def test_compare_two_records() -> None:
    m = tamis.compare({"name": "Vladimir Putin"}, {"name": "PUTIN, Vladimir Vladimirovich"})
    assert m.match and 0.0 <= m.score <= 1.0


def test_compare_with_a_listed_id(store: Store) -> None:
    m = tamis.compare({"name": "Dmitry Peskov"}, PESKOV, store=store)
    assert m.id == PESKOV and m.match


def test_screen_many_gives_the_same_answers(store: Store) -> None:
    names = ["Vladimir Putin", "Dmitry Peskov", "John Smith"] * 100
    many = screen_many([{"name": n} for n in names], store=store, top=3, processes=2,
                       chunksize=50)  # fmt: skip
    assert [r[0].id for r in many[:2]] == [PUTIN, PESKOV]
    assert len(many) == len(names)
    assert many[3][0].id == PUTIN


def test_a_batch_in_processes_equals_screening_one_by_one(store: Store, scr: Screener) -> None:
    captions = sorted({scr.prepared(n).caption for n in range(0, len(scr), 97)})[:60]
    queries = [{"name": c} for c in captions]
    queries += [{"name": c, "birth_date": "1970"} for c in captions]
    alone = [[(m.id, m.score) for m in scr.screen(q, top=3)] for q in queries]
    many = screen_many(queries, store=store, top=3, processes=2, chunksize=16)
    assert [[(h.id, h.score) for h in r] for r in many] == alone


def test_identical_queries_in_a_batch_get_equal_answers(store: Store) -> None:
    queries = [
        {"name": "Dmitry Peskov", "country": "ru"},
        {"country": "ru", "name": "Dmitry Peskov"},
    ]
    a, b = screen_many(queries, store=store, top=3)
    assert a == b and a is not b and a[0].id == PESKOV


def test_a_name_screened_with_facts_reuses_its_search_but_not_its_score(scr: Screener) -> None:
    bare = scr.screen({"name": "Vladimir Putin"})[0]
    other = scr.screen({"name": "Vladimir Putin", "birth_date": "1980"})[0]
    fresh = Screener(scr.index, scr._blobs, scr.fingerprint)
    assert fresh.screen({"name": "Vladimir Putin", "birth_date": "1980"})[0].score == other.score
    assert other.id == bare.id == PUTIN and other.score < bare.score


def test_an_empty_store_says_to_run_update(tmp_path: Path) -> None:
    empty = Store(url=f"sqlite:///{tmp_path}/empty.db")
    with pytest.raises(StoreError, match="no lists loaded: run tamis update"):
        tamis.screen({"name": "Vladimir Putin"}, store=empty)


def test_an_unknown_entity_is_a_clear_error(scr: Screener) -> None:
    with pytest.raises(StoreError, match="ofac-sdn:0"):
        scr.explain("ofac-sdn:0", {"name": "Vladimir Putin"})


def test_importing_tamis_does_not_load_the_engine() -> None:
    import subprocess
    import sys

    code = "import sys, tamis; print('tamis.match' in sys.modules, 'rigour' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_search_cache_tells_arabic_script_from_the_same_latin_letters(scr: Screener) -> None:
    """بوتين and "butin" share their tokens, but an abjad query is searched differently."""
    from tamis.match.query import prepare_query

    scr.candidates(prepare_query({"name": "butin"}))
    cached = scr.candidates(prepare_query({"name": "بوتين"}))
    scr._searches.clear()
    assert scr.candidates(prepare_query({"name": "بوتين"})) == cached
