"""The FollowTheMoney JSON-lines parser, read against OpenSanctions-shaped fixtures."""

from __future__ import annotations

import gzip
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity
from tamis.sources import ftm_json
from tamis.sources.base import HEAD_BYTES

REPO = Path(__file__).resolve().parents[2]


def entities_file(fixtures: Path) -> Path:
    return fixtures / "ftm" / "sanctions" / "entities.ftm.json"


def load(path: Path) -> dict[str, Entity]:
    return {e.id: e for e in ftm_json.parse(path).entities}


def write_lines(path: Path, *lines: object) -> Path:
    text = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def person(id: str = "p1", **props: list[str]) -> dict[str, object]:
    return {"id": id, "schema": "Person", "properties": props or {"name": ["Jane Doe"]}}


def errors_of(path: Path) -> list[SourceError]:
    parsed = ftm_json.parse(path)
    with pytest.raises(SourceErrors) as info:
        list(parsed.entities)
    return info.value.errors


# -- recognising the format ---------------------------------------------------------------


def test_sniff_names_the_source_of_an_opensanctions_export(fixtures: Path) -> None:
    path = entities_file(fixtures)
    assert ftm_json.sniff(path, path.read_bytes()[:HEAD_BYTES]) == "sanctions"


def test_sniff_declines_csv_and_json_that_is_not_ftm(tmp_path: Path) -> None:
    csv = tmp_path / "sdn.csv"
    csv.write_text('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n')
    other = write_lines(tmp_path / "other.json", {"name": "x", "value": 1})
    for path in (csv, other):
        assert ftm_json.sniff(path, path.read_bytes()[:HEAD_BYTES]) is None


def test_sniff_reads_a_first_line_longer_than_the_head(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "big.json", person(notes=["x" * 20000]))
    assert ftm_json.sniff(path, path.read_bytes()[:HEAD_BYTES]) == "big"


def test_registry_detects_ftm_files(fixtures: Path) -> None:
    sources = pytest.importorskip("tamis.sources")
    try:
        sources.parsers()
    except ModuleNotFoundError as exc:
        pytest.skip(f"another parser module is not written yet: {exc.name}")
    found = sources.detect(entities_file(fixtures))
    assert (found.parser.format, found.source) == ("ftm-json", "sanctions")


# -- the source name rule -----------------------------------------------------------------


def test_source_is_the_single_dataset_of_the_first_entity(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "entities.ftm.json", person() | {"datasets": ["us_ofac_sdn"]})
    assert ftm_json.parse(path).source == "us_ofac_sdn"


def test_source_falls_back_to_the_folder_for_a_generic_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "peps"
    folder.mkdir()
    path = write_lines(folder / "entities.ftm.json", person() | {"datasets": ["a", "b"]})
    assert ftm_json.parse(path).source == "peps"


def test_source_is_a_specific_file_name_without_its_suffixes(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "my_watchlist.ftm.json", person())
    assert ftm_json.parse(path).source == "my_watchlist"


def test_source_is_ftm_when_nothing_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert ftm_json.parse(write_lines(folder / "entities.json", person())).source == "ftm"


# -- reading entities field by field ------------------------------------------------------


def test_parsed_source_metadata(fixtures: Path) -> None:
    parsed = ftm_json.parse(entities_file(fixtures))
    assert parsed.format == "ftm-json"
    assert parsed.files == [entities_file(fixtures)]
    assert parsed.publisher_date is None


def test_every_line_is_one_entity_with_its_own_id(fixtures: Path) -> None:
    entities = load(entities_file(fixtures))
    assert len(entities) == 11
    assert {e.source for e in entities.values()} == {"sanctions"}
    assert sorted({e.schema for e in entities.values()}) == [
        "Company",
        "Organization",
        "Ownership",
        "Person",
        "Sanction",
        "UnknownLink",
        "Vessel",
    ]


