"""`tamis update --from`: every list of the shared data loads, in path order, atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.conftest import run, run_json


def _results(loaded_update: Any) -> list[dict[str, Any]]:
    _, result = loaded_update
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["results"]


def test_update_from_shared_data_loads_every_list(loaded_update: Any) -> None:
    results = _results(loaded_update)
    assert {r["source"] for r in results} >= {"ofac-sdn", "ofac-cons", "un-sc", "bis-dpl"}
    assert all(r["status"] == "loaded" and r["error"] is None for r in results)
    assert all(r["things"] > 0 and r["total"] >= r["things"] for r in results)


def test_snapshots_of_one_list_load_oldest_path_first(loaded_update: Any) -> None:
    sdn = [r for r in _results(loaded_update) if r["source"] == "ofac-sdn"]
    assert [(r["version"], Path(r["path"]).parent.name) for r in sdn] == [
        (1, "ofac-sdn-2021-07"),
        (2, "ofac-sdn-2023-01"),
    ]
    assert sdn[1]["previous"] == 1


def test_file_sets_without_their_primary_are_warnings(loaded_update: Any) -> None:
    _, result = loaded_update
    warnings = json.loads(result.stdout)["warnings"]
    assert any("ofac-sdn-2025-02-aliases" in w for w in warnings)
    assert "warning: skipped" in result.stderr and "error:" not in result.stderr


def test_reloading_the_same_files_is_unchanged(loaded_copy: Path, shared_data: Path) -> None:
    report = run_json("update", "--from", str(shared_data / "un-sc-2026-02"), home=loaded_copy)
    [un] = report["results"]
    assert (un["source"], un["status"], un["version"]) == ("un-sc", "unchanged", 1)


def test_reloading_the_whole_folder_changes_nothing(loaded_copy: Path, shared_data: Path) -> None:
    report = run_json("update", "--from", str(shared_data), home=loaded_copy)
    assert {r["status"] for r in report["results"]} == {"unchanged"}
    sdn = [r["version"] for r in report["results"] if r["source"] == "ofac-sdn"]
    assert sdn == [1, 2]  # the older snapshot is recognised, not stored again
    [summary] = [s for s in run_json("sources", home=loaded_copy) if s["source"] == "ofac-sdn"]
    assert (summary["versions"], summary["active"]["number"]) == (2, 2)


def test_source_option_loads_only_that_list(tmp_path: Path, shared_data: Path) -> None:
    report = run_json("update", "--from", str(shared_data), "--source", "un-sc", home=tmp_path)
    assert [r["source"] for r in report["results"]] == ["un-sc"]


def test_terminal_output_is_a_table_per_source(loaded_copy: Path, shared_data: Path) -> None:
    result = run("update", "--from", str(shared_data / "bis-dpl-2019"), home=loaded_copy)
    assert result.exit_code == 0, result.output
    assert "bis-dpl" in result.stdout and "unchanged" in result.stdout


def test_corrupt_file_fails_in_one_line_and_keeps_the_active_version(
    loaded_copy: Path, shared_data: Path, tmp_path: Path
) -> None:
    data = (shared_data / "un-sc-2026-02" / "consolidated.xml").read_bytes()
    corrupt = tmp_path / "un" / "consolidated.xml"
    corrupt.parent.mkdir()
    corrupt.write_bytes(data[: len(data) // 2])  # a download cut in the middle

    result = run("update", "--from", str(corrupt), home=loaded_copy)

    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("error: ") and str(corrupt) in first
    assert "Traceback" not in result.output
    [un] = [s for s in run_json("sources", home=loaded_copy) if s["source"] == "un-sc"]
    assert (un["active"]["number"], un["versions"]) == (1, 1)


def test_one_bad_list_does_not_stop_the_others(tmp_path: Path, shared_data: Path) -> None:
    bad = tmp_path / "bad" / "consolidated.xml"
    bad.parent.mkdir()
    bad.write_bytes((shared_data / "un-sc-2026-02" / "consolidated.xml").read_bytes()[:20000])
    args = ("update", "--from", str(bad), "--from", str(shared_data / "bis-dpl-2019"))
    result = run(*args, "--json", home=tmp_path / "home")
    assert result.exit_code == 1
    statuses = {r["source"]: r["status"] for r in json.loads(result.stdout)["results"]}
    assert statuses == {"un-sc": "failed", "bis-dpl": "loaded"}


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    result = run("update", "--from", str(tmp_path / "nowhere"), home=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "no such file" in result.stderr


def test_a_folder_without_lists_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("update", "--from", str(tmp_path / "empty"), home=tmp_path)
    assert result.exit_code == 1
    assert "no list file found" in result.stderr
