"""`tamis diff`: what changed in OFAC SDN between July 2021 and January 2023."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import run, run_json


@pytest.fixture(scope="module")
def diff_1_2(loaded_home: Path) -> Any:
    """`tamis diff ofac-sdn 1 2 --json`, run once for the tests that read it."""
    return run_json("diff", "ofac-sdn", "1", "2", home=loaded_home)


def test_diff_json_counts_every_kind_of_change(diff_1_2: Any) -> None:
    report = diff_1_2
    summary = report["summary"]
    assert summary["added"] > 0 and summary["removed"] > 0 and summary["changed"] > 0
    assert len(report["added"]) == summary["added"]  # --json holds every row
    assert (report["old"]["number"], report["new"]["number"]) == (1, 2)


def test_diff_json_shows_a_changed_entity_field_by_field(diff_1_2: Any) -> None:
    change = diff_1_2["changed"][0]
    assert change["id"].startswith("ofac-sdn:") and change["caption"]
    values = next(iter(change["fields"].values()))
    assert set(values) == {"removed", "added"} and (values["removed"] or values["added"])


def test_default_is_previous_against_active(loaded_home: Path, diff_1_2: Any) -> None:
    assert run_json("diff", "ofac-sdn", home=loaded_home)["summary"] == diff_1_2["summary"]


def test_terminal_diff_is_limited_per_section(loaded_home: Path) -> None:
    result = run("diff", "ofac-sdn", "1", "2", "--limit", "2", home=loaded_home)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ofac-sdn: v1 -> v2") and "added" in lines[0]
    assert sum("more (--limit N, or --json)" in line for line in lines) == 3
    assert any(": - " in line or ": + " in line for line in lines)  # changes field by field


def test_unknown_version_is_a_one_line_error(loaded_home: Path) -> None:
    result = run("diff", "ofac-sdn", "1", "9", home=loaded_home)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
