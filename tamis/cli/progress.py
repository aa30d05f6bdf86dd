"""Progress display: Rich bars on stderr, only when a person is watching.

Shown when stdout and stderr are terminals and not in `--json` mode, so pipes and
machine output stay clean. Loads report entities (the store's `progress` callback),
downloads report bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)
from rich.text import Text

from tamis.cli.output import err

__all__ = ["byte_ticker", "entity_ticker", "interactive", "progress_bar", "spinner"]


def interactive(json_mode: bool) -> bool:
    """Whether a person watches: progress bars only then."""
    return not json_mode and sys.stdout.isatty() and err().is_terminal


@contextmanager
def spinner(enabled: bool, text: str) -> Iterator[None]:
    """A spinner on stderr for work without a count (a diff), when someone is watching."""
    if not enabled:
        yield
        return
    with err().status(text):
        yield


class _CountColumn(ProgressColumn):
    """`12,345 entities`, or `12,345/23,774 entities` when the total is known."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        done = f"{int(task.completed):,}"
        if task.total is not None:
            done += f"/{int(task.total):,}"
        return Text(f"{done} {self.unit}", style="progress.download")


@contextmanager
def progress_bar(enabled: bool, unit: str = "entities") -> Iterator[Progress | None]:
    """A Rich progress display on stderr, or `None` when nobody is watching.

    `unit="bytes"` shows sizes and speed (downloads), else a count (entities).
    """
    if not enabled:
        yield None
        return
    if unit == "bytes":
        columns: tuple[Any, ...] = (DownloadColumn(), TransferSpeedColumn())
    else:
        columns = (_CountColumn(unit),)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", style="bold", markup=False),
        BarColumn(),
        *columns,
        TimeElapsedColumn(),
        console=err(),
        transient=True,
    ) as progress:
        yield progress


def entity_ticker(bar: Progress | None, label: str) -> Callable[[int], None] | None:
    """A `progress(n_entities)` callback for the store, drawing on `bar`; None if no bar."""
    if bar is None:
        return None
    task = bar.add_task(label, total=None)

    def tick(n: int) -> None:
        bar.update(task, completed=n)

    return tick


def byte_ticker(bar: Progress | None, label: str) -> Callable[[str, int, int | None], None] | None:
    """A download progress callback (file name, bytes done, bytes expected); None if no bar."""
    if bar is None:
        return None
    task = bar.add_task(label, total=None)

    def tick(name: str, done: int, total: int | None) -> None:
        bar.update(task, completed=done, total=total, description=f"{label} {name}")

    return tick
