"""Fit the scorer's logistic weights on labelled pairs from the dev sets, and choose the threshold.

    .venv/bin/python -m bench.calibrate [--write] [--data ../shared/data]

Pairs come from the same candidates the baselines rank (bench.baselines, hold-out folds applied):
- true pairs: an alias query (OFAC hold-out, UN aliases) and its expected entity, when that
  entity is among the query's candidates;
- false pairs: the same query and each of its other candidates, and every non-listed name and
  each of its candidates.
Every query with a birth date or country is also used name-only (many real queries are), so
the name weight is learnt for queries without facts too. Queries whose held-out alias shares no name part with its entity (kind `*-unrelated`) are left
out: no name matcher can find them, and as true pairs they would teach the model that a poor
name with an agreeing country is a hit.

The fit is logistic regression on `tamis.match.feature_vector` (the exact inputs `score_entity`
combines), the positive side only for features with hand-set `conflict_weights` (the dev sets
hold no true pair with conflicting facts), by L-BFGS with an L2 pull towards fixed hand-set weights (so features the dev sets do not
exercise, such as identifiers, keep their hand-set weights, `PRIOR`) and weights bounded at >= 0 (a
feature's positive value is evidence for a match). Deterministic: same data, same weights.

The default threshold is the lowest of 0.50, 0.55, ... 0.95 at which at most 1% of the non-listed
names raise an alert (their best candidate scores at or above it) and at least 9 in 10 alerts
on the dev pairs are true. `--write` puts bias, weights and
threshold into tamis/resources/match_weights.yml with a comment naming data, date and command.
The report: a reliability table (score bucket -> observed share of true pairs) and, per threshold,
recall of the top hit, precision of alerts and the non-listed false-alert rate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

from bench.baselines import System, run_devset
from bench.devsets import build as devsets
from bench.devsets.holdout import UNRELATED
from tamis.match import FEATURES, feature_vector, prepare_entity, prepare_query, weights

REPO = Path(__file__).resolve().parent.parent
WEIGHTS_FILE = REPO / "tamis" / "resources" / "match_weights.yml"
L2 = 1e-5  # pull towards PRIOR, per pair-averaged log loss
# The hand-set weights the fit starts from and is pulled towards (fixed here, not read from
# match_weights.yml, so that a re-run gives the same numbers): identifiers keep theirs.
PRIOR_BIAS = -9.35
PRIOR = {"name": 12.0, "birth_date": 2.5, "country": 0.8, "identifier": 6.0, "schema": 6.0,
         "gender": 1.2, "legal_form": 0.4}  # fmt: skip
GRID = [round(0.5 + 0.05 * k, 2) for k in range(10)]
MAX_FALSE_ALERTS = 0.01
MIN_PRECISION = 0.9  # of alerts on the dev pairs: 9 in 10 alerts true
Candidates = list[tuple[Any, dict[str, Any], list[tuple[str, Any]]]]  # (row, query, [(id, entity)])


def collect(data: Path, devdir: Path, cache: Path | None) -> dict[str, Candidates]:
    """Each dev set's rows with their candidate entities (the bench's folds and candidates)."""
    if cache is not None and cache.exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]
    out: dict[str, Candidates] = {}
    for key in "abc":
        captured: list[tuple[dict[str, Any], list[tuple[str, Any]]]] = []

        def build(index: Any, captured: Any = captured) -> Any:
            def screen(q: dict[str, Any]) -> list[tuple[str, float]]:
                found = index.candidates(q["name"], translit=True)
                captured.append((q, [(i, index.entities[i]) for i, _ in found]))
                return []

            return screen

        path = devdir / devsets.FILES[key]
        report = run_devset(key, path, data, [System("capture", 0.7, build)], None)["capture"]
        out[key] = [(o.row, query, c) for o, (query, c) in zip(report.outcomes, captured)]
        print(f"{path.name}: {len(captured)} queries", file=sys.stderr)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with open(cache, "wb") as fh:
            pickle.dump(out, fh)
    return out


def pairs(collected: dict[str, Candidates]) -> tuple[np.ndarray, np.ndarray, list[tuple[str, int]]]:
    """Feature matrix, labels, and (dev set, query number) of every pair."""
    names = list(FEATURES)
    rows, labels, groups = [], [], []
    prepared: dict[int, Any] = {}
    for key, items in collected.items():
        for n, (row, query, cands) in enumerate(items):
            if row.is_positive and (row.kind or "").endswith(UNRELATED):
                continue
            variants = [(query, (key, n))]
            bare = {k: v for k, v in query.items() if k not in ("birth_date", "country")}
            if bare != query:  # the same name screened without facts (many real queries are)
                variants.append((bare, (key + "-name", n)))
            for q, group in variants:
                pq = prepare_query(q)
                for ident, entity in cands:
                    pe = prepared.get(id(entity))
                    if pe is None:
                        pe = prepared[id(entity)] = prepare_entity(entity)
                    fv = feature_vector(pq, pe)
                    rows.append([fv[f] for f in names])
                    labels.append(1.0 if ident in row.expected else 0.0)
                    groups.append(group)
    return np.array(rows), np.array(labels), groups


def split(
    x: np.ndarray, names: list[str], conflict: dict[str, float]
) -> tuple[np.ndarray, np.ndarray]:
    """(inputs whose weights are fitted, fixed offset): a feature with its own conflict weight
    contributes its negative values through that hand-set weight, its positive ones fitted."""
    fitted, offset = x.copy(), np.zeros(len(x))
    for k, f in enumerate(names):
        if f in conflict:
            neg = np.minimum(x[:, k], 0.0)
            offset += conflict[f] * neg
            fitted[:, k] = np.maximum(x[:, k], 0.0)
    return fitted, offset


def fit(x: np.ndarray, y: np.ndarray, offset: np.ndarray, start: np.ndarray,
        bias0: float) -> tuple[float, np.ndarray]:  # fmt: skip
    """Logistic regression by L-BFGS-B: weights >= 0, L2 towards `start`."""

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = theta[0] + x @ theta[1:] + offset
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        ll = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        d = theta[1:] - start
        grad = np.concatenate([[np.mean(p - y)], x.T @ (p - y) / len(y) + 2 * L2 * d])
        return float(ll + L2 * d @ d), grad

    theta0 = np.concatenate([[bias0], start])
    bounds = [(None, None)] + [(0.0, None)] * len(start)
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 2000, "gtol": 1e-9})  # fmt: skip
    return float(res.x[0]), res.x[1:]


def reliability(p: np.ndarray, y: np.ndarray) -> list[tuple[str, int, float, float]]:
    """(score bucket, pairs, mean score, observed share of true pairs) per tenth."""
    out = []
    for k in range(10):
        lo, hi = k / 10, (k + 1) / 10
        sel = (p >= lo) & ((p < hi) if k < 9 else (p <= 1.0))
        if sel.any():
            out.append((f"{lo:.1f}-{hi:.1f}", int(sel.sum()), float(p[sel].mean()),
                        float(y[sel].mean())))  # fmt: skip
    return out


def per_threshold(
    p: np.ndarray, y: np.ndarray, groups: list[tuple[str, int]]
) -> list[dict[str, float]]:
    """Per threshold: top-hit recall on the related alias queries, alert precision, and the
    share of non-listed names with an alert."""
    best: dict[tuple[str, int], tuple[float, float]] = {}
    for score, label, g in zip(p, y, groups):
        if g not in best or score > best[g][0]:
            best[g] = (float(score), float(label))
    pos = [v for g, v in best.items() if g[0][0] != "c"]
    npos = sum(1 for g in {g for g, lab in zip(groups, y) if lab} if g[0][0] != "c")
    neg = [v for g, v in best.items() if g[0][0] == "c"]
    out = []
    for t in GRID:
        alerts = p >= t
        out.append({
            "threshold": t,
            "recall_top1": sum(1 for s, lab in pos if lab and s >= t) / max(npos, 1),
            "precision": float(y[alerts].mean()) if alerts.any() else float("nan"),
            "false_alerts": sum(1 for s, _ in neg if s >= t) / max(len(neg), 1),
        })  # fmt: skip
    return out


def write_weights(bias: float, w: dict[str, float], threshold: float, note: list[str]) -> None:
    """Replace the threshold/bias/weights block of match_weights.yml, keeping everything else."""
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    block = "".join(f"# {line}\n" for line in note)
    block += f"threshold: {threshold}\nbias: {bias:.4f}\nweights:\n"
    block += "".join(f"  {f}: {v:.4f}\n" for f, v in w.items())
    pattern = re.compile(
        r"^(?:# fitted by bench/calibrate\.py.*\n(?:#.*\n)*)?"
        r"threshold:[^\n]*\nbias:[^\n]*\nweights:\n(?:  [^\n]*\n)*",
        re.MULTILINE,
    )
    new, count = pattern.subn(block, text, count=1)
    if count != 1:
        raise SystemExit(f"{WEIGHTS_FILE}: no threshold/bias/weights block to replace")
    WEIGHTS_FILE.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--devsets", type=Path, default=REPO / "bench" / "out" / "devsets")
    parser.add_argument("--cache", type=Path, help="pickle of the candidates, reused if present")
    parser.add_argument("--write", action="store_true", help="write the fit into match_weights.yml")
    args = parser.parse_args(argv)
    if not all((args.devsets / f).exists() for f in devsets.FILES.values()):
        devsets.build_all(args.data, args.devsets)
    x, y, groups = pairs(collect(args.data, args.devsets, args.cache))
    model = weights()
    names = list(FEATURES)
    start = np.array([PRIOR.get(f, model.weights[f]) for f in names])
    conflict = {f: v for f, v in model.conflict.items() if v != model.weights[f]}
    xf, offset = split(x, names, conflict)
    bias, w = fit(xf, y, offset, start, PRIOR_BIAS)
    p = 1.0 / (1.0 + np.exp(-(bias + xf @ w + offset)))
    print(f"pairs: {len(y)} ({int(y.sum())} true); bias {bias:.3f}; "
          + ", ".join(f"{f} {v:.3f}" for f, v in zip(names, w)))  # fmt: skip
    print("\nreliability (all pairs): score bucket | pairs | mean score | observed true share")
    for bucket, n, mean, obs in reliability(p, y):
        print(f"  {bucket} | {n:7d} | {mean:.3f} | {obs:.3f}")
    table = per_threshold(p, y, groups)
    print(
        "\nthreshold | recall@1 (related aliases) | precision of alerts | non-listed false alerts"
    )
    for r in table:
        print(f"  {r['threshold']:.2f} | {r['recall_top1']:.4f} | {r['precision']:.4f} | "
              f"{r['false_alerts']:.4%}")  # fmt: skip
    ok = [r["threshold"] for r in table
          if r["false_alerts"] <= MAX_FALSE_ALERTS and r["precision"] >= MIN_PRECISION]  # fmt: skip
    threshold = ok[0] if ok else GRID[-1]
    print(
        f"\ndefault threshold: {threshold} (lowest with non-listed false alerts <= 1% "
        f"and alert precision >= {MIN_PRECISION})"
    )
    if args.write:
        counts = {k: sum(1 for g in groups if g[0][0] == k) for k in "abc"}
        write_weights(bias, dict(zip(names, w)), threshold, [
            (f"fitted by bench/calibrate.py on {dt.date.today().isoformat()}: "
             "`.venv/bin/python -m bench.calibrate --write`"),
            f"on {len(y)} candidate pairs ({int(y.sum())} true) of the dev sets in bench/out/devsets",
            f"(ofac-alias-holdout {counts['a']}, un-aliases {counts['b']}, nonlisted {counts['c']};",
            "`*-unrelated` aliases left out; each query also name-only). Threshold: the lowest of",
            "0.50..0.95 with at most 1% of non-listed names alerting and alert precision >= 0.9.",
        ])  # fmt: skip
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
