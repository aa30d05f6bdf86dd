"""What every command shares: consoles, JSON output, one-line errors, version data.

Errors a user can act on (`TamisError`) become one red line on stderr and exit code 1;
a traceback only with `TAMIS_DEBUG=1`.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from tamis.errors import SourceErrors, TamisError
from tamis.model.entity import THING_SCHEMATA
from tamis.model.versions import Version

__all__ = [
    "debug",
    "err",
    "error",
    "handle_errors",
    "out",
    "print_json",
    "things",
    "version_dict",
    "warn",
]

F = TypeVar("F", bound=Callable[..., Any])


def out() -> Console:
    """The stdout console, made per call so it follows whatever `sys.stdout` is now."""
    return Console(highlight=False)


def err() -> Console:
    return Console(stderr=True, highlight=False)


def debug() -> bool:
    return os.environ.get("TAMIS_DEBUG", "").strip() not in ("", "0", "false", "no")


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: Any) -> None:
    """Machine output: indented UTF-8 JSON on stdout, nothing else there."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_default))


def _line(label: str, style: str, message: str) -> None:
    """One line on stderr, never wrapped, never read as Rich markup (paths hold `[...]`)."""
    text = Text(f"{label}: ", style=style)
    text.append(message)
    err().print(text, soft_wrap=True)


def warn(message: str) -> None:
    _line("warning", "yellow", message)


def error(exc: BaseException | str) -> None:
    """`error: <message>` in red, then the first located problems of a `SourceErrors`."""
    _line("error", "bold red", str(exc))
    if isinstance(exc, SourceErrors) and len(exc.errors) > 1:
        for detail in exc.details():
            err().print(Text("  " + detail, style="red"), soft_wrap=True)


def handle_errors(func: F) -> F:
    """Wrap a command: tamis errors become one line and exit 1, not a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.TyperException, typer.Exit, typer.Abort, SystemExit):  # usage errors
            raise
        except TamisError as exc:
            if debug():
                raise
            error(exc)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            _line("error", "bold red", "interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug: still one line, the traceback on demand
            if debug():
                raise
            error(f"internal error: {type(exc).__name__}: {exc} (TAMIS_DEBUG=1 shows where)")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def things(counts: Mapping[str, int]) -> int:
    """How many screenable parties (people, companies, vessels...), relations left out."""
    return sum(n for schema, n in counts.items() if schema in THING_SCHEMATA)


def version_dict(version: Version | None) -> dict[str, Any] | None:
    """A store `Version` as plain JSON data, with its number of screenable things."""
    if version is None:
        return None
    return version.to_dict() | {"things": things(version.counts), "total": version.total}
