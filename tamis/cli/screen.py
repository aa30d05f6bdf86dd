"""`tamis screen`, `compare`, `explain`, `evaluate`: the screening engine from a terminal.

    tamis screen "Vladimir Poutine" --birth-date 1952 --country ru
    tamis compare "Vladimir Putin" "PUTIN, Vladimir Vladimirovich"
    tamis explain ofac-sdn:35096 "V. Putin"
    tamis evaluate labelled.csv --html report.html
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from tamis.cli.output import handle_errors, out, print_json
from tamis.errors import TamisError

__all__ = ["compare", "evaluate", "explain", "screen"]

SchemaOpt = Annotated[str | None, typer.Option(
    "--schema", help="Person, Organization, Company, Vessel or Aircraft.")]
BirthOpt = Annotated[str | None, typer.Option(
    "--birth-date", help="Birth (or incorporation) date, full or partial: 1952, 1952-10-07.")]
CountryOpt = Annotated[list[str] | None, typer.Option(
    "--country", help="Nationality, citizenship or jurisdiction: ISO code or name (repeatable).")]
IdOpt = Annotated[list[str] | None, typer.Option(
    "--id", help="An identifier: passport, tax, registration, IMO number... (repeatable).")]
ThresholdOpt = Annotated[float | None, typer.Option(
    "--threshold", min=0.0, max=1.0, help="Score from which a result is a match "
    "(default: the calibrated default threshold).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]


def _query(name: str, schema: str | None, birth_date: str | None,
           country: list[str] | None, ids: list[str] | None) -> dict[str, Any]:  # fmt: skip
    query: dict[str, Any] = {"name": name}
    if schema:
        query["schema"] = schema
    if birth_date:
        query["birth_date"] = birth_date
    if country:
        query["country"] = country
    if ids:
        query["ids"] = ids
    return query


def _why(match: Any) -> str:
    """One short line: the names that aligned, then facts that moved the score."""
    ex = match.explanation
    parts = []
    if ex.name is not None:
        parts.append(f"{ex.name.candidate} ({ex.name.score:.2f})")
    for f in ex.features:
        if f.feature != "name" and abs(f.effect) >= 0.005:
            parts.append(f"{f.feature} {f.kind} {f.effect:+.2f}")
    return "; ".join(parts)


@handle_errors
def screen(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The name to screen.")],
    schema: SchemaOpt = None,
    birth_date: BirthOpt = None,
    country: CountryOpt = None,
    ids: IdOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many results.")] = 10,
    threshold: ThresholdOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="Also show results scoring below 0.05.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Screen a name (and facts) against every loaded list: best matches first, scored and
    explained.

      tamis screen "Vladimir Poutine" --schema Person --birth-date 1952 --country ru
    """
    from tamis.match.screen import screen as run_screen

    matches = run_screen(_query(name, schema, birth_date, country, ids), top=top,
                         threshold=threshold)  # fmt: skip
    if not all_:
        matches = [m for m in matches if m.score >= 0.05 or m.match]
    if as_json:
        print_json([m.to_dict() for m in matches])
        return
    console = out()
    if not matches:
        console.print(Text(f"no candidate for {name!r}", style="dim"))
        return
    limit = matches[0].explanation.threshold
    table = Table(box=box.SIMPLE_HEAD, title=f"screen {name!r} (threshold {limit:.2f})",
                  title_justify="left", pad_edge=False)  # fmt: skip
    for col, justify in (("#", "right"), ("id", "left"), ("name", "left"), ("score", "right"),
                         ("match", "left"), ("why", "left")):  # fmt: skip
        table.add_column(col, justify=justify, no_wrap=col in ("#", "id", "score"))  # type: ignore[arg-type]
    for rank, m in enumerate(matches, 1):
        style = "bold green" if m.match else "dim"
        table.add_row(str(rank), m.id, m.caption, f"{m.score:.3f}", "MATCH" if m.match else "-",
                      _why(m), style=style)  # fmt: skip
    console.print(table)


