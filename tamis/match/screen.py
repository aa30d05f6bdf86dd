"""`screen(query)`: every listed party a name could be, ranked, scored and explained.

The index (tamis.index) proposes candidates by shared name keys; the scorer scores each
with `score_entity` on its prepared form; the best come back as `Match`es. A `Screener`
holds one loaded index and the prepared entities, persisted under `$TAMIS_HOME/index/`
by the active versions' sha256s: a start loads it (a memory copy) instead of preparing
every entity again, and a newly loaded version is noticed and the index rebuilt.
Prepared entities are unpickled on first use, so a one-off screen pays for a few dozen.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing as mp
import pickle
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from tamis import settings
from tamis.errors import StoreError
from tamis.index import persist
from tamis.index.inverted import Index, IndexBuilder
from tamis.match.compare import prepare
from tamis.match.entities import prepare_entity
from tamis.match.query import Prepared, prepare_query
from tamis.match.score import Match, score_entity
from tamis.model.entity import Entity
from tamis.model.relations import ends
from tamis.model.store import Store
from tamis.normalise import NameForm

__all__ = ["CANDIDATES", "Hit", "Screener", "compare", "screen", "screen_many", "screener"]

CANDIDATES = 60  # entities the index proposes and the scorer scores, per query
MIN_PRESCORE = 0.4  # beyond the first SURE candidates, index scores below this are not scored
SURE = 3
# a name written in an abjad (Arabic, Persian, Hebrew) meets listed names through coarse
# consonant skeletons, so index pre-scores say less: score more of its candidates
MIN_PRESCORE_ABJAD = 0.25
CANDIDATES_ABJAD = 20  # ... but fewer of them: each costs more to score (skeletons)
NOT_LOADED = "no lists loaded: run tamis update"
KEEP_BUILT = 100_000  # prepared entities a build keeps as objects (the rest: unpickled on use)
SEARCH_CACHE = 20_000  # distinct query names whose candidates are kept (cleared when full)
CHECK_EVERY = 2.0  # seconds between checks that the store's active versions are unchanged
_PACKAGE = Path(__file__).resolve().parent.parent


class Hit(NamedTuple):
    """A batch result: what `screen_many` returns per candidate (no explanation)."""

    id: str
    score: float
    match: bool
    caption: str
    schema: str | None


def code_stamp() -> str:
    """A digest of the code and tables that shape prepared entities and index keys."""
    h = hashlib.sha256()
    for folder, pattern in (("sources", "*.py"), ("normalise", "*.py"), ("index", "*.py"),
                            ("match", "*.py"), ("resources", "*.*")):  # fmt: skip
        for path in sorted((_PACKAGE / folder).glob(pattern)):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def active_versions(store: Store) -> list[tuple[str, str]]:
    return [(s.source, s.active.sha256) for s in store.sources() if s.active is not None]


class Screener:
    """A loaded index with the prepared entities it points to."""

    def __init__(self, index: Index, prepared: list[bytes], fingerprint: str,
                 built: bool = False, links: dict[str, tuple[str, ...]] | None = None) -> None:  # fmt: skip
        self.index = index
        # each listed party's linked parties (owners, members, OFAC's "Linked To", the
        # UN's cross-references): context for a scan, which may name both
        self.links = links or {}
        self.fingerprint = fingerprint
        self.built = built  # True when this start built the index rather than loading it
        self._blobs = prepared
        self._prepared: list[Prepared | None] = [None] * len(prepared)
        self._numbers: dict[str, int] | None = None
        self._searches: dict[tuple[Any, ...], list[tuple[int, float]]] = {}

    # -- building and loading ------------------------------------------------------------

    @classmethod
    def build(cls, entities: Iterable[Entity], fingerprint: str = "") -> Screener:
        """Prepare and index every screenable entity (relations are left out)."""
        builder = IndexBuilder()
        blobs: list[bytes] = []
        objects: list[Prepared] = []
        links: dict[str, set[str]] = {}
        for entity in entities:
            if not entity.is_thing:
                for a, b in ends(entity):
                    links.setdefault(a, set()).add(b)
                    links.setdefault(b, set()).add(a)
                continue
            pe = prepare_entity(entity)
            builder.add(entity.id, [form for form, _ in pe.names])
            blobs.append(pickle.dumps(pe, protocol=5))
            if len(objects) < KEEP_BUILT:
                objects.append(pe)
        index = builder.build()
        ids = set(index.ids)  # links between screenable parties only
        kept = {k: tuple(sorted(v & ids)) for k, v in links.items() if k in ids and v & ids}
        screener = cls(index, blobs, fingerprint, built=True, links=kept)
        screener._prepared[: len(objects)] = objects
        return screener

    @classmethod
    def open(cls, store: Store | None = None, folder: Path | None = None,
             rebuild: bool = False) -> Screener:  # fmt: skip
        """The screener for the store's active versions: loaded if persisted, else built
        (and persisted). `StoreError` when no list is loaded."""
        store = store or Store()
        versions = active_versions(store)
        if not versions:
            raise StoreError(NOT_LOADED)
        fp = persist.fingerprint(versions, code_stamp())
        path = persist.index_path(folder or settings.home() / "index", fp)
        data = None if rebuild else persist.read(path)
        if data is not None and data.get("fingerprint") == fp:
            return cls(Index.from_state(data["index"]), data["prepared"], fp,
                       links=data.get("links"))
        screener = cls.build(store.entities(), fp)
        if not screener.index.ids:
            raise StoreError(NOT_LOADED)
        persist.write(path, {"fingerprint": fp, "index": screener.index.state(),
                             "prepared": screener._blobs, "links": screener.links})  # fmt: skip
        return screener

    # -- lookups -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.index.ids)

    def prepared(self, number: int) -> Prepared:
        """The prepared entity number `number` (unpickled on first use)."""
        pe = self._prepared[number]
        if pe is None:
            pe = self._prepared[number] = pickle.loads(self._blobs[number])
        return pe

    def number(self, entity_id: str) -> int | None:
        """The entity's number in the index (and the gazetteer), if indexed."""
        if self._numbers is None:
            self._numbers = {ident: n for n, ident in enumerate(self.index.ids)}
        return self._numbers.get(entity_id)

    def get(self, entity_id: str) -> Prepared | None:
        """The prepared entity with this id, if indexed."""
        number = self.number(entity_id)
        return None if number is None else self.prepared(number)

    def candidates(self, query: Prepared, limit: int = CANDIDATES) -> list[tuple[str, float]]:
        """(entity id, index pre-score) of the entities the scorer will look at."""
        ids = self.index.ids
        return [(ids[n], s) for n, s in self._candidates(query, limit)]

    def _candidates(self, query: Prepared, limit: int) -> list[tuple[int, float]]:
        """The index's proposals, kept per distinct set of query names: the search reads
        only the names' tokens, and names repeat (a batch, a name with and without facts)."""
        forms = [form for form, _ in query.names]
        sig = (limit, *(_token_sig(f) for f in forms))
        found = self._searches.get(sig)
        if found is None:
            if len(self._searches) >= SEARCH_CACHE:
                self._searches.clear()
            floor = MIN_PRESCORE
            if any(f.abjad for f in forms):
                floor, limit = MIN_PRESCORE_ABJAD, min(limit, CANDIDATES_ABJAD)
            found = self._searches[sig] = self.index.search(forms, limit, floor, SURE)
        return found

    # -- screening -----------------------------------------------------------------------

    def screen(self, query: Mapping[str, Any] | Prepared, top: int = 10,
               threshold: float | None = None, candidates: int = CANDIDATES) -> list[Match]:  # fmt: skip
        """The `top` best-scoring entities for a query, best first."""
        pq = query if isinstance(query, Prepared) else prepare_query(query)
        matches = [score_entity(pq, self.prepared(n), threshold)
                   for n, _ in self._candidates(pq, candidates)]  # fmt: skip
        matches.sort(key=_by_score)
        return matches[:top]

    def explain(self, entity_id: str, query: Mapping[str, Any] | Prepared,
                threshold: float | None = None) -> Match:  # fmt: skip
        """Score one listed entity for a query, whether or not the index would propose it."""
        pe = self.get(entity_id)
        if pe is None:
            raise StoreError(f"no screenable entity {entity_id!r} in the loaded lists")
        return score_entity(prepare(query), pe, threshold)

    def hits(self, query: Mapping[str, Any], top: int = 10,
             threshold: float | None = None) -> list[Hit]:  # fmt: skip
        return [Hit(m.id or "", m.score, m.match, m.caption, m.schema)
                for m in self.screen(query, top, threshold)]  # fmt: skip


