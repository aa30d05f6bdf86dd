"""The slow, obvious references the index is measured against.

`brute_force` scores every entry and keeps the best: what the index must not lose.
`Vocabulary` is the same answer found faster, for tests on hundreds of queries: an entry
whose name parts the scorer finds no agreement with at all (no similar part, no parts
written together) gets a name score of 0 and cannot be accepted, so scoring only the
entries that have a part the scorer's own part similarity calls similar - checked against
every distinct part of the list - gives the brute-force hits. To check only plausible
parts, it relies on what "similar" means: the same spelling key or variant group, an
initial of the other part, or within a few edits (`max_edits`: two more than the scorer's
edit budget for a part of that length); tests compare it with `brute_force` to keep that
honest.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from itertools import pairwise
from operator import itemgetter
from typing import TypeVar

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tamis.normalise import NameForm, Token
from tamis.normalise.tokens import INITIAL

__all__ = ["Vocabulary", "brute_force"]

T = TypeVar("T")
_NONE: frozenset[int] = frozenset()


def max_edits(length: int) -> int:
    """More edits than the scorer forgives between a part of `length` letters and another."""
    return (1 if length <= 7 else 2 if length <= 11 else 3) + 2


def brute_force(
    items: Iterable[T], score: Callable[[T], float], top: int = 10
) -> list[tuple[T, float]]:
    """The `top` items by `score`, every item scored; best first."""
    return heapq.nlargest(top, ((item, score(item)) for item in items), key=itemgetter(1))


class Vocabulary:
    """Every distinct name part of a list, with the entries using it."""

    def __init__(self, entries: Iterable[tuple[int, Iterable[NameForm]]]) -> None:
        self.tokens: dict[str, Token] = {}
        self.using: dict[str, set[int]] = {}  # part text -> entries
        self.joins: dict[str, set[int]] = {}  # two adjacent parts written together -> entries
        for entry, forms in entries:
            for form in forms:
                toks = form.tokens
                for tok in toks:
                    self.tokens.setdefault(tok.text, tok)
                    self.using.setdefault(tok.text, set()).add(entry)
                for a, b in pairwise(toks):
                    for joined in (a.text + b.text, a.key + b.key):
                        self.joins.setdefault(joined, set()).add(entry)
        self.by_key: dict[str, set[int]] = {}  # spelling key -> entries with a part of it
        self.by_group: dict[int, list[str]] = {}
        self.by_letter: dict[str, list[str]] = {}
        for text, tok in self.tokens.items():
            self.by_key.setdefault(tok.key, set()).update(self.using[text])
            for g in tok.groups:
                self.by_group.setdefault(g, []).append(text)
            self.by_letter.setdefault(text[:1], []).append(text)
        self.texts = list(self.tokens)
        self.keys = [tok.key for tok in self.tokens.values()]
        self._near: dict[str, set[int]] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def entries_near(
        self, forms: Iterable[NameForm], similar: Callable[[Token, Token], bool]
    ) -> set[int]:
        """Entries with any part `similar` to a query part, or written together with one."""
        out: set[int] = set()
        for form in forms:
            toks = form.tokens
            for tok in toks:
                near = self._near.get(tok.text)
                if near is None:
                    near = set()
                    for text in self._plausible(tok):
                        if similar(tok, self.tokens[text]):
                            near |= self.using[text]
                    self._near[tok.text] = near
                out |= near
                for joined in (tok.text, tok.key):
                    out |= self.joins.get(joined, _NONE)
            for a, b in pairwise(toks):
                for joined in (a.text + b.text, a.key + b.key):
                    out |= self.using.get(joined, _NONE) | self.by_key.get(joined, _NONE)
        return out

    def _plausible(self, tok: Token) -> set[str]:
        """Parts that could be similar to `tok`: a superset of what the scorer accepts."""
        texts = self.texts
        out: set[str] = set()
        for query, choices in ((tok.text, texts), (tok.key, self.keys)):
            for _, _, k in process.extract(query, choices, scorer=Levenshtein.distance,
                                           score_cutoff=max_edits(len(tok.text)), limit=None):  # fmt: skip
                out.add(texts[k])
        for g in tok.groups:
            out.update(self.by_group.get(g, ()))
        if tok.kind == INITIAL:
            out.update(self.by_letter.get(tok.text, ()))
        elif tok.text[:1] in self.tokens:
            out.add(tok.text[:1])
        return out
