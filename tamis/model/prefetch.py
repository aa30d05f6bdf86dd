"""Parse lists in worker processes while the main process writes: a load uses every core.

Parsing and serialising entities (`EntityRow.of`) is most of a load's work and needs no
database, so `Prefetcher` hands each list file to a process pool and returns its rows in
order; the store then only inserts them, in one transaction per list as always. Files the
store already holds (same sha256) are recognised in the worker before their entities are
built. Big files (FtM dumps of millions of entities) are not prefetched: they stream in the
main process in constant memory. Any failure in a worker yields `None`, and the caller
parses that list itself, so errors are raised and reported exactly as without workers.
"""

from __future__ import annotations

import gc
import os
from concurrent.futures import BrokenExecutor, CancelledError, Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from pickle import PickleError

from tamis.errors import TamisError
from tamis.model.tables import EntityRow
from tamis.sources import Found, detect
from tamis.sources.base import ParsedSource

__all__ = ["MAX_PREFETCH_BYTES", "Prefetched", "Prefetcher"]

MAX_PREFETCH_BYTES = 64 * 1024 * 1024  # bigger lists stream in the main process


@dataclass
class Prefetched:
    """A parsed list without its entity iterator, its sha256, and its rows (None: held already)."""

    parsed: ParsedSource
    sha256: str
    rows: list[EntityRow] | None


def _size(found: Found) -> int:
    folder = found.path.parent
    try:
        return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    except OSError:
        return MAX_PREFETCH_BYTES + 1


def _work(path: str, held: frozenset[str]) -> Prefetched | None:
    gc.disable()  # entities hold no cycles; collecting while building thousands costs ~35%
    try:
        found = detect(Path(path))
        parsed = found.parser.parse(found.path)
        sha256 = parsed.sha256()
        rows = None if sha256 in held else [EntityRow.of(e) for e in parsed.entities]
    except TamisError:
        return None
    parsed.entities = iter(())
    return Prefetched(parsed, sha256, rows)


class Prefetcher:
    """Starts parsing every (small enough) list at once; `get(n)` waits for list n."""

    def __init__(self, found: list[Found], held: dict[str, set[str]]) -> None:
        small = [n for n, f in enumerate(found) if _size(f) <= MAX_PREFETCH_BYTES]
        workers = min(len(small), os.cpu_count() or 1, 4)
        self._pool = ProcessPoolExecutor(workers) if workers > 1 else None
        self._futures: dict[int, Future[Prefetched | None]] = {}
        if self._pool is not None:
            gc.freeze()  # forked workers then leave the parent's objects (and pages) alone
            for n in small:
                known = frozenset(held.get(found[n].source, ()))
                self._futures[n] = self._pool.submit(_work, str(found[n].path), known)

    def get(self, n: int) -> Prefetched | None:
        future = self._futures.pop(n, None)
        if future is None:
            return None
        try:
            return future.result()
        except (BrokenExecutor, CancelledError, OSError, EOFError, PickleError):
            # a worker died (killed, out of memory): the caller parses in-process instead
            return None

    def close(self) -> None:
        if self._pool is not None:
            for future in self._futures.values():
                future.cancel()
            self._pool.shutdown(wait=True, cancel_futures=True)
            gc.unfreeze()
