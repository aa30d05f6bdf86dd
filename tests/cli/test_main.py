"""The command line as a whole: --version, help that teaches, errors as one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tamis import __version__
from tamis.errors import StoreError
from tests.cli.conftest import run

COMMANDS = ["update", "sources", "diff", "export", "demo"]


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"tamis {__version__}"


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert all(command in result.stdout for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"tamis {command}" in result.stdout and "--json" in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run("diff").exit_code == 2
    assert run("nonesuch").exit_code == 2


def test_error_is_one_red_line_without_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, TAMIS_HOME=str(tmp_path))
    env.pop("TAMIS_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "tamis.cli.main", "diff", "nonesuch"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1, proc.stderr


def test_debug_lets_the_exception_through(tmp_path: Path) -> None:
    result = run("sources", "nonesuch", home=tmp_path, env={"TAMIS_DEBUG": "1"})
    assert isinstance(result.exception, StoreError)
