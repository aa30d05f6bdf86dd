"""Across languages and scripts: recall@1 and false alerts per script and per language.

    .venv/bin/python -m bench.crosslang [--systems brute,logic-v2,tamis-rerank,tamis]

Screens the cross-language dev set (`bench.devsets.crosslang`, rebuilt every run) with the
systems of `bench.baselines` over the same candidates (`brute`, `logic-v2`, and
`tamis-rerank`: our scorer re-ranking those candidates), plus `tamis`: the whole engine
(`Screener.build` on the same held-out list, its own index, then `screen`). Each origin
screens its own lists (UN names the UN list, OFAC aliases the 2023 SDN list, press rows
every list) with held-out names removed fold by fold as in `bench.baselines`. Prints rich
tables and writes `bench/out/crosslang.md` and `bench/out/crosslang.json`.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.baselines import System, brute_force, logic_v2, tamis_rerank, tamis_screen
from bench.devsets import crosslang as devset
from bench.devsets.candidates import ListIndex
from bench.devsets.common import trivial
from bench.devsets.folds import apply_holdout, folds
from bench.devsets.lists import load_list
from tamis.evaluate import DEFAULT_THRESHOLDS, Outcome, Report, evaluate, read_labelled
from tamis.evaluate.tables import fmt_rate

REPO = Path(__file__).resolve().parent.parent
DIMENSIONS = ("origin", "script", "language", "convention")


MAKERS = {"brute": brute_force, "logic-v2": logic_v2, "tamis-rerank": tamis_rerank,
          "tamis": tamis_screen}


def _labels(path: Path) -> dict[int, dict[str, str]]:
    """Dev-set line -> the columns read_labelled does not keep."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        out: dict[int, dict[str, str]] = {}
        for row in reader:
            out[reader.line_num] = row
        return out


def run(path: Path, data: Path, systems: list[System]) -> dict[str, list[Outcome]]:
    rows = read_labelled(path)
    labels = _labels(path)
    outcomes: dict[str, list[Outcome]] = {s.name: [] for s in systems}
    by_lists: dict[str, list] = {}
    tags = iter(range(10**6))
    for r in rows:
        by_lists.setdefault(labels[r.line or 0]["lists"], []).append(r)
    for lists, group in by_lists.items():
        base = [e for folder in lists.split(",") for e in load_list(data / folder)]
        held = [r.expected[0] if labels[r.line or 0]["holdout_alias"] else "" for r in group]
        for n, fold in enumerate(folds(group, held)):
            removed: dict[str, set[str]] = {}
            for r in fold:
                for name in filter(None, labels[r.line or 0]["holdout_alias"].split("|")):
                    removed.setdefault(r.expected[0], set()).add(trivial(name))
            index = ListIndex(apply_holdout(base, removed), f"x{next(tags)}")
            for system in systems:
                started = time.perf_counter()
                report = evaluate(fold, system.build(index), DEFAULT_THRESHOLDS, system.threshold)
                outcomes[system.name] += report.outcomes
                print(f"  {lists[:30]} fold {n}: {system.name} {len(fold)} queries "
                      f"{time.perf_counter() - started:.0f}s", file=sys.stderr)
    return outcomes


def measures(report: Report, outs: list[Outcome]) -> dict[str, Any]:
    m = report.at(None, outs)
    wrong = sum(1 for o in outs for ident, _ in o.alerts(report.default_threshold)
                if ident not in o.row.expected)
    return {"queries": len(outs), "listed": m.positives, "recall_at_1": report.recall_at_1(outs),
            "recall_at_1_thr": m.recall_top1, "recall_thr": m.recall, "negatives": m.negatives,
            "negatives_alerted": m.negatives_alerted, "false_alert_rate": m.false_alert_rate,
            "wrong_alerts": wrong}


