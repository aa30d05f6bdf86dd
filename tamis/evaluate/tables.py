"""The evaluation as Rich tables for the terminal: per threshold, per group, and latency."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from tamis.evaluate.metrics import DIMENSIONS, Metrics, Outcome, Report

__all__ = ["fmt_rate", "tables"]


def fmt_rate(value: float | None, digits: int = 1) -> str:
    """A rate as a percentage, `-` where it is undefined (no positives, no alerts...)."""
    return "-" if value is None else f"{100 * value:.{digits}f}%"


def threshold_table(report: Report) -> Table:
    table = Table(title=f"{report.title}: by threshold ({len(report.outcomes)} queries)")
    for name in ("threshold", "recall", "recall@1", "precision", "alerts", "false alerts",
                 "false-alert rate"):
        table.add_column(name, justify="right")
    for m in report.metrics():
        style = "bold" if m.threshold == report.default_threshold else None
        table.add_row(
            f"{m.threshold:.2f}", fmt_rate(m.recall), fmt_rate(m.recall_top1),
            fmt_rate(m.precision), str(m.alerts), str(m.false_alerts),
            fmt_rate(m.false_alert_rate, 2), style=style,
        )
    return table


def group_table(report: Report, dimension: str) -> Table:
    t = report.default_threshold
    table = Table(title=f"by {dimension} (threshold {t:.2f})")
    table.add_column(dimension)
    for name in ("queries", "listed", "recall@1 (rank)", "recall", "precision",
                 "false alerts", "false-alert rate"):
        table.add_column(name, justify="right")
    for name, outs in report.groups(dimension).items():
        m: Metrics = report.at(t, outs)
        table.add_row(
            name, str(m.queries), str(m.positives), fmt_rate(report.recall_at_1(outs)),
            fmt_rate(m.recall), fmt_rate(m.precision), str(m.false_alerts),
            fmt_rate(m.false_alert_rate, 2),
        )
    return table


def latency_table(report: Report) -> Table:
    table = Table(title="time per query (ms)")
    table.add_column("clock")
    for name in report.latency_ms():
        table.add_column(name, justify="right")
    for label, cpu in (("wall", False), ("cpu", True)):
        table.add_row(label, *(f"{v:.2f}" for v in report.latency_ms(cpu=cpu).values()))
    return table


def examples_table(title: str, rows: Sequence[tuple[Outcome, str, float]] | Sequence[Outcome],
                   limit: int = 10) -> Table:
    table = Table(title=title)
    for name in ("line", "query", "expected", "top result", "score"):
        table.add_column(name)
    for item in list(rows)[:limit]:
        outcome, ident, score = item if isinstance(item, tuple) else (item, None, None)
        top = outcome.top
        shown_id = ident if ident is not None else (top[0] if top else "-")
        shown_score = score if score is not None else (top[1] if top else None)
        table.add_row(
            str(outcome.row.line or ""), outcome.row.query, "; ".join(outcome.row.expected) or "-",
            shown_id, "-" if shown_score is None else f"{shown_score:.3f}",
        )
    return table


def tables(report: Report, dimensions: Sequence[str] = DIMENSIONS, examples: int = 0) -> list[Table]:
    """Everything a terminal report shows; `examples` > 0 adds misses and false alerts."""
    out = [threshold_table(report)]
    for dim in dimensions:
        if len(report.groups(dim)) > 1 or dim == "list":
            out.append(group_table(report, dim))
    out.append(latency_table(report))
    if examples:
        t = report.default_threshold
        out.append(examples_table(f"misses at {t:.2f}", report.misses(), examples))
        out.append(examples_table(f"false alerts at {t:.2f}", report.false_alerts(), examples))
    return out
