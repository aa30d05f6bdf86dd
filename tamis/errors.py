"""One root for every error tamis raises on purpose.

A `SourceError` carries where the problem is (file, line or element, field) so that
the CLI can print one line a user can act on. Parsers collect every problem of a file
and raise once (`SourceErrors`), so a user fixes a file in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class TamisError(Exception):
    """Root of all tamis errors; the CLI prints these as one line and exits non-zero."""


@dataclass
class SourceError(TamisError):
    """A problem in an input file, located as precisely as the format allows."""

    path: str | Path
    message: str
    line: int | None = None
    element: str | None = None
    field: str | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        if self.element is not None:
            where += f" <{self.element}>"
        if self.field is not None:
            where += f" [{self.field}]"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled by its fields (it crosses from a worker process to its parent), not by
        `args`, which its subclasses' constructors do not take."""
        return (_rebuild, (type(self), dict(self.__dict__)))


def _rebuild(cls: type[SourceError], state: dict[str, object]) -> SourceError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, str(error))
    return error


class SourceErrors(SourceError):
    """Several problems in one file: shows the first few, counts them all."""

    SHOWN = 5

    def __init__(self, path: str | Path, errors: list[SourceError]) -> None:
        self.errors = errors
        first = errors[0]
        more = len(errors) - 1
        msg = first.message + (f" (and {more} more problems)" if more else "")
        super().__init__(path, msg, first.line, first.element, first.field)

    def details(self) -> list[str]:
        return [str(e) for e in self.errors[: self.SHOWN]]


class UnknownFormatError(SourceError):
    """No parser recognises the file's content."""


class StoreError(TamisError):
    """The store cannot do what was asked (unknown source, version, database problem)."""


class ConfigError(TamisError):
    """A setting (environment variable, URL, path) is wrong."""
