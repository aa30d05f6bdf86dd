"""`tamis export --format ftm`: JSON lines that followthemoney itself accepts."""

from __future__ import annotations

import json
from pathlib import Path

from followthemoney import model

from tests.cli.conftest import run, run_json


def test_export_writes_valid_ftm_json_lines(loaded_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "un.ftm.json"
    report = run_json(
        "export", "--format", "ftm", "--source", "un-sc", "-o", str(target), home=loaded_home
    )
    lines = target.read_text(encoding="utf-8").splitlines()
    [un] = [s for s in run_json("sources", home=loaded_home) if s["source"] == "un-sc"]
    assert report["count"] == len(lines) == un["active"]["total"]
    for line in lines:
        data = json.loads(line)
        schema = model.get(data["schema"])
        assert schema is not None and set(data["properties"]) <= set(schema.properties)
        proxy = model.get_proxy(data, cleaned=False)  # FtM cleans every value again
        for prop, values in data["properties"].items():
            assert len(proxy.get(prop)) == len(set(values)), (data["id"], prop)
        assert proxy.id.startswith("un-sc") and data["datasets"] == ["un-sc"]


def test_export_to_stdout_covers_every_active_list(loaded_home: Path) -> None:
    result = run("export", "--format", "ftm", home=loaded_home)
    assert result.exit_code == 0, result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    total = sum(s["active"]["total"] for s in run_json("sources", home=loaded_home))
    assert len(ids) == len(set(ids)) == total
    assert "exported" in result.stderr


def test_export_into_a_missing_folder_is_a_one_line_error(
    loaded_home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.json"
    result = run("export", "--format", "ftm", "-s", "un-sc", "-o", str(target), home=loaded_home)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot write {target}")


def test_only_ftm_format_is_known(loaded_home: Path) -> None:
    assert run("export", "--format", "csv", home=loaded_home).exit_code == 2
