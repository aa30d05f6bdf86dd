"""Scan the article dev set and score it against its annotations.

    .venv/bin/python -m bench.scan_eval [--fast] [--articles DIR] [--out FILE]

Needs a store with all of ../shared/data loaded at $TAMIS_HOME (`tamis update --from
../shared/data`). Entity level: an annotated party is found when any of its ids is flagged;
a flagged id of no annotated party is a false alert. Mention level: every occurrence of an
annotated mention string (word-bounded, case-sensitive, longest first, never inside a
`not_parties` text) is found when a mention the scanner returned for that party overlaps
it. Writes bench/out/scan_eval.md (or --out) and prints it. The scoring is a pure function
(`evaluate`) so it is tested without the pipeline.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "bench" / "data" / "articles"
OUT = REPO / "bench" / "out" / "scan_eval.md"
ID_RE = re.compile(r"^(ofac-sdn|ofac-cons|un-sc|bis-dpl|eu-fsf|uk-sl):\S+$")
FILE_RE = re.compile(r"^([a-z]{2})-(\d{2})-[a-z0-9-]+\.txt$")
UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
ARTICLE_KEYS = {"language", "parties", "not_parties", "notes"}

Span = tuple[int, int]


@dataclass(frozen=True)
class Party:
    ids: tuple[str, ...]
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    file: str
    language: str
    parties: tuple[Party, ...]
    not_parties: tuple[str, ...]
    notes: str = ""


@dataclass(frozen=True)
class Flag:
    """One listed party the scanner flagged in an article."""

    id: str
    mentions: tuple[Span, ...] = ()
    caption: str = ""
    score: float = 0.0


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate mapping keys (PyYAML keeps the last one silently)."""


def _no_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise yaml.constructor.ConstructorError(
            None, None, f"duplicate keys {sorted(dupes)}", node.start_mark
        )
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: expected a list of non-empty strings")
    return tuple(value)


