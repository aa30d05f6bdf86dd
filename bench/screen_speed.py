"""Benchmark: `tamis.screen` on all of ../shared/data - latency, batch rate, index load,
and the index's recall against brute force - with the naive rapidfuzz brute force beside it.

    .venv/bin/python bench/screen_speed.py [--data ../shared/data] [--recall 500]

Queries: the dev sets in bench/out/devsets (`python -m bench.devsets.build`): OFAC aliases
held out, UN aliases, real names on no list; once by name only, once with a birth date and
a country (the row's own, else 1970 and "ru"). Latency on one core (CPU affinity), each
query once after a fresh load ("first pass": prepared entities still to unpickle) and
again ("warm"). Batch: `screen_many` on 2 worker processes (name only, with facts, both;
each from a freshly forked pair of workers). Load: `Screener.open` in a
fresh process, the persisted index already on disk. Recall: the share of brute-force hits
(score >= threshold, in its top 10) that the index proposed, on a seeded sample. Results
also go to bench/out/screen_speed.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parent.parent
DEVSETS = REPO / "bench" / "out" / "devsets"


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))] if s else float("nan")


def stats_ms(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {"p50": pct(ms, 0.5), "p95": pct(ms, 0.95), "p99": pct(ms, 0.99),
            "mean": sum(ms) / len(ms), "n": len(ms)}  # fmt: skip


def read_queries() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(name-only, with birth date and country) queries from the dev sets."""
    if not DEVSETS.is_dir():
        sys.exit(f"no dev sets at {DEVSETS}: run .venv/bin/python -m bench.devsets.build")
    bare, facts = [], []
    for path in sorted(DEVSETS.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                bare.append({"name": row["query_name"]})
                facts.append({"name": row["query_name"], "birth_date": row.get("birth_date") or "1970",
                              "country": row.get("country") or "ru"})  # fmt: skip
    return bare, facts


def load_all(data: Path, home: Path) -> None:
    from tamis.cli.loading import find_lists, load_lists
    from tamis.model.store import Store

    found, _ = find_lists([data], [])
    with Store() as store:
        load_lists(store, found, show_progress=False)


def load_time(home: Path) -> dict[str, float]:
    """`Screener.open` of the persisted index in a fresh process (and the imports before)."""
    code = ("import time; t0 = time.perf_counter(); from tamis.match.screen import Screener; "
            "t1 = time.perf_counter(); s = Screener.open(); t2 = time.perf_counter(); "
            "assert not s.built; print(t1 - t0, t2 - t1, len(s))")  # fmt: skip
    env = dict(os.environ, TAMIS_HOME=str(home))
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
        runs.append((float(out[0]), float(out[1]), int(out[2])))
    best = min(runs, key=lambda r: r[1])
    return {"import_s": best[0], "open_s": best[1], "entities": best[2]}


def latency(queries: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    from tamis.match.screen import Screener

    scr = Screener.open()
    out = {}
    for label in ("first pass", "warm"):
        scr._searches.clear()  # "warm": loaded and unpickled, not answers remembered
        times = []
        for q in queries:
            t = time.perf_counter()
            scr.screen(q)
            times.append(time.perf_counter() - t)
        out[label] = stats_ms(times)
    return out


def batch(queries: list[dict[str, Any]], processes: int) -> dict[str, float]:
    from tamis.match.screen import screen_many, screener

    screener()  # loaded before the clock starts, as a batch service would be
    t = time.perf_counter()
    results = screen_many(queries, processes=processes, chunksize=500)
    seconds = time.perf_counter() - t
    assert len(results) == len(queries)
    return {"queries": len(queries), "seconds": seconds, "per_second": len(queries) / seconds,
            "processes": processes}  # fmt: skip


def rapidfuzz_brute(queries: list[dict[str, Any]]) -> dict[str, float]:
    """Baseline: rapidfuzz token-sort ratio of the query against every name of every entity."""
    from rapidfuzz import fuzz, process, utils

    from tamis.model.store import Store

    def sort_tokens(text: str) -> str:
        return " ".join(sorted(utils.default_process(text).split()))

    names = [sort_tokens(v) for e in Store().entities() if e.is_thing for _, v in e.names()]
    times = []
    for q in queries:
        t = time.perf_counter()
        process.extract(sort_tokens(q["name"]), names, scorer=fuzz.ratio, processor=None, limit=10)
        times.append(time.perf_counter() - t)
    return stats_ms(times) | {"names": len(names)}


def recall(queries: list[dict[str, Any]]) -> dict[str, float]:
    from tamis.index import Vocabulary, brute_force
    from tamis.match import DEFAULT_THRESHOLD, prepare_query, score_entity
    from tamis.match.parts import part_similarity
    from tamis.match.screen import screener

    scr = screener()
    voc = Vocabulary((n, [f for f, _ in scr.prepared(n).names]) for n in range(len(scr)))
    hits = found = top1 = top1_found = 0
    for q in queries:
        pq = prepare_query(q)
        near = voc.entries_near([f for f, _ in pq.names], lambda a, b: part_similarity(a, b)[0] > 0)
        top = brute_force(near, lambda n, pq=pq: score_entity(pq, scr.prepared(n)).score, 10)
        proposed = {ident for ident, _ in scr.candidates(pq)}
        expected = [scr.index.ids[n] for n, s in top if s >= DEFAULT_THRESHOLD]
        hits += len(expected)
        found += sum(i in proposed for i in expected)
        if expected:
            top1 += 1
            top1_found += expected[0] in proposed
    return {"queries": len(queries), "hits": hits, "recall": found / hits if hits else float("nan"),
            "top1_recall": top1_found / top1 if top1 else float("nan")}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--home", type=Path, help="a TAMIS_HOME already loaded (default: fresh)")
    parser.add_argument("--recall", type=int, default=500, help="queries in the recall sample")
    parser.add_argument("--baseline", type=int, default=1000, help="queries for rapidfuzz")
    args = parser.parse_args(argv)
    home = args.home or Path(tempfile.mkdtemp(prefix="tamis-bench-"))
    os.environ["TAMIS_HOME"] = str(home)
    os.environ.pop("TAMIS_DATABASE_URL", None)
    console = Console()
    bare, facts = read_queries()
    result: dict[str, Any] = {"queries": len(bare), "cpus": os.cpu_count()}
    if args.home is None:
        t = time.perf_counter()
        load_all(args.data, home)
        result["store_load_s"] = time.perf_counter() - t
    from tamis.match.screen import Screener

    t = time.perf_counter()
    built = Screener.open(rebuild=True)
    result["index_build_s"] = time.perf_counter() - t
    result["entities"] = len(built)
    result["load"] = load_time(home)
    result["batch_2_processes"] = batch(bare + facts, 2)
    result["batch_2_processes_name_only"] = batch(bare, 2)
    result["batch_2_processes_with_facts"] = batch(facts, 2)
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core from here on
    result["latency_name_only"] = latency(bare)
    result["latency_with_facts"] = latency(facts)
    sample = random.Random(5).sample(bare, min(args.baseline, len(bare)))
    result["rapidfuzz_brute"] = rapidfuzz_brute(sample)
    result["index_recall"] = recall(random.Random(9).sample(bare, min(args.recall, len(bare))))
    show(console, result)
    out = REPO / "bench" / "out" / "screen_speed.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    console.print(f"written to {out}")
    return 0


def show(console: Console, r: dict[str, Any]) -> None:
    table = Table(title=f"tamis.screen on {r['entities']:,} entities ({r['queries']:,} queries)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    for key, label in (("latency_name_only", "name only"), ("latency_with_facts", "with facts")):
        for phase, s in r[key].items():
            table.add_row(f"{label}, {phase}: p50 / p95 ms", f"{s['p50']:.2f} / {s['p95']:.2f}",
                          "1 / 5")  # fmt: skip
    rf = r["rapidfuzz_brute"]
    table.add_row("rapidfuzz token-sort brute force: p50 / p95 ms",
                  f"{rf['p50']:.2f} / {rf['p95']:.2f}", "baseline")  # fmt: skip
    for key, label in (("", "both"), ("_name_only", "name only"), ("_with_facts", "with facts")):
        b = r.get(f"batch_2_processes{key}")
        if b:
            table.add_row(f"batch, 2 processes, {label}: queries/s", f"{b['per_second']:,.0f}",
                          ">= 5,000")  # fmt: skip
    ld = r["load"]
    table.add_row("index load (fresh process): s", f"{ld['open_s']:.3f}", "<= 1")
    table.add_row("  imports before it: s", f"{ld['import_s']:.3f}", "")
    table.add_row("index build: s", f"{r['index_build_s']:.1f}", "")
    rc = r["index_recall"]
    table.add_row(f"index recall of brute-force hits ({rc['hits']} hits)", f"{rc['recall']:.4f}",
                  ">= 0.995")  # fmt: skip
    table.add_row("  of brute-force top-1 hits", f"{rc['top1_recall']:.4f}", "")
    console.print(table)


if __name__ == "__main__":
    raise SystemExit(main())
