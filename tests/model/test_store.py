"""The versioned store, on SQLite and PostgreSQL: versions, all-or-nothing loads, reading."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tamis.errors import SourceError, StoreError
from tamis.model.entity import Entity
from tamis.model.store import BATCH_SIZE, Store
from tamis.model.tables import entities as t_entities
from tamis.sources import parse
from tests.model.conftest import MakeParsed, person

PEOPLE = [person(1, "Ivan Petrov", country="ru"), person(2, "Anna Schmidt", country="de")]


def stored_rows(store: Store) -> int:
    """Entity rows in the database, of every version: a failed load must leave none behind."""
    with store._engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t_entities)).scalar_one()


def many(n: int, tag: str = "") -> Iterator[Entity]:
    for i in range(n):
        yield person(f"{i:06d}", f"Person {i}{tag}")


def failing(good: Iterator[Entity], at_end: bool = False) -> Iterator[Entity]:
    """Yields `good`, and raises as a parser does on a bad element (after all: `at_end`)."""
    for i, entity in enumerate(good):
        if not at_end and i == BATCH_SIZE + 10:  # a whole batch is already written
            raise SourceError("list.xml", "truncated file", line=i)
        yield entity
    if at_end:
        raise SourceError("list.xml", "3 problems in the file (first: line 7)")


def test_first_load_is_version_1_and_active(store: Store, make_parsed: MakeParsed) -> None:
    parsed = make_parsed(PEOPLE)
    result = store.load(parsed)
    assert result.status == "loaded" and result.previous is None
    v = result.version
    assert (v.source, v.number, v.active) == ("test", 1, True)
    assert v.sha256 == parsed.sha256() and v.format == "test-format"
    assert v.path == str(parsed.path) and v.publisher_date == "2024-01-02"
    assert v.counts == {"Person": 2, "total": 2}
    assert v.loaded_at.endswith("+00:00")
    assert store.version("test") == v


def test_counts_are_per_schema(store: Store, make_parsed: MakeParsed) -> None:
    org = Entity("test:o1", "Organization", {"name": "Acme"})
    link = Entity("test:l1", "UnknownLink", {"subject": "test:1", "object": "test:o1"})
    result = store.load(make_parsed([*PEOPLE, org, link]))
    assert result.version.counts == {"Organization": 1, "Person": 2, "UnknownLink": 1, "total": 4}


def test_next_load_is_version_2_and_only_it_is_active(
    store: Store, make_parsed: MakeParsed
) -> None:
    first = store.load(make_parsed(PEOPLE)).version
    result = store.load(make_parsed(PEOPLE[:1]))
    assert result.version.number == 2 and result.previous == first
    versions = store.versions("test")
    assert [(v.number, v.active) for v in versions] == [(1, False), (2, True)]
    assert store.count("test") == 1


def test_reloading_the_active_file_changes_nothing_and_parses_nothing(
    store: Store, make_parsed: MakeParsed
) -> None:
    first = store.load(make_parsed(PEOPLE, content="same bytes")).version

    def not_to_be_read() -> Iterator[Entity]:
        raise AssertionError("an unchanged file must not be parsed")
        yield  # pragma: no cover

    result = store.load(make_parsed(not_to_be_read(), content="same bytes"))
    assert result.status == "unchanged"
    assert result.version == first == result.previous
    assert [v.number for v in store.versions("test")] == [1]
    assert stored_rows(store) == 2


def test_reloading_an_older_file_makes_a_new_version(store: Store, make_parsed: MakeParsed) -> None:
    store.load(make_parsed(PEOPLE, content="january"))
    store.load(make_parsed(PEOPLE[:1], content="february"))
    result = store.load(make_parsed(PEOPLE, content="january"))
    assert result.status == "loaded" and result.version.number == 3
    assert store.count("test") == 2


@pytest.mark.parametrize("at_end", [False, True], ids=["mid-way", "at-the-end"])
def test_a_failing_parser_rolls_back_and_keeps_the_active_version(
    store: Store, make_parsed: MakeParsed, at_end: bool
) -> None:
    good = store.load(make_parsed(PEOPLE)).version
    with pytest.raises(SourceError):
        store.load(make_parsed(failing(many(2 * BATCH_SIZE), at_end), content="bad"))
    assert store.versions("test") == [good]
    assert store.version("test") == good
    assert sorted(e.id for e in store.entities()) == ["test:1", "test:2"]
    assert stored_rows(store) == 2


def test_a_failed_first_load_leaves_nothing(store: Store, make_parsed: MakeParsed) -> None:
    with pytest.raises(SourceError):
        store.load(make_parsed(failing(many(BATCH_SIZE + 20)), content="bad"))
    assert store.sources() == [] and store.count() == 0 and stored_rows(store) == 0


def test_a_failed_load_does_not_use_up_a_version_number(
    store: Store, make_parsed: MakeParsed
) -> None:
    store.load(make_parsed(PEOPLE))
    with pytest.raises(SourceError):
        store.load(make_parsed(failing(many(10), at_end=True), content="bad"))
    assert store.load(make_parsed(PEOPLE[:1])).version.number == 2


def test_an_exact_repeat_is_stored_once(store: Store, make_parsed: MakeParsed) -> None:
    result = store.load(make_parsed([PEOPLE[0], PEOPLE[1], PEOPLE[0]]))
    assert result.version.counts == {"Person": 2, "total": 2} and stored_rows(store) == 2


def test_fragments_of_one_id_are_merged(store: Store, make_parsed: MakeParsed) -> None:
    fragments = [
        Entity("test:x", "LegalEntity", {"name": "Acme", "country": "de"}),
        Entity("test:x", "Company", {"name": "ACME GmbH", "country": "de"}),
    ]
    store.load(make_parsed(fragments))
    merged = store.get("test:x")
    assert merged is not None and merged.schema == "Company"
    assert merged.properties == {"name": ["Acme", "ACME GmbH"], "country": ["de"]}


def test_fragments_in_different_batches_are_merged(store: Store, make_parsed: MakeParsed) -> None:
    def repeats() -> Iterator[Entity]:
        yield from many(BATCH_SIZE + 5)
        yield person("000001", "Again", country="fr")

    result = store.load(make_parsed(repeats(), content="fragments"))
    assert result.version.total == BATCH_SIZE + 5 == stored_rows(store)
    again = store.get("test:000001")
    assert again is not None and again.properties == {
        "name": ["Person 1", "Again"],
        "country": ["fr"],
    }


def test_one_id_as_two_unrelated_schemata_is_refused(store: Store, make_parsed: MakeParsed) -> None:
    good = store.load(make_parsed(PEOPLE)).version
    clash = [*PEOPLE, Entity("test:1", "Vessel", {"name": "Sea Star"})]
    with pytest.raises(StoreError, match="'test:1' appears twice, as Person and as Vessel"):
        store.load(make_parsed(clash))
    assert store.version("test") == good and stored_rows(store) == 2


def test_an_empty_list_is_refused(store: Store, make_parsed: MakeParsed) -> None:
    good = store.load(make_parsed(PEOPLE)).version
    with pytest.raises(StoreError, match="no entities"):
        store.load(make_parsed([], content="empty"))
    assert store.version("test") == good


def test_progress_reports_entities_written_so_far(store: Store, make_parsed: MakeParsed) -> None:
    seen: list[int] = []
    store.load(make_parsed(many(2 * BATCH_SIZE + 3), content="big"), progress=seen.append)
    assert seen == [BATCH_SIZE, 2 * BATCH_SIZE, 2 * BATCH_SIZE + 3]


def test_sources_are_versioned_independently(store: Store, make_parsed: MakeParsed) -> None:
    store.load(make_parsed(PEOPLE, source="ofac-sdn"))
    store.load(make_parsed(PEOPLE[:1], source="ofac-sdn"))
    store.load(make_parsed([person("QDi.001", "X", source="un-sc")], source="un-sc"))
    summaries = {s.source: s for s in store.sources()}
    assert summaries.keys() == {"ofac-sdn", "un-sc"}
    assert (summaries["ofac-sdn"].versions, summaries["ofac-sdn"].active.number) == (2, 2)
    assert (summaries["un-sc"].versions, summaries["un-sc"].active.number) == (1, 1)
    assert store.count() == 2 and store.count("un-sc") == 1


def test_two_loads_at_once_both_succeed(store_url: str, make_parsed: MakeParsed) -> None:
    """Each load takes the write lock when it starts; the other one waits for it."""
    jobs = [make_parsed(many(2 * BATCH_SIZE, tag), source=f"s{tag}") for tag in "ab"]
    stores = [Store(store_url), Store(store_url)]
    try:
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(Store.load, stores, jobs))
    finally:
        for opened in stores:
            opened.close()
    assert [r.status for r in results] == ["loaded", "loaded"]
    with Store(store_url) as check:
        assert check.count() == 4 * BATCH_SIZE


# -- reading --------------------------------------------------------------------------------


def test_entities_come_back_as_stored(store: Store, make_parsed: MakeParsed) -> None:
    rich = person("ü-1", "Ğülşen Ömer", birthDate="1975-04", alias=["Гюльшен", "G. Omer"])
    store.load(make_parsed([rich]))
    (back,) = store.entities()
    assert back == rich and back.properties == rich.properties
    assert back.source == "test" and back.caption == "Ğülşen Ömer"


def test_entities_default_to_active_versions_ordered_by_source_and_id(
    store: Store, make_parsed: MakeParsed
) -> None:
    store.load(make_parsed([person("b", "B", "zz"), person("a", "A", "zz")], source="zz"))
    store.load(make_parsed(PEOPLE))
    store.load(make_parsed(PEOPLE[1:]))
    assert [e.id for e in store.entities()] == ["test:2", "zz:a", "zz:b"]


def test_entities_of_an_older_version_and_of_one_schema(
    store: Store, make_parsed: MakeParsed
) -> None:
    org = Entity("test:o1", "Organization", {"name": "Acme"})
    store.load(make_parsed([*PEOPLE, org]))
    store.load(make_parsed(PEOPLE[:1]))
    assert [e.id for e in store.entities("test", version=1)] == ["test:1", "test:2", "test:o1"]
    assert [e.id for e in store.entities("test", 1, schema="Organization")] == ["test:o1"]
    assert [e.id for e in store.entities("test")] == ["test:1"]


def test_entities_of_an_unknown_source_is_an_error_at_once(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown source 'nope'"):
        store.entities("nope")


def test_entities_stream(store: Store, make_parsed: MakeParsed) -> None:
    store.load(make_parsed(many(3 * BATCH_SIZE), content="big"))
    stream = store.entities()
    assert next(stream).id == "test:000000"
    assert sum(1 for _ in stream) == 3 * BATCH_SIZE - 1


def test_get_finds_active_entities_only(store: Store, make_parsed: MakeParsed) -> None:
    store.load(make_parsed(PEOPLE))
    store.load(make_parsed([person(1, "Ivan Petrov", country="ru", birthDate="1970")]))
    ivan = store.get("test:1")
    assert ivan is not None and ivan.get("birthDate") == ["1970"]
    assert store.get("test:2") is None  # only in the inactive version 1
    assert store.get("missing:1") is None


def test_count(store: Store, make_parsed: MakeParsed) -> None:
    assert store.count() == 0
    store.load(make_parsed(PEOPLE, source="a"))
    store.load(make_parsed(PEOPLE[:1], source="b"))
    assert (store.count(), store.count("a"), store.count("b")) == (3, 2, 1)


def test_version_references(store: Store, make_parsed: MakeParsed) -> None:
    store.load(make_parsed(PEOPLE))
    store.load(make_parsed(PEOPLE[:1]))
    v1, v2 = store.versions("test")
    assert store.version("test") == store.version("test", "active") == v2
    assert store.version("test", "previous") == v1
    assert store.version("test", 1) == store.version("test", "1") == v1
    assert store.version("test", v1.sha256[:8]) == v1
    assert store.version("test", v2.sha256.upper()[:10]) == v2


def test_unknown_version_lists_what_exists(store: Store, make_parsed: MakeParsed) -> None:
    v1 = store.load(make_parsed(PEOPLE)).version
    with pytest.raises(StoreError, match=rf"no version 7; versions: v1\* {v1.sha256[:12]}"):
        store.version("test", 7)
    with pytest.raises(StoreError, match="no version 'zzz'"):
        store.version("test", "zzz")
    with pytest.raises(StoreError, match="no version before the active v1"):
        store.version("test", "previous")


def test_unknown_source_lists_the_loaded_ones(store: Store, make_parsed: MakeParsed) -> None:
    with pytest.raises(StoreError, match="nothing is loaded yet"):
        store.version("un-sc")
    store.load(make_parsed(PEOPLE, source="ofac-sdn"))
    with pytest.raises(StoreError, match="loaded sources: ofac-sdn"):
        store.versions("un-sc")


def test_the_store_survives_reopening(store_url: str, make_parsed: MakeParsed) -> None:
    with Store(store_url) as first:
        loaded = first.load(make_parsed(PEOPLE)).version
    with Store(store_url) as again:
        assert again.version("test") == loaded
        assert again.get("test:2") == PEOPLE[1]
        assert again.load(make_parsed(PEOPLE[:1])).version.number == 2


def test_store_defaults_to_the_configured_database(store_url: str, make_parsed: MakeParsed) -> None:
    with Store(store_url) as explicit:
        explicit.load(make_parsed(PEOPLE))
    with Store() as default:  # TAMIS_DATABASE_URL is set to store_url by the fixture
        assert default.count() == 2


def test_an_unreachable_database_is_a_store_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(f"sqlite:///{tmp_path}/no/such/folder/tamis.db")


# -- real files -------------------------------------------------------------------------------


def truncated_copy(original: Path, folder: Path, fraction: float = 0.6) -> Path:
    data = original.read_bytes()
    folder.mkdir()
    copy = folder / original.name
    copy.write_bytes(data[: int(len(data) * fraction)])
    return copy


def test_a_truncated_un_file_keeps_the_loaded_version(
    store: Store, shared_data: Path, tmp_path: Path
) -> None:
    good = store.load(parse(shared_data / "un-sc-2026-02" / "consolidated.xml")).version
    broken = truncated_copy(shared_data / "un-sc-2026-02" / "consolidated.xml", tmp_path / "un")
    with pytest.raises(SourceError, match="truncated"):
        store.load(parse(broken))
    assert store.versions("un-sc") == [good] and stored_rows(store) == good.total


def test_a_corrupt_ofac_file_keeps_the_loaded_version(
    store: Store, shared_data: Path, tmp_path: Path
) -> None:
    good = store.load(parse(shared_data / "ofac-cons-2025-12" / "cons_prim.csv")).version
    lines = (shared_data / "ofac-cons-2025-12" / "cons_prim.csv").read_bytes().split(b"\r\n")
    lines[len(lines) // 2] = b'12345,"BROKEN ROW"'
    (tmp_path / "cons_prim.csv").write_bytes(b"\r\n".join(lines))
    with pytest.raises(SourceError, match="columns"):
        store.load(parse(tmp_path / "cons_prim.csv"))
    assert store.versions("ofac-cons") == [good] and stored_rows(store) == good.total


def test_an_ftm_file_failing_at_its_end_keeps_the_loaded_version(
    store: Store, tmp_path: Path
) -> None:
    def write(name: str, bad_line: bool) -> Path:
        lines = [
            json.dumps({"id": f"d-{i}", "schema": "Person", "properties": {"name": [f"P {i}"]}})
            for i in range(BATCH_SIZE + 100)
        ]
        if bad_line:  # reported only once the whole file has been read
            lines.insert(
                10, json.dumps({"id": "x", "schema": "Person", "properties": {"no": ["1"]}})
            )
        (tmp_path / name).mkdir()
        path = tmp_path / name / "demo.ftm.json"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    good = store.load(parse(write("good", False))).version
    with pytest.raises(SourceError, match="has no property 'no'"):
        store.load(parse(write("bad", True)))
    assert store.versions(good.source) == [good] and stored_rows(store) == good.total


# -- memory -----------------------------------------------------------------------------------


CHILD_LOAD = """
import resource, sys
from pathlib import Path
from tamis.model.entity import Entity
from tamis.model.store import Store
from tamis.sources.base import ParsedSource

url, n, path = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
def generated():
    for i in range(n):
        names = {"name": f"Person Number {i}", "alias": [f"Alias {i}", f"Other {i}"]}
        yield Entity(f"gen:{i:08d}", "Person", names | {"country": "ru"}, "gen")
def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
with Store(url) as store:
    before = rss_mib()
    result = store.load(ParsedSource("gen", "gen", path, [path], generated()))
    print(result.version.total, rss_mib() - before)
"""


@pytest.mark.slow
def test_loading_streams_in_bounded_memory(store_url: str, tmp_path: Path) -> None:
    """100,000 entities pass through a child process whose memory barely grows.

    Holding them all would take well over 100 MiB; a few batches at a time take ~10.
    """
    (tmp_path / "list.txt").write_text("generated")
    args = [store_url, "100000", str(tmp_path / "list.txt")]
    child = subprocess.run(
        [sys.executable, "-c", CHILD_LOAD, *args], capture_output=True, text=True, check=False
    )
    assert child.returncode == 0, child.stderr
    total, growth_mib = child.stdout.split()
    assert int(total) == 100_000
    assert float(growth_mib) < 50, f"memory grew by {float(growth_mib):.0f} MiB"
