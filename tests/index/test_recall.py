"""The index loses almost nothing the scorer would accept: on real queries against the real
SDN list, the candidates it proposes contain the brute-force top hits (>= 99.5%)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.index import Vocabulary, brute_force
from tamis.match import DEFAULT_THRESHOLD, prepare_query, score_entity
from tamis.match.parts import part_similarity
from tamis.match.screen import Screener
from tests.index.realdata import alias_queries, perturbed_queries

TOP = 10  # brute-force hits looked at per query: those at or above the threshold in its top 10


def similar(a, b) -> bool:  # type: ignore[no-untyped-def]
    return part_similarity(a, b)[0] > 0.0


def reference_hits(scr: Screener, voc: Vocabulary, name: str) -> list[str]:
    """Brute-force top hits above the threshold, computed exactly on the entities that share
    anything with the query (the others score 0 on the name, see tamis/index/brute.py)."""
    pq = prepare_query({"name": name})
    near = voc.entries_near([f for f, _ in pq.names], similar)
    top = brute_force(near, lambda n: score_entity(pq, scr.prepared(n)).score, TOP)
    return [scr.index.ids[n] for n, score in top if score >= DEFAULT_THRESHOLD]


@pytest.fixture(scope="module")
def queries(shared_data: Path, sdn_screener: Screener) -> list[str]:
    known = set(sdn_screener.index.ids)
    names = [sdn_screener.prepared(n).caption for n in range(0, len(sdn_screener), 7)]
    return alias_queries(shared_data, known, 150) + perturbed_queries(names, 150)


def test_the_reference_equals_scoring_every_entity(sdn_screener: Screener,
                                                   vocabulary: Vocabulary) -> None:  # fmt: skip
    scr = sdn_screener
    for name in ("Vladimir Putin", "BANK MELLI", "Abdulrahman Haddad", "Khalifa"):
        pq = prepare_query({"name": name})
        every = brute_force(range(len(scr)),
                            lambda n, pq=pq: score_entity(pq, scr.prepared(n)).score, TOP)  # fmt: skip
        expected = [scr.index.ids[n] for n, s in every if s >= DEFAULT_THRESHOLD]
        assert reference_hits(scr, vocabulary, name) == expected, name


def test_candidates_contain_the_brute_force_top_hits(sdn_screener: Screener,
                                                      vocabulary: Vocabulary,
                                                      queries: list[str]) -> None:  # fmt: skip
    hits = found = 0
    missed = []
    for name in queries:
        expected = reference_hits(sdn_screener, vocabulary, name)
        if not expected:
            continue
        proposed = {ident for ident, _ in sdn_screener.candidates(prepare_query({"name": name}))}
        hits += len(expected)
        found += sum(ident in proposed for ident in expected)
        missed += [(name, ident) for ident in expected if ident not in proposed]
    assert hits >= 150, f"too few hits to measure ({hits})"
    rate = found / hits
    assert rate >= 0.995, f"index recall {rate:.4f} on {hits} hits; missed {missed[:10]}"
