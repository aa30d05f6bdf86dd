"""Benchmark: the screening index at scale - memory per million names, build and load time,
and screen latency over a store of ~1,000,000 FtM entities derived from the real lists.

    .venv/bin/python bench/gen_ftm.py bench/out/ftm-1m.json -n 1000000 --seed 1
    TAMIS_HOME=/tmp/scale1m .venv/bin/tamis update --from bench/out/ftm-1m.json
    .venv/bin/python bench/screen_scale.py --home /tmp/scale1m [--queries 1000]

Each phase runs in a fresh process so that its memory is its own: "build" runs
`Screener.open(rebuild=True)` (wall and CPU seconds, peak RSS) and persists the index;
"load" opens the persisted index (load seconds, RSS before and after, names and entities
indexed) and then screens dev-set queries on one core (name only, then with birth date and
country), each query once ("first pass") and again ("warm"), then the index search alone.
Memory per million names = (RSS after load - RSS before it) / names indexed x 1e6.
Results go to bench/out/screen_scale.json (`--skip-build` keeps the build recorded there).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))


def rss_mb() -> float:
    """This process's resident set size now, in MB (from /proc)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_build() -> dict[str, Any]:
    from tamis import settings
    from tamis.match.screen import Screener

    t, c = time.perf_counter(), time.process_time()
    scr = Screener.open(rebuild=True)
    files = list((settings.home() / "index").glob("screen-*"))
    return {"build_s": time.perf_counter() - t, "build_cpu_s": time.process_time() - c,
            "build_peak_rss_mb": peak_mb(), "entities": len(scr), "names": scr.index.n,
            "index": str(files[0])}  # fmt: skip


def phase_load(n_queries: int, index: Path) -> dict[str, Any]:
    """The file the build wrote is read as `Screener.open` reads it (persist.read), named
    directly so that a code change since the build (another fingerprint) cannot rebuild it."""
    from screen_speed import read_queries, stats_ms

    from tamis.index import persist
    from tamis.index.inverted import Index
    from tamis.match.query import prepare_query
    from tamis.match.screen import Screener

    before = rss_mb()
    t = time.perf_counter()
    data = persist.read(index)
    assert data is not None, f"cannot read {index}"
    scr = Screener(Index.from_state(data["index"]), data["prepared"], data["fingerprint"])
    del data
    load_s = time.perf_counter() - t
    after = rss_mb()
    files = [index]
    out: dict[str, Any] = {
        "load_s": load_s, "rss_before_load_mb": before, "rss_after_load_mb": after,
        "entities": len(scr), "names": scr.index.n,
        "index_file_mb": sum(f.stat().st_size for f in files) / 2**20,
        "mb_per_million_names": (after - before) / scr.index.n * 1e6,
    }  # fmt: skip
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    bare, facts = read_queries()
    picks = random.Random(3).sample(range(len(bare)), min(n_queries, len(bare)))
    for label, qs in (("name_only", [bare[i] for i in picks]),
                      ("with_facts", [facts[i] for i in picks])):  # fmt: skip
        for phase in ("first pass", "warm"):
            scr._searches.clear()  # no answers remembered from an earlier pass
            times = []
            for q in qs:
                t = time.perf_counter()
                scr.screen(q)
                times.append(time.perf_counter() - t)
            out[f"latency_{label}_{phase.replace(' ', '_')}"] = stats_ms(times)
    scr._searches.clear()
    times = []
    for i in picks:  # the index search alone (warm), to split latency into search and scoring
        pq = prepare_query(bare[i])
        t = time.perf_counter()
        scr.candidates(pq)
        times.append(time.perf_counter() - t)
    out["index_search_only_name_only_warm"] = stats_ms(times)
    out["rss_after_queries_mb"] = rss_mb()
    return out


def run_phase(name: str, home: Path, n_queries: int, index: str = "") -> dict[str, Any]:
    env = dict(os.environ, TAMIS_HOME=str(home))
    env.pop("TAMIS_DATABASE_URL", None)
    cmd = [sys.executable, __file__, "--phase", name, "--queries", str(n_queries)]
    cmd += ["--index", index] if index else []
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, help="a TAMIS_HOME loaded with the large file")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--skip-build", action="store_true", help="reuse the newest index file")
    parser.add_argument("--phase", choices=("build", "load"), help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase == "build":
        print(json.dumps(phase_build()))
        return 0
    if args.phase == "load":
        print(json.dumps(phase_load(args.queries, args.index)))
        return 0
    if args.home is None:
        parser.error("--home is required")
    result: dict[str, Any] = {"home": str(args.home), "cpus": os.cpu_count()}
    out = REPO / "bench" / "out" / "screen_scale.json"
    if args.skip_build:
        index = str(max((args.home / "index").glob("screen-*"), key=lambda p: p.stat().st_mtime))
        if out.exists():
            result["build"] = json.loads(out.read_text(encoding="utf-8")).get("build")
    else:
        result["build"] = run_phase("build", args.home, args.queries)
        print(json.dumps(result["build"], indent=2), flush=True)
        index = result["build"]["index"]
    result["load"] = run_phase("load", args.home, args.queries, index)
    print(json.dumps(result["load"], indent=2))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
