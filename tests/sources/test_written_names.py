"""A name field as the names it holds (`tamis.sources.written_names`): what the UN list
writes in one alias field, read as a person reads it."""

from __future__ import annotations

from tamis.sources.written_names import split_names

NOTES = frozenset({"combat name", "sub-unit name", "ngo"})


def names(text: str) -> list[str]:
    return split_names(text, NOTES, ("branch",), lambda t: t.upper() in {"PAKISTAN", "HONG KONG"})


def test_a_plain_name_is_itself() -> None:
    assert names("Vladimir Putin") == ["Vladimir Putin"]


def test_names_separated_by_semicolons_are_each_a_name() -> None:
    assert names("Qasim Soleimani; Qasem Sulaimani; Kasim Soleimani") == [
        "Qasim Soleimani", "Qasem Sulaimani", "Kasim Soleimani"]  # fmt: skip


def test_enumerated_names_are_each_a_name() -> None:
    assert names("Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet") == [
        "Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet"]  # fmt: skip


def test_an_acronym_in_parentheses_is_a_name_of_its_own() -> None:
    assert names("BUTEMBO AIRLINES (BAL)") == ["BUTEMBO AIRLINES", "BAL"]
    assert names("UGANDA COMMERCIAL IMPEX (UCI) LTD") == ["UGANDA COMMERCIAL IMPEX LTD", "UCI"]


def test_spellings_in_parentheses_nested_notes_dropped() -> None:
    text = ("Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); "
            "Hayat Tahrir al-Sham; Assembly for the Liberation of Syria)")  # fmt: skip
    assert names(text) == ["Hay’at Tahrir al-Sham", "HTS", "هيئة تحرير الشام",
                           "Hayat Tahrir al-Sham", "Assembly for the Liberation of Syria"]  # fmt: skip


def test_another_script_in_parentheses_is_a_name() -> None:
    assert names("Jin Tiesan (金铁三)") == ["Jin Tiesan", "金铁三"]
    assert names("Amir Khazmat (original script: Амир Хазмат)") == ["Amir Khazmat", "Амир Хазмат"]


def test_notes_are_not_names() -> None:
    assert names("Encep Nurjaman (birth name)") == ["Encep Nurjaman"]
    assert names("EL PARA (COMBAT NAME)") == ["EL PARA"]
    assert names("Hilarion Santos, III (third)") == ["Hilarion Santos, III"]
    assert names("SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)") == [
        "SECOND ACADEMY OF NATURAL SCIENCES"]  # fmt: skip
    assert names("TOUS POUR LA PAIX ET LE DEVELOPPEMENT (NGO)") == [
        "TOUS POUR LA PAIX ET LE DEVELOPPEMENT"]  # fmt: skip
    assert names("شبكة أنصار المجاهدين (Ansar al-Mujahideen Network - sub-unit name)") == [
        "شبكة أنصار المجاهدين", "Ansar al-Mujahideen Network"]  # fmt: skip
    assert names("Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport no.0382)") == [
        "Safia Farkash Mohammed Al-Hadad"]  # fmt: skip


def test_a_title_before_the_name_is_dropped() -> None:
    assert names("(Sheikh) Musa Hilal") == ["Musa Hilal"]


def test_a_place_or_qualifier_stays_in_the_name() -> None:
    assert names("AL-HARAMAIN FOUNDATION (PAKISTAN)") == ["AL-HARAMAIN FOUNDATION (PAKISTAN)"]
    assert names("Leader (Hong Kong) International") == ["Leader (Hong Kong) International"]
    assert names("華信船務(香港)有限公司") == ["華信船務(香港)有限公司"]
    assert names("HANIFA OFFICE (BRANCH LOCATED IN ALBU KAMAL, SYRIA)") == [
        "HANIFA OFFICE (BRANCH LOCATED IN ALBU KAMAL, SYRIA)"]  # fmt: skip


def test_one_word_after_a_name_is_another_spelling_of_its_last_word() -> None:
    assert names("Lom-ali Butayev (Butaev)") == ["Lom-ali Butayev", "Lom-ali Butaev"]
    assert names("أبو شيماء (Abu-Shaima)") == ["أبو شيماء", "Abu-Shaima"]


def test_an_unclosed_parenthesis_is_text() -> None:
    assert names("ACME (TRADING") == ["ACME (TRADING"]
