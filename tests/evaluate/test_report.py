"""The report a reviewer reads: terminal tables and one self-contained HTML file."""

from __future__ import annotations

from rich.console import Console

from tamis.evaluate import LabelledRow, evaluate, tables, write_html


def report(screen):
    rows = [
        LabelledRow("Vladimir Putin", ("ofac-sdn:35096",), schema="Person", line=2),
        LabelledRow("<b>Banco</b> & Cuba", ("ofac-sdn:306",), line=3),
        LabelledRow("Hank Aaron", (), schema="Person", line=4),
    ]
    return evaluate(rows, screen, thresholds=[0.5, 0.7, 0.9], default=0.7, title="unit")


def test_tables_show_thresholds_groups_and_latency(screen):
    console = Console(record=True, width=160)
    for table in tables(report(screen), examples=5):
        console.print(table)
    text = console.export_text()
    assert "unit: by threshold (3 queries)" in text
    assert "by list (threshold 0.70)" in text and "(not listed)" in text
    assert "time per query (ms)" in text and "misses at 0.70" in text


def test_html_report_is_self_contained_and_escaped(screen, tmp_path):
    path = write_html(report(screen), tmp_path / "out" / "report.html")
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "<script" not in html and "src=" not in html and "<link" not in html
    assert "&lt;b&gt;Banco&lt;/b&gt; &amp; Cuba" in html and "<b>Banco" not in html
    assert "<svg" in html  # recall and false alerts against threshold
    for section in ("By threshold", "By list", "By schema", "By script", "Misses at 0.70"):
        assert section in html
