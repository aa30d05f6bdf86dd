"""`tamis sources`: what is loaded, which version of each list is active, and its history."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tamis.cli.output import handle_errors, out, print_json, version_dict
from tamis.errors import StoreError
from tamis.model.entity import THING_SCHEMATA
from tamis.model.store import Store

__all__ = ["schema_table", "sources", "sources_table", "summary_dict", "when"]


SHA_SHOWN = 10  # hex digits of a version's sha256 shown; `tamis diff` accepts such prefixes


def when(value: Any, date_only: bool = False) -> str:
    """A date or timestamp, short: `2023-01-20`, or `2026-03-01 14:02` (UTC)."""
    if value is None or value == "":
        return "-"
    text = value.isoformat(sep=" ") if hasattr(value, "isoformat") else str(value)
    return text.replace("T", " ")[: 10 if date_only else 16]


def summary_dict(summary: Any) -> dict[str, Any]:
    """A store `SourceSummary` as JSON data."""
    active = version_dict(summary.active)
    return {"source": summary.source, "versions": summary.versions, "active": active}


def _table(title: str, first: str) -> Table:
    """The columns both listings share; narrow enough for an 80-column terminal."""
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column(first, no_wrap=True)
    table.add_column("version" if first == "source" else "", no_wrap=True)
    table.add_column("sha256", no_wrap=True)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("loaded (UTC)", no_wrap=True, min_width=16)
    table.add_column("things", justify="right", no_wrap=True)
    table.add_column("total", justify="right", no_wrap=True)
    return table


def _cells(v: dict[str, Any]) -> list[str]:
    return [
        v["sha256"][:SHA_SHOWN],
        when(v["publisher_date"], date_only=True),
        when(v["loaded_at"]),
        f"{v['things']:,}",
        f"{v['total']:,}",
    ]


def sources_table(summaries: list[Any], title: str = "Sources") -> Table:
    """One row per source: the active version ("v2 of 2": number, and versions kept)."""
    table = _table(title, "source")
    for summary in summaries:
        v = version_dict(summary.active)
        cells = _cells(v) if v else ["-"] * 5
        number = f"v{v['number']} of {summary.versions}" if v else f"- of {summary.versions}"
        table.add_row(summary.source, number, *cells)
    return table


def schema_table(summaries: list[Any], title: str = "Entities per schema") -> Table:
    """Schemas down, sources across: what each active version holds."""
    active = [s.active for s in summaries if s.active is not None]
    schemas = sorted(
        {k for v in active for k in v.counts if k != "total"},
        key=lambda k: (k not in THING_SCHEMATA, k),
    )
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("schema", no_wrap=True)
    for v in active:
        table.add_column(f"{v.source} v{v.number}", justify="right")
    for schema in [*schemas, "total"]:
        style = "bold" if schema == "total" else ("" if schema in THING_SCHEMATA else "dim")
        counts = [f"{v.counts.get(schema, 0):,}" if v.counts.get(schema) else "" for v in active]
        table.add_row(schema, *counts, style=style)
    return table


def _print_versions(console: Console, source: str, versions: list[Any]) -> None:
    """The versions table, then the file each version was loaded from (paths are long)."""
    table = _table(f"Versions of {source}", "version")
    rows = [version_dict(version) for version in versions]
    for v in rows:
        assert v is not None
        active = "[green]active[/]" if v["active"] else ""
        table.add_row(f"v{v['number']}", active, *_cells(v))
    console.print(table)
    for v in rows:
        assert v is not None
        console.print(Text(f"v{v['number']}: {v['path'] or '-'}", style="dim"), soft_wrap=True)


@handle_errors
def sources(
    name: Annotated[
        str | None,
        typer.Argument(metavar="NAME", help="A source, e.g. ofac-sdn, to list its versions."),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Show every loaded source: active version, hash, dates, entity counts, versions kept.

    "things" counts the parties you can screen (people, organisations, vessels...),
    "total" adds the relations between them. Name a source to list all its versions.

    Examples:

      tamis sources

      tamis sources ofac-sdn --json
    """
    with Store() as store:
        if name is None:
            summaries = list(store.sources())
            if json_:
                print_json([summary_dict(s) for s in summaries])
            elif not summaries:
                out().print("No source loaded yet: try `tamis update --from FOLDER`.")
            else:
                out().print(sources_table(summaries))
            return
        versions = list(store.versions(name))
        if not versions:
            raise StoreError(f"no source named {name!r} is loaded (see `tamis sources`)")
        if json_:
            print_json({"source": name, "versions": [version_dict(v) for v in versions]})
        else:
            _print_versions(out(), name, versions)
