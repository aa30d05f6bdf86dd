"""The evaluation as one self-contained HTML file: the test evidence to hand a reviewer.

No scripts, no external assets: inline CSS and an inline SVG chart, so the file can be
archived, mailed and opened offline years later and still show the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from tamis import __version__
from tamis.evaluate.metrics import DIMENSIONS, Outcome, Report
from tamis.evaluate.tables import fmt_rate

__all__ = ["render_html", "write_html"]

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;color:#222;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.25em .7em;border-bottom:1px solid #e4e4e4}
th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.default td{font-weight:bold;background:#fff8e0}.meta{color:#666}.legend span{margin-right:1.5em}
"""


def _cell(value: object, numeric: bool = False) -> str:
    cls = ' class="n"' if numeric else ""
    return f"<td{cls}>{escape(str(value))}</td>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]], numeric_from: int = 1,
           marks: Sequence[bool] = ()) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cls = ' class="default"' if i < len(marks) and marks[i] else ""
        cells = "".join(_cell(v, j >= numeric_from) for j, v in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _chart(report: Report) -> str:
    """Recall and false-alert rate against threshold, as an inline SVG line chart."""
    metrics = report.metrics()
    if len(metrics) < 2:
        return ""
    w, h, pad = 560, 240, 40
    lo, hi = metrics[0].threshold, metrics[-1].threshold
    span = (hi - lo) or 1.0

    def xy(t: float, v: float) -> str:
        return f"{pad + (t - lo) / span * (w - 2 * pad):.1f},{h - pad - v * (h - 2 * pad):.1f}"

    lines = []
    for name, colour, get in (
        ("recall", "#1f77b4", lambda m: m.recall),
        ("precision", "#2ca02c", lambda m: m.precision),
        ("false-alert rate", "#d62728", lambda m: m.false_alert_rate),
    ):
        points = [xy(m.threshold, get(m)) for m in metrics if get(m) is not None]
        if len(points) > 1:
            lines.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
                f'points="{" ".join(points)}"><title>{name}</title></polyline>'
            )
    ticks = "".join(
        f'<text x="{xy(m.threshold, 0).split(",")[0]}" y="{h - pad + 16}" font-size="11" '
        f'text-anchor="middle">{m.threshold:.2f}</text>'
        for m in metrics
    )
    axis = (
        f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="#999"/>'
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{h - pad}" stroke="#999"/>'
        f'<text x="{pad - 6}" y="{pad + 4}" font-size="11" text-anchor="end">100%</text>'
        f'<text x="{pad - 6}" y="{h - pad + 4}" font-size="11" text-anchor="end">0%</text>'
    )
    legend = (
        '<p class="legend"><span style="color:#1f77b4">&#9644; recall</span>'
        '<span style="color:#2ca02c">&#9644; precision</span>'
        '<span style="color:#d62728">&#9644; false-alert rate</span> (x: threshold)</p>'
    )
    svg = f'<svg width="{w}" height="{h}" role="img">{axis}{ticks}{"".join(lines)}</svg>'
    return svg + legend


def _examples(items: Sequence[Outcome] | Sequence[tuple[Outcome, str, float]], limit: int) -> str:
    rows = []
    for item in list(items)[:limit]:
        outcome, ident, score = item if isinstance(item, tuple) else (item, None, None)
        top = outcome.top
        rows.append((
            outcome.row.line or "", outcome.row.query, "; ".join(outcome.row.expected) or "-",
            outcome.expected_rank or "-",
            ident if ident is not None else (top[0] if top else "-"),
            f"{(score if score is not None else (top[1] if top else 0.0)):.3f}",
        ))
    more = f"<p class=meta>{len(items) - limit} more not shown.</p>" if len(items) > limit else ""
    return _table(("line", "query", "expected", "rank of expected", "result", "score"), rows,
                  numeric_from=3) + more


def render_html(report: Report, examples: int = 100) -> str:
    """The whole report as an HTML string."""
    t = report.default_threshold
    lat = report.latency_ms()
    metrics = report.metrics()
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        f"<title>{escape(report.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(report.title)}</h1>",
        (
            f"<p class=meta>system: {escape(report.system or 'tamis')} &middot; "
            f"{len(report.outcomes)} queries &middot; default threshold {t:.2f} &middot; "
            f"recall@1 (rank only) {fmt_rate(report.recall_at_1())} &middot; created "
            f"{escape(report.created)} with tamis {escape(__version__)}</p>"
        ),
        "<h2>By threshold</h2>",
        _table(
            ("threshold", "recall", "recall@1", "precision", "alerts", "false alerts",
             "false-alert rate"),
            [(f"{m.threshold:.2f}", fmt_rate(m.recall), fmt_rate(m.recall_top1),
              fmt_rate(m.precision), m.alerts, m.false_alerts, fmt_rate(m.false_alert_rate, 2))
             for m in metrics],
            numeric_from=0, marks=[m.threshold == t for m in metrics],
        ),
        _chart(report),
        (
            "<p class=meta>recall: listed names whose expected id scored at or above the "
            "threshold; recall@1: the expected id ranked first and alerting; precision: alerts "
            "that were an expected id; false-alert rate: names on no list that raised any "
            "alert.</p>"
        ),
    ]
    for dim in DIMENSIONS:
        groups = report.groups(dim)
        parts.append(f"<h2>By {escape(dim)} (threshold {t:.2f})</h2>")
        rows = []
        for name, outs in groups.items():
            m = report.at(t, outs)
            rows.append((name, m.queries, m.positives, fmt_rate(report.recall_at_1(outs)),
                         fmt_rate(m.recall), fmt_rate(m.precision), m.false_alerts,
                         fmt_rate(m.false_alert_rate, 2)))
        parts.append(_table((dim, "queries", "listed", "recall@1 (rank)", "recall",
                             "precision", "false alerts", "false-alert rate"), rows))
    parts.append("<h2>Time per query</h2>")
    parts.append(_table(("clock", *(f"{k} (ms)" for k in lat)),
                        [(label, *(f"{v:.2f}" for v in report.latency_ms(cpu=cpu).values()))
                         for label, cpu in (("wall", False), ("process CPU", True))]))
    misses, false = report.misses(), report.false_alerts()
    parts.append(f"<h2>Misses at {t:.2f} ({len(misses)})</h2>")
    parts.append(_examples(misses, examples))
    parts.append(f"<h2>False alerts at {t:.2f} ({len(false)})</h2>")
    parts.append(_examples(false, examples))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_html(report: Report, path: str | Path, examples: int = 100) -> Path:
    """Write the self-contained HTML report; returns the path written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(report, examples), encoding="utf-8")
    return path
