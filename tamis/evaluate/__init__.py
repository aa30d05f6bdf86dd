"""`tamis evaluate`: a user's labelled queries in, recall / precision / false alerts out.

    rows = read_labelled("labelled.csv")
    report = evaluate(rows, screen_fn, thresholds=(0.6, 0.7, 0.8, 0.9), default=0.8)
    for table in tables(report): console.print(table)
    write_html(report, "evaluation.html")
"""

from tamis.evaluate.labelled import LabelledRow, detect_script, read_labelled
from tamis.evaluate.metrics import (
    DEFAULT_THRESHOLDS,
    EvaluationError,
    Metrics,
    Outcome,
    Report,
    evaluate,
)
from tamis.evaluate.report import render_html, write_html
from tamis.evaluate.tables import tables

__all__ = [
    "DEFAULT_THRESHOLDS",
    "EvaluationError",
    "LabelledRow",
    "Metrics",
    "Outcome",
    "Report",
    "detect_script",
    "evaluate",
    "read_labelled",
    "render_html",
    "tables",
    "write_html",
]
