"""Index fixtures: the real SDN list in a store, its screener, and the exact reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.index import Vocabulary
from tamis.match.screen import Screener
from tamis.model.store import Store
from tests.index.realdata import sdn_screener as shared_screener
from tests.index.realdata import sdn_store_url


@pytest.fixture(scope="session")
def sdn_store(shared_data: Path) -> Store:
    return Store(url=sdn_store_url(shared_data))


@pytest.fixture(scope="session")
def sdn_screener(shared_data: Path) -> Screener:
    return shared_screener(shared_data)


@pytest.fixture(scope="session")
def vocabulary(sdn_screener: Screener) -> Vocabulary:
    return Vocabulary(
        (n, [form for form, _ in sdn_screener.prepared(n).names]) for n in range(len(sdn_screener))
    )
