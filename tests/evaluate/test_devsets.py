"""The bench's dev sets: built from the real lists, deterministic, readable by `tamis evaluate`."""

from __future__ import annotations

from bench.devsets import un_aliases
from bench.devsets.common import name_key, related, trivial, write_devset
from bench.devsets.folds import apply_holdout, folds
from tamis.evaluate import read_labelled
from tamis.model.entity import Entity


def test_un_alias_dev_set_is_deterministic_and_reads_back(shared_data, tmp_path):
    rows, stats = un_aliases.build(shared_data)
    again, _ = un_aliases.build(shared_data)
    assert rows == again
    assert stats["original_script"] > 300  # the UN gives ~380 original-script names
    write_devset(tmp_path / "un.csv", rows)
    labelled = read_labelled(tmp_path / "un.csv")
    assert len(labelled) == len(rows)
    assert {r.group("script") for r in labelled} >= {"Latin", "Arabic"}
    assert all(r.expected[0].startswith("un-sc:") for r in labelled)


def test_held_out_alias_is_removed_from_its_entity_only():
    putin = Entity("ofac-sdn:35096", "Person", {"name": ["PUTIN, Vladimir"],
                                                 "alias": ["Wladimir Putin", "PUTIN Vladimir"]})
    other = Entity("x:1", "Person", {"name": ["Wladimir Putin"]})
    left, same = apply_holdout([putin, other], {putin.id: {trivial("wladimir putin")}})
    assert left.get("alias") == ["PUTIN Vladimir"] and left.get("name") == ["PUTIN, Vladimir"]
    assert same is other


def test_a_fold_never_holds_the_same_entity_twice():
    groups = folds(["q1", "q2", "q3", "q4"], ["a", "a", "b", "a"])
    assert groups == [["q1", "q3"], ["q2"], ["q4"]]


def test_trivial_normalisation_and_word_order_key():
    assert trivial("AL-QA'IDA,  Ayman") == trivial("al qa ida ayman")
    assert name_key("SMITH, John") == name_key("John Smith")
    assert trivial("Müller") == "muller"


def test_an_alias_is_related_when_a_name_part_agrees():
    assert related("HANIYYA, Ismaeel", ["HANIYA, Ismail Abdul Salah"])
    assert related("BNC", ["BANCO NACIONAL DE CUBA"])
    assert not related("ZAYDAN, Muhammad", ["ABBAS, Abu"])
    assert not related("AVIA IMPORT", ["ANGLO-CARIBBEAN CO., LTD."])
