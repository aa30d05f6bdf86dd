"""The two baselines, and the slot our own scorer plugs into, over the same lists.

    .venv/bin/python -m bench.baselines [--devsets a,b,c]
        [--systems brute,logic-v2,logic-v2-idx,tamis-rerank,tamis]

A system is `build(index) -> screen_fn`; `screen_fn(query dict) -> [(id, score)]` ranked,
scores in [0, 1]. Every system of a run screens the same dev sets against the same list
(the hold-out folds applied), and `tamis.evaluate` counts. Systems:

- `brute`: rapidfuzz `token_sort_ratio` (default processor: lower-case, non-alphanumerics
  to spaces) of the query against every name and alias of every entity; an entity scores
  its best name. Computed as `fuzz.ratio` on pre-sorted tokens, which is the same number.
  Usual threshold 0.90.
- `logic-v2`: nomenklatura's `LogicV2` (yente's default algorithm, default config) on the
  top 20 entities of `brute`, plus, for a query not in Latin script, the top 20 by
  token-sort on ASCII transliterations (rigour `ascii_text`) of query and names: without
  them a non-Latin query gets no useful candidate. Candidates are cached per fold and
  shared, so its time is scoring only. Threshold 0.70, yente's default.
- `tamis-rerank`: `tamis.match.score_entity` (our scorer alone) on the same candidates.
- `tamis`: the whole engine as a user runs it: `Screener.build` on the fold's list (its
  own index proposes the candidates), then `screen`. Brute force's top 20 miss many
  aliases that share one word with their entity, so this is the figure to judge tamis by.
- `logic-v2-idx`: LogicV2 on the candidates tamis's index proposes: the peer scorer with
  our retrieval, beside `tamis` on equal candidates.

Times are per query, wall clock and process CPU (the CPU figure is the steadier one when
other work shares the machine).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.devsets import build as devsets
from bench.devsets.candidates import TOP_K, ListIndex
from bench.devsets.common import VARIANT, trivial
from bench.devsets.folds import apply_holdout, folds
from bench.devsets.holdout import UNRELATED
from bench.devsets.lists import load_list
from tamis.evaluate import (
    DEFAULT_THRESHOLDS,
    Report,
    evaluate,
    read_labelled,
    write_html,
)
from tamis.evaluate.tables import fmt_rate

REPO = Path(__file__).resolve().parent.parent
LISTS = {  # dev set -> the shared list folders it screens against
    "a": ["ofac-sdn-2023-01"],
    "b": ["un-sc-2026-02"],
    "c": ["ofac-sdn-2023-01", "ofac-cons-2025-12", "un-sc-2026-02", "bis-dpl-2019"],
}
ScreenFn = Callable[[dict[str, Any]], list[tuple[str, float]]]


@dataclass
class System:
    name: str
    threshold: float
    build: Callable[[ListIndex], ScreenFn]
    note: str = ""


def brute_force() -> System:
    return System("brute", 0.90, lambda index: lambda q: index.candidates(q["name"]),
                  "rapidfuzz token_sort_ratio, every name")


def logic_v2(on_index: bool = False) -> System:
    """nomenklatura's LogicV2 (yente's default) on the brute-force candidates, or with
    `on_index` on the candidates tamis's own index proposes."""
    from followthemoney import model
    from nomenklatura.matching import LogicV2

    config = LogicV2.default_config()
    counter = iter(range(10**9))

    def query_proxy(q: dict[str, Any]) -> Any:
        schema = {"Aircraft": "Airplane"}.get(q.get("schema") or "", q.get("schema") or "LegalEntity")
        proxy = model.make_entity(schema)
        proxy.id = f"q{next(counter)}"
        proxy.add("name", q["name"])
        if q.get("birth_date") and "birthDate" in proxy.schema.properties:
            proxy.add("birthDate", q["birth_date"])
        if q.get("country"):
            proxy.add("country", q["country"])
        return proxy

    def build(index: ListIndex) -> ScreenFn:
        proxies: dict[str, Any] = {}
        candidates = _brute_candidates(index) if not on_index else _index_candidates(index)

        def proxy(ident: str) -> Any:
            if ident not in proxies:
                p = index.entities[ident].to_proxy()
                p.id = f"{ident}#{index.tag}"
                proxies[ident] = p
            return proxies[ident]

        def screen(q: dict[str, Any]) -> list[tuple[str, float]]:
            qp = query_proxy(q)
            scored = [(i, LogicV2.compare(qp, proxy(i), config).score) for i in candidates(q)]
            return sorted(scored, key=lambda p: -p[1])

        return screen

    import nomenklatura

    version = nomenklatura.__version__
    if on_index:
        return System("logic-v2-idx", 0.70, build,
                      f"nomenklatura {version} LogicV2 on tamis's index candidates")  # fmt: skip
    return System("logic-v2", 0.70, build, f"nomenklatura {version} "
                  f"LogicV2 on brute top {TOP_K} (+ ASCII top {TOP_K} for non-Latin queries)")