def _token_sig(form: NameForm) -> tuple[Any, ...]:
    """Everything of a name form the index search reads (keys.query_groups, and the abjad
    flag that also sets the search's floor and limit)."""
    return (form.kind, form.abjad,
            *((t.text, t.key, t.phon, t.groups, t.kind) for t in form.tokens))  # fmt: skip


def _by_score(m: Match) -> tuple[float, str]:
    return (-m.score, m.id or "")


# -- module-level API, one cached screener per store -------------------------------------

_CACHE: dict[str, tuple[Screener, float, list[tuple[str, str]], Store]] = {}


def screener(store: Store | None = None) -> Screener:
    """The screener of `store` (default: the one at `$TAMIS_HOME`), kept loaded between
    calls and rebuilt when the store's active versions change (checked every few seconds)."""
    url = store.url if store is not None else settings.database_url()
    cached = _CACHE.get(url)
    now = time.monotonic()
    if cached is not None:
        scr, checked, versions, held = cached
        if now - checked < CHECK_EVERY:
            return scr
        if active_versions(held) == versions:
            _CACHE[url] = (scr, now, versions, held)
            return scr
    held = store if store is not None else (cached[3] if cached else Store(url))
    versions = active_versions(held)
    scr = Screener.open(held)
    _CACHE[url] = (scr, now, versions, held)
    return scr


