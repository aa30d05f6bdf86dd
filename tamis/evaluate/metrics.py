"""Run labelled queries through a screen and count what a regulator asks about.

For each threshold: recall (listed names whose list id raised an alert), recall@1 (the
right id ranked first and alerting), precision (alerts that were right), false alerts,
and the false-alert rate (names on no list that raised any alert). Broken down by list
(id prefix), schema, script and kind, with per-query latency.

`screen_fn` takes a query mapping (`name`, optional `schema`, `birth_date`, `country`)
and returns ranked results: objects with `.id` and `.score` (a `tamis.screen` Match) or
`(id, score)` pairs. Scores are in [0, 1].
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tamis.errors import TamisError
from tamis.evaluate.labelled import LabelledRow

__all__ = [
    "DEFAULT_THRESHOLDS",
    "DIMENSIONS",
    "EvaluationError",
    "Metrics",
    "Outcome",
    "Report",
    "evaluate",
]

ScreenFn = Callable[[dict[str, Any]], Iterable[Any]]
DEFAULT_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
DIMENSIONS = ("list", "schema", "script", "kind")


class EvaluationError(TamisError):
    """The screen failed on a labelled row (the row's line is in the message)."""


def _pairs(results: Iterable[Any]) -> list[tuple[str, float]]:
    """Ranked `(id, score)` pairs from Match-like objects or pairs, best first."""
    pairs: list[tuple[str, float]] = []
    for item in results:
        if isinstance(item, tuple):
            ident, score = item[0], item[1]
        else:
            ident, score = item.id, item.score
        pairs.append((str(ident), float(score)))
    pairs.sort(key=lambda p: -p[1])
    return pairs


@dataclass
class Outcome:
    """What the screen returned for one row: results kept down to the lowest threshold."""

    row: LabelledRow
    results: list[tuple[str, float]]
    seconds: float
    expected_rank: int | None = None  # 1-based rank of the first expected id, if returned
    expected_score: float | None = None
    cpu_seconds: float = 0.0  # process CPU time: steadier than wall time on a busy machine

    @property
    def top(self) -> tuple[str, float] | None:
        return self.results[0] if self.results else None

    def alerts(self, threshold: float) -> list[tuple[str, float]]:
        return [r for r in self.results if r[1] >= threshold]

    def found(self, threshold: float) -> bool:
        return self.expected_score is not None and self.expected_score >= threshold

    def top1(self, threshold: float | None = None) -> bool:
        top = self.top
        if top is None or top[0] not in self.row.expected:
            return False
        return threshold is None or top[1] >= threshold


@dataclass
class Metrics:
    """Counts at one threshold over a set of outcomes; the rates are None when undefined."""

    threshold: float
    queries: int = 0
    positives: int = 0
    negatives: int = 0
    found: int = 0
    found_top1: int = 0
    alerts: int = 0
    true_alerts: int = 0
    false_alerts: int = 0
    negatives_alerted: int = 0

    @staticmethod
    def _rate(num: int, den: int) -> float | None:
        return num / den if den else None

    @property
    def recall(self) -> float | None:
        return self._rate(self.found, self.positives)

    @property
    def recall_top1(self) -> float | None:
        return self._rate(self.found_top1, self.positives)

    @property
    def precision(self) -> float | None:
        return self._rate(self.true_alerts, self.alerts)

    @property
    def false_alert_rate(self) -> float | None:
        return self._rate(self.negatives_alerted, self.negatives)

    def to_dict(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__}
        for k in ("recall", "recall_top1", "precision", "false_alert_rate"):
            data[k] = getattr(self, k)
        return data


def measure(outcomes: Sequence[Outcome], threshold: float) -> Metrics:
    m = Metrics(threshold=threshold, queries=len(outcomes))
    for o in outcomes:
        alerts = o.alerts(threshold)
        true = sum(1 for ident, _ in alerts if ident in o.row.expected)
        m.alerts += len(alerts)
        m.true_alerts += true
        m.false_alerts += len(alerts) - true
        if o.row.is_positive:
            m.positives += 1
            m.found += o.found(threshold)
            m.found_top1 += o.top1(threshold)
        else:
            m.negatives += 1
            m.negatives_alerted += bool(alerts)
    return m


def _percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


@dataclass
class Report:
    """The outcomes of one evaluation run, and the views a report is made of."""

    outcomes: list[Outcome]
    thresholds: list[float]
    default_threshold: float
    title: str = "tamis evaluation"
    system: str | None = None
    created: str = field(
        default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds")
    )

    def metrics(self, outcomes: Sequence[Outcome] | None = None) -> list[Metrics]:
        chosen = self.outcomes if outcomes is None else outcomes
        return [measure(chosen, t) for t in self.thresholds]

    def at(self, threshold: float | None = None, outcomes: Sequence[Outcome] | None = None) -> Metrics:
        chosen = self.outcomes if outcomes is None else outcomes
        return measure(chosen, self.default_threshold if threshold is None else threshold)

    def recall_at_1(self, outcomes: Sequence[Outcome] | None = None) -> float | None:
        """Share of listed names whose right id is ranked first, whatever its score."""
        chosen = [o for o in (self.outcomes if outcomes is None else outcomes) if o.row.is_positive]
        return sum(o.top1() for o in chosen) / len(chosen) if chosen else None

    def groups(self, dimension: str) -> dict[str, list[Outcome]]:
        out: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            out.setdefault(o.row.group(dimension), []).append(o)
        return dict(sorted(out.items(), key=lambda kv: (-len(kv[1]), kv[0])))

    def latency_ms(self, cpu: bool = False) -> dict[str, float]:
        """Wall-clock (or process CPU) milliseconds per query: p50, p95, p99, mean, max."""
        ms = [(o.cpu_seconds if cpu else o.seconds) * 1000 for o in self.outcomes]
        return {
            "p50": _percentile(ms, 0.50), "p95": _percentile(ms, 0.95),
            "p99": _percentile(ms, 0.99), "mean": sum(ms) / len(ms) if ms else math.nan,
            "max": max(ms, default=math.nan),
        }

    def misses(self, threshold: float | None = None) -> list[Outcome]:
        t = self.default_threshold if threshold is None else threshold
        return [o for o in self.outcomes if o.row.is_positive and not o.found(t)]

    def false_alerts(self, threshold: float | None = None) -> list[tuple[Outcome, str, float]]:
        t = self.default_threshold if threshold is None else threshold
        return [
            (o, ident, score)
            for o in self.outcomes
            for ident, score in o.alerts(t)
            if ident not in o.row.expected
        ]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able summary: overall and per-group metrics, latency."""
        return {
            "title": self.title, "system": self.system, "created": self.created,
            "queries": len(self.outcomes), "default_threshold": self.default_threshold,
            "recall_at_1": self.recall_at_1(), "latency_ms": self.latency_ms(),
            "cpu_ms": self.latency_ms(cpu=True),
            "thresholds": [m.to_dict() for m in self.metrics()],
            "groups": {
                dim: {
                    name: {"recall_at_1": self.recall_at_1(outs), **self.at(None, outs).to_dict()}
                    for name, outs in self.groups(dim).items()
                }
                for dim in DIMENSIONS
            },
        }


def evaluate(
    rows: Iterable[LabelledRow],
    screen_fn: ScreenFn,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    default: float | None = None,
    *,
    title: str = "tamis evaluation",
    system: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Screen every labelled row and keep what is needed to count at every threshold."""
    levels = sorted({float(t) for t in thresholds})
    if not levels or any(not 0.0 <= t <= 1.0 for t in levels):
        raise EvaluationError(f"thresholds must be in [0, 1], got {list(thresholds)}")
    default_t = levels[len(levels) // 2] if default is None else float(default)
    if default_t not in levels:
        levels = sorted(levels + [default_t])
    floor = levels[0]
    outcomes: list[Outcome] = []
    for n, row in enumerate(rows, 1):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            results = _pairs(screen_fn(row.to_query()))
        except TamisError:
            raise
        except Exception as exc:  # a scorer bug must still say which row
            where = f"line {row.line}" if row.line else f"row {n}"
            raise EvaluationError(f"{where}: screening {row.query!r} failed: {exc}") from exc
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        rank = next((i for i, (ident, _) in enumerate(results, 1) if ident in row.expected), None)
        score = results[rank - 1][1] if rank else None
        kept = [r for i, r in enumerate(results) if i == 0 or r[1] >= floor]
        outcomes.append(Outcome(row, kept, seconds, rank, score, cpu))
        if progress:
            progress(n)
    return Report(outcomes, levels, default_t, title=title, system=system)
