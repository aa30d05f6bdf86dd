"""The OFAC legacy CSV parser, pinned on the real SDN and consolidated-list snapshots.

Counts are what the files hold: every line of `sdn.csv` / `cons_prim.csv` is one record
(the 2023-01 copy also ends with an empty re-quoted row after its DOS end-of-file byte,
which is not a record).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import THING_SCHEMATA, Entity
from tamis.sources import discover
from tamis.sources import parse as parse_any
from tamis.sources.base import HEAD_BYTES
from tamis.sources.ofac_csv import PARSER

SNAPSHOTS = {
    "ofac-sdn-2023-01": "sdn.csv",
    "ofac-sdn-2021-07": "sdn.csv",
    "ofac-cons-2025-12": "cons_prim.csv",
}
_CACHE: dict[str, dict[str, Entity]] = {}


def load(shared_data: Path, folder: str) -> dict[str, Entity]:
    """All entities of one snapshot by id (parsed once per test session)."""
    if folder not in _CACHE:
        parsed = PARSER.parse(shared_data / folder / SNAPSHOTS[folder])
        _CACHE[folder] = {e.id: e for e in parsed.entities}
    return _CACHE[folder]


def head(path: Path) -> bytes:
    return path.read_bytes()[:HEAD_BYTES]


# --- recognising the files


def test_sniff_tells_sdn_from_consolidated_by_file_name(shared_data: Path) -> None:
    sdn = shared_data / "ofac-sdn-2023-01" / "sdn.csv"
    cons = shared_data / "ofac-cons-2025-12" / "cons_prim.csv"
    assert PARSER.sniff(sdn, head(sdn)) == "ofac-sdn"
    assert PARSER.sniff(cons, head(cons)) == "ofac-cons"


def test_sniff_ignores_side_files_and_other_formats(shared_data: Path) -> None:
    for path in (
        shared_data / "ofac-sdn-2021-07" / "alt.csv",
        shared_data / "ofac-sdn-2021-07" / "add.csv",
        shared_data / "un-sc-2026-02" / "consolidated.xml",
        shared_data / "bis-dpl-2019" / "dpl.txt",
    ):
        assert PARSER.sniff(path, head(path)) is None, path


def test_companion_recognises_the_side_files(shared_data: Path) -> None:
    for folder, name in [
        ("ofac-sdn-2021-07", "alt.csv"),
        ("ofac-sdn-2021-07", "add.csv"),
        ("ofac-sdn-2021-07", "sdn_comments.csv"),
        ("ofac-cons-2025-12", "cons_alt.csv"),
        ("ofac-cons-2025-12", "cons_comments.csv"),
    ]:
        path = shared_data / folder / name
        assert PARSER.companion(path, head(path)), path
    primary = shared_data / "ofac-sdn-2021-07" / "sdn.csv"
    assert not PARSER.companion(primary, head(primary))


def test_a_folder_of_only_side_files_is_skipped_by_the_registry(shared_data: Path) -> None:
    found, skipped = discover(shared_data / "ofac-sdn-2025-02-aliases")
    assert found == []
    assert len(skipped) == 1 and "only side files" in skipped[0]


def test_the_registry_loads_a_folder_through_its_primary_file(shared_data: Path) -> None:
    parsed = parse_any(shared_data / "ofac-sdn-2021-07")
    assert parsed.source == "ofac-sdn" and parsed.path.name == "sdn.csv"


def test_parse_reports_the_side_files_it_read(shared_data: Path) -> None:
    parsed = PARSER.parse(shared_data / "ofac-sdn-2021-07" / "sdn.csv")
    assert parsed.source == "ofac-sdn" and parsed.format == "ofac-csv"
    assert parsed.publisher_date is None
    assert sorted(p.name for p in parsed.files) == [
        "add.csv", "alt.csv", "sdn.csv", "sdn_comments.csv"
    ]
    cons = PARSER.parse(shared_data / "ofac-cons-2025-12" / "cons_prim.csv")
    assert cons.source == "ofac-cons" and len(cons.files) == 4


# --- whole files


@pytest.mark.parametrize(
    "folder,count", [("ofac-sdn-2023-01", 11443), ("ofac-sdn-2021-07", 8976),
                     ("ofac-cons-2025-12", 442)]
)
def test_one_thing_per_record(shared_data: Path, folder: str, count: int) -> None:
    entities = load(shared_data, folder).values()
    assert sum(1 for e in entities if e.is_thing) == count


@pytest.mark.parametrize("folder", list(SNAPSHOTS))
def test_every_entity_is_valid_followthemoney(shared_data: Path, folder: str) -> None:
    for entity in load(shared_data, folder).values():
        entity.to_proxy()


@pytest.mark.parametrize("folder", list(SNAPSHOTS))
def test_followthemoney_keeps_every_value_but_entity_references(
    shared_data: Path, folder: str
) -> None:
    """FtM's entity-id pattern has no ':' so it drops `ofac-sdn:123` as a reference value:
    a project-wide id convention matter, not a parsing one. Everything else must survive."""
    from tamis.model.export import lost_values

    for entity in load(shared_data, folder).values():
        lost = lost_values(entity.to_proxy(), entity.properties)
        assert all(":" in value for _, value, _ in lost), (entity.id, lost)


def test_schemata_of_the_2023_sdn_list(shared_data: Path) -> None:
    schemata = Counter(e.schema for e in load(shared_data, "ofac-sdn-2023-01").values())
    assert schemata["Person"] == 5890
    assert schemata["Vessel"] == 685
    assert schemata["Airplane"] == 293
    assert schemata["Organization"] + schemata["Company"] == 4575
    assert schemata["Company"] > 2000
    assert set(schemata) - THING_SCHEMATA <= {
        "UnknownLink", "Identification", "Passport", "CryptoWallet"
    }


# --- real records, field by field


def test_dmitriev(shared_data: Path) -> None:
    person = load(shared_data, "ofac-sdn-2023-01")["ofac-sdn:34336"]
    assert person.schema == "Person"
    assert person.get("name") == ["DMITRIEV, Kirill Aleksandrovich"]
    assert person.get("lastName") == ["DMITRIEV"]
    assert person.get("firstName") == ["Kirill Aleksandrovich"]
    assert person.get("birthDate") == ["1975-04-12"]
    assert person.get("birthPlace") == ["Kyiv, Ukraine"]
    assert person.get("nationality") == ["ru"]
    assert person.get("gender") == ["male"]
    assert person.get("taxNumber") == ["773013083324"]
    assert person.get("program") == ["RUSSIA-EO14024"]
    assert person.get("topics") == ["sanction"]
    assert person.get("address") == ["Moscow, Russia"]
    assert person.get("country") == ["ru"]
    assert not person.has("notes")


def test_dmitriev_tax_number_keeps_its_issuing_country(shared_data: Path) -> None:
    ids = [e for e in load(shared_data, "ofac-sdn-2023-01").values()
           if e.schema == "Identification" and e.get("holder") == ["ofac-sdn:34336"]]
    assert len(ids) == 1
    assert ids[0].get("number") == ["773013083324"]
    assert ids[0].get("country") == ["ru"]
    assert ids[0].get("type") == ["Tax ID No."]
    assert ids[0].get("summary") == ["Tax ID No. 773013083324 (Russia)"]


def test_russian_direct_investment_fund(shared_data: Path) -> None:
    fund = load(shared_data, "ofac-sdn-2023-01")["ofac-sdn:34036"]
    assert fund.schema == "Organization"  # no legal form in the name
    assert fund.get("name") == ["RUSSIAN DIRECT INVESTMENT FUND"]
    assert fund.get("alias") == ["RDIF"]
    assert fund.get("website") == ["www.rdif.ru", "www.investinrussia.com"]
    assert fund.get("incorporationDate") == ["2011-06-01"]
    assert fund.get("country") == ["ru"]


def test_putin(shared_data: Path) -> None:
    putin = load(shared_data, "ofac-sdn-2023-01")["ofac-sdn:35096"]
    assert putin.get("name") == ["PUTIN, Vladimir Vladimirovich"]
    assert putin.get("position") == ["President of the Russian Federation"]
    assert putin.get("birthDate") == ["1952-10-07"]
    assert putin.get("birthPlace") == ["Leningrad, Russia"]
    assert putin.get("citizenship") == ["ru"]
    assert len(putin.get("address")) == 4
    assert not putin.has("notes")  # the title repeated in the remarks is not a note


def test_peskov(shared_data: Path) -> None:
    peskov = load(shared_data, "ofac-sdn-2023-01")["ofac-sdn:35320"]
    assert peskov.get("name") == ["PESKOV, Dmitriy Sergeevich"]
    assert peskov.get("birthDate") == ["1967-10-17"]
    assert peskov.get("birthPlace") == ["Moscow, Russia"]
    assert peskov.get("gender") == ["male"]


def test_vessel_columns_and_imo_number(shared_data: Path) -> None:
    tug = load(shared_data, "ofac-sdn-2023-01")["ofac-sdn:4249"]
    assert tug.schema == "Vessel"
    assert tug.get("name") == ["TIFON"]
    assert tug.get("imoNumber") == ["IMO7206512"]
    assert tug.get("callSign") == ["CL2059"]
    assert tug.get("type") == ["Tug"]
    assert tug.get("grossRegisteredTonnage") == ["189"]
    assert tug.get("flag") == ["cu"]


def test_vessel_previous_names_and_tonnage(shared_data: Path) -> None:
    ship = load(shared_data, "ofac-sdn-2023-01")["ofac-sdn:4243"]
    assert ship.get("previousName") == ["ANA I", "SAND SWAN"]
    assert ship.get("tonnage") == ["2595"]
    assert ship.get("flag") == ["pa"]


def test_vessel_owner_resolves_to_the_listed_owner(shared_data: Path) -> None:
    entities = load(shared_data, "ofac-sdn-2023-01")
    yacht = entities["ofac-sdn:27200"]
    assert yacht.get("owner") == ["ofac-sdn:27194"]
    assert entities["ofac-sdn:27194"].is_thing
    assert yacht.get("mmsi") == ["375311000"]


def test_aircraft(shared_data: Path) -> None:
    plane = load(shared_data, "ofac-sdn-2023-01")["ofac-sdn:15436"]
    assert plane.schema == "Airplane"
    assert plane.get("serialNumber") == ["838"]
    assert plane.get("buildDate") == ["2002-08-28"]
    assert plane.get("model") == ["A300B4-622R"]
    assert plane.get("operator") == ["ofac-sdn:12927"]


def test_alias_from_alt_csv_and_addresses_from_add_csv(shared_data: Path) -> None:
    bank = load(shared_data, "ofac-sdn-2021-07")["ofac-sdn:306"]
    assert bank.get("alias") == ["NATIONAL BANK OF CUBA", "BNC"]  # alt.csv, then remarks
    assert bank.get("address")[0] == "Zweierstrasse 35, Zurich CH-8022, Switzerland"
    assert bank.get("country") == ["ch", "es", "jp", "pa"]


def test_previous_names_from_alt_csv(shared_data: Path) -> None:
    fkas = [e for e in load(shared_data, "ofac-sdn-2021-07").values() if e.has("previousName")]
    assert len(fkas) > 100


def test_linked_to_in_the_comments_overflow_becomes_relations(shared_data: Path) -> None:
    entities = load(shared_data, "ofac-sdn-2021-07")
    links = {e.first("object") for e in entities.values()
             if e.schema == "UnknownLink" and e.get("subject") == ["ofac-sdn:12300"]}
    assert "ofac-sdn:12397" in links  # RED MUNDIAL INMOBILIARIA: only in sdn_comments.csv
    assert "ofac-sdn:12396" in links  # PROMO RAIZ S.A.S.: split "PROMO RAI" + "Z S.A.S."
    link = entities["ofac-sdn:12300-linked-12397"]
    assert link.get("role") == ["Linked To"]
    assert link.get("subject") == ["ofac-sdn:12300"]
    assert link.get("object") == ["ofac-sdn:12397"]
    assert not any("Linked To" in n for n in entities["ofac-sdn:12300"].get("notes"))


def test_passport_with_issuing_country(shared_data: Path) -> None:
    passports = [e for e in load(shared_data, "ofac-sdn-2021-07").values()
                 if e.schema == "Passport" and e.get("holder") == ["ofac-sdn:12300"]]
    assert [(p.first("number"), p.first("country")) for p in passports] == [("AL720622", "co")]
    holder = load(shared_data, "ofac-sdn-2021-07")["ofac-sdn:12300"]
    assert "AL720622" in holder.get("passportNumber")


def test_consolidated_list_ids_and_links_stay_in_their_list(shared_data: Path) -> None:
    entities = load(shared_data, "ofac-cons-2025-12")
    assert all(e.id.startswith("ofac-cons:") and e.source == "ofac-cons" for e in entities.values())
    haniya = entities["ofac-cons:9639"]
    assert haniya.get("birthDate") == ["1962"]
    assert haniya.get("birthPlace") == ["Shati"]
    assert haniya.get("alias") == ["HANIYA, Ismail", "HANIYYA, Ismaeel"]
    for link in (e for e in entities.values() if e.schema == "UnknownLink"):
        assert link.first("object") in entities


# --- bad input: one clear SourceError naming file and line, nothing else escapes


@pytest.mark.parametrize(
    "case,line,words",
    [
        ("empty", 1, "empty file"),
        ("truncated", 2, "7 columns, expected 12"),
        ("bad-ent-num", 2, "not an integer"),
        ("undecodable", 2, "undecodable byte 0x81"),
        ("un-xml", 1, "XML, not an OFAC CSV file"),
    ],
)
def test_bad_input_is_a_source_error(fixtures: Path, case: str, line: int, words: str) -> None:
    path = fixtures / "ofac" / case / "sdn.csv"
    with pytest.raises(SourceErrors) as caught:
        PARSER.parse(path)
    assert caught.value.path == path
    assert caught.value.line == line
    assert words in str(caught.value)


def test_a_damaged_line_is_reported_as_such_through_the_registry(fixtures: Path) -> None:
    with pytest.raises(SourceErrors, match="7 columns, expected 12"):
        parse_any(fixtures / "ofac" / "truncated" / "sdn.csv")


def test_a_side_file_given_as_the_primary_is_named(shared_data: Path) -> None:
    with pytest.raises(SourceError, match="looks like an OFAC alt.csv side file"):
        PARSER.parse(shared_data / "ofac-sdn-2025-02-aliases" / "alt.csv")


ROW = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1962."\r\n'


def test_columns_out_of_order_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_text('36,"AEROCARIBBEAN AIRLINES","CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    with pytest.raises(SourceErrors, match="unknown SDN_Type 'CUBA'") as caught:
        PARSER.parse(path)
    assert caught.value.field == "SDN_Type"


def test_a_bad_side_file_is_reported_under_its_own_name(tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_text(ROW)
    (tmp_path / "alt.csv").write_text('36,12,"aka"\r\n36,13,"aka","AERO-CARIBBEAN",-0- \r\n')
    with pytest.raises(SourceErrors) as caught:
        PARSER.parse(tmp_path / "sdn.csv")
    assert caught.value.errors[0].path == tmp_path / "alt.csv"
    assert caught.value.errors[0].line == 1


def test_cp1252_bom_and_dos_end_of_file_are_read(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(ROW.replace("AIRLINES", "A\xc9RO").encode("cp1252") + b"\x1a")
    [entity] = list(PARSER.parse(path).entities)
    assert entity.get("name") == ["AEROCARIBBEAN A\xc9RO"]
    path.write_bytes(b"\xef\xbb\xbf" + ROW.encode("utf-8") + b'\x1a,"","",""\r\n\x1a')
    assert PARSER.sniff(path, head(path)) == "ofac-sdn"
    [entity] = list(PARSER.parse(path).entities)
    assert entity.id == "ofac-sdn:36"
    assert entity.schema == "Organization"


def test_missing_side_files_are_optional(tmp_path: Path) -> None:
    (tmp_path / "cons_prim.csv").write_text(ROW)
    parsed = PARSER.parse(tmp_path / "cons_prim.csv")
    assert parsed.source == "ofac-cons" and parsed.files == [tmp_path / "cons_prim.csv"]
    assert [e.id for e in parsed.entities] == ["ofac-cons:36"]


def test_alias_kinds_of_alt_csv(tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_text(ROW)
    (tmp_path / "alt.csv").write_text(
        '36,12,"aka","AERO-CARIBBEAN",-0- \r\n'
        '36,13,"fka","CUBANA CARGO",-0- \r\n'
        '36,14,"nka","AEROCARIBE",-0- \r\n'
        '36,15,"aka","ACA","low quality a.k.a."\r\n'
    )
    [entity] = list(PARSER.parse(tmp_path / "sdn.csv").entities)
    assert entity.get("alias") == ["AERO-CARIBBEAN", "AEROCARIBE"]
    assert entity.get("previousName") == ["CUBANA CARGO"]
    assert entity.get("weakAlias") == ["ACA"]
