"""The EU Financial Sanctions Files XML parser, read against a fixture in the published shape."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity
from tamis.sources import eu_xml
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "eu" / "eu_fsf_sample.xml"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export">\n'
PERSON = ('<sanctionEntity logicalId="{id}"><subjectType code="person"/>'
          '<nameAlias wholeName="{name}" strong="true"/></sanctionEntity>\n')


def write(tmp_path: Path, text: str | bytes, name: str = "eu.xml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def read_all(path: Path) -> list[Entity]:
    return list(eu_xml.parse(path).entities)


@pytest.fixture(scope="module")
def by_id() -> dict[str, Entity]:
    return {e.id: e for e in eu_xml.parse(SAMPLE).entities}


# ---- recognising the file ------------------------------------------------------------


def test_sniffs_the_export_by_its_root_and_namespace() -> None:
    assert eu_xml.sniff(SAMPLE, SAMPLE.read_bytes()[:8192]) == "eu-fsf"


def test_does_not_sniff_other_lists(shared_data: Path) -> None:
    for path in (shared_data / "un-sc-2026-02" / "consolidated.xml",
                 FIXTURES / "uk" / "UK-Sanctions-List.xml",
                 shared_data / "ofac-sdn-2023-01" / "sdn.csv"):
        assert eu_xml.sniff(path, path.read_bytes()[:8192]) is None, path


def test_publisher_date_and_source() -> None:
    parsed = eu_xml.parse(SAMPLE)
    assert parsed.source == "eu-fsf"
    assert parsed.publisher_date == "2026-02-27T18:02:05.384+01:00"
    assert parsed.files == [SAMPLE]


# ---- a person, field by field ----------------------------------------------------------


def test_ids_are_the_logical_ids(by_id: dict[str, Entity]) -> None:
    assert set(by_id) == {"eu-fsf:139001", "eu-fsf:207", "eu-fsf:56302", "eu-fsf:13100",
                          "eu-fsf:171000"}
    assert all(e.source == "eu-fsf" and e.get("topics") == ["sanction"] for e in by_id.values())


def test_person_keeps_names_in_every_language_and_script(by_id: dict[str, Entity]) -> None:
    lavrov = by_id["eu-fsf:139001"]
    assert lavrov.schema == "Person"
    assert lavrov.get("name") == ["Sergey Viktorovich Lavrov"]
    assert lavrov.get("alias") == ["Сергей Викторович Лавров", "Sergueï Viktorovitch Lavrov",
                                   "Σεργκέι Βίκτοροβιτς Λαβρόφ"]


def test_person_name_parts_gender_and_function(by_id: dict[str, Entity]) -> None:
    lavrov = by_id["eu-fsf:139001"]
    assert lavrov.get("firstName") == ["Sergey", "Сергей"]
    assert lavrov.get("middleName") == ["Viktorovich", "Викторович"]
    assert lavrov.get("lastName") == ["Lavrov", "Лавров"]
    assert lavrov.get("gender") == ["male"]
    assert lavrov.get("position") == ["Minister of Foreign Affairs of the Russian Federation"]


def test_person_birth_date_place_and_citizenship(by_id: dict[str, Entity]) -> None:
    lavrov = by_id["eu-fsf:139001"]
    assert lavrov.get("birthDate") == ["1950-03-21"]
    assert lavrov.get("birthPlace") == ["Moscow, RUSSIAN FEDERATION"]
    assert lavrov.get("birthCountry") == ["ru"]
    assert lavrov.get("nationality") == ["ru"]


def test_person_passport_with_its_details_kept_as_a_note(by_id: dict[str, Entity]) -> None:
    lavrov = by_id["eu-fsf:139001"]
    assert lavrov.get("passportNumber") == ["920000417"]
    assert ("National passport: 920000417 (RUSSIAN FEDERATION); diplomatic; (diplomatic passport)"
            in lavrov.get("notes"))


def test_regulations_give_program_source_url_and_dates(by_id: dict[str, Entity]) -> None:
    lavrov = by_id["eu-fsf:139001"]
    assert lavrov.get("program") == ["UKR"]
    assert lavrov.get("sourceUrl")[0] == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022R0332"
    assert lavrov.get("createdAt") == ["2022-02-25"]
    assert lavrov.get("modifiedAt") == ["2025-03-14"]
    assert "Regulation: 2022/332 (OJ L53), published 2022-02-25" in lavrov.get("notes")


def test_remark_and_reference_numbers_become_notes(by_id: dict[str, Entity]) -> None:
    notes = by_id["eu-fsf:139001"].get("notes")
    assert "Minister of Foreign Affairs since 2004." in notes
    assert "EU reference number: EU.7453.1" in notes
    assert "UN reference number: LYi.001" in by_id["eu-fsf:56302"].get("notes")


# ---- other shapes ----------------------------------------------------------------------


def test_enterprise_with_aliases_in_several_languages_and_a_weak_alias(by_id: dict[str, Entity]) -> None:
    front = by_id["eu-fsf:207"]
    assert front.schema == "Organization"
    assert front.get("name") == ["İslami Büyük Doğu Akıncılar Cephesi"]
    assert front.get("alias") == ["Great Islamic Eastern Warriors Front",
                                  "Фронт на великите ислямски източни воини",
                                  "Front der islamischen Kämpfer des Großen Ostens"]
    assert front.get("weakAlias") == ["IBDA-C"]
    assert front.get("program") == ["TERR"]


def test_enterprise_identifiers_address_and_contacts(by_id: dict[str, Entity]) -> None:
    almaz = by_id["eu-fsf:13100"]
    assert almaz.get("registrationNumber") == ["1027700000001"]
    assert almaz.get("taxNumber") == ["7700000001"]
    assert almaz.get("swiftBic") == ["ALMZRUMM"]
    assert almaz.get("address") == ["41 ul. Vereiskaya, 121471 Moscow, RUSSIAN FEDERATION"]
    assert almaz.get("country") == ["ru"]
    assert almaz.get("phone") == ["+7 495 000 00 01", "+7 495 000 00 02"]
    assert almaz.get("email") == ["info@example-almaz.invalid"]
    assert almaz.get("website") == ["https://example-almaz.invalid"]
    assert "Function: Producer of anti-aircraft weapons" in almaz.get("notes")


def test_year_only_circa_birth_date_titles_and_low_quality_alias(by_id: dict[str, Entity]) -> None:
    aisha = by_id["eu-fsf:56302"]
    assert aisha.get("birthDate") == ["1978"]
    assert "Birth date approximate (circa): 1978" in aisha.get("notes")
    assert aisha.get("title") == ["Ms", "Dr"]
    assert aisha.get("gender") == ["female"]
    assert aisha.get("weakAlias") == ["Aisha al-Qaddafi"]
    assert aisha.get("idNumber") == ["119780423006"]
    assert aisha.get("address") == ["Muscat, OMAN"]
    assert "Believed status/location: Oman." in aisha.get("notes")


def test_name_from_parts_year_month_birth_and_two_citizenships(by_id: dict[str, Entity]) -> None:
    ivan = by_id["eu-fsf:171000"]
    assert ivan.get("name") == ["Ivan Petrenko"]
    assert ivan.get("birthDate") == ["1971-10"]
    assert ivan.get("birthPlace") == ["Donetsk Oblast, UKRAINE"]
    assert ivan.get("nationality") == ["ua", "ru"]
    assert ivan.get("taxNumber") == ["612300000000"]
    assert ivan.get("idNumber") == ["AB1234567"]
    assert "Driving licence: AB1234567 (UKRAINE)" in ivan.get("notes")


def test_every_entity_validates_against_followthemoney(by_id: dict[str, Entity]) -> None:
    for entity in by_id.values():
        proxy = entity.to_proxy()
        assert proxy.get("name") == entity.get("name")


def test_a_utf16_copy_parses_the_same(tmp_path: Path, by_id: dict[str, Entity]) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    copy = write(tmp_path, text.encode("utf-16"))
    assert {e.id: e for e in read_all(copy)} == by_id


# ---- bad input: one clear SourceError, nothing else ------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="empty file"):
        eu_xml.parse(write(tmp_path, "\n  \n"))


def test_truncated_file_names_the_line(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = write(tmp_path, "".join(lines[:40]))
    with pytest.raises(SourceError, match="truncated XML") as info:
        read_all(cut)
    assert info.value.line == 41


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + PERSON.format(id=1, name="A") + "<sanctionEntity logicalId='2'>\n"
                 "<nameAlias wholeName='B'></nameAliasX>\n</sanctionEntity></export>\n")
    with pytest.raises(SourceError, match="malformed XML: mismatched tag") as info:
        read_all(path)
    assert info.value.line == 5


def test_another_lists_file_is_refused_by_parse(shared_data: Path) -> None:
    un = shared_data / "un-sc-2026-02" / "consolidated.xml"
    with pytest.raises(SourceError, match="root element is <CONSOLIDATED_LIST>, expected <export>"):
        eu_xml.parse(un)


def test_export_of_a_foreign_namespace_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '<export xmlns="urn:example:other"><sanctionEntity/></export>')
    with pytest.raises(SourceError, match="not an EU Financial Sanctions Files export"):
        eu_xml.parse(path)


def test_missing_logical_id_names_the_element_and_field(tmp_path: Path) -> None:
    text = HEAD + PERSON.format(id=1, name="A") + PERSON.replace(' logicalId="{id}"', "").format(
        name="B") + PERSON.format(id=3, name="C") + "</export>\n"
    parsed = eu_xml.parse(write(tmp_path, text))
    seen = []
    with pytest.raises(SourceErrors) as info:
        for entity in parsed.entities:
            seen.append(entity.id)
    assert seen == ["eu-fsf:1", "eu-fsf:3"]  # the rest of the file is still read
    error = info.value
    assert (error.element, error.field, error.line) == ("sanctionEntity", "logicalId", 4)
    assert "without logicalId" in str(error)


def test_missing_subject_type_names_the_element(tmp_path: Path) -> None:
    text = HEAD + '<sanctionEntity logicalId="9"><nameAlias wholeName="X"/></sanctionEntity></export>'
    with pytest.raises(SourceErrors) as info:
        read_all(write(tmp_path, text))
    assert info.value.element == "subjectType"
    assert "no subjectType" in str(info.value)


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    text = HEAD + PERSON.format(id=1, name="A") + PERSON.format(id=2, name="José Müller") + "</export>"
    path = write(tmp_path, text.encode("cp1252"))
    with pytest.raises(SourceError, match="not valid UTF-8") as info:
        read_all(path)
    assert info.value.line == 4


def test_binary_garbage(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        read_all(write(tmp_path, bytes(range(256)) * 4))


def test_every_truncation_raises_only_source_errors(tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    for cut in range(1, len(data), 53):
        path = write(tmp_path, data[:cut])
        try:
            read_all(path)
        except SourceError:
            pass


# ---- streaming -------------------------------------------------------------------------

_MEASURE = """
import resource, sys
from pathlib import Path
from tamis.sources import eu_xml
eu_xml.load_table("eu_fsf.yml"); eu_xml.schema_props("Person")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = sum(1 for _ in eu_xml.parse(Path(sys.argv[1])).entities)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(count, before, after)
"""


@pytest.mark.slow
def test_streams_50000_entities_in_bounded_memory(tmp_path: Path) -> None:
    """A 50,000-entity export (about 40 MB) parses while peak RSS grows by a few MB."""
    path = tmp_path / "big.xml"
    record = ('<sanctionEntity euReferenceNumber="EU.{i}.1" logicalId="{i}">'
              '<regulation programme="UKR" numberTitle="2022/332 (OJ L53)" publicationDate="2022-02-25">'
              "<publicationUrl>https://eur-lex.europa.eu/eli/reg/2022/332/oj</publicationUrl>"
              '</regulation><subjectType code="person" classificationCode="P"/>'
              '<nameAlias firstName="Ivan" lastName="Person{i}" wholeName="Ivan Person{i}" '
              'gender="M" nameLanguage="EN" strong="true"/>'
              '<nameAlias wholeName="Иван Персон{i}" nameLanguage="RU" strong="true"/>'
              '<birthdate birthdate="1960-01-01" city="Moscow" countryIso2Code="RU"/>'
              '<citizenship countryIso2Code="RU"/>'
              '<identification number="P{i}" identificationTypeCode="passport"/>'
              "</sanctionEntity>\n")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEAD)
        fh.writelines(record.format(i=i) for i in range(1, 50_001))
        fh.write("</export>\n")
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], check=True,
                         capture_output=True, text=True).stdout.split()
    count, before_kb, after_kb = map(int, out)
    assert count == 50_000
    growth_mb = (after_kb - before_kb) / 1024
    size_mb = path.stat().st_size / 1e6
    print(f"\n{size_mb:.0f} MB file, peak RSS {after_kb / 1024:.1f} MB, grew {growth_mb:.1f} MB")
    assert growth_mb < 20, f"peak RSS grew {growth_mb:.1f} MB on a {size_mb:.0f} MB file"
