"""A user's labelled CSV: read what is right, and say exactly where what is wrong."""

from __future__ import annotations

import pytest

from tamis.errors import SourceError, SourceErrors
from tamis.evaluate import detect_script, read_labelled


def test_reads_queries_expected_ids_and_facts(write):
    path = write(
        "query,expected_id,schema,birth_date,country\n"
        "Vladimir Putin,ofac-sdn:35096,Person,1952,ru\n"
        "Joan Smith,,Person,,\n"
    )
    putin, smith = read_labelled(path)
    assert putin.query == "Vladimir Putin"
    assert putin.expected == ("ofac-sdn:35096",)
    assert putin.to_query() == {"name": "Vladimir Putin", "schema": "Person",
                                "birth_date": "1952", "country": "ru"}
    assert putin.line == 2
    assert not smith.is_positive and smith.to_query() == {"name": "Joan Smith", "schema": "Person"}


def test_dev_set_column_names_and_unknown_columns_are_accepted(write):
    path = write("query_name,expected_id,kind,holdout_alias\nBNC,ofac-sdn:306,ofac-aka,BNC\n")
    (row,) = read_labelled(path)
    assert row.query == "BNC" and row.kind == "ofac-aka"


def test_several_expected_ids_are_separated_by_semicolon_or_bar(write):
    path = write("query,expected\nSaddam Hussein,un-sc:IQi.001; ofac-sdn:7210|eu-fsf:13\n")
    (row,) = read_labelled(path)
    assert row.expected == ("un-sc:IQi.001", "ofac-sdn:7210", "eu-fsf:13")


def test_semicolon_separated_file_from_a_spreadsheet(write):
    path = write("query;expected_id;country\nPeskov, Dmitry;ofac-sdn:35105;ru\n")
    (row,) = read_labelled(path)
    assert row.query == "Peskov, Dmitry" and row.country == "ru"


def test_cp1252_file_is_decoded(write):
    path = write("query,expected_id\nJosé Muñoz,\n".encode("cp1252"))
    assert read_labelled(path)[0].query == "José Muñoz"


def test_blank_lines_are_skipped_and_lines_counted(write):
    path = write("query,expected_id\n\nA B,\n\nC D,\n")
    assert [r.line for r in read_labelled(path)] == [3, 5]


def test_missing_required_column_names_file_line_and_column(write):
    path = write("query,schema\nVladimir Putin,Person\n")
    with pytest.raises(SourceError) as err:
        read_labelled(path)
    assert str(err.value) == (
        f"{path}:1 [expected_id]: missing required column 'expected_id' or 'expected' or "
        "'expected_ids'"
    )


def test_bad_birth_date_names_line_and_column(write):
    path = write("query,expected_id,birth_date\nA B,,1952\nC D,,12/04/1975\n")
    with pytest.raises(SourceError) as err:
        read_labelled(path)
    assert str(err.value).startswith(f"{path}:3 [birth_date]: birth date '12/04/1975'")


def test_unknown_schema_is_an_error(write):
    path = write("query,expected_id,schema\nAcme,,Firm\n")
    with pytest.raises(SourceError, match=r":2 \[schema\]: unknown schema 'Firm'"):
        read_labelled(path)


def test_every_problem_is_reported_at_once(write):
    path = write("query,expected_id,birth_date\n,x:1,\nA,,1999-13\nB,,\nC,,,extra\n")
    with pytest.raises(SourceErrors) as err:
        read_labelled(path)
    lines = [e.line for e in err.value.errors]
    assert lines == [2, 3, 5]
    assert "and 2 more problems" in str(err.value)


def test_empty_file_and_header_only_file_are_clear_errors(write):
    with pytest.raises(SourceError, match="empty file"):
        read_labelled(write(""))
    with pytest.raises(SourceError, match="no labelled rows"):
        read_labelled(write("query,expected_id\n"))


def test_missing_file_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="cannot read"):
        read_labelled(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    "name, script",
    [
        ("Vladimir Putin", "Latin"),
        ("Владимир Путин", "Cyrillic"),
        ("فلاديمير بوتين", "Arabic"),
        ("金正恩", "Han"),
        ("김정은", "Hangul"),
        ("Βλαντιμίρ Πούτιν", "Greek"),
        ("12345", "Unknown"),
    ],
)
def test_script_is_detected_from_the_letters(name, script):
    assert detect_script(name) == script


def test_rows_are_grouped_by_list_prefix_schema_and_script(write):
    path = write("query,expected_id,schema\nПутин,ofac-sdn:35096,Person\nJohn Smith,,\n")
    putin, smith = read_labelled(path)
    assert putin.group("list") == "ofac-sdn" and putin.group("script") == "Cyrillic"
    assert smith.group("list") == "(not listed)" and smith.group("schema") == "(none)"
