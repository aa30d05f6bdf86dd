"""CLI fixtures: a runner, and one store loaded from the real shared data for the whole session.

Loading every list takes seconds, so it happens once (`loaded_home`); tests that only read
point `TAMIS_HOME` at it, tests that change the store work on a copy (`loaded_copy`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tamis.cli.main import app


def run(*args: str, home: Path | None = None, env: dict[str, str] | None = None) -> Any:
    """Invoke `tamis ARGS` in-process; `home` sets TAMIS_HOME for this call."""
    env = dict(env or {})
    if home is not None:
        env["TAMIS_HOME"] = str(home)
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=True)


def run_json(*args: str, home: Path | None = None, env: dict[str, str] | None = None) -> Any:
    result = run(*args, "--json", home=home, env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def loaded_update(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """`tamis update --from ../shared/data --json`, run once: (home, result)."""
    home = tmp_path_factory.mktemp("loaded-home")
    result = run("update", "--from", str(shared_data), "--json", home=home)
    return home, result


@pytest.fixture(scope="session")
def loaded_home(loaded_update: Any) -> Path:
    home, result = loaded_update
    assert result.exit_code == 0, result.output
    return home


@pytest.fixture
def loaded_copy(loaded_home: Path, tmp_path: Path) -> Path:
    """A private copy of the loaded store, for tests that load more into it."""
    home = tmp_path / "home"
    shutil.copytree(loaded_home, home, ignore=shutil.ignore_patterns("downloads"))
    return home
