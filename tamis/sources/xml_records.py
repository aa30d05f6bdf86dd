"""What the XML parsers share: a streaming record reader with line numbers, and small helpers.

`XmlRecords` drives expat itself (not ElementTree.iterparse) so that every record and every
XML error carries its line; one child of the root is built at a time, so memory stays flat.
Used by the EU FSF and UK Sanctions List parsers.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

import yaml

from tamis.errors import SourceError
from tamis.model.entity import Entity, schema_properties

__all__ = ["XmlRecords", "iso_date", "load_table", "note", "schema_props", "xml_root"]

CHUNK = 1 << 16
_MARKUP = re.compile(r"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>", re.DOTALL)
_TAG = re.compile(r"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


class XmlRecords:
    """The root's children of an XML file, one finished subtree at a time, with start lines.

    Namespaces are dropped from tags (`{ns}export` -> `export`; the root's is kept in
    `root_ns`). Malformed, truncated or wrongly encoded input raises `SourceError` naming
    the line: expat reports it, ElementTree.iterparse would not tell record lines.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root: str | None = None
        self.root_ns = ""
        self.root_line = 1
        self.root_attrs: dict[str, str] = {}
        self._ready: deque[tuple[Element, int]] = deque()
        self._builder: TreeBuilder | None = None
        self._line = 0
        self._depth = 0
        self._eof = False
        try:
            self._fh = open(path, "rb")  # noqa: SIM115 - closed at EOF or on error
            first = self._fh.read(CHUNK)
        except OSError as exc:
            raise SourceError(path, f"cannot read: {exc.strerror or exc}") from None
        if not first.strip(b"\x00\x1a \r\n\t\xef\xbb\xbf"):
            self._fh.close()
            raise SourceError(path, "empty file")
        self._parser = p = expat.ParserCreate(namespace_separator="}")
        p.buffer_text = True
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._data
        self._feed(first)

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        self._depth += 1
        ns, _, local = tag.rpartition("}")
        if self._depth == 1:
            self.root, self.root_ns, self.root_line = local, ns, self._parser.CurrentLineNumber
            self.root_attrs = {k.rpartition("}")[2]: v for k, v in attrs.items()}
            return
        if self._depth == 2:
            self._builder = TreeBuilder()
            self._line = self._parser.CurrentLineNumber
        assert self._builder is not None
        self._builder.start(local, attrs)

    def _end(self, tag: str) -> None:
        self._depth -= 1
        if self._depth and self._builder is not None:
            self._builder.end(tag.rpartition("}")[2])
            if self._depth == 1:
                self._ready.append((self._builder.close(), self._line))
                self._builder = None

    def _data(self, text: str) -> None:
        if self._builder is not None:
            self._builder.data(text)

    def _feed(self, data: bytes | None = None) -> None:
        try:
            if data is None:
                data = self._fh.read(CHUNK)
            self._eof = not data
            self._parser.Parse(data, self._eof)
        except expat.ExpatError as exc:
            self._fh.close()
            raise self._error(exc) from None
        except (LookupError, ValueError, UnicodeError) as exc:  # e.g. a bogus encoding= name
            self._fh.close()
            line = self._parser.CurrentLineNumber
            raise SourceError(self.path, f"unreadable XML: {exc}", line) from None
        except OSError as exc:
            raise SourceError(self.path, f"cannot read: {exc.strerror or exc}") from None
        if self._eof:
            self._fh.close()

    def _error(self, exc: expat.ExpatError) -> SourceError:
        reason = expat.ErrorString(exc.code)
        line = exc.lineno
        if reason == expat.errors.XML_ERROR_INVALID_TOKEN and not _utf8_line(self.path, line):
            return SourceError(self.path, "not valid UTF-8 and no other encoding declared "
                               "(wrong encoding?)", line)
        if self._eof and reason in (expat.errors.XML_ERROR_NO_ELEMENTS,
                                    expat.errors.XML_ERROR_UNCLOSED_TOKEN):
            return SourceError(self.path, f"truncated XML: {reason}", line)
        return SourceError(self.path, f"malformed XML: {reason} (column {exc.offset + 1})", line)

    def read_root(self) -> str:
        """Read up to the root element's start tag and return its local name."""
        while self.root is None and not self._eof:
            self._feed()
        if self.root is None:
            raise SourceError(self.path, "no XML root element", 1)
        return self.root

    def __iter__(self) -> Iterator[tuple[Element, int]]:
        while True:
            while self._ready:
                yield self._ready.popleft()
            if self._eof:
                return
            self._feed()


def _utf8_line(path: Path, lineno: int) -> bool:
    """Whether line `lineno` of the file decodes as UTF-8 (to name encoding errors)."""
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, 1):
            if number == lineno:
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    return False
                return True
    return True


def xml_root(head: bytes) -> tuple[str | None, str]:
    """The local name of the root element in a file's first bytes (None if not XML), and the text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore")
    text = text.lstrip("\ufeff \t\r\n")
    if not text.startswith("<"):
        return None, text
    match = _TAG.search(_MARKUP.sub("", text))
    return (match.group(1) if match else None), text


@cache
def load_table(name: str) -> dict[str, Any]:
    """A keyword table from tamis/resources, loaded once."""
    text = resources.files("tamis").joinpath("resources", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def schema_props(schema: str) -> frozenset[str]:
    return schema_properties(schema)


def note(entity: Entity, label: str, value: str | None) -> None:
    """Keep a fact that has no FtM field as a labelled note."""
    if value and value.strip():
        entity.add("notes", f"{label}: {value.strip()}")


def iso_date(text: str | None) -> str | None:
    """`1924-02-21` or `1924-02-21T10:00:00+01:00` -> `1924-02-21`; anything else None."""
    text = (text or "").strip()
    try:
        return date.fromisoformat(text[:10]).isoformat() if len(text) >= 10 else None
    except ValueError:
        return None


# ---- EU FSF ------------------------------------------------------------------------