def test_person_fields(fixtures: Path) -> None:
    putin = load(entities_file(fixtures))["Q7747"]
    assert putin.schema == "Person"
    assert putin.get("name") == ["Vladimir Vladimirovich PUTIN"]
    assert putin.get("alias") == ["Владимир Владимирович Путин", "Vladimir Putin"]
    assert putin.get("firstName") == ["Vladimir"]
    assert putin.get("fatherName") == ["Vladimirovich"]
    assert putin.get("lastName") == ["Putin"]
    assert putin.get("birthDate") == ["1952-10-07"]
    assert putin.get("birthPlace") == ["Leningrad (now Saint Petersburg)"]
    assert putin.get("nationality") == ["ru"]
    assert putin.get("gender") == ["male"]
    assert putin.get("position") == ["President of the Russian Federation"]
    assert putin.get("topics") == ["sanction", "role.pep"]


def test_company_fields(fixtures: Path) -> None:
    rosneft = load(entities_file(fixtures))["NK-rosneft-oil-company"]
    assert rosneft.schema == "Company"
    assert rosneft.get("alias") == ["PAO NK Rosneft", "ПАО НК «Роснефть»"]
    assert rosneft.get("jurisdiction") == ["ru"]
    assert rosneft.get("ogrnCode") == ["1027700043502"]
    assert rosneft.get("innCode") == ["7706107510"]
    assert rosneft.get("address") == ["26/1 Sofiyskaya Embankment, Moscow, Russia"]
    assert rosneft.get("website") == ["https://www.rosneft.com/"]


def test_organization_fields(fixtures: Path) -> None:
    irgc = load(entities_file(fixtures))["NK-irgc"]
    assert irgc.schema == "Organization"
    assert irgc.caption == "Islamic Revolutionary Guard Corps"
    assert "Sepah-e Pasdaran-e Enghelab-e Eslami" in irgc.get("alias")
    assert irgc.get("country") == ["ir"]


def test_vessel_fields(fixtures: Path) -> None:
    vessel = load(entities_file(fixtures))["NK-adrian-darya-1"]
    assert vessel.schema == "Vessel"
    assert vessel.get("name") == ["ADRIAN DARYA 1"]
    assert vessel.get("previousName") == ["GRACE 1"]
    assert vessel.get("imoNumber") == ["IMO9116412"]
    assert vessel.get("type") == ["Crude Oil Tanker"]
    assert vessel.get("flag") == ["ir"]


def test_sanction_points_at_its_entity(fixtures: Path) -> None:
    sanction = load(entities_file(fixtures))["ofac-sanction-kim-jong-un"]
    assert sanction.schema == "Sanction"
    assert sanction.get("entity") == ["Q56226"]
    assert sanction.get("authority") == ["Office of Foreign Assets Control"]
    assert sanction.get("program") == ["NKOREA"]
    assert sanction.get("startDate") == ["2016-07-06"]
    assert sanction.get("country") == ["us"]


def test_ownership_links_owner_and_asset(fixtures: Path) -> None:
    ownership = load(entities_file(fixtures))["ru-ownership-rosneftegaz-rosneft"]
    assert ownership.get("owner") == ["NK-rosneftegaz"]
    assert ownership.get("asset") == ["NK-rosneft-oil-company"]
    assert ownership.get("percentage") == ["40.4"]


def test_opensanctions_extras_are_not_properties(fixtures: Path) -> None:
    putin = load(entities_file(fixtures))["Q7747"]
    assert not {"caption", "datasets", "referents", "first_seen", "target"} & set(putin.properties)


def test_values_are_cleaned_by_followthemoney(tmp_path: Path) -> None:
    raw = person(name=["  Jane   Doe "], nationality=["RU"], birthDate=["1975-04-12"])
    path = write_lines(tmp_path / "e.json", raw)
    jane = load(path)["p1"]
    assert (jane.get("name"), jane.get("nationality")) == (["Jane Doe"], ["ru"])


def test_every_entity_validates_with_followthemoney(fixtures: Path) -> None:
    for entity in load(entities_file(fixtures)).values():
        assert entity.to_proxy().schema.name == entity.schema


