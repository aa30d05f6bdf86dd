"""`tamis demo`: the README's main job, run on the real shared data."""

from __future__ import annotations

from pathlib import Path

from tamis.cli.demo import STEPS
from tests.cli.conftest import run, run_json


def test_demo_loads_summarises_and_diffs(
    loaded_copy: Path, shared_data: Path, examples: Path
) -> None:
    result = run("demo", "--data", str(shared_data), "--examples", str(examples), home=loaded_copy)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for n, (title, _) in enumerate(STEPS, 1):
        assert f"{n}. {title}" in out
    assert "Sources now in the store" in out and "ofac-sdn: v1 -> v2" in out


def test_demo_json_reports_every_step(loaded_copy: Path, shared_data: Path, examples: Path) -> None:
    report = run_json(
        "demo", "--data", str(shared_data), "--examples", str(examples), home=loaded_copy
    )
    assert set(report) == {"load", "sources", "diff", "screen", "scan"}
    assert all(r["status"] == "unchanged" for r in report["load"]["results"])
    diff = report["diff"]
    assert (diff["old"], diff["new"]) == (1, 2) and diff["counts"]["changed"] > 0


def test_demo_without_a_second_version_still_runs(tmp_path: Path, shared_data: Path) -> None:
    data = shared_data / "ofac-sdn-2023-01"
    result = run("demo", "--data", str(data), "--examples", str(tmp_path), home=tmp_path)
    assert result.exit_code == 0, result.output
    assert "No ofac-sdn diff" in result.stdout


def test_demo_screens_the_article_names_against_the_lists(
    loaded_copy: Path, shared_data: Path, examples: Path
) -> None:
    report = run_json(
        "demo", "--data", str(shared_data), "--examples", str(examples), home=loaded_copy
    )
    hits = {row["query"]: row for row in report["screen"]}
    assert hits["Vladimir Poutine"]["id"] == "ofac-sdn:35096" and hits["Vladimir Poutine"]["match"]
    assert hits["Dmitri Peskov"]["id"] == "ofac-sdn:35320" and hits["Dmitri Peskov"]["match"]
    assert hits["Kirill Dmitriev"]["id"] == "ofac-sdn:34336" and hits["Kirill Dmitriev"]["match"]
    assert not hits["Donald Trump"]["match"]
    assert not hits["Volodymyr Zelensky"]["match"]


def test_demo_screens_the_same_parties_in_other_languages(
    loaded_copy: Path, shared_data: Path, examples: Path
) -> None:
    report = run_json(
        "demo", "--data", str(shared_data), "--examples", str(examples), home=loaded_copy
    )
    hits = {row["query"]: row for row in report["screen"]}
    for name in ("Wladimir Putin", "Владимир Путин", "فلاديمير بوتين"):
        assert hits[name]["id"] == "ofac-sdn:35096" and hits[name]["match"], name
    for name in ("Fonds russe d'investissement direct", "Российский фонд прямых инвестиций"):
        assert hits[name]["id"] == "ofac-sdn:34036" and hits[name]["match"], name


def test_demo_scans_the_example_article(
    loaded_copy: Path, shared_data: Path, examples: Path
) -> None:
    report = run_json(
        "demo", "--data", str(shared_data), "--examples", str(examples), home=loaded_copy
    )
    (article,) = [d for d in report["scan"] if d["source"].endswith("kremlin-rare-earths-fr.txt")]
    assert article["language"] == "fr"
    found = {e["id"] for e in article["entities"]}
    assert found == {"ofac-sdn:35320", "ofac-sdn:34336", "ofac-sdn:34036", "ofac-sdn:35096"}