@handle_errors
def compare(
    a: Annotated[str, typer.Argument(metavar="A", help="A name, or a listed entity id.")],
    b: Annotated[str, typer.Argument(metavar="B", help="A name, or a listed entity id.")],
    schema: SchemaOpt = None,
    threshold: ThresholdOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Compare two records (names, or listed entity ids like ofac-sdn:35096): score and why.

      tamis compare "Vladimir Putin" "PUTIN, Vladimir Vladimirovich"
    """
    from tamis.match.screen import compare as run_compare

    left: Any = a if (":" in a and " " not in a.strip()) else _query(a, schema, None, None, None)
    right: Any = b if (":" in b and " " not in b.strip()) else _query(b, schema, None, None, None)
    match = run_compare(left, right, threshold=threshold)
    if as_json:
        print_json(match.to_dict())
        return
    out().print(Text(match.explanation.render()), soft_wrap=True)


@handle_errors
def explain(
    entity_id: Annotated[str, typer.Argument(metavar="ENTITY_ID", help="e.g. ofac-sdn:35096")],
    name: Annotated[str, typer.Argument(metavar="QUERY", help="The name screened.")],
    schema: SchemaOpt = None,
    birth_date: BirthOpt = None,
    country: CountryOpt = None,
    ids: IdOpt = None,
    threshold: ThresholdOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Explain, part by part and fact by fact, how a listed entity scores for a query.

      tamis explain ofac-sdn:35096 "V. Putin" --birth-date 1952
    """
    from tamis.match.screen import screener

    match = screener().explain(entity_id, _query(name, schema, birth_date, country, ids),
                               threshold)  # fmt: skip
    if as_json:
        print_json(match.to_dict())
        return
    console = out()
    console.print(Text(f"{match.id}  {match.caption}  ({match.schema})", style="bold"),
                  soft_wrap=True)  # fmt: skip
    console.print(Text(match.explanation.render()), soft_wrap=True)


def _thresholds(text: str | None) -> list[float] | None:
    if not text:
        return None
    try:
        return [float(t) for t in text.replace(";", ",").split(",") if t.strip()]
    except ValueError:
        raise TamisError(f"--thresholds: expected numbers like 0.6,0.7,0.8, got {text!r}") from None


@handle_errors
def evaluate(
    labelled: Annotated[Path, typer.Argument(metavar="LABELLED.csv",
                        help="Labelled queries: query, expected_id (empty = not listed), ...")],
    html: Annotated[Path | None, typer.Option("--html", help="Also write an HTML report.")] = None,
    thresholds: Annotated[str | None, typer.Option(
        "--thresholds", help="Comma-separated thresholds to report, e.g. 0.6,0.7,0.8.")] = None,
    examples: Annotated[int, typer.Option("--examples", min=0,
                        help="Show this many misses and false alerts.")] = 10,
    as_json: JsonOpt = False,
) -> None:
    """Measure recall, precision and false alerts per threshold, list, schema and script on
    your own labelled queries: the test evidence of a screening program.

      tamis evaluate labelled.csv --html evaluation.html
    """
    from tamis.evaluate import DEFAULT_THRESHOLDS, read_labelled, tables, write_html
    from tamis.evaluate import evaluate as run_evaluate
    from tamis.match import DEFAULT_THRESHOLD
    from tamis.match.screen import screener

    rows = read_labelled(labelled)
    scr = screener()
    levels = _thresholds(thresholds) or list(DEFAULT_THRESHOLDS)
    report = run_evaluate(rows, lambda q: scr.screen(q, top=10), levels, DEFAULT_THRESHOLD,
                          title=f"tamis evaluation of {labelled.name}",
                          system="tamis.screen")  # fmt: skip
    if html is not None:
        write_html(report, html)
    if as_json:
        print_json(report.to_dict() | ({"html": str(html)} if html else {}))
        return
    console = out()
    for table in tables(report, examples=examples):
        console.print(table)
    if html is not None:
        console.print(Text(f"report written to {html}", style="dim"), soft_wrap=True)
