"""The cross-language dev set: built from the real lists and the cited press file."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.devsets import crosslang
from bench.devsets.lists import load_list
from tamis.evaluate import read_labelled


@pytest.fixture(scope="module")
def built(shared_data):
    return crosslang.build(shared_data)


@pytest.fixture(scope="module")
def listed_ids(shared_data):
    return {e.id for folder in crosslang.ALL_LISTS for e in load_list(shared_data / folder)}


def test_it_has_at_least_300_pairs_from_each_kind_of_origin(built):
    rows, stats = built
    origins = Counter(r["origin"] for r in rows)
    assert len(rows) >= 300 and stats["rows"] == len(rows)
    assert origins["un-original-script"] >= 300  # the UN gives ~380 original-script names
    assert origins["ofac-translit"] >= 100
    assert origins["press"] >= 80


def test_every_row_says_its_script_language_and_citation(built):
    rows, _ = built
    for row in rows:
        assert row["script"] and row["language"] and row["convention"], row
        assert row["citation"] and row["lists"], row


def test_press_rows_cite_where_each_rendering_was_seen(built):
    rows, _ = built
    press = [r for r in rows if r["origin"] == "press"]
    assert all(r["citation"].startswith(("http://", "https://")) for r in press)
    assert sum(1 for r in press if r["expected_id"]) >= 80
    assert {r["script"] for r in press if not r["expected_id"]} >= {"Latin", "Cyrillic", "Arabic",
                                                                   "Han", "Hangul"}


def test_every_expected_id_is_a_listed_entity(built, listed_ids):
    rows, _ = built
    for row in rows:
        for ident in filter(None, row["expected_id"].split(";")):
            assert ident in listed_ids, row


def test_it_covers_the_scripts_the_issue_names(built):
    rows, _ = built
    scripts = {r["script"] for r in rows if r["expected_id"]}
    assert scripts >= {"Latin", "Cyrillic", "Arabic", "Han", "Hangul"}


def test_held_out_names_are_the_query_and_its_entrys_other_native_names(built):
    rows, _ = built
    for row in rows:
        if row["origin"] == "press":
            assert not row["holdout_alias"]
        else:
            assert row["query_name"] in row["holdout_alias"].split("|")


def test_ofac_transliterations_follow_the_stated_rule():
    parts = crosslang._parts
    assert crosslang.is_transliteration(parts("BAGHERI, Mohammed"), parts("BAGHERI, Mohammad"))
    assert crosslang.is_transliteration(parts("MAHSULI, Sadeq"), parts("MAHSOULI, Sadeq"))
    assert not crosslang.is_transliteration(parts("SMITH, John"), parts("SMITH, John"))
    assert not crosslang.is_transliteration(parts("SMITH, John"), parts("JONES, Peter"))
    assert crosslang.convention(parts("MAHSULI, Sadeq"), parts("MAHSOULI, Sadeq"))[0].startswith("fr")
    assert crosslang.convention(parts("BESEDA, Sergei"), parts("BESEDA, Sergey"))[0].startswith("ru")


def test_it_writes_a_file_tamis_evaluate_reads(built, tmp_path):
    rows, _ = built
    path = tmp_path / crosslang.FILE
    crosslang.write(path, rows)
    labelled = read_labelled(path)
    assert len(labelled) == len(rows)
    assert sum(1 for r in labelled if not r.is_positive) == sum(1 for r in rows
                                                                  if not r["expected_id"])
