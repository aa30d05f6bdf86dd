"""Diffs between two versions of a source: added, removed, changed field by field."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tamis.errors import StoreError
from tamis.model.diff import diff_entities, diff_versions
from tamis.model.entity import Entity
from tamis.model.store import BATCH_SIZE, Store
from tamis.sources import parse
from tests.model.conftest import MakeParsed, person

OLD = [
    person(1, "Ivan Petrov", country="ru", birthDate="1970"),
    person(2, "Anna Schmidt", country="de"),
    person(3, "Unchanged Person"),
]
NEW = [
    person(1, "Ivan Petrov", country=["ru", "by"], birthDate="1971"),
    person(3, "Unchanged Person"),
    person(4, "New Person", nationality="fr"),
]


@pytest.fixture
def two_versions(store: Store, make_parsed: MakeParsed) -> Store:
    store.load(make_parsed(OLD))
    store.load(make_parsed(NEW))
    return store


def test_default_compares_previous_with_active(two_versions: Store) -> None:
    diff = diff_versions(two_versions, "test")
    assert (diff.old.number, diff.new.number) == (1, 2)
    assert [e.id for e in diff.added] == ["test:4"]
    assert [e.id for e in diff.removed] == ["test:2"]
    assert [c.id for c in diff.changed] == ["test:1"]
    assert diff.summary == {"added": 1, "removed": 1, "changed": 1, "unchanged": 1}


def test_changes_are_field_by_field(two_versions: Store) -> None:
    (change,) = diff_versions(two_versions, "test").changed
    assert change.caption == "Ivan Petrov" and change.schema is None
    assert change.fields == {"birthDate": (["1970"], ["1971"]), "country": ([], ["by"])}


def test_added_and_removed_entities_are_whole(two_versions: Store) -> None:
    diff = diff_versions(two_versions, "test")
    assert diff.added[0] == NEW[2] and diff.added[0].get("nationality") == ["fr"]
    assert diff.removed[0] == OLD[1]


def test_versions_can_be_named_and_swapped(two_versions: Store) -> None:
    diff = diff_versions(two_versions, "test", old=2, new="1")
    assert [e.id for e in diff.added] == ["test:2"]
    assert [e.id for e in diff.removed] == ["test:4"]
    assert diff.changed[0].fields["birthDate"] == (["1971"], ["1970"])


def test_a_version_against_itself_is_empty(two_versions: Store) -> None:
    diff = diff_versions(two_versions, "test", old="active")
    assert diff.empty and diff.summary["unchanged"] == 3


def test_a_schema_change_is_shown(store: Store, make_parsed: MakeParsed) -> None:
    store.load(make_parsed([Entity("test:x", "LegalEntity", {"name": "Acme"})]))
    store.load(make_parsed([Entity("test:x", "Company", {"name": "Acme"})]))
    (change,) = diff_versions(store, "test").changed
    assert change.schema == ("LegalEntity", "Company") and change.fields == {}


def test_value_order_is_not_a_change(store: Store, make_parsed: MakeParsed) -> None:
    store.load(make_parsed([person(1, "A", alias=["x", "y"])]))
    store.load(make_parsed([person(1, "A", alias=["y", "x"])], content="reordered"))
    assert diff_versions(store, "test").empty


def test_to_dict_is_json_with_a_summary(two_versions: Store) -> None:
    data = json.loads(json.dumps(diff_versions(two_versions, "test").to_dict()))
    assert data["summary"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 1}
    assert (data["old"]["number"], data["new"]["number"]) == (1, 2)
    assert data["added"][0]["id"] == "test:4" and data["removed"][0]["schema"] == "Person"
    assert data["changed"][0]["fields"]["country"] == {"removed": [], "added": ["by"]}


def test_a_single_version_has_nothing_to_compare_with(
    store: Store, make_parsed: MakeParsed
) -> None:
    store.load(make_parsed(OLD))
    with pytest.raises(StoreError, match="no version before the active v1"):
        diff_versions(store, "test")


def test_diff_entities_of_two_entities() -> None:
    change = diff_entities(person(1, "A", alias="B"), person(1, "A2", alias="B", title="Dr"))
    assert change.caption == "A2"
    assert change.fields == {"name": (["A"], ["A2"]), "title": ([], ["Dr"])}


def test_large_diff_matches_a_set_comparison(store: Store, make_parsed: MakeParsed) -> None:
    """Ids whose byte order differs from dictionary order, across several batches."""
    rng = random.Random(7)
    alphabet = "aZ9_-.:é中B0z"
    ids = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(15000)}
    old = {i: person(i, f"Name {i}") for i in ids}
    new = dict(old)
    for i in rng.sample(sorted(ids), 3000):
        del new[i]
    for i in rng.sample(sorted(new), 2000):
        new[i] = person(i, f"Name {i}", country="ru")
    for n in range(1500):
        new[f"new{n}"] = person(f"new{n}", f"Added {n}")
    store.load(make_parsed(old.values()))
    store.load(make_parsed(new.values()))
    diff = diff_versions(store, "test")
    assert len(ids) > 2 * BATCH_SIZE
    assert {e.id for e in diff.added} == {e.id for k, e in new.items() if k not in old}
    assert {e.id for e in diff.removed} == {e.id for k, e in old.items() if k not in new}
    assert {c.id for c in diff.changed} == {
        e.id for k, e in new.items() if k in old and e.get("country")
    }
    assert diff.unchanged == len(new) - len(diff.added) - len(diff.changed)


@pytest.mark.slow
def test_two_real_ofac_releases(store: Store, shared_data: Path) -> None:
    old = store.load(parse(shared_data / "ofac-sdn-2021-07" / "sdn.csv")).version
    new = store.load(parse(shared_data / "ofac-sdn-2023-01" / "sdn.csv")).version
    diff = diff_versions(store, "ofac-sdn")
    s = diff.summary
    assert s["added"] > 1000 and s["removed"] > 100 and s["changed"] > 100
    assert s["added"] + s["changed"] + s["unchanged"] == new.total
    assert s["removed"] + s["changed"] + s["unchanged"] == old.total
    assert all(c.fields or c.schema for c in diff.changed)
