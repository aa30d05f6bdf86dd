"""`tamis update`: load lists from disk (`--from`) or download the official ones, then store them.

One source failing (a corrupt file, an unreachable server) is reported as one line and the
others still load; the exit code says whether everything went well. The store keeps the
previous version active when a load fails, so a bad file never empties a list.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Annotated

import typer

from tamis.cli.loading import Outcome, find_lists, load_lists, outcomes_table
from tamis.cli.output import error, handle_errors, out, print_json, warn
from tamis.cli.progress import byte_ticker, interactive, progress_bar
from tamis.errors import TamisError
from tamis.model.store import Store
from tamis.sources import discover
from tamis.sources.update import DEFAULT_TIMEOUT, DownloadError, download, remote_sources

__all__ = ["update"]


def _download_and_load(store: Store, names: list[str], timeout: float, show: bool) -> list[Outcome]:
    """Download each source into a dated folder, then load it; an unchanged copy is removed."""
    remotes = remote_sources()
    unknown = [n for n in names if n not in remotes]
    if unknown:
        raise typer.BadParameter(
            f"unknown source {', '.join(unknown)} (known: {', '.join(remotes)})",
            param_hint="--source",
        )
    outcomes: list[Outcome] = []
    for name in names or list(remotes):
        start = time.perf_counter()
        try:
            with progress_bar(show, unit="bytes") as bar:
                on_bytes = byte_ticker(bar, name)
                folder = download(remotes[name], timeout=timeout, progress=on_bytes)
            found, skipped = discover(folder, recursive=False)
            found = [f for f in found if f.source == name]
            if not found:  # e.g. an HTML page where the list used to be
                shutil.rmtree(folder, ignore_errors=True)
                why = "; ".join(s.rsplit("/", 1)[-1] for s in skipped) or "another list"
                raise DownloadError(f"{name}: the downloaded files are not a {name} list ({why})")
        except TamisError as exc:
            error(exc)
            outcomes.append(Outcome(name, None, None, str(exc), time.perf_counter() - start))
            continue
        outcome = load_lists(store, found, show)[0]
        outcome.seconds = time.perf_counter() - start
        if outcome.status == "unchanged":
            shutil.rmtree(folder, ignore_errors=True)
        outcomes.append(outcome)
    return outcomes


@handle_errors
def update(
    from_: Annotated[
        list[Path] | None,
        typer.Option(
            "--from", metavar="PATH", help="A list file or a folder of lists to load (repeatable)."
        ),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source", "-s", metavar="NAME", help="Only this source, e.g. ofac-sdn (repeatable)."
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(metavar="SECONDS", help="Seconds to wait for a server before giving up."),
    ] = DEFAULT_TIMEOUT,
    json_: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Load sanctions lists: from files with --from, else download the official ones.

    Each list becomes a new version of its source; loading the same files again says
    "unchanged". Several snapshots of one list in one folder tree load oldest path first,
    so the newest becomes the active version. A list that fails (corrupt file, server
    down) is one error line; the others still load and its active version stays.

    Downloads land in $TAMIS_HOME/downloads/SOURCE/TIMESTAMP/ (an unchanged one is not
    kept). Point a source at a mirror with TAMIS_SOURCE_URL_<SOURCE> (e.g.
    TAMIS_SOURCE_URL_UN_SC=https://mirror/consolidated.xml; a URL ending in / is a folder
    holding all the source's files) or with $TAMIS_HOME/sources.yml.

    Examples:

      tamis update --from ../shared/data

      tamis update --source un-sc --source ofac-sdn
    """
    show = interactive(json_)
    warnings: list[str] = []
    with Store() as store:
        if from_:
            found, warnings = find_lists(list(from_), source or [])
            for line in warnings:
                warn(f"skipped {line}")
            outcomes = load_lists(store, found, show)
        else:
            outcomes = _download_and_load(store, source or [], timeout, show)
    if json_:
        print_json({"results": [o.to_dict() for o in outcomes], "warnings": warnings})
    elif any(o.result for o in outcomes):  # all failed: the error lines said it all
        out().print(outcomes_table(outcomes))
    if any(o.error for o in outcomes):
        raise typer.Exit(1)
