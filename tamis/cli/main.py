"""The `tamis` Typer app: global options and one command per module of `tamis.cli`."""

from __future__ import annotations

import inspect
from typing import Annotated

import typer

from tamis import __version__
from tamis.cli.demo import demo
from tamis.cli.diff import diff
from tamis.cli.export import export
from tamis.cli.scan import scan
from tamis.cli.screen import compare, evaluate, explain, screen
from tamis.cli.sources import sources
from tamis.cli.update import update

__all__ = ["app"]

app = typer.Typer(
    name="tamis",
    help=(
        "Open-source sanctions screening: load the official lists, keep every version, "
        "see what changed.\n\n"
        "Start with: tamis update --from ../shared/data, then tamis sources.\n\n"
        "Environment: TAMIS_HOME (data folder, default ~/.tamis), TAMIS_DATABASE_URL "
        "(SQLite or PostgreSQL store), TAMIS_DEBUG=1 (tracebacks)."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"tamis {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    """Open-source sanctions screening."""


def _reflow(doc: str | None) -> str:
    """A docstring as help: prose paragraphs on one line (the terminal wraps them),
    indented example lines kept as written."""
    paragraphs = inspect.cleandoc(doc or "").split("\n\n")
    return "\n\n".join(p if p.startswith(" ") else " ".join(p.split()) for p in paragraphs)


for command, panel in ((update, "Lists"), (sources, "Lists"), (diff, "Lists"), (export, "Lists")):
    app.command(help=_reflow(command.__doc__), rich_help_panel=panel)(command)
for command in (screen, compare, explain, evaluate, scan):
    app.command(help=_reflow(command.__doc__), rich_help_panel="Screening")(command)
app.command(help=_reflow(demo.__doc__), rich_help_panel="Tour")(demo)

if __name__ == "__main__":  # python -m tamis.cli.main
    app()
