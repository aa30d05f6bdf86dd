"""Candidate retrieval shared by the bench's systems: rapidfuzz token-sort over every name.

`ListIndex.candidates(name)` is baseline (i) itself (an entity scores its best name) and
the candidate generator the other scorers re-rank until the project's index exists.
Results are memoised per fold, so later systems of a run pay scoring time only.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils
from rigour.text import ascii_text

from tamis.evaluate import detect_script
from tamis.model.entity import Entity

TOP_K = 20


def _sorted_tokens(text: str) -> str:
    return " ".join(sorted(utils.default_process(text).split()))


class ListIndex:
    """One list as brute force sees it: every name, token-sorted, with its entity."""

    def __init__(self, entities: list[Entity], tag: str) -> None:
        self.tag = tag  # distinguishes folds: nomenklatura caches by entity id
        self.entities = {e.id: e for e in entities}
        self.names: list[str] = []
        self.owner: list[str] = []
        for e in entities:
            for _, value in e.names():
                self.names.append(_sorted_tokens(value))
                self.owner.append(e.id)
        self._ascii: list[str] | None = None
        self._cache: dict[tuple[str, bool], list[tuple[str, float]]] = {}

    def _top(self, query: str, names: list[str], k: int) -> list[tuple[str, float]]:
        best: dict[str, float] = {}
        for _, score, i in process.extract(query, names, scorer=fuzz.ratio, processor=None,
                                           limit=k * 8):
            ident = self.owner[i]
            best[ident] = max(best.get(ident, 0.0), score / 100.0)
        return sorted(best.items(), key=lambda p: -p[1])[:k]

    def candidates(self, name: str, k: int = TOP_K, translit: bool = False) -> list[tuple[str, float]]:
        """Top-k entities by their best token-sort score (memoised); with `translit`, a
        non-Latin query also gets the top-k on ASCII transliterations."""
        key = (name, translit and detect_script(name) != "Latin")
        if key not in self._cache:
            found = self._top(_sorted_tokens(name), self.names, k)
            if key[1]:
                if self._ascii is None:
                    self._ascii = [_sorted_tokens(ascii_text(n)) for n in self.names]
                seen = {i for i, _ in found}
                extra = self._top(_sorted_tokens(ascii_text(name)), self._ascii, k)
                found += [(i, s) for i, s in extra if i not in seen]
            self._cache[key] = found
        return self._cache[key]
