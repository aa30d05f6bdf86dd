"""`tamis export`: the active lists as FollowTheMoney JSON lines, for other tools to read."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress

from tamis.cli.output import err, handle_errors, print_json
from tamis.cli.progress import interactive, progress_bar
from tamis.errors import TamisError
from tamis.model.export import export_ftm, write_ftm
from tamis.model.store import Store

__all__ = ["ExportFormat", "export"]


class ExportFormat(str, Enum):
    ftm = "ftm"


def _counted(entities: Iterable[Any], bar: Progress | None, total: int) -> Iterator[Any]:
    """Pass entities through, moving the progress bar (if any)."""
    if bar is None:
        yield from entities
        return
    task = bar.add_task("export", total=total)
    for n, entity in enumerate(entities, 1):
        if n % 500 == 0 or n == total:
            bar.update(task, completed=n)
        yield entity


@handle_errors
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format: ftm (JSON lines).")
    ] = ExportFormat.ftm,
    source: Annotated[
        str | None,
        typer.Option("--source", "-s", metavar="NAME", help="Only this source (default: all)."),
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="FILE|-", help="File to write (.gz compresses), - for stdout."
        ),
    ] = "-",
    json_: Annotated[
        bool, typer.Option("--json", help="Print a JSON summary (with -o FILE).")
    ] = False,
) -> None:
    """Export the active version of every list (or one) as FollowTheMoney JSON lines.

    One entity per line in FtM's own shape (id, schema, properties, datasets), validated
    against the FtM model, readable by `ftm` tools, yente and OpenSanctions' pipelines.
    A file is replaced only once complete.

    Examples:

      tamis export --format ftm -o sanctions.ftm.json

      tamis export --format ftm --source un-sc | head
    """
    with Store() as store:
        entities = store.entities(source=source)  # unknown source: StoreError
        if output == "-":  # the data is the terminal output: no progress bar over it
            try:
                count = export_ftm(entities, sys.stdout)
                sys.stdout.flush()
            except BrokenPipeError:  # `| head` stopped reading: that is fine
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return
            err().print(f"exported {count:,} entities", highlight=False)
            return
        path = Path(output)
        with progress_bar(interactive(json_)) as bar:
            try:
                count = write_ftm(_counted(entities, bar, store.count(source)), path)
            except OSError as exc:
                raise TamisError(f"cannot write {path}: {exc.strerror or exc}") from None
    if json_:
        print_json({"format": format.value, "source": source, "output": str(path), "count": count})
    else:
        err().print(f"exported {count:,} entities to {path}", highlight=False, markup=False)
