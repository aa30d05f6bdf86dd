"""The UK Sanctions List parser (FCDO XML and CSV), read against fixtures in the published shape."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity
from tamis.sources import uk_sl
from tests.conftest import FIXTURES

XML = FIXTURES / "uk" / "UK-Sanctions-List.xml"
CSV = FIXTURES / "uk" / "UK-Sanctions-List_as-csv.csv"
DESIGNATION = ("<Designation><UniqueID>{uid}</UniqueID><Names><Name><Name6>{name}</Name6>"
               "<NameType>Primary Name</NameType></Name></Names>"
               "<IndividualEntityShip>{kind}</IndividualEntityShip></Designation>\n")


def write(tmp_path: Path, text: str | bytes, name: str = "uk.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def read_all(path: Path) -> list[Entity]:
    return list(uk_sl.parse(path).entities)


def designations(*parts: str) -> str:
    return "<?xml version='1.0'?>\n<Designations>\n" + "".join(parts) + "</Designations>\n"


@pytest.fixture(scope="module")
def by_id() -> dict[str, Entity]:
    return {e.id: e for e in uk_sl.parse(XML).entities}


@pytest.fixture(scope="module")
def csv_by_id() -> dict[str, Entity]:
    return {e.id: e for e in uk_sl.parse(CSV).entities}


# ---- recognising the file --------------------------------------------------------------


def test_sniffs_the_xml_and_the_csv() -> None:
    for path in (XML, CSV):
        assert uk_sl.sniff(path, path.read_bytes()[:8192]) == "uk-sl"


def test_does_not_sniff_other_lists(shared_data: Path) -> None:
    for path in (shared_data / "un-sc-2026-02" / "consolidated.xml",
                 FIXTURES / "eu" / "eu_fsf_sample.xml",
                 shared_data / "ofac-sdn-2023-01" / "sdn.csv",
                 shared_data / "bis-dpl-2019" / "dpl.txt"):
        assert uk_sl.sniff(path, path.read_bytes()[:8192]) is None, path


def test_publisher_date_from_the_file_itself() -> None:
    assert uk_sl.parse(XML).publisher_date == "2026-02-27"  # <DateGenerated>27/02/2026
    assert uk_sl.parse(CSV).publisher_date == "2026-02-27"  # Report Date: 27-Feb-2026


@pytest.mark.parametrize("text,expected", [
    ("21/03/1950", "1950-03-21"), ("dd/03/1950", "1950-03"), ("dd/mm/1945", "1945"),
    ("1950-03-21", "1950-03-21"), ("1950", "1950"), ("31/02/1950", None), ("soon", None)])
def test_uk_dates(text: str, expected: str | None) -> None:
    assert uk_sl.uk_date(text) == expected


# ---- individuals, entities, ships, field by field --------------------------------------


def test_ids_schemas_and_source(by_id: dict[str, Entity]) -> None:
    assert {k: e.schema for k, e in by_id.items()} == {
        "uk-sl:AFG0001": "Organization", "uk-sl:AFG0006": "Person", "uk-sl:RUS0204": "Person",
        "uk-sl:RUS1500": "Organization", "uk-sl:DPR0075": "Vessel", "uk-sl:RUS2001": "Vessel"}
    assert all(e.source == "uk-sl" and e.get("topics") == ["sanction"] for e in by_id.values())


def test_person_names_non_latin_script_and_weak_alias(by_id: dict[str, Entity]) -> None:
    akhund = by_id["uk-sl:AFG0006"]
    assert akhund.get("name") == ["MOHAMMAD HASSAN AKHUND"]
    assert (akhund.get("firstName"), akhund.get("middleName"), akhund.get("lastName")) == (
        ["MOHAMMAD"], ["HASSAN"], ["AKHUND"])
    assert akhund.get("alias") == ["محمد حسن آخوند"]
    assert akhund.get("weakAlias") == ["Haji Mohammad Hassan"]  # "Low quality a.k.a"
    assert akhund.get("title") == ["Mullah", "Haji"]


def test_person_partial_birth_dates_birth_place_and_nationality(by_id: dict[str, Entity]) -> None:
    akhund = by_id["uk-sl:AFG0006"]
    assert akhund.get("birthDate") == ["1945", "1946"]  # dd/mm/1945, dd/mm/1946
    assert akhund.get("birthPlace") == ["Kandahar, Afghanistan"]
    assert akhund.get("birthCountry") == ["af"]
    assert akhund.get("nationality") == ["af"]
    assert akhund.get("position") == ["Prime Minister of the Taliban regime"]
    assert akhund.get("gender") == ["male"]


def test_person_regime_dates_and_notes(by_id: dict[str, Entity]) -> None:
    akhund = by_id["uk-sl:AFG0006"]
    assert akhund.get("program") == ["The Afghanistan (Sanctions) (EU Exit) Regulations 2020"]
    assert akhund.get("createdAt") == ["2001-01-25"]
    assert akhund.get("modifiedAt") == ["2025-04-14"]
    assert akhund.get("address") == ["Kabul, Afghanistan"]
    notes = akhund.get("notes")
    assert "UN reference number: TAi.002" in notes
    assert "Sanctions imposed: Asset freeze; Travel Ban" in notes
    assert "Other information: A close associate of Mullah Mohammed Omar (TAi.004)." in notes


def test_person_passport_national_id_and_name_variation(by_id: dict[str, Entity]) -> None:
    lavrov = by_id["uk-sl:RUS0204"]
    assert lavrov.get("name") == ["Sergey Viktorovich LAVROV"]
    assert lavrov.get("alias") == ["Sergei LAVROV", "Сергей Викторович ЛАВРОВ"]
    assert lavrov.get("birthDate") == ["1950-03-21"]
    assert lavrov.get("passportNumber") == ["100200300"]
    assert lavrov.get("idNumber") == ["4500123456"]
    assert "Passport 100200300: Diplomatic passport" in lavrov.get("notes")
    assert ("UK statement of reasons: Minister of Foreign Affairs of the Russian Federation."
            in lavrov.get("notes"))


def test_entity_with_aliases_and_two_addresses(by_id: dict[str, Entity]) -> None:
    exchange = by_id["uk-sl:AFG0001"]
    assert exchange.get("name") == ["HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE"]
    assert exchange.get("alias") == ["Haji Alim Hawala", "Haji Hakim Hawala"]
    assert exchange.get("address") == ["Ansari Market, 2nd Floor, Nimroz Province, Afghanistan",
                                       "Branch Office 14, Dubai, United Arab Emirates"]
    assert exchange.get("country") == ["af", "ae"]


def test_entity_contacts_registration_and_legal_form(by_id: dict[str, Entity]) -> None:
    scf = by_id["uk-sl:RUS1500"]
    assert scf.get("alias") == ["PAO SOVCOMFLOT", "ПАО «Совкомфлот»"]
    assert scf.get("weakAlias") == ["SCF"]
    assert scf.get("phone") == ["+7 495 000 00 10"]
    assert scf.get("email") == ["info@example-scf.invalid", "press@example-scf.invalid"]
    assert scf.get("website") == ["www.example-scf.invalid"]
    assert scf.get("registrationNumber") == ["1027700000010"]
    assert scf.get("legalForm") == ["Public Joint Stock Company"]
    assert "Parent company: Federal Agency for State Property Management" in scf.get("notes")


def test_ship_with_imo_flags_type_and_tonnage(by_id: dict[str, Entity]) -> None:
    petrel = by_id["uk-sl:DPR0075"]
    assert petrel.get("name") == ["PETREL 8"]
    assert petrel.get("alias") == ["JAL VAHINI"]
    assert petrel.get("imoNumber") == ["IMO9562233"]
    assert petrel.get("flag") == ["km"]
    assert petrel.get("pastFlags") == ["in"]
    assert petrel.get("type") == ["Bulk Carrier"]
    assert petrel.get("tonnage") == ["7078"]
    assert petrel.get("buildDate") == ["2011"]
    assert "Current owner/operator: Global United Shipping India" in petrel.get("notes")


def test_bare_imo_number_gets_its_prefix(by_id: dict[str, Entity]) -> None:
    voyager = by_id["uk-sl:RUS2001"]
    assert voyager.get("imoNumber") == ["IMO9187629"]
    assert "Length of ship: 243m" in voyager.get("notes")


def test_every_entity_validates_against_followthemoney(
        by_id: dict[str, Entity], csv_by_id: dict[str, Entity]) -> None:
    for entity in [*by_id.values(), *csv_by_id.values()]:
        proxy = entity.to_proxy()
        assert proxy.get("name") == entity.get("name")


# ---- the CSV ---------------------------------------------------------------------------


def test_csv_rows_of_one_designation_merge_into_one_entity(csv_by_id: dict[str, Entity]) -> None:
    assert list(csv_by_id) == ["uk-sl:AFG0006", "uk-sl:RUS1500", "uk-sl:DPR0075"]
    akhund = csv_by_id["uk-sl:AFG0006"]
    assert akhund.get("name") == ["MOHAMMAD HASSAN AKHUND"]
    assert akhund.get("weakAlias") == ["Haji Mohammad Hassan"]
    assert akhund.get("alias") == ["محمد حسن آخوند"]
    assert akhund.get("birthDate") == ["1945", "1946"]
    assert akhund.get("passportNumber") == ["OR 000123"]
    assert akhund.get("nationality") == ["af"]


def test_csv_ship_matches_the_xml(by_id: dict[str, Entity], csv_by_id: dict[str, Entity]) -> None:
    for prop in ("name", "alias", "imoNumber", "flag", "pastFlags", "type", "tonnage", "buildDate",
                 "createdAt"):
        assert csv_by_id["uk-sl:DPR0075"].get(prop) == by_id["uk-sl:DPR0075"].get(prop), prop


def _rewrite_csv(transform: Callable[[list[list[str]]], list[list[str]]]) -> str:
    """The fixture CSV with its rows (header first) passed through `transform`."""
    lines = CSV.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    rows = list(csv.reader(io.StringIO("".join(lines[1:]))))
    out = io.StringIO()
    out.write(lines[0])
    csv.writer(out, lineterminator="\r\n").writerows(transform(rows))
    return out.getvalue()


def test_csv_reordered_columns_give_the_same_entities(tmp_path: Path,
                                                      csv_by_id: dict[str, Entity]) -> None:
    text = _rewrite_csv(lambda rows: [list(reversed(r)) for r in rows])
    assert {e.id: e for e in read_all(write(tmp_path, text, "uk.csv"))} == csv_by_id


def test_csv_without_a_required_column_is_refused(tmp_path: Path) -> None:
    text = _rewrite_csv(lambda rows: [r[:1] + r[2:] for r in rows])  # drop "Unique ID"
    with pytest.raises(SourceError, match="no column 'Unique ID'") as info:
        uk_sl.parse(write(tmp_path, text, "uk.csv"))
    assert info.value.line == 2


def test_csv_rows_of_one_designation_must_be_consecutive(tmp_path: Path) -> None:
    text = _rewrite_csv(lambda rows: [rows[0], rows[1], rows[4], rows[2], *rows[5:]])
    with pytest.raises(SourceErrors, match="rows of Unique ID AFG0006 are not consecutive"):
        read_all(write(tmp_path, text, "uk.csv"))


def test_csv_short_row_names_the_line(tmp_path: Path) -> None:
    text = _rewrite_csv(lambda rows: [*rows[:3], rows[3][:10], *rows[4:]])
    with pytest.raises(SourceErrors, match="row has 10 cells") as info:
        read_all(write(tmp_path, text, "uk.csv"))
    assert info.value.line == 5


def test_csv_in_cp1252_is_read_as_cp1252(tmp_path: Path) -> None:
    # header and the ship's rows only: the others hold Arabic and Cyrillic script
    text = _rewrite_csv(lambda rows: [rows[0], rows[6], [c.replace("JAL VAHINI", "JAL VAHINÉ")
                                                         for c in rows[7]]])
    path = write(tmp_path, text.encode("cp1252"), "uk.csv")
    assert read_all(path)[-1].get("alias") == ["JAL VAHINÉ"]


def test_csv_wrong_encoding_past_the_head_names_the_line(tmp_path: Path) -> None:
    def extend(rows: list[list[str]]) -> list[list[str]]:
        extra = [[f"X{i:04d}" if c == "DPR0075" else c for c in rows[7]] for i in range(60)]
        return [*rows, *extra]

    data = _rewrite_csv(extend).encode("utf-8")
    assert len(data) > 8192
    lines = data.count(b"\n")
    path = write(tmp_path, data + b"X9999,\xff\r\n", "uk.csv")
    with pytest.raises(SourceError, match="not valid UTF-8") as info:
        read_all(path)
    assert info.value.line == lines + 1


# ---- bad XML ---------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="empty file"):
        uk_sl.parse(write(tmp_path, ""))


def test_truncated_xml_names_the_line(tmp_path: Path) -> None:
    lines = XML.read_text(encoding="utf-8").splitlines(keepends=True)
    with pytest.raises(SourceError, match="truncated XML") as info:
        read_all(write(tmp_path, "".join(lines[:100])))
    assert info.value.line == 101


def test_another_lists_file_is_refused_by_parse(shared_data: Path) -> None:
    un = shared_data / "un-sc-2026-02" / "consolidated.xml"
    with pytest.raises(SourceError, match="root element is <CONSOLIDATED_LIST>, expected <Designations>"):
        uk_sl.parse(un)
    with pytest.raises(SourceError, match="not a UK Sanctions List CSV"):
        uk_sl.parse(shared_data / "ofac-sdn-2023-01" / "sdn.csv")


def test_missing_unique_id_names_the_element(tmp_path: Path) -> None:
    text = designations(DESIGNATION.format(uid="RUS0001", name="A", kind="Entity"),
                        DESIGNATION.format(uid="", name="B", kind="Entity"),
                        DESIGNATION.format(uid="RUS0003", name="C", kind="Ship"))
    parsed = uk_sl.parse(write(tmp_path, text))
    seen = []
    with pytest.raises(SourceErrors) as info:
        for entity in parsed.entities:
            seen.append(entity.id)
    assert seen == ["uk-sl:RUS0001", "uk-sl:RUS0003"]
    assert (info.value.element, info.value.field, info.value.line) == ("Designation", "UniqueID", 4)


def test_unknown_designation_type_names_the_element(tmp_path: Path) -> None:
    text = designations(DESIGNATION.format(uid="RUS0009", name="A", kind="Aircraft"))
    with pytest.raises(SourceErrors, match="unknown designation type 'Aircraft'") as info:
        read_all(write(tmp_path, text))
    assert info.value.element == "IndividualEntityShip"


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    text = designations(DESIGNATION.format(uid="RUS0001", name="José Müller", kind="Individual"))
    with pytest.raises(SourceError, match="not valid UTF-8") as info:
        read_all(write(tmp_path, text.encode("cp1252")))
    assert info.value.line == 3


@pytest.mark.parametrize("fixture", [XML, CSV], ids=["xml", "csv"])
def test_every_truncation_raises_only_source_errors(tmp_path: Path, fixture: Path) -> None:
    data = fixture.read_bytes()
    for cut in range(1, len(data), 61):
        try:
            read_all(write(tmp_path, data[:cut], fixture.name))
        except SourceError:
            pass
