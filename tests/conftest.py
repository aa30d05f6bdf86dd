"""Shared fixtures: where the real list snapshots are, and a fresh store on each backend.

The real data lives in `../shared/data` beside the checkout (or `$TAMIS_SHARED/data`);
it is never copied into the repo.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TAMIS_SHARED") or REPO.parent / "shared").resolve()
DATA = SHARED / "data"
EXAMPLES = SHARED / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.fail(f"shared data not found at {DATA}: set TAMIS_SHARED")
    return DATA


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's ~/.tamis."""
    home = tmp_path_factory.mktemp("tamis-home")
    monkeypatch.setenv("TAMIS_HOME", str(home))
    monkeypatch.delenv("TAMIS_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A real headless Chromium driven by Selenium (Debian's chromium and chromedriver,
    see scripts/ensure-chromium). Skips where they are not installed; fails in CI."""
    import shutil

    chrome, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chrome and driver):
        message = "chromium and chromedriver are needed (scripts/ensure-chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900"):  # fmt: skip
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(service=Service(driver), options=options)
    try:
        yield session
    finally:
        session.quit()
