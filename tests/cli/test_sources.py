"""`tamis sources`: the active version of every list, with counts that match the real files."""

from __future__ import annotations

from pathlib import Path

from tamis.cli.sources import SHA_SHOWN
from tests.cli.conftest import run, run_json


def _by_source(home: Path) -> dict[str, dict]:
    return {s["source"]: s for s in run_json("sources", home=home)}


def test_ofac_sdn_active_version_is_the_2023_list(loaded_home: Path) -> None:
    sdn = _by_source(loaded_home)["ofac-sdn"]
    assert sdn["versions"] == 2
    assert sdn["active"]["number"] == 2
    # 11,443 distinct ent_num rows in sdn.csv (the README's 11,444 counts its EOF line too)
    assert sdn["active"]["things"] == 11_443
    assert "ofac-sdn-2023-01" in sdn["active"]["path"]


def test_counts_of_every_real_list(loaded_home: Path) -> None:
    sources = _by_source(loaded_home)
    assert sources["un-sc"]["active"]["things"] == 1_003
    assert sources["ofac-cons"]["active"]["things"] == 442  # cons_prim.csv rows
    for summary in sources.values():
        active = summary["active"]
        assert active["total"] == sum(n for k, n in active["counts"].items() if k != "total")
        assert len(active["sha256"]) == 64 and active["loaded_at"]


def test_table_shows_each_source_with_hash_prefix(loaded_home: Path) -> None:
    result = run("sources", home=loaded_home)
    assert result.exit_code == 0, result.output
    sha = _by_source(loaded_home)["un-sc"]["active"]["sha256"]
    assert "un-sc" in result.stdout and sha[:SHA_SHOWN] in result.stdout


def test_naming_a_source_lists_its_versions(loaded_home: Path) -> None:
    report = run_json("sources", "ofac-sdn", home=loaded_home)
    assert [(v["number"], v["active"]) for v in report["versions"]] == [(1, False), (2, True)]
    assert report["versions"][0]["things"] < report["versions"][1]["things"]


def test_unknown_source_is_a_one_line_error(loaded_home: Path) -> None:
    result = run("sources", "nonesuch", home=loaded_home)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


def test_empty_store_says_how_to_start(tmp_path: Path) -> None:
    result = run("sources", home=tmp_path)
    assert result.exit_code == 0 and "tamis update" in result.stdout
