"""What every parser shares: the `ParsedSource` it returns, the `Parser` it is, and safe reading.

A parser module exposes one `Parser` value: a format name, a `sniff` that recognises its
primary files from their content (and name where two lists share one format), a
`companion` test for the side files it reads itself (OFAC `alt.csv`...), and `parse`.
`parse` returns a `ParsedSource` whose `entities` is an iterator, so a big file streams.
Problems are collected with `Problems` and raised once as `SourceErrors`.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity

__all__ = [
    "HEAD_BYTES",
    "ParsedSource",
    "Parser",
    "Problems",
    "decode_bytes",
    "read_text",
    "sha256_files",
]

HEAD_BYTES = 8192  # how much of a file `sniff` gets to look at


@dataclass
class ParsedSource:
    """One version of one source: which files made it, what the publisher dated it, the entities."""

    source: str  # e.g. "ofac-sdn", "un-sc", or a dataset name for FtM data
    format: str  # e.g. "ofac-csv"
    path: Path  # the primary file that was named or found
    files: list[Path]  # every file read (primary + companions), for the version hash
    entities: Iterator[Entity]
    publisher_date: str | None = None  # ISO date/time the file itself states, if any
    title: str | None = None

    def sha256(self) -> str:
        return sha256_files(self.files)


@dataclass(frozen=True)
class Parser:
    """A publisher format: recognise it, and parse it."""

    format: str
    sniff: Callable[[Path, bytes], str | None]  # source name if `path` is a primary file
    parse: Callable[[Path], ParsedSource]
    companion: Callable[[Path, bytes], bool] = lambda path, head: False


@dataclass
class Problems:
    """Collects a file's problems so a load reports all of them (first few shown) at once."""

    path: Path
    errors: list[SourceError] = field(default_factory=list)
    limit: int = 1000

    def add(
        self,
        message: str,
        line: int | None = None,
        element: str | None = None,
        field: str | None = None,
    ) -> None:
        if len(self.errors) < self.limit:
            self.errors.append(SourceError(self.path, message, line, element, field))

    def raise_if_any(self) -> None:
        if self.errors:
            raise SourceErrors(self.path, self.errors)


def sha256_files(paths: list[Path]) -> str:
    """One digest over several files (name-independent order: sorted by file name)."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode a publisher file: UTF-8 (with or without BOM), else cp1252, else a clear error.

    OFAC has shipped both; a stray `0x1A` (DOS end-of-file) at the end is dropped.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").rstrip("\x1a")
        except UnicodeDecodeError as exc:
            raise SourceError(path, f"not valid UTF-16: {exc.reason} at byte {exc.start}")
    data = data.rstrip(b"\x1a")
    if b"\x00" in data[:HEAD_BYTES]:
        raise SourceError(path, "binary content (NUL bytes), not a text list file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            path, f"undecodable byte 0x{data[exc.start]:02x}: neither UTF-8 nor cp1252", line
        ) from None


def read_text(path: Path) -> str:
    """Read a whole text file with `decode_bytes`; a missing file is a `SourceError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror or exc}") from None
    return decode_bytes(data, path)
