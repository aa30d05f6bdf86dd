"""The inverted index: retrieval key -> vocabulary entry -> the names that have it.

Every name of every list entity is numbered (`owner` maps a name to its entity, `ids` an
entity to its id). The vocabulary holds each distinct name part (and each pair of adjacent
parts written together) once, with the names using it as packed `array('i')` bytes; each
key (keys.py) points to the vocabulary entries that have it. A search matches each query
part to vocabulary entries through its keys (best factor per entry), credits every name of
an entry with factor x IDF of the part (a name with two spellings of one part is credited
twice: rare, and only ever ranks it higher), and scores names like Dice on weights, 2 x shared / (query weight + name weight), so a name
with the query's parts and little else comes first. An entity scores its best name.

The credits are summed with numpy: one `bincount` per query, however common its parts
("mohammed", "trading"). A query part's names and credits are packed into two arrays once
and kept (parts repeat across queries), so a search joins a few arrays, not one per
vocabulary entry; reading an entry once, whichever of its keys matched, keeps common
parts cheap.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from typing import Any

import numpy as np

from tamis.index.keys import FACTORS, name_parts, query_groups
from tamis.normalise import NameForm
from tamis.normalise.tokens import INITIAL

__all__ = ["Index", "IndexBuilder"]

_NONE = b""
# a query part's plan: (its weight, the names it credits, their credits), packed arrays
_PartPlan = tuple[float, np.ndarray, np.ndarray]
_NO_NAMES = np.zeros(0, dtype=np.int32)
_NO_CREDITS = np.zeros(0, dtype=np.float64)
PART_CACHE = 50_000  # query parts whose plans are kept (cleared when full) ...
PART_CACHE_POSTINGS = 20_000_000  # ... or when their packed names reach this many


class Index:
    """Keys -> vocabulary entries -> packed names; names -> entities -> entity ids."""

    __slots__ = (
        "_arrays",
        "_held",
        "_mass_np",
        "_owner_np",
        "_parts",
        "entries",
        "ids",
        "keys",
        "mass",
        "n",
        "owner",
    )

    def __init__(self, ids: list[str], owner: bytes, mass: bytes, entries: list[bytes],
                 keys: dict[str, bytes]) -> None:  # fmt: skip
        self.ids = ids  # entity number -> entity id
        self.owner = owner  # name number -> entity number, packed 'i'
        self.mass = mass  # name number -> the name's own weight, packed 'f'
        self.entries = entries  # vocabulary entry -> its names, packed 'i'
        self.keys = keys  # key -> vocabulary entries, packed 'i'
        self._owner_np = np.frombuffer(owner, dtype=np.int32)
        self._mass_np = np.frombuffer(mass, dtype=np.float32).astype(np.float64)
        self.n = len(self._owner_np)
        self._arrays: dict[int, np.ndarray] = {}  # vocabulary entry -> its names
        self._parts: dict[tuple[Any, ...], _PartPlan] = {}
        self._held = 0  # names held by the cached part plans

    def state(self) -> dict[str, object]:
        """Plain data for `marshal` (see persist.py); `Index.from_state` reverses it."""
        return {"ids": self.ids, "owner": self.owner, "mass": self.mass,
                "entries": self.entries, "keys": self.keys}  # fmt: skip

    @classmethod
    def from_state(cls, s: dict[str, object]) -> Index:
        return cls(s["ids"], s["owner"], s["mass"], s["entries"], s["keys"])  # type: ignore[arg-type]

    def __len__(self) -> int:
        """The number of entities."""
        return len(self.ids)

    def matches(self, key: str) -> memoryview:
        """The vocabulary entries having `key`."""
        return memoryview(self.keys.get(key, _NONE)).cast("i")

    def df(self, entry: int) -> int:
        """How many names use vocabulary entry `entry`."""
        return len(self.entries[entry]) // 4

    def _part_idf(self, group: dict[str, float], n1: int) -> float:
        """A query part's weight: the IDF of its text, or, for a part not in the index (a
        typo, another spelling), of the commonest entry sharing its spelling key or sound."""
        for kind in "tkp":
            for key in group:
                if key[0] == kind and key in self.keys:
                    return math.log(n1 / max(self.df(v) for v in self.matches(key)))
        return math.log(n1)

    def _plan(self, forms: Iterable[NameForm]) -> tuple[list[_PartPlan], float]:
        """The plans of the query's parts (see `_part_plan`) and the query's weight (the sum
        of its parts')."""
        plans: list[_PartPlan] = []
        qmass = 0.0
        for group, joined in query_groups(forms):
            sig = (joined, *group.items())
            cached = self._parts.get(sig)
            if cached is None:
                if len(self._parts) >= PART_CACHE or self._held > PART_CACHE_POSTINGS:
                    self._parts.clear()
                    self._held = 0
                cached = self._parts[sig] = self._part_plan(group, joined)
                self._held += len(cached[1])
            qmass += cached[0]
            if len(cached[1]):
                plans.append(cached)
        return plans, qmass

    def _part_plan(self, group: dict[str, float], joined: bool) -> _PartPlan:
        """One query part's share of the query weight, and the names it credits with their
        credits (factor x IDF), packed: the same for every query with that part, so kept
        (names repeat within a batch), and a search adds a few arrays, not one per entry."""
        idf = self._part_idf(group, self.n + 1)
        if joined:  # stands in for two parts already counted; may only add, and only
            # when a listed part is written so: as one word, or (a query in an abjad, whose
            # two words, نصر الله, are one listed part, Nasrallah) with its consonants
            idf = idf if any(k in self.keys for k in group if k[0] in "ts") else 0.0
        found: dict[int, float] = {}
        for key, factor in group.items():
            raw = self.keys.get(key)
            if raw:
                for v in memoryview(raw).cast("i"):
                    if factor > found.get(v, 0.0):
                        found[v] = factor
        weight = 0.0 if joined else idf
        if not found or idf == 0.0:
            return weight, _NO_NAMES, _NO_CREDITS
        postings = [self._postings(v) for v in found]
        names = np.concatenate(postings) if len(postings) > 1 else postings[0]
        credits = np.repeat(np.fromiter((f * idf for f in found.values()), np.float64,
                                        len(found)), [len(a) for a in postings])  # fmt: skip
        return weight, names, credits

    def search(self, forms: Iterable[NameForm], limit: int = 100, floor: float = 0.0,
               keep: int = 0) -> list[tuple[int, float]]:  # fmt: skip
        """(entity number, pre-score in [0, 1]) of at most `limit` entities, best first:
        those scoring at least `floor`, and the best `keep` of the others found."""
        plans, qmass = self._plan(forms)
        if not plans:
            return []
        if len(plans) == 1:
            names, credits = plans[0][1], plans[0][2]
        else:
            names = np.concatenate([p[1] for p in plans])
            credits = np.concatenate([p[2] for p in plans])
        shared = np.bincount(names, weights=credits)
        need = floor * qmass / 2.0  # shared weight below which Dice cannot reach the floor
        ents, scores = self._rank(shared, qmass, need)
        if len(ents) < keep and need > 0.0:
            ents, scores = self._rank(shared, qmass, 0.0)
        out = []
        for k in range(min(limit, len(ents))):
            score = float(scores[k])
            if k >= keep and score < floor:
                break  # best first: the rest are lower
            out.append((int(ents[k]), min(score, 1.0)))
        return out

    def _postings(self, entry: int) -> np.ndarray:
        """The names of a vocabulary entry, as an array over its packed bytes (no copy)."""
        found = self._arrays.get(entry)
        if found is None:
            found = self._arrays[entry] = np.frombuffer(self.entries[entry], dtype=np.int32)
        return found

    def _rank(self, shared: np.ndarray, qmass: float, need: float
              ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
        """Dice per name sharing at least `need`, best name per entity: (entities, scores),
        best first (equal scores: lower name number first)."""
        names = np.flatnonzero((shared > 0.0) & (shared >= need))
        scores = 2.0 * shared[names] / (qmass + self._mass_np[names])
        owners = self._owner_np[names]
        order = np.argsort(-scores, kind="stable")
        _, first = np.unique(owners[order], return_index=True)  # each entity's best name
        first.sort()
        best = order[first]
        return owners[best], scores[best]


class IndexBuilder:
    """Collects entities (id + prepared names) and packs them into an `Index`."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self._owner = array("i")
        self._vocab: dict[str, int] = {}  # label -> vocabulary entry
        self._entries: list[array] = []  # vocabulary entry -> names
        self._keys: dict[str, set[int]] = {}  # key -> vocabulary entries
        self._mass: list[list[tuple[int, float]]] = []  # name -> (entry, factor) it weighs

    def _entry(self, label: str, keys: list[str]) -> int:
        v = self._vocab.get(label)
        if v is None:
            v = self._vocab[label] = len(self._entries)
            self._entries.append(array("i"))
        for key in keys:
            self._keys.setdefault(key, set()).add(v)
        return v

    def add(self, entity_id: str, forms: Iterable[NameForm]) -> int:
        """Add one entity (each distinct name once); returns the entity's number."""
        number = len(self.ids)
        self.ids.append(entity_id)
        seen: set[frozenset[str]] = set()
        for form in forms:
            parts = name_parts(form)
            sig = frozenset(label for label, _ in parts)
            if not parts or sig in seen:
                continue
            seen.add(sig)
            name = len(self._owner)
            self._owner.append(number)
            used = {self._entry(label, keys) for label, keys in parts}
            for v in used:
                self._entries[v].append(name)
            self._mass.append(_weighed(form, self._vocab))
        return number

    def build(self) -> Index:
        entries = [a.tobytes() for a in self._entries]
        n1 = len(self._owner) + 1
        mass = array("f")
        for weighed in self._mass:
            mass.append(sum(f * math.log(n1 / max(len(entries[v]) // 4, 1)) for v, f in weighed))
        keys = {k: array("i", sorted(v)).tobytes() for k, v in self._keys.items()}
        return Index(self.ids, self._owner.tobytes(), mass.tobytes(), entries, keys)


def _weighed(form: NameForm, vocab: dict[str, int]) -> list[tuple[int, float]]:
    """The entries (and factors) whose IDF make a name's own weight: its word and number
    parts; a name of initials only weighs its letters, as weakly as they are matched."""
    toks = form.tokens
    if all(t.kind == INITIAL for t in toks):
        return [(vocab[t.text], FACTORS["i"]) for t in toks]
    return [(vocab[t.text], 1.0) for t in toks if t.kind != INITIAL]
