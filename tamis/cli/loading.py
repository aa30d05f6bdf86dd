"""Finding and loading lists, shared by `tamis update` and `tamis demo`.

Several snapshots of one list load in path order, so the newest becomes active. Loading the
same folder again must change nothing: the store only compares a file set with the *active*
version, so an older snapshot it already holds is recognised here (by sha256) and reported
"unchanged" instead of being stored again and briefly made active.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from tamis.cli.output import error, things
from tamis.cli.progress import entity_ticker, progress_bar
from tamis.errors import SourceError, StoreError, TamisError
from tamis.model.prefetch import Prefetcher
from tamis.model.store import LoadResult, Store, Version
from tamis.sources import Found, ParsedSource, discover

__all__ = ["Outcome", "find_lists", "load_lists", "outcomes_table"]


@dataclass
class Outcome:
    """What happened to one list: its load result, or the one-line reason it failed."""

    source: str
    path: Path | None
    result: LoadResult | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def status(self) -> str:
        return self.result.status if self.result is not None else "failed"

    def to_dict(self) -> dict[str, Any]:
        version = self.result.version if self.result else None
        previous = self.result.previous if self.result else None
        counts = dict(version.counts) if version else {}
        return {
            "source": self.source,
            "status": self.status,
            "path": str(self.path) if self.path else None,
            "version": version.number if version else None,
            "previous": previous.number if previous else None,
            "sha256": version.sha256 if version else None,
            "publisher_date": version.publisher_date if version else None,
            "things": things(counts),
            "total": counts.get("total"),
            "counts": counts,
            "seconds": round(self.seconds, 3),
            "error": self.error,
        }


def find_lists(paths: list[Path], wanted: list[str]) -> tuple[list[Found], list[str]]:
    """The lists under each path, in path order (older folders first), and skipped file sets."""
    found: list[Found] = []
    skipped: list[str] = []
    for path in paths:
        if not path.exists():
            raise SourceError(path, "no such file or folder")
        lists, skips = discover(path)
        found.extend(lists)
        skipped.extend(skips)
    where = ", ".join(str(p) for p in paths)
    if not found:
        raise TamisError(f"no list file found under {where}")
    if wanted:
        found = [f for f in found if f.source in wanted]
        missing = sorted(set(wanted) - {f.source for f in found})
        if missing:
            raise TamisError(f"no list of {', '.join(missing)} under {where}")
    return found, skipped


def _already_stored(store: Store, parsed: ParsedSource) -> LoadResult | None:
    """An "unchanged" result if the store already holds these exact files as some version."""
    try:
        versions = store.versions(parsed.source)
    except StoreError:  # a source never loaded
        return None
    sha256 = parsed.sha256()
    same = next((v for v in versions if v.sha256 == sha256), None)
    if same is None:
        return None
    close = getattr(parsed.entities, "close", None)
    if callable(close):
        close()
    active: Version | None = next((v for v in versions if v.active), None)
    return LoadResult(parsed.source, "unchanged", same, active)


def load_lists(store: Store, found: list[Found], show_progress: bool) -> list[Outcome]:
    """Parse and store each list in order; a failure is reported and the next list loads.

    Only the last snapshot of a source in `found` can replace its active version; earlier
    ones the store already holds are "unchanged".
    """
    last = {item.source: n for n, item in enumerate(found)}
    outcomes = []
    prefetch = Prefetcher(found, _held(store, found)) if len(found) > 1 else None
    collecting = gc.isenabled()
    gc.disable()  # entities hold no cycles: collecting while loading thousands costs ~35%
    try:
        for n, item in enumerate(found):
            start = time.perf_counter()
            try:
                with progress_bar(show_progress) as bar:
                    tick = entity_ticker(bar, f"{item.source} {item.path.parent.name}")
                    ready = prefetch.get(n) if prefetch else None
                    parsed = ready.parsed if ready else item.parser.parse(item.path)
                    known = _already_stored(store, parsed) if n != last[item.source] else None
                    if known is not None:
                        result = known
                    elif ready is not None and ready.rows is not None:
                        result = store.load_rows(parsed, ready.rows, tick, ready.sha256)
                    elif ready is not None:  # held as some version: the store decides
                        result = store.load(item.parser.parse(item.path), progress=tick)
                    else:
                        result = store.load(parsed, progress=tick)
            except TamisError as exc:
                error(exc)
                outcomes.append(Outcome(item.source, item.path, None, str(exc)))
            else:
                outcomes.append(Outcome(item.source, item.path, result, None))
            outcomes[-1].seconds = time.perf_counter() - start
    finally:
        if prefetch:
            prefetch.close()
        if collecting:
            gc.enable()
    return outcomes


def _held(store: Store, found: list[Found]) -> dict[str, set[str]]:
    """The sha256 of every version the store holds, per source: workers skip those files."""
    held: dict[str, set[str]] = {}
    for source in {f.source for f in found}:
        try:
            held[source] = {v.sha256 for v in store.versions(source)}
        except StoreError:  # never loaded
            held[source] = set()
    return held


def outcomes_table(outcomes: list[Outcome], title: str = "Loaded") -> Table:
    """Per list: status, version, counts and time; `--json` has the counts per schema."""
    table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("source", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("version", no_wrap=True)
    table.add_column("things", justify="right", no_wrap=True)
    table.add_column("total", justify="right", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    table.add_column("from", overflow="fold")
    styles = {"loaded": "green", "unchanged": "dim", "failed": "bold red"}
    for o in outcomes:
        row = o.to_dict()
        table.add_row(
            o.source,
            f"[{styles[o.status]}]{o.status}[/]",
            f"v{row['version']}" if row["version"] is not None else "-",
            f"{row['things']:,}" if o.result else "-",
            f"{row['total']:,}" if row["total"] is not None else "-",
            f"{o.seconds:.1f}s",
            Text(o.path.parent.name if o.path else "-"),
        )
    return table
