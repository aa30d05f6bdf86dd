"""Where `screen`'s time goes: per dev set, the mean time per query, the name pairs aligned
and the candidates scored; over all queries, how the aligned pairs end (nothing shared, a
score near 0) and a cProfile of the warm pass.

    TAMIS_HOME=DIR .venv/bin/python -m bench.screen_profile [--top 25]

DIR holds a store with the lists loaded (`tamis update --from ../shared/data`). Queries: the
dev sets in bench/out/devsets (`python -m bench.devsets.build`), name only. Measures tamis
alone (it explains the figures `bench/screen_speed.py` takes beside its baseline).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import pstats
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tamis.match import features
from tamis.match.names import NameAlignment, align
from tamis.match.screen import Screener
from tamis.normalise import NameForm

DEVSETS = Path(__file__).resolve().parent / "out" / "devsets"


def read_sets() -> dict[str, list[dict[str, Any]]]:
    return {p.stem: [{"name": r["query_name"]} for r in csv.DictReader(open(p, encoding="utf-8"))]
            for p in sorted(DEVSETS.glob("*.csv"))}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=25, help="functions shown in the profile")
    args = parser.parse_args(argv)
    sets = read_sets()
    scr = Screener.open()
    for queries in sets.values():  # warm: prepared entities unpickled, caches filled
        for q in queries:
            scr.screen(q)
    pairs: list[tuple[NameForm, NameForm]] = []

    def recording(q: NameForm, r: NameForm) -> NameAlignment:
        pairs.append((q, r))
        return align(q, r)

    print("dev set                 queries  ms/query  pairs/query  candidates/query")
    for name, queries in sets.items():
        scr._searches.clear()
        began = time.perf_counter()
        for q in queries:
            scr.screen(q)
        seconds = time.perf_counter() - began
        scr._searches.clear()
        features.align = recording  # the scorer's call, counted
        before = len(pairs)
        scored = sum(len(scr.screen(q, top=1000)) for q in queries)
        features.align = align
        n = len(queries)
        print(f"{name:22s} {n:8d} {seconds / n * 1000:9.3f} {(len(pairs) - before) / n:12.1f}"
              f" {scored / n:17.1f}")  # fmt: skip
    began = time.perf_counter()
    results = [align(q, r) for q, r in pairs]
    each = (time.perf_counter() - began) / len(pairs) * 1e6
    shared_nothing = sum(1 for a in results if not a.pairs)
    low = sum(1 for a in results if a.score < 0.05)
    print(f"\naligned pairs: {len(pairs):,}, {each:.1f} µs each; nothing shared: "
          f"{shared_nothing / len(pairs):.0%}; score below 0.05: {low / len(pairs):.0%}")
    sizes = Counter((min(len(q.tokens), 6), min(len(r.tokens), 6)) for q, r in pairs)
    print("most common (query parts, list parts):", sizes.most_common(6))
    scr._searches.clear()
    profile = cProfile.Profile()
    profile.enable()
    for queries in sets.values():
        for q in queries:
            scr.screen(q)
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
