"""Parsing in worker processes gives exactly what parsing in-process gives."""

from __future__ import annotations

from pathlib import Path

from tamis.model.prefetch import Prefetcher
from tamis.model.tables import EntityRow
from tamis.sources import detect


def _lists(shared_data: Path) -> list:
    return [
        detect(shared_data / "bis-dpl-2019" / "dpl.txt"),
        detect(shared_data / "ofac-cons-2025-12" / "cons_prim.csv"),
    ]


def test_worker_rows_equal_in_process_rows(shared_data: Path) -> None:
    found = _lists(shared_data)
    prefetch = Prefetcher(found, {})
    try:
        for n, item in enumerate(found):
            ready = prefetch.get(n)
            assert ready is not None and ready.rows is not None
            parsed = item.parser.parse(item.path)
            assert ready.sha256 == parsed.sha256()
            assert ready.rows == [EntityRow.of(e) for e in parsed.entities]
            assert ready.parsed.source == item.source
    finally:
        prefetch.close()


def test_a_file_the_store_holds_is_not_built_again(shared_data: Path) -> None:
    found = _lists(shared_data)
    held = {found[0].source: {found[0].parser.parse(found[0].path).sha256()}}
    prefetch = Prefetcher(found, held)
    try:
        first, second = prefetch.get(0), prefetch.get(1)
    finally:
        prefetch.close()
    assert first is not None and first.rows is None
    assert second is not None and second.rows


def test_a_bad_file_is_left_to_the_caller(tmp_path: Path, shared_data: Path) -> None:
    bad = tmp_path / "consolidated.xml"
    bad.write_bytes((shared_data / "un-sc-2026-02" / "consolidated.xml").read_bytes()[:5000])
    found = [detect(bad), detect(shared_data / "bis-dpl-2019" / "dpl.txt")]
    prefetch = Prefetcher(found, {})
    try:
        assert prefetch.get(0) is None
        assert prefetch.get(1) is not None
    finally:
        prefetch.close()