def _brute_candidates(index: ListIndex) -> Callable[[dict[str, Any]], list[str]]:
    return lambda q: [i for i, _ in index.candidates(q["name"], translit=True)]


def _index_candidates(index: ListIndex) -> Callable[[dict[str, Any]], list[str]]:
    """The entities tamis's own index proposes for a query (`Screener.build` on the list)."""
    from tamis.match.query import prepare_query

    screener = _screener(index)
    return lambda q: [i for i, _ in screener.candidates(prepare_query(q))]


_SCREENERS: dict[str, Any] = {}


def _screener(index: ListIndex) -> Any:
    """tamis's Screener over one fold's list, built once for the systems that need it."""
    from tamis.match.screen import Screener

    if index.tag not in _SCREENERS:
        _SCREENERS.clear()  # one fold at a time
        _SCREENERS[index.tag] = Screener.build(index.entities.values())
    return _SCREENERS[index.tag]


def tamis_compare() -> System | None:
    """Our scorer on the same candidates: `prepare_query` once, `score_entity` per candidate."""
    try:
        from tamis.match import DEFAULT_THRESHOLD, prepare_entity, prepare_query, score_entity
    except ImportError:
        return None

    def build(index: ListIndex) -> ScreenFn:
        prepared: dict[str, Any] = {}

        def screen(q: dict[str, Any]) -> list[tuple[str, float]]:
            pq = prepare_query(q)
            out = []
            for ident, _ in index.candidates(q["name"], translit=True):
                if ident not in prepared:
                    prepared[ident] = prepare_entity(index.entities[ident])
                out.append((ident, score_entity(pq, prepared[ident]).score))
            return sorted(out, key=lambda p: -p[1])

        return screen

    return System("tamis", DEFAULT_THRESHOLD, build,
                  "tamis.match score_entity on the logic-v2 candidates")


def tamis_screen() -> System:
    """The whole engine: tamis's own index and scorer (`Screener.build` on the fold's list),
    as a user runs it; the other systems score the brute-force candidates."""
    from tamis.match import DEFAULT_THRESHOLD

    def build(index: ListIndex) -> ScreenFn:
        screener = _screener(index)
        return lambda q: [(m.id or "", m.score) for m in screener.screen(q, top=10)]

    return System("tamis", DEFAULT_THRESHOLD, build, "tamis Screener (own index + scorer)")


def tamis_rerank() -> System | None:
    """Our scorer alone, re-ranking the brute-force candidates the baselines score."""
    system = tamis_compare()
    if system is not None:
        system.name = "tamis-rerank"
    return system


