"""`tamis diff`: who was added, removed or changed between two versions of a list."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from tamis.cli.output import handle_errors, out, print_json
from tamis.cli.progress import interactive, spinner
from tamis.model.diff import Diff, EntityChange, diff_versions
from tamis.model.entity import Entity
from tamis.model.store import Store

__all__ = ["diff", "diff_counts", "print_diff"]


def diff_counts(result: Diff) -> dict[str, int]:
    """Added, removed, changed (and unchanged) counts."""
    return dict(result.summary)


def _print_row(console: Console, row: Entity | EntityChange, style: str) -> None:
    """`caption  id  schema`, then for a change each field: `prop: - old` / `prop: + new`."""
    line = Text(f"  {row.caption}", style=style)
    if row.caption != row.id:
        line.append(f"  {row.id}", style="dim")
    if isinstance(row, Entity):
        line.append(f"  {row.schema}", style="dim")
    console.print(line, soft_wrap=True)
    if isinstance(row, Entity):
        return
    if row.schema:  # the schema itself changed
        console.print(Text(f"      schema: {row.schema[0]} -> {row.schema[1]}", style="yellow"))
    for prop, (removed, added) in row.fields.items():
        for value in removed:
            console.print(Text(f"      {prop}: - {value}", style="red"), soft_wrap=True)
        for value in added:
            console.print(Text(f"      {prop}: + {value}", style="green"), soft_wrap=True)


def _section(console: Console, title: str, rows: list[Any], limit: int, style: str) -> None:
    """A section's count and its first `limit` rows, named parties before relations and ids."""
    shown = sorted(rows, key=lambda row: row.caption == row.id)[: max(limit, 0)]
    header = Text(f"\n{title} ({len(rows):,})", style=f"bold {style}")
    if len(shown) < len(rows):
        header.append(f", first {len(shown):,}", style="dim")
    console.print(header)
    for row in shown:
        _print_row(console, row, style)
    if len(shown) < len(rows):
        more = f"  ... {len(rows) - len(shown):,} more (--limit N, or --json)"
        console.print(Text(more, style="dim"))


def print_diff(console: Console, result: Diff, limit: int) -> None:
    """Counts first, then each section limited to `limit` rows, changes field by field."""
    counts = diff_counts(result)
    head = Text(f"{result.source}: v{result.old.number} -> v{result.new.number}  ", "bold")
    head.append(f"+{counts['added']:,} added  ", style="green")
    head.append(f"-{counts['removed']:,} removed  ", style="red")
    head.append(f"~{counts['changed']:,} changed", style="yellow")
    console.print(head, soft_wrap=True)
    _section(console, "Added", result.added, limit, "green")
    _section(console, "Removed", result.removed, limit, "red")
    _section(console, "Changed", result.changed, limit, "yellow")


@handle_errors
def diff(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="The source, e.g. ofac-sdn.")],
    old: Annotated[
        str | None,
        typer.Argument(
            metavar="OLD", help="Old version: number, sha256 prefix, 'previous' (default)."
        ),
    ] = None,
    new: Annotated[
        str | None,
        typer.Argument(
            metavar="NEW", help="New version: number, sha256 prefix, 'active' (default)."
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", metavar="N", min=0, help="Rows shown per section in the terminal."
        ),
    ] = 10,
    json_: Annotated[bool, typer.Option("--json", help="Everything, machine-readable.")] = False,
) -> None:
    """Compare two versions of a list: added, removed and changed entities, field by field.

    Without versions it compares the previous version with the active one. The terminal
    shows --limit rows per section; --json gives every entity and change.

    Examples:

      tamis diff ofac-sdn

      tamis diff ofac-sdn 1 2 --limit 5

      tamis diff ofac-sdn 1 2 --json > changes.json
    """
    with Store() as store:
        with spinner(interactive(json_), f"comparing versions of {source}"):
            result = diff_versions(store, source, old=old, new=new)
        if json_:
            print_json(result.to_dict())
        else:
            print_diff(out(), result, limit)
