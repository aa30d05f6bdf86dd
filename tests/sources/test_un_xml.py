"""The UN Security Council consolidated XML parser, read against the real February 2026 list."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity
from tamis.sources import detect, un_xml
from tamis.sources.base import HEAD_BYTES

UN = Path("un-sc-2026-02") / "consolidated.xml"


@pytest.fixture(scope="module")
def un_file(shared_data: Path) -> Path:
    return shared_data / UN


@pytest.fixture(scope="module")
def listed(un_file: Path) -> dict[str, Entity]:
    return {e.id: e for e in un_xml.parse(un_file).entities}


def failure(path: Path) -> SourceError:
    """The one SourceError that parsing and reading every entity of `path` ends in."""
    with pytest.raises(SourceError) as info:
        list(un_xml.parse(path).entities)
    return info.value


# -- the real list --------------------------------------------------------------------------


def test_every_individual_is_a_person_and_every_entity_an_organization(listed) -> None:
    records = Counter(e.schema for e in listed.values() if e.schema != "UnknownLink")
    assert records == {"Person": 730, "Organization": 273}


def test_a_record_citing_another_in_its_comments_is_linked_to_it(listed) -> None:
    # "Muhammad Saeed is the leader of Lashkar-e-Tayyiba (QDe.118)."
    links = {(e.first("subject"), e.first("object")): e for e in listed.values()
             if e.schema == "UnknownLink"}  # fmt: skip
    saeed = links[("un-sc:QDi.263", "un-sc:QDe.118")]
    assert saeed.first("role") == un_xml.LINK_ROLE
    assert ("un-sc:QDe.118", "un-sc:QDi.263") in links  # the group's comments cite him too
    assert ("un-sc:QDi.422", "un-sc:QDe.019") in links  # Azhar, founder of Jaish-i-Mohammed
    # every link joins two records of the file, never a record to itself
    assert all(a in listed and b in listed and a != b for a, b in links)


def test_ids_are_un_sc_reference_numbers(listed) -> None:
    assert all(e.id.startswith("un-sc:") and e.source == "un-sc" for e in listed.values())
    assert all(e.first("programId") == e.id.removeprefix("un-sc:") for e in listed.values()
               if e.schema != "UnknownLink")  # fmt: skip


def test_publisher_date_is_date_generated(un_file: Path) -> None:
    parsed = un_xml.parse(un_file)
    assert parsed.publisher_date == "2026-02-27T00:00:09.554Z"
    assert (parsed.source, parsed.files) == ("un-sc", [un_file])


def test_entities_stream_rather_than_arrive_as_a_list(un_file: Path) -> None:
    entities = un_xml.parse(un_file).entities
    assert isinstance(entities, Iterator)
    assert next(entities).id == "un-sc:CDi.001"


def test_every_entity_validates_against_followthemoney(listed) -> None:
    for entity in listed.values():
        entity.to_proxy()


def test_al_zawahiri_is_pinned_field_by_field(listed) -> None:
    e = listed["un-sc:QDi.006"]
    assert e.schema == "Person"
    assert e.get("name") == ["AIMAN MUHAMMED RABI AL-ZAWAHIRI"]
    assert (e.get("firstName"), e.get("middleName"), e.get("lastName")) == (
        ["AIMAN"], ["MUHAMMED", "RABI"], ["AL-ZAWAHIRI"],
    )  # fmt: skip
    assert e.get("alias") == [
        "أيمن محمد ربيع الظواهري",
        "Ayman Al-Zawahari",
        "Ahmed Fuad Salim",
        "Al Zawahry Aiman Mohamed Rabi Abdel Muaz",
        "Al Zawahiri Ayman",
        "Abdul Qader Abdul Aziz Abdul Moez Al Doctor",
        "Al Zawahry Aiman Mohamed Rabi",
        "Al Zawahry Aiman Mohamed Rabie",
        "Al Zawahry Aiman Mohamed Robi",
        "Dhawahri Ayman",
        "Eddaouahiri Ayman",
        "Nur Al Deen Abu Mohammed",
        "Ayman Al Zawahari",
        "Ahmad Fuad Salim",
    ]
    assert e.get("weakAlias") == ["Abu Fatma", "Abu Mohammed"]
    assert e.get("title") == ["Doctor", "Dr."]
    assert e.get("nationality") == ["eg"]
    assert e.get("birthDate") == ["1951-06-19"]
    assert e.get("birthPlace") == ["Giza, Egypt"]
    assert e.get("birthCountry") == ["eg"]
    assert e.get("passportNumber") == ["1084010", "19820215"]
    assert "Passport 1084010 (issuing country: Egypt)" in e.get("notes")
    assert e.get("program") == ["Al-Qaida"]
    assert e.get("programId") == ["QDi.006"]
    assert e.get("topics") == ["sanction"]
    assert e.get("createdAt") == ["2001-01-25"]
    assert e.get("modifiedAt") == ["2025-03-11"]
    assert any(n.startswith("Leader of Al-Qaida (QDe.004).") for n in e.get("notes"))
    assert not e.has("gender") and not e.has("idNumber")


def test_egyptian_islamic_jihad_is_an_organization_with_its_aliases(listed) -> None:
    e = listed["un-sc:QDe.003"]
    assert e.schema == "Organization"
    assert e.get("name") == ["EGYPTIAN ISLAMIC JIHAD"]
    assert e.get("alias") == [
        "الجهاد الاسلامي المصري",
        "Egyptian Al-Jihad",
        "Jihad Group",
        "New Jihad",
        "Al-Jihad",
        "Egyptian Islamic Movement",
    ]
    assert (e.get("createdAt"), e.get("modifiedAt")) == (["2001-10-06"], ["2022-11-08"])


def test_every_name_in_original_script_is_kept_as_an_alias(un_file: Path, listed) -> None:
    kept = 0
    for record in ET.parse(un_file).getroot().iter():
        script = (record.findtext("NAME_ORIGINAL_SCRIPT") or "").strip()
        if record.tag in ("INDIVIDUAL", "ENTITY") and script:
            ref = record.findtext("REFERENCE_NUMBER").strip()
            assert " ".join(script.split()) in listed[f"un-sc:{ref}"].get("alias")
            kept += 1
    assert kept == 378


def test_an_original_script_given_in_an_alias_note_becomes_an_alias_too(listed) -> None:
    assert "سيف العدل" in listed["un-sc:QDi.001"].get("alias")


def test_an_alias_field_of_several_names_gives_each_name(listed) -> None:
    hts = listed["un-sc:QDe.137"].get("alias")  # the al-Nusrah Front
    assert {"Hay’at Tahrir al-Sham", "HTS", "هيئة تحرير الشام", "Hayat Tahrir al-Sham",
            "Jabhat al-Nusrah", "Assembly for the Liberation of Syria"} <= set(hts)  # fmt: skip
    assert not any("original script" in a or ";" in a for a in hts)


def test_an_entity_name_with_its_acronym_is_the_name_and_the_acronym(listed) -> None:
    names = [e for e in listed.values() if e.get("name") == ["BUTEMBO AIRLINES"]]
    assert len(names) == 1 and "BAL" in names[0].get("alias")


def test_a_country_in_parentheses_stays_in_the_name(listed) -> None:
    names = {n for e in listed.values() for n in e.get("name")}
    assert "AL-HARAMAIN FOUNDATION (PAKISTAN)" in names and "PAKISTAN" not in names


def test_no_name_holds_a_semicolon_or_a_note(listed) -> None:
    every = [n for e in listed.values() for p in ("name", "alias", "weakAlias", "previousName")
             for n in e.get(p)]  # fmt: skip
    assert not [n for n in every if ";" in n or "(birth name)" in n or "original script" in n]


def test_formerly_known_as_is_a_previous_name(listed) -> None:
    assert "Harakat-ul-Ansar" in listed["un-sc:QDe.130"].get("previousName")


def test_approximate_birth_year_is_the_year_with_a_note(listed) -> None:
    e = listed["un-sc:CDi.014"]
    assert "1966" in e.get("birthDate")
    assert "Date of birth: approximately 1966" in e.get("notes")


def test_birth_year_range_gives_every_year_in_it(listed) -> None:
    e = listed["un-sc:KPi.066"]
    assert e.get("birthDate") == ["1967", "1968", "1969"]
    assert "Date of birth: between 1967 and 1969" in e.get("notes")


def test_month_and_year_written_in_a_note_become_a_date(listed) -> None:
    assert listed["un-sc:CDi.004"].get("birthDate") == ["1973-11"]
    assert listed["un-sc:QDi.395"].get("birthDate") == ["1958-09"]


def test_unparsed_birth_date_stays_in_notes(listed) -> None:
    assert "Date of birth: 24/06/1402 (Hijri Calendar)" in listed["un-sc:QDi.291"].get("notes")


def test_nationality_not_available_is_no_nationality(listed) -> None:
    assert not listed["un-sc:SDi.001"].has("nationality")


def test_national_identification_number_is_an_id_number(listed) -> None:
    assert listed["un-sc:SDi.001"].get("idNumber") == ["4302"]


def test_address_and_its_country(listed) -> None:
    e = listed["un-sc:SDi.001"]
    assert e.get("address") == ["El Waha, Omdurman, Sudan"]
    assert e.get("country") == ["sd"]


def test_gender_designation_and_address_note(listed) -> None:
    e = listed["un-sc:CDi.001"]
    assert e.get("gender") == ["male"]
    assert "Address Rwanda: as of early 2016" in e.get("notes")
    position = "Major-General and Commander of the Western Military Region for the Sudanese"
    assert listed["un-sc:SDi.001"].get("position") == [f"{position} Armed Forces (SAF)"]


def test_the_registry_recognises_the_file(un_file: Path) -> None:
    assert un_xml.sniff(un_file, un_file.read_bytes()[:HEAD_BYTES]) == "un-sc"
    assert detect(un_file).source == "un-sc"


# -- bad input: one clear SourceError naming file and line -------------------------------------


def test_empty_file(fixtures: Path) -> None:
    error = failure(fixtures / "un" / "empty.xml")
    assert "empty file" in str(error) and error.line == 1


def test_truncated_fixture_names_its_last_line(fixtures: Path) -> None:
    error = failure(fixtures / "un" / "truncated.xml")
    assert "truncated XML" in error.message and error.line == 9


def test_truncated_real_file_names_the_line_it_stops_on(un_file: Path, tmp_path: Path) -> None:
    cut = un_file.read_bytes()[:1_000_000]
    path = tmp_path / "consolidated.xml"
    path.write_bytes(cut)
    error = failure(path)
    assert isinstance(error, SourceErrors)
    assert "truncated XML" in error.message and error.line == cut.count(b"\n") + 1
    assert str(path) in str(error)


def test_malformed_xml_names_the_line(fixtures: Path) -> None:
    error = failure(fixtures / "un" / "malformed.xml")
    assert error.message == "malformed XML: mismatched tag" and error.line == 9


def test_xml_of_another_kind_is_refused_by_its_root(fixtures: Path) -> None:
    with pytest.raises(SourceError) as info:
        un_xml.parse(fixtures / "un" / "other_kind.xml")
    assert "not a UN consolidated list" in str(info.value) and "export" in str(info.value)


def test_wrong_encoding_names_the_line_and_byte(fixtures: Path) -> None:
    error = failure(fixtures / "un" / "latin1.xml")
    assert "not valid UTF-8" in error.message and "0xc9" in error.message and error.line == 9


def test_record_without_reference_names_line_element_and_field(fixtures: Path) -> None:
    path = fixtures / "un" / "no_reference.xml"
    parsed = un_xml.parse(path)
    seen = []
    with pytest.raises(SourceErrors) as info:
        for entity in parsed.entities:
            seen.append(entity.id)
    assert seen == ["un-sc:XXi.001"]
    error = info.value
    assert (error.line, error.element, error.field) == (10, "INDIVIDUAL", "REFERENCE_NUMBER")


def test_list_without_records_is_an_error(fixtures: Path) -> None:
    assert "no INDIVIDUAL or ENTITY" in failure(fixtures / "un" / "no_records.xml").message


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        un_xml.parse(tmp_path / "nothing.xml")


@pytest.mark.parametrize("cut", [1, 200, 5_000, 47_000, 1_500_000])
def test_real_file_cut_anywhere_raises_only_source_error(
    un_file: Path, tmp_path: Path, cut: int
) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(un_file.read_bytes()[:cut])
    failure(path)
