"""`tamis scan`: which listed people and organisations an article names, and why.

    tamis scan article.txt
    tamis scan page.html --html report.html
    tamis scan articles/ --jsonl > scans.jsonl
    curl -s https://example.org/news | tamis scan - --json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.rule import Rule
from rich.text import Text

from tamis.cli.output import err, error, handle_errors, out, print_json
from tamis.cli.progress import interactive, progress_bar
from tamis.errors import SourceError, TamisError

__all__ = ["scan"]


def _lists(store: Any) -> list[str]:
    """The active lists, as the report header shows them: `ofac-sdn v2 (2023-01-05)`."""
    shown = []
    for summary in store.sources():
        v = summary.active
        if v is not None:
            shown.append(f"{v.source} v{v.number}" + (f" ({v.publisher_date})"
                                                       if v.publisher_date else ""))  # fmt: skip
    return shown


def _check(files: list[str], as_json: bool, jsonl: bool, html: Path | None,
           language: str | None) -> bool:  # fmt: skip
    """Refuse contradictory options before any work; True when the input is one article."""
    if as_json and jsonl:
        raise TamisError("--json and --jsonl: choose one")
    if language is not None and not (len(language) == 2 and language.isalpha()):
        raise TamisError(f"--language: expected a two-letter code like fr, de, ru; got {language!r}")
    single = len(files) == 1 and (files[0] == "-" or not Path(files[0]).is_dir())
    if html is not None and not single and html.suffix.lower() in (".html", ".htm"):
        raise TamisError(f"--html {html}: with several articles, give a folder (one page per "
                         "article, plus index.html)")  # fmt: skip
    return single


@handle_errors
def scan(
    files: Annotated[list[str], typer.Argument(
        metavar="FILE", help="Articles: .txt, .md or .html files, folders of them, or - for "
        "standard input.", show_default=False)],
    as_json: Annotated[bool, typer.Option(
        "--json", help="JSON on stdout: the document of one article, or an array of them.")] = False,
    jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="One JSON document per line and article, written as each is done.")] = False,
    html: Annotated[Path | None, typer.Option(
        "--html", metavar="OUT", help="Also write a report page: OUT.html for one article, a "
        "folder OUT with one page per article and index.html for several.")] = None,
    fast: Annotated[bool, typer.Option(
        "--fast", help="Gazetteer pass only, no NER: much faster; finds listed names only.")] = False,
    language: Annotated[str | None, typer.Option(
        "--language", metavar="xx", help="The articles' language (fr, en, de...) instead of "
        "detecting it.")] = None,
    threshold: Annotated[float | None, typer.Option(
        "--threshold", min=0.0, max=1.0, help="Score from which a mention is a listed party "
        "(default: the calibrated default threshold).")] = None,
    no_text: Annotated[bool, typer.Option(
        "--no-text", help="Terminal view: only the parties, not the highlighted text.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, metavar="N", help="Processes scanning several files at once, "
        "sharing the loaded lists (default: the machine's cores, at most 8; 1: no pool). "
        "Results keep the order of the files.", show_default=False)] = None,
) -> None:
    """Scan news articles in any language and flag every sanctioned party they name: people
    and organisations are found (NER, a gazetteer of every listed name, short forms such as
    "M. Peskov" resolved within the article), screened with the article as context, and each
    listed party is shown once, with all its mentions and why it matched.

    Several files are scanned at once by --workers processes (as many as the machine has
    cores by default), results in the order of the files.

    HTML pages are reduced to their article body (navigation and boilerplate dropped);
    Markdown to its text. Any encoding is read (UTF-8, UTF-16, or detected: said in the
    notes). Files over 1 MB are scanned in chunks with bounded memory. A file that cannot be
    read (binary, empty, missing) is reported and the others are still scanned; the exit code
    is then 1.

      tamis scan article.txt

      tamis scan page.html --html report.html

      tamis scan articles/ --jsonl > scans.jsonl

      cat article.md | tamis scan - --language fr --fast --no-text
    """
    from tamis.model.store import Store
    from tamis.scan.files import default_workers, expand_paths, scan_paths
    from tamis.scan.pipeline import Scanner
    from tamis.scan.render import render
    from tamis.scan.report import page_name, write_index, write_report

    single = _check(files, as_json, jsonl, html, language)
    if "-" in files and sys.stdin is not None and sys.stdin.isatty():
        err().print(Text("reading the article from the terminal: end it with Ctrl-D",
                         style="dim"))  # fmt: skip
    paths = expand_paths(files)
    store = Store()
    scanner = Scanner.open(store=store)
    lists = _lists(store) if html is not None else []
    failed: list[str] = []
    docs: list[dict[str, Any]] = []
    pages: list[tuple[str, Any]] = []
    taken: set[str] = set()
    console = out()
    machine = as_json or jsonl

    def on_error(exc: SourceError) -> None:
        error(exc)
        failed.append(str(exc))

    with progress_bar(interactive(machine) and len(paths) > 1, unit="articles") as bar:
        task = bar.add_task("scanning", total=len(paths)) if bar is not None else None

        def progress(done: int, total: int, name: str) -> None:
            if bar is not None and task is not None:
                bar.update(task, completed=done, description=Path(name).name or "scanning")

        for n, result in enumerate(scan_paths(paths, scanner, fast=fast, language=language,
                                              threshold=threshold, on_error=on_error,
                                              progress=progress,
                                              workers=workers or default_workers())):  # fmt: skip
            if html is not None:
                if single and not html.is_dir():
                    write_report(result, html, lists=lists)
                else:
                    name = page_name(result.source, taken)
                    write_report(result, html / name, lists=lists)
                    pages.append((name, _summary(result)))
            if jsonl:
                typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            elif as_json:
                docs.append(result.to_dict())
            else:
                if n or len(paths) > 1:
                    console.print(Rule(style="dim"))
                render(result, console, text=not no_text)
    if as_json and (docs or not single):
        print_json(docs[0] if single else docs)
    if pages:
        write_index(html, pages, failed)  # type: ignore[arg-type]
    if not machine:
        _footer(console, paths, failed, html, single, pages)
    if failed:
        raise typer.Exit(1)


def _summary(result: Any) -> Any:
    """What the index page needs of an article: not its text (a folder may be large)."""
    from dataclasses import replace

    return replace(result, text="", mentions=[])


def _footer(console: Any, paths: list[Any], failed: list[str], html: Path | None,
            single: bool, pages: list[Any]) -> None:  # fmt: skip
    if len(paths) > 1:
        done = len(paths) - len(failed)
        console.print(Text(f"{done} of {len(paths)} articles scanned"
                           + (f", {len(failed)} could not be read" if failed else ""),
                           style="bold"))  # fmt: skip
    if html is not None and (single or pages):
        where = html / "index.html" if pages else html
        if not (single and failed):
            console.print(Text(f"report written to {where}", style="dim"), soft_wrap=True)
