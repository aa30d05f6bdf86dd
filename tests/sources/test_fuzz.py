"""Fuzzing every parser: whatever the bytes, the only exception that escapes is `SourceError`.

Inputs are real files (their first kilobytes) mutated by Hypothesis - truncated, bytes
flipped, inserted, deleted - plus arbitrary bytes; each is parsed and fully iterated.
"""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tamis.errors import SourceError
from tamis.sources import PARSER_MODULES, parse
from tests.conftest import DATA, FIXTURES

# (parser module, a real or published-shape seed file, the name to give the mutated copy)
SEEDS = [
    ("tamis.sources.ofac_csv", DATA / "ofac-sdn-2023-01" / "sdn.csv", "sdn.csv"),
    ("tamis.sources.ofac_csv", DATA / "ofac-cons-2025-12" / "cons_prim.csv", "cons_prim.csv"),
    ("tamis.sources.un_xml", DATA / "un-sc-2026-02" / "consolidated.xml", "consolidated.xml"),
    ("tamis.sources.bis_dpl", DATA / "bis-dpl-2019" / "dpl.txt", "dpl.txt"),
    ("tamis.sources.eu_xml", None, "eu.xml"),
    ("tamis.sources.uk_sl", None, "uk.xml"),
    ("tamis.sources.ftm_json", None, "entities.ftm.json"),
]
SEED_BYTES = 6000


def _seed_bytes(module: str, seed: Path | None) -> bytes:
    if seed is None:  # formats with no real snapshot: use the published-shape fixture
        folder = {"tamis.sources.eu_xml": "eu", "tamis.sources.uk_sl": "uk",
                  "tamis.sources.ftm_json": "ftm"}[module]
        files = sorted(p for p in (FIXTURES / folder).rglob("*") if p.is_file() and p.suffix != ".txt")
        if not files:
            pytest.skip(f"no fixture for {module}")
        seed = files[0]
    return seed.read_bytes()[:SEED_BYTES]


mutation = st.one_of(
    st.tuples(st.just("truncate"), st.integers(0, SEED_BYTES), st.binary(max_size=0)),
    st.tuples(st.just("flip"), st.integers(0, SEED_BYTES), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("insert"), st.integers(0, SEED_BYTES), st.binary(min_size=1, max_size=16)),
    st.tuples(st.just("delete"), st.integers(0, SEED_BYTES), st.binary(min_size=1, max_size=64)),
)


def _mutate(data: bytes, mutations: list[tuple[str, int, bytes]]) -> bytes:
    for kind, pos, blob in mutations:
        pos = min(pos, len(data))
        if kind == "truncate":
            data = data[:pos]
        elif kind == "flip":
            data = data[:pos] + blob + data[pos + len(blob) :]
        elif kind == "insert":
            data = data[:pos] + blob + data[pos:]
        else:
            data = data[:pos] + data[pos + len(blob) :]
    return data


def _consume(module: str, path: Path) -> None:
    parser = importlib.import_module(module).PARSER
    try:
        parsed = parser.parse(path)
        for entity in parsed.entities:
            assert entity.id and entity.schema
    except SourceError:
        pass


@pytest.mark.parametrize("module,seed,name", SEEDS, ids=[s[2] for s in SEEDS])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_file_raises_only_source_error(
    module: str, seed: Path | None, name: str, mutations: list[tuple[str, int, bytes]]
) -> None:
    data = _mutate(_seed_bytes(module, seed), mutations)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        _consume(module, path)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000), name=st.sampled_from([s[2] for s in SEEDS]))
def test_arbitrary_bytes_through_the_registry_raise_only_source_error(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            parsed = parse(path)
            for _entity in parsed.entities:
                pass
        except SourceError:
            pass


def test_every_registered_parser_is_fuzzed() -> None:
    assert {s[0] for s in SEEDS} == set(PARSER_MODULES)
