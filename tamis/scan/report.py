"""`tamis scan --html`: a self-contained report page per article.

One page: a header (source, language, lists screened, date), the article with every mention
highlighted - a listed party's mentions link to its card, in its colour, with its number -,
then one card per listed party (id, name, list, score, each mention linking back to its place,
the explanation part by part). Inline CSS only, no script, no external asset: the page can be
mailed or archived as is. Every text is HTML-escaped. Several articles: one page each in a
folder, with an `index.html` listing them (`write_index`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from tamis import __version__
from tamis.errors import TamisError
from tamis.scan.render import Span, explanation_lines, passages, spans, unlisted_names
from tamis.scan.result import ScanResult

__all__ = ["page_name", "report_html", "write_index", "write_report"]

COLOURS = 8
CSS = """
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;
background:#f5f6f8}
header,main,footer{max-width:62rem;margin:0 auto;padding:1rem 1.5rem}
header{background:#1d2330;color:#fff;max-width:none}header>*{max-width:62rem;margin:.3rem auto}
header h1{font-size:1.3rem}header dl{display:flex;flex-wrap:wrap;gap:.3rem 1.5rem;margin:0}
header dt{opacity:.65;font-size:.8rem}header dd{margin:0;font-weight:600}
.notes{font-size:.85rem;opacity:.8;padding-left:1.2rem}
section{background:#fff;border-radius:8px;padding:1rem 1.5rem;margin:1rem 0;
box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{font-size:1.1rem;margin:.2rem 0 .8rem}.gap{color:#8a93a6;text-align:center;margin:.4rem 0}
.article p{margin:.6rem 0;white-space:pre-wrap}
mark{border-radius:3px;padding:0 .15em}mark a{color:inherit;text-decoration:none}
mark sup{font-weight:700;font-size:.7em;margin-left:.1em}
.name{border-bottom:2px dotted #7a8aa8}
.p0{background:#ffe28a}.p1{background:#a8e6cf}.p2{background:#ffc2c7}.p3{background:#b9d7ff}
.p4{background:#e0c3fc}.p5{background:#ffd6a5}.p6{background:#c9f0ff}.p7{background:#d3f8a6}
.card{border:1px solid #e3e6ec;border-radius:8px;padding:.8rem 1rem;margin:.8rem 0}
.card h3{margin:0 0 .4rem;font-size:1.05rem}.card h3 .n{border-radius:50%;padding:0 .45em;
margin-right:.4em}.card dl{display:grid;grid-template-columns:7rem 1fr;margin:.3rem 0;gap:.1rem}
.card dt{color:#5b6578}.card dd{margin:0}.card h4{margin:.6rem 0 .2rem;font-size:.9rem}
.bar{display:inline-block;height:.55rem;background:#e3e6ec;width:8rem;border-radius:4px;
vertical-align:middle;margin-left:.5rem}.bar i{display:block;height:100%;background:#c0392b;
border-radius:4px}
table{border-collapse:collapse;font-size:.9rem}td{padding:.1rem .6rem .1rem 0;vertical-align:top}
td:first-child{color:#5b6578;white-space:nowrap}.muted{color:#8a93a6}
:target{outline:3px solid #c0392b}footer{font-size:.8rem;color:#8a93a6}
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _article(result: ScanResult, marks: list[Span]) -> str:
    """The shown passages as paragraphs, mentions wrapped in marks with ids to link to."""
    ids = {(m.start, m.end, n): f"m{n}-{k}" for n, p in enumerate(result.parties, 1)
           for k, m in enumerate(p.mentions, 1)}  # fmt: skip
    text, out = result.text, []
    shown = passages(text, marks, full=20000, pad=400)
    for i, (start, end) in enumerate(shown):
        if i or start > 0:
            out.append('<p class="gap">…</p>')
        html, at = [], start
        for ms, me, party in marks:
            if ms < start or me > end:
                continue
            html.append(_e(text[at:ms]))
            if party is None:
                html.append(f'<span class="name" title="not listed">{_e(text[ms:me])}</span>')
            else:
                html.append(f'<mark class="p{(party - 1) % COLOURS}" id="{ids[(ms, me, party)]}">'
                            f'<a href="#party{party}">{_e(text[ms:me])}<sup>{party}</sup></a>'
                            "</mark>")  # fmt: skip
            at = me
        html.append(_e(text[at:end]))
        out.extend(f"<p>{para}</p>" for para in "".join(html).split("\n\n") if para.strip())
    if shown and shown[-1][1] < len(text.rstrip()):
        out.append('<p class="gap">…</p>')
    return "\n".join(out)


def _card(n: int, party: Any, marked: set[Span]) -> str:
    colour = f"p{(n - 1) % COLOURS}"
    mentions = []
    for k, m in enumerate(party.mentions, 1):
        where = f"characters {m.start:,}–{m.end:,} · {_e(m.how)}"
        label = f"“{_e(m.text)}”"
        link = f'<a href="#m{n}-{k}">{label}</a>' if (m.start, m.end, n) in marked else label
        mentions.append(f"<li>{link} <span class=muted>{where}</span></li>")
    why = "".join(f"<tr><td>{_e(what.strip())}</td><td>{_e(detail)}</td></tr>"
                  for what, detail in explanation_lines(party.explanation))  # fmt: skip
    score = max(0.0, min(1.0, party.score))
    return f"""<article class="card" id="party{n}">
<h3><span class="n {colour}">{n}</span>{_e(party.caption)}</h3>
<dl><dt>list entry</dt><dd><code>{_e(party.id)}</code></dd>
<dt>list</dt><dd>{_e(party.source or "-")}</dd><dt>type</dt><dd>{_e(party.schema or "-")}</dd>
<dt>score</dt><dd>{score:.3f}<span class="bar"><i style="width:{score * 100:.0f}%"></i></span></dd>
</dl><h4>Mentions ({len(party.mentions)})</h4><ol>{"".join(mentions)}</ol>
<h4>Why</h4><table>{why or '<tr><td class="muted">no explanation given</td></tr>'}</table>
</article>"""


def report_html(result: ScanResult, *, lists: Iterable[str] | None = None,
                generated: datetime | None = None) -> str:  # fmt: skip
    """The report page of one scanned article, as a string."""
    when = (generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    screened = list(lists or []) or sorted({p.source for p in result.parties if p.source})
    facts = [("source", result.source), ("language", result.language or "unknown"),
             ("format", result.format), ("lists", ", ".join(screened) or "-"),
             ("listed parties", len(result.parties)), ("date", when)]  # fmt: skip
    head = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in facts)
    notes = "".join(f"<li>{_e(n)}</li>" for n in result.notes)
    marks = spans(result)
    marked = set(marks)
    cards = "\n".join(_card(n, p, marked) for n, p in enumerate(result.parties, 1))
    others = unlisted_names(result)
    unlisted = (f'<section><h2>Names found, not listed ({len(others)})</h2><p>'
                f'{_e(", ".join(others))}</p></section>') if others else ""  # fmt: skip
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tamis scan: {_e(result.source)}</title><style>{CSS}</style></head>
<body><header><h1>tamis scan: {_e(result.source)}</h1><dl>{head}</dl>
{f'<ul class="notes">{notes}</ul>' if notes else ""}</header>
<main><section class="article"><h2>Article</h2>
{_article(result, marks)}</section>
<section><h2>Listed parties ({len(result.parties)})</h2>
{cards or '<p>No listed party is named in this article.</p>'}</section>
{unlisted}</main>
<footer>tamis {_e(__version__)} · scanned in {result.seconds:.2f} s · {_e(when)}</footer>
</body></html>
"""


def write_report(result: ScanResult, path: Path, *, lists: Iterable[str] | None = None) -> Path:
    """Write one article's page; a `TamisError` when the file cannot be written."""
    try:
        if path.parent != Path():
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report_html(result, lists=lists), encoding="utf-8")
    except OSError as exc:
        raise TamisError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
    return path


def page_name(source: str, taken: set[str]) -> str:
    """A file name for an article's page in a report folder, unique among `taken`."""
    stem = re.sub(r"[^\w.-]+", "-", Path(source).name if source != "-" else "stdin")
    stem = stem.strip("-.") or "article"
    name, k = f"{stem}.html", 1
    while name in taken or name == "index.html":
        k += 1
        name = f"{stem}-{k}.html"
    taken.add(name)
    return name


def write_index(folder: Path, pages: list[tuple[str, ScanResult]],
                failed: list[str] | None = None) -> Path:  # fmt: skip
    """`index.html`: every article's page, its language and the listed parties it names."""
    rows = []
    for name, r in pages:
        names = ", ".join(p.caption for p in r.parties) or '<span class="muted">none</span>'
        if r.parties:
            names = _e(names)
        rows.append(f'<tr><td><a href="{_e(name)}">{_e(r.source)}</a></td>'
                    f"<td>{_e(r.language or '-')}</td><td>{len(r.parties)}</td>"
                    f"<td>{names}</td></tr>")  # fmt: skip
    errors = "".join(f"<li>{_e(f)}</li>" for f in failed or [])
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>tamis scan: {len(pages)} articles</title>
<style>{CSS}</style></head><body><header><h1>tamis scan: {len(pages)} articles</h1></header>
<main><section><table><tr><td>article</td><td>language</td><td>parties</td><td>listed</td></tr>
{"".join(rows)}</table></section>
{f'<section><h2>Not scanned</h2><ul>{errors}</ul></section>' if errors else ""}</main>
</body></html>
"""
    path = folder / "index.html"
    try:
        path.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise TamisError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
    return path
