"""Scan fixtures: scanners over real stores (OFAC SDN January 2023 alone, and every list
of ../shared/data), built once per test run, and the shared example article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.match.screen import Screener
from tamis.scan import Scanner
from tamis.scan.gazetteer_build import gazetteer
from tests.index.realdata import screener_of, sdn_screener, store_url

ALL_LISTS = ("ofac-sdn-2023-01", "ofac-cons-2025-12", "un-sc-2026-02", "bis-dpl-2019")


def _scanner(scr: Screener, tmp: Path) -> Scanner:
    return Scanner(scr, gazetteer(scr, tmp))


@pytest.fixture(scope="session")
def sdn_scanner(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Scanner:
    """A scanner over ofac-sdn-2023-01 alone."""
    return _scanner(sdn_screener(shared_data), tmp_path_factory.mktemp("gaz-sdn"))


@pytest.fixture(scope="session")
def all_scanner(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Scanner:
    """A scanner over every list in ../shared/data (more names, more chances to go wrong)."""
    scr = screener_of(store_url(shared_data, ALL_LISTS))
    return _scanner(scr, tmp_path_factory.mktemp("gaz-all"))


@pytest.fixture(scope="session")
def kremlin_article(examples: Path) -> str:
    return (examples / "kremlin-rare-earths-fr.txt").read_text(encoding="utf-8")