def breakdown(reports: dict[str, Report], labels: dict[int, dict[str, str]],
              dimension: str) -> dict[str, dict[str, dict[str, Any]]]:  # fmt: skip
    """group -> system -> measures."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for name, report in reports.items():
        groups: dict[str, list[Outcome]] = {"(all)": report.outcomes} if dimension == "total" else {}
        if dimension != "total":
            for o in report.outcomes:
                groups.setdefault(labels[o.row.line or 0][dimension] or "-", []).append(o)
        for group, outs in groups.items():
            out.setdefault(group, {})[name] = measures(report, outs)
    return dict(sorted(out.items(), key=lambda kv: -next(iter(kv[1].values()))["queries"]))


CELLS = ("recall@1", "recall@1 at thr", "negatives alerted", "wrong alerts")


def cells(m: dict[str, Any]) -> list[str]:
    neg = f"{m['negatives_alerted']}/{m['negatives']}" if m["negatives"] else "-"
    return [fmt_rate(m["recall_at_1"]), fmt_rate(m["recall_at_1_thr"]), neg, str(m["wrong_alerts"])]


def rich_table(title: str, data: dict[str, dict[str, dict[str, Any]]], systems: list[str]) -> Table:
    table = Table(title=title)
    table.add_column("group")
    table.add_column("queries", justify="right")
    for s in systems:
        table.add_column(f"{s}\nrecall@1 | @thr | neg alerted | wrong", justify="right")
    for group, per in data.items():
        first = next(iter(per.values()))
        table.add_row(group, f"{first['listed']}+{first['negatives']}",
                      *(" | ".join(cells(per[s])) for s in systems))
    return table


def markdown(title: str, data: dict[str, dict[str, dict[str, Any]]], systems: list[str]) -> str:
    head = ["group", "listed + not"] + [f"{s} {c}" for s in systems for c in CELLS[:2]]
    head += [f"{s} false alerts (neg / wrong id)" for s in systems]
    lines = [f"### {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for group, per in data.items():
        first = next(iter(per.values()))
        row = [group, f"{first['listed']} + {first['negatives']}"]
        row += [c for s in systems for c in cells(per[s])[:2]]
        row += [f"{cells(per[s])[2]} / {per[s]['wrong_alerts']}" for s in systems]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--systems", default="brute,logic-v2,tamis-rerank,tamis")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows, stats = devset.build(args.data)
    path = args.out / "devsets" / devset.FILE
    devset.write(path, rows)
    systems = [s for name in args.systems.split(",") if (s := MAKERS[name]())]
    outcomes = run(path, args.data, systems)
    levels = sorted(set(DEFAULT_THRESHOLDS) | {s.threshold for s in systems})
    reports = {s.name: Report(outcomes[s.name], levels, s.threshold, title=s.name, system=s.note)
               for s in systems}
    labels = _labels(path)
    names = [s.name for s in systems]
    console = Console(width=220)
    md = [f"## Cross-language dev set ({len(rows)} queries), run {time.strftime('%Y-%m-%d')}", "",
          "Thresholds: " + ", ".join(f"{s.name} {s.threshold:.2f}" for s in systems)
          + ". recall@1 = right id ranked first (any score); at thr = and alerting; "
          "false alerts = non-listed queries with any alert / alerts on a wrong id.", ""]
    summary: dict[str, Any] = {"stats": stats, "systems": {s.name: s.note for s in systems}}
    for dim in ("total", *DIMENSIONS):
        data = breakdown(reports, labels, dim)
        console.print(rich_table(f"by {dim}", data, names))
        md.append(markdown(f"By {dim}", data, names))
        summary[dim] = data
    elapsed = time.perf_counter() - started
    md.append(f"Run time {elapsed:.0f} s. Systems: "
              + "; ".join(f"{s.name}: {s.note}" for s in systems) + ".\n")
    (args.out / "crosslang.md").write_text("\n".join(md))
    (args.out / "crosslang.json").write_text(json.dumps(summary, indent=1, default=str) + "\n")
    print(f"done in {elapsed:.0f}s; wrote {args.out / 'crosslang.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
