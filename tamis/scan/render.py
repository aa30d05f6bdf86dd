"""The terminal view of a scan: the article with its mentions highlighted, then the parties.

Mentions linked to a listed party are highlighted and followed by the party's marker (`[1]`),
the number of its row below; names found but matching no listed party are underlined. A long
text shows only the passages around the mentions (the paragraph, or a window of it). Also
home of what the HTML report shares: the spans to highlight and the explanation in words.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from typing import Any

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from tamis.scan.result import Party, ScanResult

__all__ = ["Span", "explanation_lines", "mention_summary", "passages", "render", "spans",
           "unlisted_names", "why_line"]  # fmt: skip

Span = tuple[int, int, int | None]  # start, end, party number (1-based) or None: not listed
WIDE = 120  # terminals at least this wide get the parties as a table
FULL_CHARS = 8000  # texts up to this length (most articles) are shown whole
PAD = 240  # characters of context either side of a mention in a long paragraph
MAX_PASSAGES = 40
LINKED, UNLINKED, MARKER = "bold black on yellow", "underline cyan", "bold yellow"
_SHORT = {"transliteration": "translit"}
_KNOWN = {"score", "threshold", "match", "bias", "name", "features"}


def spans(result: ScanResult) -> list[Span]:
    """Non-overlapping spans within `result.text`, sorted: party mentions first claim their
    characters, then the other mentions fill what is left."""
    size = len(result.text)
    kept: list[Span] = []
    starts: list[int] = []

    def free(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, s)
        before = kept[i - 1] if i else None
        after = kept[i] if i < len(kept) else None
        return (before is None or before[1] <= s) and (after is None or e <= after[0])

    linked = sorted((m.start, m.end, n) for n, p in enumerate(result.parties, 1)
                    for m in p.mentions)  # fmt: skip
    others = sorted((m.start, m.end, None) for m in result.mentions)
    for s, e, n in [*linked, *others]:
        if 0 <= s < e <= size and free(s, e):
            i = bisect.bisect_right(starts, s)
            starts.insert(i, s)
            kept.insert(i, (s, e, n))
    return kept


def passages(text: str, marks: list[Span], full: int = FULL_CHARS,
             pad: int = PAD) -> list[tuple[int, int]]:  # fmt: skip
    """The (start, end) stretches of `text` to show: all of a short text, else the paragraph
    around each mention of a listed party (or of any name when none is listed), a window of
    `pad` characters either side when the paragraph is long; merged when they touch."""
    if len(text) <= full:
        return [(0, len(text))]
    focus = [m for m in marks if m[2] is not None] or marks
    if not focus:
        end = text.rfind(" ", 0, full)
        return [(0, end if end > 0 else full)]
    out: list[tuple[int, int]] = []
    for s, e, _ in focus:
        ps = text.rfind("\n\n", 0, s)
        ps = 0 if ps < 0 else ps + 2
        pe = text.find("\n\n", e)
        pe = len(text) if pe < 0 else pe
        if pe - ps > 2 * pad + (e - s):
            if s - pad > ps:
                space = text.find(" ", s - pad, s)
                ps = space + 1 if space >= 0 else s - pad
            if e + pad < pe:
                space = text.rfind(" ", e, e + pad)
                pe = space if space >= 0 else e + pad
        if out and ps <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], pe))
        else:
            out.append((ps, pe))
    return out


def highlighted(text: str, start: int, end: int, marks: list[Span]) -> Text:
    """text[start:end] with the spans inside it styled, each linked one followed by `[n]`."""
    out = Text()
    at = start
    i = bisect.bisect_left(marks, (start, -1, None))
    for s, e, n in marks[i:]:
        if s >= end:
            break
        if e > end:
            continue
        out.append(text[at:s])
        out.append(text[s:e], style=LINKED if n is not None else UNLINKED)
        if n is not None:
            out.append(f"[{n}]", style=MARKER)
        at = e
    out.append(text[at:end])
    return out


def _part(p: dict[str, Any]) -> str:
    q = p.get("query") or "-"
    c = p.get("candidate") or "-"
    if p.get("kind") == "missing":
        return f"{'no ' + c if p.get('candidate') else q + ' unmatched'}"
    sign = "=" if float(p.get("similarity") or 0) >= 0.999 else "~"
    kind = str(p.get("kind") or "")
    kind = "" if kind == "exact" else f" {_SHORT.get(kind, kind)}"
    return f"{q}{sign}{c}{kind}"


def _other(key: str, value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = ", ".join(f"{k} {v}" for k, v in value.items())
    return f"{key}: {value}"


def explanation_lines(ex: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The explanation part by part, as (what, detail) pairs: the name pair, each name part,
    each fact that moved the score, and whatever context the scanner added."""
    name = ex.get("name") or {}
    if name:
        pair = f"{name.get('query')!r} ~ {name.get('candidate')!r}"
        score = float(name.get("score") or 0)
        yield ("name", f"{pair} [{name.get('property', 'name')}] {score:.2f}")
        for p in name.get("parts") or []:
            role = f", {p['role']}" if p.get("role") and p.get("role") != "part" else ""
            yield ("  part", f"{_part(p)}{role} {float(p.get('similarity') or 0):.2f}")
        for note in name.get("notes") or []:
            yield ("  note", str(note))
    for f in ex.get("features") or []:
        if f.get("feature") != "name":
            yield (str(f.get("feature")), f"{float(f.get('effect') or 0):+.3f} {f.get('reason', '')}")
    for key, value in ex.items():
        if key not in _KNOWN and value not in (None, "", [], {}):
            yield (key, _other(key, value).split(": ", 1)[1])