# -- variants of the format ---------------------------------------------------------------


def test_gzip_file_reads_the_same(fixtures: Path, tmp_path: Path) -> None:
    path = tmp_path / "sanctions" / "entities.ftm.json.gz"
    path.parent.mkdir()
    path.write_bytes(gzip.compress(entities_file(fixtures).read_bytes()))
    assert ftm_json.sniff(path, path.read_bytes()[:HEAD_BYTES]) == "sanctions"
    assert load(path) == load(entities_file(fixtures))


def test_a_line_may_hold_an_array_of_entities(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "e.json", [person("p1"), person("p2")], person("p3"))
    assert sorted(load(path)) == ["p1", "p2", "p3"]


def test_blank_lines_and_a_bom_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_bytes(b"\xef\xbb\xbf\n" + json.dumps(person()).encode() + b"\r\n\n")
    assert list(load(path)) == ["p1"]


def test_nested_entities_become_entities_of_their_own(fixtures: Path) -> None:
    entities = load(fixtures / "ftm" / "nested" / "targets.nested.json")
    assert entities["eu-fsf-sanction-putin"].get("entity") == ["Q7747"]
    assert entities["ru-ownership-rosneftegaz-rosneft"].get("owner") == ["NK-rosneftegaz"]
    assert entities["ru-ownership-rosneftegaz-rosneft"].get("asset") == ["NK-rosneft-oil-company"]


def test_nested_reverse_properties_are_dropped_not_errors(fixtures: Path) -> None:
    putin = load(fixtures / "ftm" / "nested" / "targets.nested.json")["Q7747"]
    assert "sanctions" not in putin.properties


def test_an_entity_nested_in_several_lines_is_read_once(fixtures: Path) -> None:
    parsed = ftm_json.parse(fixtures / "ftm" / "nested" / "targets.nested.json")
    ids = [e.id for e in parsed.entities]
    assert sorted(ids) == sorted(set(ids))
    assert len(ids) == 5


def test_nested_file_matches_the_flat_export(fixtures: Path) -> None:
    nested = load(fixtures / "ftm" / "nested" / "targets.nested.json")
    flat = load(entities_file(fixtures))
    assert all(nested[i] == flat[i] for i in nested)


# -- bad input: one clear error, nothing else escapes -------------------------------------


def test_invalid_json_line_is_named_after_the_good_lines_streamed(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "e.json", person("p1"), person("p2"), '{"id": "p3", ', person())
    parsed = ftm_json.parse(path)
    seen = []
    with pytest.raises(SourceErrors) as info:
        for entity in parsed.entities:
            seen.append(entity.id)
    assert seen == ["p1", "p2", "p1"]
    assert info.value.line == 3 and "invalid JSON" in info.value.message
    assert str(info.value).startswith(f"{path}:3: ")


def test_unknown_schema_is_named_with_its_line(tmp_path: Path) -> None:
    bad = {"id": "x", "schema": "Aircraft", "properties": {}}
    (error,) = errors_of(write_lines(tmp_path / "e.json", person(), bad))
    assert (error.line, error.field) == (2, "schema")
    assert "unknown FtM schema 'Aircraft'" in error.message


def test_missing_id_is_named_with_its_line(tmp_path: Path) -> None:
    (error,) = errors_of(write_lines(tmp_path / "e.json", person(), person(id="")))
    assert (error.line, error.field, error.message) == (2, "id", "entity without an id")


def test_unknown_property_is_an_error_not_silently_dropped(tmp_path: Path) -> None:
    (error,) = errors_of(write_lines(tmp_path / "e.json", person(), person("p2", imoNumber=["1"])))
    assert (error.line, error.field) == (2, "imoNumber")


def test_value_followthemoney_rejects_is_an_error_not_silently_dropped(tmp_path: Path) -> None:
    bad = person("p2", birthDate=["12 Apr 1975"])
    (error,) = errors_of(write_lines(tmp_path / "e.json", person(), bad))
    assert (error.line, error.field) == (2, "birthDate")
    assert "'12 Apr 1975' not a valid FtM date" in error.message


