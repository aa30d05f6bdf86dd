"""Build the three dev sets from the shared data, deterministically.

    .venv/bin/python -m bench.devsets.build --data ../shared/data --out bench/out/devsets

writes `ofac-alias-holdout.csv`, `un-aliases.csv`, `nonlisted.csv` and `stats.json`
(what was kept and dropped, and why). `--make-nonlisted People.csv` first regenerates
`bench/data/nonlisted.csv` from Baseball Databank's People.csv (see bench/data/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.devsets import holdout, nonlisted, un_aliases
from bench.devsets.common import write_devset

REPO = Path(__file__).resolve().parents[2]
FILES = {"a": "ofac-alias-holdout.csv", "b": "un-aliases.csv", "c": "nonlisted.csv"}


def build_all(data: Path, out: Path, n: int = 2000) -> dict[str, dict[str, int]]:
    stats: dict[str, dict[str, int]] = {}
    for key, builder in (
        ("a", lambda: holdout.build(data, n=n)),
        ("b", lambda: un_aliases.build(data)),
        ("c", lambda: nonlisted.build(data)),
    ):
        rows, counts = builder()
        write_devset(out / FILES[key], rows)
        stats[FILES[key]] = counts
        print(f"{FILES[key]}: {len(rows)} rows", file=sys.stderr)
    (out / "stats.json").write_text(json.dumps(stats, indent=2, sort_keys=True) + "\n")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "devsets")
    parser.add_argument("--n", type=int, default=2000, help="size of the OFAC alias hold-out")
    parser.add_argument("--make-nonlisted", type=Path, metavar="PEOPLE_CSV",
                        help="regenerate bench/data/nonlisted.csv from Baseball Databank People.csv")
    parser.add_argument("--squads", type=Path, metavar="TSV",
                        help="with --make-nonlisted: World Cup 2026 squads (country, name, born)")
    args = parser.parse_args(argv)
    if args.make_nonlisted:
        print(dict(nonlisted.make(args.make_nonlisted, args.data, squads=args.squads)),
              file=sys.stderr)
    build_all(args.data, args.out, args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