def load_annotations(path: Path = ARTICLES / "annotations.yml") -> dict[str, Article]:
    """The annotations, validated (shape, file names, ids); ValueError names what is wrong."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of article files")  # noqa: TRY004
    articles = {}
    for name, entry in data.items():
        if not FILE_RE.match(str(name)):
            raise ValueError(f"{name}: file name is not <lang>-<nn>-<slug>.txt")
        if not isinstance(entry, dict) or set(entry) != ARTICLE_KEYS:
            raise ValueError(f"{name}: keys must be exactly {sorted(ARTICLE_KEYS)}")
        if entry["language"] != FILE_RE.match(name).group(1):
            raise ValueError(f"{name}: language {entry['language']!r} differs from the file prefix")
        parties = []
        for k, party in enumerate(entry["parties"] or []):
            if not isinstance(party, dict) or set(party) != {"ids", "mentions"}:
                raise ValueError(f"{name}: party {k} needs exactly ids and mentions")
            ids = _strings(party["ids"], f"{name}: party {k} ids")
            if not ids or not all(ID_RE.match(i) for i in ids):
                raise ValueError(f"{name}: party {k} has a malformed or missing id: {ids}")
            parties.append(Party(ids, _strings(party["mentions"], f"{name}: party {k} mentions")))
        traps = []
        for k, trap in enumerate(entry["not_parties"] or []):
            if (
                not isinstance(trap, dict)
                or set(trap) != {"text", "why"}
                or not all(isinstance(trap[x], str) and trap[x].strip() for x in ("text", "why"))
            ):
                raise ValueError(f"{name}: not_parties {k} needs a text and a why")
            traps.append(trap["text"])
        if not isinstance(entry["notes"], str):
            raise ValueError(f"{name}: notes must be a string")  # noqa: TRY004
        articles[name] = Article(
            name, entry["language"], tuple(parties), tuple(traps), entry["notes"]
        )
    return articles


def find_all(text: str, needle: str) -> list[Span]:
    """Case-sensitive occurrences of `needle` in `text`, word-bounded except at a Chinese,
    Japanese or Korean character (those scripts do not separate words)."""
    left = "" if UNSPACED.match(needle[0]) else r"(?<!\w)"
    right = "" if UNSPACED.match(needle[-1]) else r"(?!\w)"
    return [m.span() for m in re.finditer(left + re.escape(needle) + right, text)]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def occurrences(text: str, article: Article) -> list[list[Span]]:
    """Per party, the spans its mention strings claim: trap texts first, then the longest
    strings first, so "Medvedev" inside "Daniil Medvedev" or inside "Dmitry Medvedev"
    is not counted again."""
    claimed: list[Span] = []
    for trap in sorted(article.not_parties, key=len, reverse=True):
        claimed += [s for s in find_all(text, trap) if not any(_overlaps(s, c) for c in claimed)]
    wanted = sorted(((m, k) for k, p in enumerate(article.parties) for m in p.mentions),
                    key=lambda mk: len(mk[0]), reverse=True)  # fmt: skip
    result: list[list[Span]] = [[] for _ in article.parties]
    for mention, k in wanted:
        for span in find_all(text, mention):
            if not any(_overlaps(span, c) for c in claimed):
                claimed.append(span)
                result[k].append(span)
    return [sorted(spans) for spans in result]


@dataclass
class Tally:
    articles: int = 0
    parties: int = 0
    found: int = 0
    false_alerts: int = 0
    mentions: int = 0
    mentions_found: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        flagged = self.found + self.false_alerts
        return self.found / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.parties if self.parties else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def mention_recall(self) -> float:
        return self.mentions_found / self.mentions if self.mentions else 1.0


@dataclass
class Report:
    total: Tally = field(default_factory=Tally)
    by_language: dict[str, Tally] = field(default_factory=dict)
    misses: list[tuple[str, Party]] = field(default_factory=list)
    false_alerts: list[tuple[str, Flag]] = field(default_factory=list)
    missed_mentions: list[tuple[str, str, Span]] = field(default_factory=list)  # file, text, span


def evaluate(articles: Mapping[str, Article], texts: Mapping[str, str],
             flagged: Mapping[str, Sequence[Flag]]) -> Report:  # fmt: skip
    """Score flagged parties against the annotations (see the module docstring)."""
    report = Report()
    for name, article in articles.items():
        text, flags = texts[name], list(flagged.get(name, ()))
        tally = Tally(articles=1, parties=len(article.parties))
        by_id = {f.id: f for f in flags}
        annotated = {i for p in article.parties for i in p.ids}
        for party, spans in zip(article.parties, occurrences(text, article), strict=True):
            hits = [by_id[i] for i in party.ids if i in by_id]
            tally.mentions += len(spans)
            if not hits:
                report.misses.append((name, party))
            else:
                tally.found += 1
            got = [m for f in hits for m in f.mentions]
            for span in spans:
                if any(_overlaps(span, m) for m in got):
                    tally.mentions_found += 1
                else:
                    report.missed_mentions.append((name, text[span[0] : span[1]], span))
        for flag in flags:
            if flag.id not in annotated:
                tally.false_alerts += 1
                report.false_alerts.append((name, flag))
        report.total.add(tally)
        report.by_language.setdefault(article.language, Tally()).add(tally)
    return report


def render(
    report: Report, texts: Mapping[str, str], title: str, preamble: Iterable[str] = ()
) -> str:
    """The report as Markdown: per-language table, then every miss and every false alert."""
    head = "| language | articles | parties | found | false alerts | precision | recall | F1 | mention recall |"
    rows = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for lang, t in [*sorted(report.by_language.items()), ("**all**", report.total)]:
        rows.append(f"| {lang} | {t.articles} | {t.parties} | {t.found} | {t.false_alerts} | "
                    f"{t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} | {t.mention_recall:.3f} "
                    f"({t.mentions_found}/{t.mentions}) |")  # fmt: skip
    lines = [f"# {title}", "", *preamble, "", *rows, "", f"## Misses ({len(report.misses)})", ""]
    lines += [
        f"- `{f}`: {', '.join(p.ids)} ({' / '.join(p.mentions)})" for f, p in report.misses
    ] or ["none"]
    lines += ["", f"## False alerts ({len(report.false_alerts)})", ""]
    for f, flag in report.false_alerts:
        said = sorted({texts[f][a:b] for a, b in flag.mentions})
        lines.append(f"- `{f}`: {flag.id} {flag.caption!r} score {flag.score:.2f} on {said}")
    lines += ["none"] if not report.false_alerts else []
    lines += ["", f"## Mentions not attributed ({len(report.missed_mentions)})", ""]
    lines += [f"- `{f}` {t!r} at {s[0]}" for f, t, s in report.missed_mentions] or ["none"]
    return "\n".join(lines) + "\n"


def scan_all(articles: Mapping[str, Article], folder: Path, fast: bool) -> tuple[dict, dict, float]:
    """Run the pipeline on every annotated article: (texts, flags, seconds scanning)."""
    from tamis.scan.pipeline import Scanner  # the pipeline, imported only when it runs

    scanner = Scanner.open()
    texts, flags, spent = {}, {}, 0.0
    for name in articles:
        text = (folder / name).read_text(encoding="utf-8")
        start = time.perf_counter()
        result = scanner.scan(text, fast=fast)
        spent += time.perf_counter() - start
        texts[name] = result.text if result.text else text
        flags[name] = [Flag(p.id, tuple((m.start, m.end) for m in p.mentions), p.caption, p.score)
                       for p in result.parties]  # fmt: skip
    return texts, flags, spent


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fast", action="store_true", help="gazetteer only (no NER)")
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    articles = load_annotations(args.articles / "annotations.yml")
    texts, flags, spent = scan_all(articles, args.articles, args.fast)
    mode = "gazetteer only (--fast)" if args.fast else "NER + gazetteer (default)"
    cmd = "    .venv/bin/python -m bench.scan_eval" + (" --fast" if args.fast else "")
    each = spent / max(1, len(articles)) * 1000
    pre = [f"Mode: {mode}. {len(articles)} articles, scanned in {spent:.1f} s ({each:.0f} ms each, one process).",
           "", cmd]  # fmt: skip
    out = args.out or (OUT.with_name("scan_eval_fast.md") if args.fast else OUT)
    text = render(evaluate(articles, texts, flags), texts, "Article dev set: scan evaluation", pre)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {out}")


if __name__ == "__main__":
    main()
