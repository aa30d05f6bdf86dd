"""Benchmark: `screen` latency by the script a query is written in (abjad or not).

    TAMIS_HOME=DIR .venv/bin/python bench/screen_by_script.py [--devsets a,b,c]

After `tamis update --from ../shared/data` into DIR and `python -m bench.devsets.build`.
One core (CPU affinity); every query screened once to warm the caches, then timed once.
Dev sets: a = ofac-alias-holdout, b = un-aliases, c = nonlisted, x = crosslang (the
mix bench/screen_speed.py uses is all four). Queries written in an abjad (Arabic, Persian,
Hebrew) are matched by consonant skeleton and score more candidates: the latency tail.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from pathlib import Path

from tamis.match.screen import screener
from tamis.normalise.scripts import is_abjad

DEVSETS = Path(__file__).resolve().parent / "out" / "devsets"
NAMES = {"a": "ofac-alias-holdout", "b": "un-aliases", "c": "nonlisted", "x": "crosslang"}


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))] if s else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devsets", default="a,b,c")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    names = []
    for key in args.devsets.split(","):
        with open(DEVSETS / f"{NAMES[key]}.csv", encoding="utf-8", newline="") as fh:
            names += [row["query_name"] for row in csv.DictReader(fh)]
    scr = screener()
    for name in names:
        scr.screen({"name": name})
    times: dict[str, list[float]] = {"abjad": [], "other": []}
    for name in names:
        start = time.perf_counter()
        scr.screen({"name": name})
        times["abjad" if is_abjad(name) else "other"].append(1000 * (time.perf_counter() - start))
    times["all"] = times["abjad"] + times["other"]
    print(f"devsets {args.devsets}, load average {os.getloadavg()[0]:.2f}")
    for group, values in times.items():
        print(f"{group:>6}: {len(values):>5} queries, p50 {pct(values, 0.5):.2f} ms, "
              f"p95 {pct(values, 0.95):.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