def screen(query: Mapping[str, Any], store: Store | None = None, top: int = 10,
           threshold: float | None = None, candidates: int = CANDIDATES) -> list[Match]:  # fmt: skip
    """Screen one query (`name`, and optionally `schema`, `birth_date`, `country`, `ids`,
    `aliases`) against every active list of the store; best matches first."""
    pq = prepare_query(query)  # a bad query fails before any store is opened
    return screener(store).screen(pq, top, threshold, candidates)


def compare(a: Mapping[str, Any] | Entity | str, b: Mapping[str, Any] | Entity | str,
            store: Store | None = None, threshold: float | None = None) -> Match:  # fmt: skip
    """Score `b` as a candidate for `a`. Each is a query mapping, an `Entity`, or a string:
    a listed entity's id (looked up in the store) or else a name."""
    return score_entity(prepare(_record(a, store)), prepare(_record(b, store)), threshold)


def _record(value: Mapping[str, Any] | Entity | str, store: Store | None) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip()
    if ":" in text and " " not in text:
        entity = (store or Store()).get(text)
        if entity is not None:
            return entity
    return {"name": value}


def screen_many(queries: Sequence[Mapping[str, Any]], store: Store | None = None,
                top: int = 10, threshold: float | None = None,
                processes: int = 1, chunksize: int = 2048) -> list[list[Hit]]:  # fmt: skip
    """Screen many queries; with `processes` > 1, in a pool of forked workers sharing the
    loaded index. Identical queries are screened once. Results in query order, as `Hit`s
    (explain one with `explain`)."""
    scr = screener(store)
    slot: dict[str, int] = {}
    distinct: list[Mapping[str, Any]] = []
    where = []
    for q in queries:
        k = _query_key(q)
        n = slot.get(k)
        if n is None:
            n = slot[k] = len(distinct)
            distinct.append(q)
        where.append(n)
    global _WORKER
    _WORKER = scr
    gc.freeze()  # loaded objects out of the collector's sight: workers share their pages
    enabled = gc.isenabled()
    gc.disable()  # a batch makes short-lived objects only: no cycles worth the pauses
    try:
        if processes <= 1 or len(distinct) < chunksize:
            results = _work((distinct, top, threshold))
        else:
            size = min(chunksize, -(-len(distinct) // (4 * processes)))
            chunks = [
                (distinct[i : i + size], top, threshold) for i in range(0, len(distinct), size)
            ]
            with mp.get_context("fork").Pool(processes) as pool:
                results = [r for part in pool.imap(_work, chunks) for r in part]
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()
        _WORKER = None
    return [list(results[n]) for n in where]


def _query_key(query: Mapping[str, Any]) -> str:
    """A query's identity for deduplication (its fields, in a fixed order)."""
    if not isinstance(query, Mapping):
        return repr(id(query))
    return repr(sorted((str(k), repr(v)) for k, v in query.items()))


_WORKER: Screener | None = None


def _work(args: tuple[list[Mapping[str, Any]], int, float | None]) -> list[list[Hit]]:
    queries, top, threshold = args
    assert _WORKER is not None
    return [_WORKER.hits(q, top, threshold) for q in queries]