def test_every_bad_line_is_reported_at_once(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "e.json", person(), "nonsense", person(id=""), "[1")
    assert [e.line for e in errors_of(path)] == [2, 3, 4]


def test_not_utf8_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_bytes(json.dumps(person()).encode() + b'\n{"id": "\xe9"}\n')
    (error,) = errors_of(path)
    assert error.line == 2 and "not UTF-8" in error.message


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_file_fails_at_parse(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "e.json"
    path.write_bytes(content)
    with pytest.raises(SourceErrors, match="empty file"):
        ftm_json.parse(path)


def test_binary_file_fails_at_parse_naming_line_1(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(SourceErrors) as info:
        ftm_json.parse(path)
    assert info.value.line == 1 and "not FollowTheMoney JSON" in info.value.message


def test_a_file_of_another_list_fails_at_parse(shared_data: Path) -> None:
    path = shared_data / "bis-dpl-2019" / "dpl.txt"
    with pytest.raises(SourceErrors) as info:
        ftm_json.parse(path)
    assert info.value.line == 1 and "not FollowTheMoney JSON" in info.value.message


def test_json_that_is_not_ftm_fails_at_parse(tmp_path: Path) -> None:
    with pytest.raises(SourceErrors, match="no entity object with id, schema and properties"):
        ftm_json.parse(write_lines(tmp_path / "e.json", {"results": []}))


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceErrors, match="cannot read: No such file"):
        ftm_json.parse(tmp_path / "nope.json")


def test_truncated_gzip_is_a_source_error(fixtures: Path, tmp_path: Path) -> None:
    data = gzip.compress(entities_file(fixtures).read_bytes() * 50)
    path = tmp_path / "entities.ftm.json.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceErrors, match="cannot read on"):
        list(ftm_json.parse(path).entities)


# -- streaming ----------------------------------------------------------------------------


def _gen_ftm():
    spec = importlib.util.spec_from_file_location("gen_ftm", REPO / "bench" / "gen_ftm.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PROBE = """
import resource, sys
from pathlib import Path
from tamis.sources import ftm_json
count = sum(1 for _ in ftm_json.parse(Path(sys.argv[1])).entities)
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _stream_in_fresh_process(path: Path) -> tuple[int, float]:
    """(entities, peak RSS in MB) of a process that only parses `path`."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=True
    )
    count, peak_kb = done.stdout.split()
    return int(count), int(peak_kb) / 1024


@pytest.mark.slow
def test_200k_entities_stream_in_constant_memory(fixtures: Path, tmp_path: Path) -> None:
    """Peak RSS parsing 200k entities is that of parsing 2k: nothing grows with the file.

    Templates are the fixture entities (self-contained); the benchmark uses the real lists.
    """
    gen = _gen_ftm()
    big, small = tmp_path / "big.ftm.json", tmp_path / "small.ftm.json"
    base = list(load(entities_file(fixtures)).values())
    assert gen.write(gen.generate(base, 200_000, seed=3), big) == 200_000
    with open(big, encoding="utf-8") as fh, open(small, "w", encoding="utf-8") as out:
        out.writelines(line for _, line in zip(range(2_000), fh))
    assert big.stat().st_size > 80 * 2**20
    count, peak_big = _stream_in_fresh_process(big)
    _, peak_small = _stream_in_fresh_process(small)
    assert count == 200_000
    assert peak_big - peak_small < 20, f"peak RSS {peak_small:.0f} MB -> {peak_big:.0f} MB"


def test_generator_is_deterministic_given_the_seed(fixtures: Path, tmp_path: Path) -> None:
    gen = _gen_ftm()
    base = list(load(entities_file(fixtures)).values())
    a, b, c = (tmp_path / f"{x}.json" for x in "abc")
    for path, seed in ((a, 5), (b, 5), (c, 6)):
        gen.write(gen.generate(base, 500, seed=seed), path)
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()
    assert len(load(a)) == 500
