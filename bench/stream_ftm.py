"""Benchmark: stream 1,000,000 FtM entities (derived from the real lists) into the store.

Generates the file once (bench/gen_ftm.py, deterministic), then, each in its own process so
peak RSS (ru_maxrss) belongs to that step alone:
  1. parse only: iterate `tamis.sources.parse(FILE).entities` (followthemoney validates each);
  2. the real thing: `tamis update --from FILE --json` into a fresh SQLite store.
Baseline in the same run: reading the same file line by line with `json.loads` (the floor).

    .venv/bin/python bench/stream_ftm.py [-n 1000000] [--file bench/out/ftm-1m.json]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent

PARSE_ONLY = """
import sys
from tamis.sources import parse
n = sum(1 for _ in parse(sys.argv[1]).entities)
print(n)
"""
FLOOR = """
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        json.loads(line); n += 1
print(n)
"""


WRAP = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stderr.write(proc.stderr[-2000:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(proc.returncode)
"""


def measure(label: str, cmd: list[str], env: dict[str, str] | None = None) -> None:
    """Run `cmd` under a small wrapper process, so its peak RSS is its own, not the max so far."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    wrapped = [sys.executable, "-c", WRAP, *cmd]
    proc = subprocess.run(wrapped, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{label} failed: {proc.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_mb = int(proc.stdout.strip().splitlines()[-1]) / 1024
    print(f"{label:<40} {wall:>8.1f} {cpu:>8.1f} {peak_mb:>10.0f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("--file", type=Path, default=HERE / "out" / "ftm-1m.json")
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    args = ap.parse_args()
    if not args.file.exists():
        args.file.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {args.n:,} entities -> {args.file}")
        subprocess.run(
            [sys.executable, str(HERE / "gen_ftm.py"), "-n", str(args.n), "--data", str(args.data),
             str(args.file)],
            check=True,
        )
    size = args.file.stat().st_size / 1e6
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"file: {args.file} ({size:,.0f} MB)")
    print(f"{'step':<40} {'wall s':>8} {'cpu s':>8} {'peak MB':>10}")
    measure("json.loads per line (floor)", [sys.executable, "-c", FLOOR, str(args.file)])
    measure("tamis parse (FtM-validated)", [sys.executable, "-c", PARSE_ONLY, str(args.file)])
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TAMIS_HOME=home)
        env.pop("TAMIS_DATABASE_URL", None)
        measure(
            "tamis update --from (parse + SQLite)",
            [str(VENV_BIN / "tamis"), "update", "--from", str(args.file), "--json"],
            env,
        )


if __name__ == "__main__":
    main()
