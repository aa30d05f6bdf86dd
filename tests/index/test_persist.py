"""The persisted index: a start loads it instead of rebuilding; a new version rebuilds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tamis.index import persist
from tamis.match.screen import Screener
from tamis.model.store import Store
from tamis.sources import parse


@pytest.fixture(scope="module")
def folder(sdn_store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index folder where the SDN index was built and persisted once."""
    path = tmp_path_factory.mktemp("persisted")
    assert Screener.open(sdn_store, folder=path).built
    return path


def copy_store(store: Store, folder: Path) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(store.url.removeprefix("sqlite:///"), folder / "t.db")
    return Store(url=f"sqlite:///{folder}/t.db")


def test_a_second_start_loads_the_index_without_rebuilding(sdn_store: Store, folder: Path,
                                                           sdn_screener: Screener) -> None:  # fmt: skip
    again = Screener.open(sdn_store, folder=folder)  # load time: bench/screen_speed.py
    assert not again.built
    assert [m.id for m in again.screen({"name": "Vladimir Putin"})] == [
        m.id for m in sdn_screener.screen({"name": "Vladimir Putin"})
    ]


def test_the_lists_links_are_kept_with_the_index(sdn_store: Store, folder: Path,
                                                 sdn_screener: Screener) -> None:  # fmt: skip
    # BANK MARKAZI JOMHOURI ISLAMI IRAN: "Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS
    # (IRGC)-QODS FORCE; Linked To: HIZBALLAH." in OFAC's remarks, both ways
    assert sdn_screener.links["ofac-sdn:4632"] == ("ofac-sdn:10465", "ofac-sdn:4697")
    assert "ofac-sdn:4632" in sdn_screener.links["ofac-sdn:4697"]
    again = Screener.open(sdn_store, folder=folder)
    assert not again.built and again.links == sdn_screener.links


def test_the_index_file_is_named_by_the_active_versions(sdn_store: Store, folder: Path) -> None:
    scr = Screener.open(sdn_store, folder=folder)
    assert [p.name for p in folder.iterdir()] == [persist.index_path(folder, scr.fingerprint).name]


def test_a_new_version_rebuilds_the_index(sdn_store: Store, folder: Path, shared_data: Path,
                                          tmp_path: Path) -> None:  # fmt: skip
    store = copy_store(sdn_store, tmp_path / "store")
    shutil.copytree(folder, tmp_path / "index")
    before = Screener.open(store, folder=tmp_path / "index")
    assert not before.built
    store.load(parse(shared_data / "ofac-sdn-2021-07"))
    after = Screener.open(store, folder=tmp_path / "index")
    assert after.built and after.fingerprint != before.fingerprint
    assert len(list((tmp_path / "index").iterdir())) == 1  # the stale file is gone


def test_an_unreadable_index_file_is_rebuilt(sdn_store: Store, folder: Path, tmp_path: Path) -> None:
    shutil.copytree(folder, tmp_path / "index")
    for path in (tmp_path / "index").iterdir():
        path.write_bytes(b"\x00garbage")
    again = Screener.open(sdn_store, folder=tmp_path / "index")
    assert again.built
    assert again.screen({"name": "Vladimir Putin"})[0].id == "ofac-sdn:35096"
