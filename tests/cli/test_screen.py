"""`tamis screen`, `compare`, `explain` and `evaluate` on a store loaded from the real lists."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run, run_json

PUTIN = "ofac-sdn:35096"


def test_screen_shows_a_ranked_table(loaded_home: Path) -> None:
    result = run("screen", "Vladimir Poutine", "--birth-date", "1952", "--country", "ru",
                 home=loaded_home)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert PUTIN in result.stdout and "MATCH" in result.stdout


def test_screen_json_is_a_list_of_explained_matches(loaded_home: Path) -> None:
    data = run_json("screen", "Владимир Путин", "--schema", "Person", "--top", "3",
                    home=loaded_home)  # fmt: skip
    assert data[0]["id"] == PUTIN and data[0]["match"] is True
    assert len(data) <= 3
    assert {"score", "caption", "explanation"} <= set(data[0])
    assert data[0]["explanation"]["name"]["parts"]


def test_screen_threshold_sets_the_match_flag(loaded_home: Path) -> None:
    data = run_json("screen", "V. Putin", "--threshold", "0.99", home=loaded_home)
    assert data[0]["id"] == PUTIN and data[0]["match"] is False


def test_screen_on_an_empty_store_says_to_run_update(tmp_path: Path) -> None:
    result = run("screen", "Vladimir Putin", home=tmp_path)
    assert result.exit_code == 1
    assert "no lists loaded: run tamis update" in result.stderr


def test_screen_rejects_a_bad_query(loaded_home: Path) -> None:
    result = run("screen", "Vladimir Putin", "--country", "Atlantis", home=loaded_home)
    assert result.exit_code == 1 and "Atlantis" in result.stderr


def test_compare_two_names(tmp_path: Path) -> None:
    result = run("compare", "Vladimir Putin", "PUTIN, Vladimir Vladimirovich", home=tmp_path)
    assert result.exit_code == 0, result.output
    assert "MATCH" in result.stdout and "vladimirovich" in result.stdout


def test_compare_json(tmp_path: Path) -> None:
    data = run_json("compare", "John Smith", "SMITH, Joan", home=tmp_path)
    assert data["match"] is False and 0.0 <= data["score"] <= 1.0


def test_compare_with_a_listed_id(loaded_home: Path) -> None:
    data = run_json("compare", "Dmitry Peskov", "ofac-sdn:35320", home=loaded_home)
    assert data["id"] == "ofac-sdn:35320" and data["match"] is True


def test_explain_goes_part_by_part(loaded_home: Path) -> None:
    result = run("explain", PUTIN, "V. Putin", "--birth-date", "1952", home=loaded_home)
    assert result.exit_code == 0, result.output
    assert "initial" in result.stdout and "birth_date" in result.stdout


def test_explain_json(loaded_home: Path) -> None:
    data = run_json("explain", PUTIN, "Vladimir Putin", home=loaded_home)
    assert data["id"] == PUTIN
    assert [p["kind"] for p in data["explanation"]["name"]["parts"]].count("exact") == 2


def test_explain_an_unknown_entity_is_a_clear_error(loaded_home: Path) -> None:
    result = run("explain", "ofac-sdn:0", "Vladimir Putin", home=loaded_home)
    assert result.exit_code == 1 and "ofac-sdn:0" in result.stderr


def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.csv"
    path.write_text(
        "query,expected_id,schema,country\n"
        "Vladimir Putin,ofac-sdn:35096,Person,ru\n"
        "Dmitry Peskov,ofac-sdn:35320,Person,\n"
        "Jane Austen,,Person,gb\n",
        encoding="utf-8",
    )
    return path


def test_evaluate_reports_recall_and_false_alerts(loaded_home: Path, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    result = run("evaluate", str(labelled(tmp_path)), "--html", str(html), home=loaded_home)
    assert result.exit_code == 0, result.output
    assert "recall" in result.stdout and html.exists()


def test_evaluate_json(loaded_home: Path, tmp_path: Path) -> None:
    data = run_json("evaluate", str(labelled(tmp_path)), "--thresholds", "0.6,0.7,0.8",
                    home=loaded_home)  # fmt: skip
    assert data["queries"] == 3 and data["recall_at_1"] == 1.0
    assert [t["threshold"] for t in data["thresholds"]] == [0.6, 0.7, 0.8]
    json.dumps(data)


def test_evaluate_a_missing_file_is_a_clear_error(loaded_home: Path, tmp_path: Path) -> None:
    result = run("evaluate", str(tmp_path / "nope.csv"), home=loaded_home)
    assert result.exit_code == 1 and "nope.csv" in result.stderr
