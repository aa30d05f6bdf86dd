"""FtM JSON-lines export: valid for followthemoney, streaming, and lossless round trip."""

from __future__ import annotations

import gzip
import importlib
import importlib.util
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from followthemoney import model

from tamis.model.entity import Entity
from tamis.model.export import ExportError, export_ftm, lost_values, write_ftm
from tamis.sources import ftm_json


def fixture_entities(fixtures: Path) -> list[Entity]:
    return list(ftm_json.parse(fixtures / "ftm" / "sanctions" / "entities.ftm.json").entities)


def exported_lines(entities: list[Entity]) -> list[str]:
    out = io.StringIO()
    assert export_ftm(entities, out) == len(entities)
    return out.getvalue().splitlines()


def assert_valid_ftm(line: str) -> None:
    """What followthemoney itself accepts: known schema and properties, no value dropped."""
    data = json.loads(line)
    schema = model.get(data["schema"])
    assert schema is not None, data["schema"]
    assert set(data["properties"]) <= set(schema.properties), data["id"]
    proxy = model.get_proxy(data, cleaned=False)
    assert lost_values(proxy, data["properties"]) == [], data["id"]


def test_one_json_object_per_line(fixtures: Path) -> None:
    entities = fixture_entities(fixtures)
    lines = exported_lines(entities)
    assert [json.loads(line)["id"] for line in lines] == [e.id for e in entities]


def test_lines_are_the_followthemoney_dict_of_each_entity(fixtures: Path) -> None:
    putin = next(e for e in fixture_entities(fixtures) if e.id == "Q7747")
    (line,) = exported_lines([putin])
    assert json.loads(line) == putin.to_proxy().to_dict()
    assert json.loads(line)["datasets"] == ["sanctions"]


def test_export_validates_with_followthemoney(fixtures: Path) -> None:
    for line in exported_lines(fixture_entities(fixtures)):
        assert_valid_ftm(line)


def test_round_trip_gives_the_same_entities(fixtures: Path, tmp_path: Path) -> None:
    first = fixture_entities(fixtures)
    path = tmp_path / "entities.ftm.json"
    assert write_ftm(first, path) == len(first)
    again = ftm_json.parse(path)
    second = list(again.entities)
    assert again.source == "sanctions"
    assert second == first
    assert [e.properties for e in second] == [e.properties for e in first]
    assert {e.source for e in second} == {"sanctions"}


def test_write_ftm_gzips_a_gz_path(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json.gz"
    write_ftm(fixture_entities(fixtures), path)
    assert gzip.decompress(path.read_bytes()).count(b"\n") == 11
    assert list(ftm_json.parse(path).entities) == fixture_entities(fixtures)


def test_export_streams_from_a_generator(fixtures: Path) -> None:
    def lazily() -> Iterator[Entity]:
        yield from fixture_entities(fixtures)

    out = io.StringIO()
    assert export_ftm(lazily(), out) == 11


def test_unknown_property_stops_the_export_naming_the_entity() -> None:
    bad = Entity("x1", "Person", {"name": ["Jane Doe"], "imoNumber": ["IMO9116412"]})
    with pytest.raises(ExportError, match="x1: not valid FtM: .*imoNumber"):
        export_ftm([bad], io.StringIO())


def test_a_value_followthemoney_would_drop_stops_the_export() -> None:
    bad = Entity("x1", "Person", {"name": ["Jane Doe"], "birthDate": ["12 Apr 1975"]})
    with pytest.raises(ExportError, match=r"x1 \[birthDate\]: '12 Apr 1975' not a valid FtM date"):
        export_ftm([bad], io.StringIO())


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "out.ftm.json"
    good = Entity("p1", "Person", {"name": ["Jane Doe"]})
    bad = Entity("x1", "Person", {"birthDate": ["not a date"]})
    with pytest.raises(ExportError):
        write_ftm([good, bad], path)
    assert list(tmp_path.iterdir()) == []


def _other_list(shared_data: Path) -> tuple[str, Path]:
    if importlib.util.find_spec("tamis.sources.ofac_csv"):
        return "tamis.sources.ofac_csv", shared_data / "ofac-sdn-2023-01" / "sdn.csv"
    if importlib.util.find_spec("tamis.sources.un_xml"):
        return "tamis.sources.un_xml", shared_data / "un-sc-2026-02" / "consolidated.xml"
    pytest.skip("neither tamis.sources.ofac_csv nor tamis.sources.un_xml is written yet")


def test_export_of_another_parsers_entities_validates_with_followthemoney(
    shared_data: Path,
) -> None:
    module, path = _other_list(shared_data)
    parser = importlib.import_module(module).PARSER
    entities = list(parser.parse(path).entities)
    lines = exported_lines(entities)
    assert len(lines) == len(entities) > 500
    for line in lines:
        assert_valid_ftm(line)


def test_tamis_ids_are_written_ftm_safe_in_ids_and_references() -> None:
    person = Entity("ofac-sdn:906", "Person", {"name": ["Jane Doe"]}, "ofac-sdn")
    passport = Entity(
        "ofac-sdn:906-id-1", "Passport", {"holder": ["ofac-sdn:906"], "number": ["X1"]}
    )
    lines = [json.loads(line) for line in exported_lines([person, passport])]
    assert [d["id"] for d in lines] == ["ofac-sdn-906", "ofac-sdn-906-id-1"]
    assert lines[1]["properties"]["holder"] == ["ofac-sdn-906"]