def why_line(ex: dict[str, Any]) -> str:
    """The explanation in one line: which name matched which, how, then the facts."""
    out = []
    name = ex.get("name") or {}
    if name:
        parts = ", ".join(_part(p) for p in name.get("parts") or [])
        out.append(f"{name.get('query')!r} ~ {name.get('candidate')!r} "
                   f"{float(name.get('score') or 0):.2f}" + (f" ({parts})" if parts else ""))  # fmt: skip
    for f in ex.get("features") or []:
        effect = float(f.get("effect") or 0)
        if f.get("feature") != "name" and abs(effect) >= 0.005:
            out.append(f"{f.get('feature')} {f.get('kind', '')} {effect:+.2f}".replace("  ", " "))
    out.extend(_other(k, v) for k, v in ex.items() if k not in _KNOWN
               and v not in (None, "", [], {}))  # fmt: skip
    return "; ".join(out) or "-"


def unlisted_names(result: ScanResult) -> list[str]:
    """The distinct names found that no listed party's mention covers, in text order."""
    linked = sorted((m.start, m.end) for p in result.parties for m in p.mentions)
    starts = [s for s, _ in linked]

    def covered(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e)  # linked spans starting before e
        return any(ls < e and s < le for ls, le in linked[max(0, i - 8) : i])

    ordered = sorted(result.mentions, key=lambda m: m.start)
    return list(dict.fromkeys(m.text for m in ordered if not covered(m.start, m.end)))


def mention_summary(party: Party) -> str:
    """`Dmitri Peskov, Peskov ×2`: each distinct spelling once, with its count."""
    counts = Counter(m.text for m in party.mentions)
    return ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in counts.items())


def _table(result: ScanResult) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left",
                  title=f"{len(result.parties)} listed part{'y' if len(result.parties) == 1 else 'ies'}")  # fmt: skip
    widths = {"name": 26, "list": 10, "mentions": 24}
    for col in ("#", "id", "name", "list", "score", "mentions", "why"):
        table.add_column(col, justify="right" if col in ("#", "score") else "left",
                         no_wrap=col in ("#", "id", "score"), overflow="fold",
                         max_width=widths.get(col), min_width=24 if col == "why" else None)  # fmt: skip
    for n, p in enumerate(result.parties, 1):
        table.add_row(Text(f"[{n}]", style=MARKER), p.id, Text(p.caption, style="bold"),
                      p.source or "-", f"{p.score:.3f}",
                      Text(f"{mention_summary(p)} ({len(p.mentions)})"),
                      Text(why_line(p.explanation), style="dim"))  # fmt: skip
    return table


def _rows(result: ScanResult, console: Console) -> None:
    """The parties on a narrow terminal: a line each, mentions and why indented below."""
    n_parties = len(result.parties)
    console.print(Text(f"{n_parties} listed part{'y' if n_parties == 1 else 'ies'}", style="italic"))
    for n, p in enumerate(result.parties, 1):
        line = Text(f"[{n}] ", style=MARKER)
        line.append(p.id)
        line.append(f"  {p.caption}", style="bold")
        line.append(f"  {p.source or '-'}  score {p.score:.3f}")
        console.print(line)
        console.print(Padding(Text(f"mentions: {mention_summary(p)} ({len(p.mentions)})"),
                              (0, 0, 0, 4), expand=False))  # fmt: skip
        why = Text(f"why: {why_line(p.explanation)}", style="dim")
        console.print(Padding(why, (0, 0, 0, 4), expand=False))


def render(result: ScanResult, console: Console, *, text: bool = True,
           unlisted: int = 12) -> None:  # fmt: skip
    """Print one scanned article: a header, the text (or passages of it) with highlighted
    mentions, the listed parties, and up to `unlisted` names that matched no listed party."""
    head = Text(result.source, style="bold")
    lang = result.language or "language unknown"
    head.append(f"  {result.format} · {lang} · {len(result.text):,} characters · "
                f"{result.seconds:.2f}s", style="dim")  # fmt: skip
    console.print(head, soft_wrap=True)
    for note in result.notes:
        console.print(Text(f"  note: {note}", style="dim"), soft_wrap=True)
    marks = spans(result)
    if text:
        shown = passages(result.text, marks)
        console.print()
        for k, (s, e) in enumerate(shown[:MAX_PASSAGES]):
            if k or s > 0:
                console.print(Text("  …", style="dim"))
            console.print(highlighted(result.text, s, e, marks))
        if len(shown) > MAX_PASSAGES:
            console.print(Text(f"  … and {len(shown) - MAX_PASSAGES} more passages", style="dim"))
        elif shown and shown[-1][1] < len(result.text.rstrip()):
            console.print(Text("  …", style="dim"))
        console.print()
    if result.parties and console.width >= WIDE:
        console.print(_table(result))
    elif result.parties:
        _rows(result, console)
    else:
        console.print(Text("no listed party named", style="green"))
    others = unlisted_names(result)
    if others and unlisted:
        more = f" and {len(others) - unlisted} more" if len(others) > unlisted else ""
        console.print(Text(f"not listed: {', '.join(others[:unlisted])}{more}", style="dim"),
                      soft_wrap=True)  # fmt: skip