def _columns(path: Path, column: str) -> dict[int, str]:
    """Dev-set line number -> one column read_labelled does not keep (holdout_alias...)."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        out: dict[int, str] = {}
        for row in reader:
            out[reader.line_num] = row.get(column) or ""
        return out


def _holdouts(path: Path) -> dict[int, str]:
    return _columns(path, "holdout_alias")


def variant_lines(path: Path) -> set[int]:
    """Lines whose held-out alias is a spelling variant of a name left on its entity."""
    return {line for line, v in _columns(path, "similarity").items() if v and int(v) >= VARIANT}


def run_devset(key: str, path: Path, data: Path, systems: list[System], limit: int | None) -> dict[str, Report]:
    rows = read_labelled(path)[:limit]
    holdout = _holdouts(path)
    base = [e for folder in LISTS[key] for e in load_list(data / folder)]
    groups = folds(rows, [r.expected[0] if holdout.get(r.line or 0) else "" for r in rows])
    outcomes: dict[str, list] = {s.name: [] for s in systems}
    for n, fold in enumerate(groups):
        removed: dict[str, set[str]] = {}
        for r in fold:
            if holdout.get(r.line or 0):
                removed.setdefault(r.expected[0], set()).add(trivial(holdout[r.line or 0]))
        index = ListIndex(apply_holdout(base, removed), f"{key}{n}")
        for system in systems:
            report = evaluate(fold, system.build(index), DEFAULT_THRESHOLDS, system.threshold)
            outcomes[system.name] += report.outcomes
    levels = sorted(set(DEFAULT_THRESHOLDS) | {s.threshold for s in systems})
    return {s.name: Report(outcomes[s.name], levels, s.threshold,
                           title=f"{path.stem} - {s.name}", system=s.note) for s in systems}


def summary_table(results: dict[str, dict[str, Report]],
                  variants: dict[str, set[int]]) -> Table:  # fmt: skip
    table = Table(title="baselines: recall@1, recall and false alerts at each system's threshold")
    for col in ("dev set", "system", "thr", "queries", "recall@1", "recall@1 related",
                f"recall@1 variants (>= {VARIANT})", "recall@1 @thr", "false-alert rate", "p50 ms", "p95 ms", "cpu p50", "cpu p95"):
        table.add_column(col, justify="right")
    for devset, reports in results.items():
        for name, r in reports.items():
            m, lat, cpu = r.at(), r.latency_ms(), r.latency_ms(cpu=True)
            table.add_row(devset, name, f"{r.default_threshold:.2f}", str(len(r.outcomes)),
                          fmt_rate(r.recall_at_1()), fmt_rate(r.recall_at_1(related(r))),
                          fmt_rate(r.recall_at_1(variant(r, variants.get(devset, set())))),
                          fmt_rate(m.recall_top1), fmt_rate(m.false_alert_rate, 2),
                          f"{lat['p50']:.1f}", f"{lat['p95']:.1f}", f"{cpu['p50']:.1f}",
                          f"{cpu['p95']:.1f}")
    return table


def variant(report: Report, lines: set[int]) -> list[Any]:
    """Outcomes whose held-out alias is a spelling variant (`variant_lines`)."""
    return [o for o in report.outcomes if (o.row.line or 0) in lines]


def related(report: Report) -> list[Any]:
    """Outcomes whose query shares a name part with its entity's remaining names."""
    return [o for o in report.outcomes if not (o.row.kind or "").endswith(UNRELATED)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the baselines on the dev sets.")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--devsets", default="a,b,c")
    parser.add_argument("--systems", default="brute,logic-v2,logic-v2-idx,tamis-rerank,tamis")
    parser.add_argument("--limit", type=int, help="first N queries of each dev set")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    args = parser.parse_args(argv)
    devdir = args.out / "devsets"
    if not all((devdir / devsets.FILES[k]).exists() for k in args.devsets.split(",")):
        devsets.build_all(args.data, devdir)
    makers = {"brute": brute_force, "logic-v2": logic_v2, "logic-v2-idx": lambda: logic_v2(True),
              "tamis-rerank": tamis_rerank, "tamis": tamis_screen}
    systems = [s for name in args.systems.split(",") if (s := makers[name]())]
    started = time.perf_counter()
    results: dict[str, dict[str, Report]] = {}
    variants: dict[str, set[int]] = {}
    for key in args.devsets.split(","):
        path = devdir / devsets.FILES[key]
        results[path.stem] = run_devset(key, path, args.data, systems, args.limit)
        variants[path.stem] = variant_lines(path)
        for name, report in results[path.stem].items():
            write_html(report, args.out / "reports" / f"{path.stem}-{name}.html")
        print(f"{path.stem}: done at {time.perf_counter() - started:.0f}s", file=sys.stderr)
    Console(width=220).print(summary_table(results, variants))
    summary = {d: {n: {**r.to_dict(), "recall_at_1_related": r.recall_at_1(related(r)),
                       "recall_at_1_variants": r.recall_at_1(variant(r, variants[d]))}
                   for n, r in reps.items()} for d, reps in results.items()}  # fmt: skip
    out = args.out / "baselines.json"  # merged: a run of some systems keeps the others' figures
    merged = json.loads(out.read_text()) if out.exists() else {}
    for devset, reports in summary.items():
        merged.setdefault(devset, {}).update(reports)
    out.write_text(json.dumps(merged, indent=1, default=str) + "\n")
    print(f"systems: {'; '.join(f'{s.name}: {s.note}' for s in systems)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
