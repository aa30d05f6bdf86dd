"""Benchmark: load every list under a data folder into a fresh store; time and peak memory.

Each measurement runs in its own process so peak RSS (ru_maxrss) belongs to it alone.
Side by side in the same run: a floor baseline that only reads and tokenises the same files
(csv / XML parsing with the standard library, no mapping, no store), so the cost tamis adds
on top of reading the files is visible.

    .venv/bin/python bench/load_sources.py --data ../shared/data [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path


def floor_read(data: Path) -> dict[str, float]:
    """Read and tokenise every file with the stdlib only: the least any loader must do."""
    start = time.perf_counter()
    rows = 0
    for path in sorted(data.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in {".csv", ".xml", ".txt", ".json"}:
            continue
        if path.name.lower() == "readme.md":
            continue
        raw = path.read_bytes().rstrip(b"\x1a")
        if path.suffix.lower() == ".xml":
            for _event, elem in ET.iterparse(io.BytesIO(raw)):
                rows += 1
                elem.clear()
        else:
            text = raw.decode("utf-8", errors="replace")
            delim = "\t" if path.suffix.lower() == ".txt" else ","
            rows += sum(1 for _ in csv.reader(io.StringIO(text), delimiter=delim))
    return {"seconds": time.perf_counter() - start, "rows": rows}


def tamis_load(data: Path, home: Path) -> dict[str, float]:
    """Parse every list and load it into a fresh SQLite store: the code of `tamis update --from`."""
    os.environ["TAMIS_HOME"] = str(home)
    os.environ.pop("TAMIS_DATABASE_URL", None)
    start = time.perf_counter()
    from tamis.cli.loading import find_lists, load_lists
    from tamis.model.store import Store

    found, _skipped = find_lists([data], [])
    with Store() as store:
        outcomes = load_lists(store, found, show_progress=False)
    failed = [o for o in outcomes if o.result is None]
    if failed:
        raise SystemExit(f"load failed: {failed[0].error}")
    entities = sum(o.result.version.counts.get("total", 0) for o in outcomes if o.result)
    return {"seconds": time.perf_counter() - start, "entities": entities}


def child(kind: str, data: Path) -> None:
    if kind == "floor":
        out = floor_read(data)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out = tamis_load(data, Path(tmp))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # parser worker processes: the largest one's peak; main + 2 workers bounds the total
    out["worker_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(out))


def run(kind: str, data: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--data", str(data)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["floor", "tamis"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data)
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'run':<8} {'what':<28} {'seconds':>8} {'peak RSS MB':>12} {'worker MB':>10}  detail")
    for i in range(args.repeat):
        for kind, label in (("floor", "stdlib read (floor)"), ("tamis", "tamis parse + SQLite load")):
            r = run(kind, args.data)
            detail = f"{int(r.get('entities', r.get('rows', 0))):,} " + (
                "entities" if kind == "tamis" else "rows/elements"
            )
            worker = r.get("worker_rss_mb", 0.0)
            print(
                f"{i + 1:<8} {label:<28} {r['seconds']:>8.2f} {r['peak_rss_mb']:>12.0f} "
                f"{worker:>10.0f}  {detail}"
            )


if __name__ == "__main__":
    main()
