"""The BIS Denied Persons List parser, read against the real July 2019 `dpl.txt`."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity
from tamis.sources import bis_dpl, detect, parse
from tamis.sources.base import HEAD_BYTES

DPL = Path("bis-dpl-2019") / "dpl.txt"


@pytest.fixture(scope="module")
def dpl_file(shared_data: Path) -> Path:
    return shared_data / DPL


@pytest.fixture(scope="module")
def listed(dpl_file: Path) -> dict[str, Entity]:
    entities = list(bis_dpl.parse(dpl_file).entities)
    assert len({e.id for e in entities}) == len(entities), "ids are not unique"
    return {e.id: e for e in entities}


def rows_of(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t"))


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return path


def ids_of(path: Path) -> set[str]:
    return {e.id for e in bis_dpl.parse(path).entities}


# -- the real list --------------------------------------------------------------------------


def test_the_file_holds_546_rows_not_545(dpl_file: Path) -> None:
    """`wc -l` says 546 because the last row has no newline: header + 546 rows."""
    assert len(rows_of(dpl_file)) - 1 == 546


def test_546_rows_make_416_parties(listed) -> None:
    """90 parties have several rows (same name slug, same first FR notice); their 130 extra
    rows are 123 further addresses, 3 exact duplicate rows (DAQING ZHOU, DAVOUD BANIAMERI,
    NEI-CHIEN CHU) and 4 rows spelling AL NASER AIRLINES as "AL-NASER  AIRLINES"."""
    assert len(listed) == 546 - 130
    several = [e for e in listed.values() if len(e.get("address")) > 1]
    assert len(several) == 90 - 2  # the duplicated DAQING ZHOU and NEI-CHIEN CHU have one
    naser = listed["bis-dpl:al-naser-airlines-80fr30435"]
    assert naser.get("name") == ["AL NASER AIRLINES", "AL-NASER AIRLINES"]
    assert len(naser.get("address")) == 4


def test_every_row_is_in_some_entity(dpl_file: Path, listed) -> None:
    header, *rows = rows_of(dpl_file)
    street, name = header.index("Street_Address"), header.index("Name")
    for row in rows:
        assert any(
            any(a.startswith(" ".join(row[street].split())) for a in e.get("address"))
            and any(n in " ".join(row[name].split()) for n in e.get("name"))
            for e in listed.values()
        ), row


def test_rows_of_one_party_at_several_addresses_are_merged(listed) -> None:
    e = listed["bis-dpl:parto-abgardan-cooling-towers-co-75fr63802"]
    assert e.schema == "Organization"
    assert e.get("name") == ["PARTO ABGARDAN COOLING TOWERS CO."]
    assert len(e.get("address")) == 7 and e.get("country") == ["ir", "us"]


def test_the_same_person_under_two_orders_is_two_entities(listed) -> None:
    ids = sorted(i for i in listed if i.startswith("bis-dpl:i-ash-"))
    assert ids == ["bis-dpl:i-ash-67fr10890", "bis-dpl:i-ash-68fr38290"]


def test_one_record_pinned_field_by_field(listed) -> None:
    e = listed["bis-dpl:aaron-robert-henderson-75fr32740"]
    note = (
        "Denial order effective 2010-05-28, expires 2019-09-18; standard order: yes; "
        "last action: 10 YEAR DENIAL/F.R. NOTICE UPDATED (2010-06-09); "
        "Federal Register: 75 F.R. 32740 6/9/10"
    )
    assert e.schema == "Person" and e.source == "bis-dpl"
    assert e.properties == {
        "name": ["AARON ROBERT HENDERSON"],
        "address": ["740 JESSIE ST., NORTH LIBERTY, IA, 52317, US"],
        "country": ["us"],
        "modifiedAt": ["2010-06-09"],
        "notes": [note],
        "program": ["Denied Persons List"],
        "topics": ["export.control"],
    }


def test_aka_in_a_name_becomes_an_alias(listed) -> None:
    fuyi = listed["bis-dpl:fuyi-sun-a-k-a-frank-sun-83fr29542"]
    pearl = listed["bis-dpl:pearl-a-k-a-nei-chien-chu-li-71fr38363"]
    assert (fuyi.get("name"), fuyi.get("alias")) == (["FUYI SUN"], ["FRANK SUN"])
    assert (pearl.get("name"), pearl.get("alias")) == (["PEARL LI"], ["NEI-CHIEN CHU"])


def test_people_and_organisations_are_told_apart(listed) -> None:
    """No type column: legal forms and business words make organisations, word-like names
    people; three one-word names (IT-WAVE, SHAHI, TECHONWEB) stay LegalEntity."""
    assert Counter(e.schema for e in listed.values()) == {
        "Person": 309, "Organization": 104, "LegalEntity": 3,
    }  # fmt: skip
    by_name = {e.first("name"): e.schema for e in listed.values()}
    assert by_name["MAHAN AIRWAYS"] == by_name["YARRA ANSTALT A.G."] == "Organization"
    assert by_name["MYNET.NET CORP"] == by_name["P&P COMPUTERS"] == "Organization"
    assert by_name["ROBERT J. SHUBERT, SR."] == by_name["CAPTAIN ELYAZGI"] == "Person"
    assert by_name["IT-WAVE"] == "LegalEntity"


def test_publisher_date_is_the_latest_update_not_in_the_future(dpl_file: Path) -> None:
    parsed = bis_dpl.parse(dpl_file)
    assert parsed.publisher_date == "2019-06-12"  # one row says 3017-08-22, a typo
    assert (parsed.source, parsed.files) == ("bis-dpl", [dpl_file])


def test_future_update_date_is_noted_not_used(listed) -> None:
    zadeh = [e for e in listed.values() if "MANSOUR ZADEH" in e.get("name")]
    assert any("(3017-08-22)" in n for e in zadeh for n in e.get("notes"))
    assert all(d < "3000" for e in zadeh for d in e.get("modifiedAt"))


def test_every_entity_validates_against_followthemoney(listed) -> None:
    for entity in listed.values():
        entity.to_proxy()


def test_the_registry_recognises_the_file(dpl_file: Path) -> None:
    assert bis_dpl.sniff(dpl_file, dpl_file.read_bytes()[:HEAD_BYTES]) == "bis-dpl"
    assert detect(dpl_file).source == "bis-dpl"


# -- ids that survive the next edition ------------------------------------------------------


def test_ids_do_not_depend_on_row_order(dpl_file: Path, tmp_path: Path, listed) -> None:
    header, *rows = rows_of(dpl_file)
    assert ids_of(write_rows(tmp_path / "dpl.txt", [header, *reversed(rows)])) == set(listed)


def test_ids_survive_renewal_new_address_and_updates(dpl_file: Path, tmp_path: Path) -> None:
    header, *rows = rows_of(dpl_file)
    col = {name: i for i, name in enumerate(header)}
    renewed = []
    for row in rows:
        row = list(row)
        row[col["Street_Address"]] = "NEW ADDRESS 1"
        row[col["Effective_Date"]] = "01/02/2020"
        row[col["Last_Update"]] = "2020-01-03"
        row[col["Action"]] = "TDO RENEWAL ADDED"
        row[col["FR_Citation"]] = "85 F.R. 99 1/3/2020, " + row[col["FR_Citation"]]
        renewed.append(row)
    before = ids_of(dpl_file)
    assert ids_of(write_rows(tmp_path / "dpl.txt", [header, *renewed])) == before


def test_party_key_folds_case_and_punctuation_and_takes_the_earliest_notice() -> None:
    assert bis_dpl.party_key("AL-NASER  AIRLINES", "84 F.R. 27233 6/12/2019, 80 F.R 30435", "") == (
        bis_dpl.party_key("al naser airlines", "80 F.R. 30435 5/28/15", "06/05/2019")
    )
    assert bis_dpl.party_key("X", "81.F.R. 22576 4/18/2016", "") == "x-81fr22576"
    assert bis_dpl.party_key("X", "NEW F.R. NOTICE TO BE PUBLISHED", "06/05/2019") == "x-d20190605"


# -- bad input --------------------------------------------------------------------------------


def test_empty_file(fixtures: Path) -> None:
    with pytest.raises(SourceError, match="empty file"):
        bis_dpl.parse(fixtures / "bis" / "empty.txt")


def test_header_without_rows(fixtures: Path) -> None:
    with pytest.raises(SourceError, match="no rows after the header"):
        bis_dpl.parse(fixtures / "bis" / "header_only.txt")


def test_missing_column_is_named(fixtures: Path) -> None:
    with pytest.raises(SourceError) as info:
        bis_dpl.parse(fixtures / "bis" / "missing_column.txt")
    assert info.value.message == "missing column(s) in the header: FR_Citation"
    assert info.value.line == 1


def test_missing_column_is_named_through_the_registry_too(fixtures: Path) -> None:
    with pytest.raises(SourceError, match="missing column.*FR_Citation"):
        parse(fixtures / "bis" / "missing_column.txt")


def test_reordered_columns_are_read_by_name(fixtures: Path) -> None:
    [e] = bis_dpl.parse(fixtures / "bis" / "reordered.txt").entities
    assert e.id == "bis-dpl:john-example-83fr1234"
    assert e.get("address") == ["1 MAIN ST, SPRINGFIELD, IL, 62701, US"]


def test_short_row_names_its_line(fixtures: Path) -> None:
    with pytest.raises(SourceErrors) as info:
        bis_dpl.parse(fixtures / "bis" / "short_row.txt")
    assert info.value.line == 3 and "2 fields" in info.value.message


def test_wrong_encoding_names_the_line(fixtures: Path) -> None:
    with pytest.raises(SourceError) as info:
        bis_dpl.parse(fixtures / "bis" / "wrong_encoding.txt")
    assert info.value.line == 3 and "0x81" in info.value.message


def test_utf16_without_byte_order_mark_is_refused(fixtures: Path) -> None:
    with pytest.raises(SourceError, match="binary content"):
        bis_dpl.parse(fixtures / "bis" / "utf16.txt")


@pytest.mark.parametrize("name", ["other_list.txt", "other_header.txt"])
def test_a_file_of_another_list_is_refused(fixtures: Path, name: str) -> None:
    with pytest.raises(SourceError, match="not a BIS Denied Persons List"):
        bis_dpl.parse(fixtures / "bis" / name)


@pytest.mark.parametrize("cut", [1, 100, 151, 5_000, 60_000, 121_000])
def test_real_file_cut_anywhere_raises_only_source_error(
    dpl_file: Path, tmp_path: Path, cut: int
) -> None:
    path = tmp_path / "dpl.txt"
    path.write_bytes(dpl_file.read_bytes()[:cut])
    try:
        list(bis_dpl.parse(path).entities)
    except SourceError:
        pass
