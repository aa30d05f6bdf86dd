"""Publisher formats, one module each, all producing `tamis.model.Entity` values.

`parse(path)` finds the right parser from the file's content and returns a
`ParsedSource`; `discover(folder)` finds every loadable list file below a folder.
Each module exposes `PARSER`, a `tamis.sources.base.Parser`; `PARSER_MODULES` is the
registry, tried in order.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from tamis.errors import SourceError, UnknownFormatError
from tamis.sources.base import HEAD_BYTES, ParsedSource, Parser

__all__ = ["Found", "ParsedSource", "Parser", "detect", "discover", "parse", "parsers"]

PARSER_MODULES = (
    "tamis.sources.ofac_csv",
    "tamis.sources.un_xml",
    "tamis.sources.eu_xml",
    "tamis.sources.uk_sl",
    "tamis.sources.bis_dpl",
    "tamis.sources.ftm_json",
)


def parsers() -> list[Parser]:
    return [importlib.import_module(name).PARSER for name in PARSER_MODULES]


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror or exc}") from None


@dataclass
class Found:
    """A primary list file found on disk, and the parser and source it belongs to."""

    path: Path
    parser: Parser
    source: str


def detect(path: Path) -> Found:
    """Which parser and source a file is, from its content; `UnknownFormatError` if none."""
    path = Path(path)
    if path.is_dir():
        found, skipped = discover(path, recursive=False)
        if len(found) == 1:
            return found[0]
        if not found:
            why = "; ".join(skipped) if skipped else "no list file in it"
            raise UnknownFormatError(path, f"no loadable list in this folder ({why})")
        raise SourceError(path, "several lists in this folder: load it with discover()")
    if not path.exists():
        raise SourceError(path, "no such file or folder")
    head = _head(path)
    if not head.strip(b"\x00\x1a \r\n\t\xef\xbb\xbf"):
        raise SourceError(path, "empty file")
    for parser in parsers():
        source = parser.sniff(path, head)
        if source:
            return Found(path, parser, source)
    for parser in parsers():
        if parser.companion(path, head):
            raise SourceError(
                path,
                f"a side file of the {parser.format} format: load the folder holding its "
                "primary file instead",
            )
    raise UnknownFormatError(
        path,
        "unknown format: not OFAC CSV, UN XML, EU FSF XML, UK sanctions list, "
        "BIS DPL or FollowTheMoney JSON",
        line=1,
    )


def parse(path: Path | str) -> ParsedSource:
    """Parse one list file (or a folder holding one list) into a `ParsedSource`."""
    found = detect(Path(path))
    return found.parser.parse(found.path)


def discover(root: Path | str, recursive: bool = True) -> tuple[list[Found], list[str]]:
    """Every primary list file under `root`, and a line for each file set skipped and why.

    Side files (OFAC `alt.csv`, `add.csv`...) are read by their primary's parser; a folder
    holding side files without their primary is reported as skipped, not as an error.
    """
    root = Path(root)
    if root.is_file():
        return [detect(root)], []
    found: list[Found] = []
    skipped: list[str] = []
    all_parsers = parsers()
    paths = sorted(root.rglob("*") if recursive else root.iterdir())
    orphans: dict[Path, list[str]] = {}
    for path in paths:
        if not path.is_file() or path.name.startswith(".") or path.name.lower().startswith("readme"):
            continue
        head = _head(path)
        if not head.strip():
            skipped.append(f"{path}: empty file")
            continue
        match = next(((p, s) for p in all_parsers if (s := p.sniff(path, head))), None)
        if match:
            found.append(Found(path, match[0], match[1]))
        elif any(p.companion(path, head) for p in all_parsers):
            orphans.setdefault(path.parent, []).append(path.name)
        else:
            skipped.append(f"{path}: unknown format")
    primary_dirs = {f.path.parent for f in found}
    for folder, names in orphans.items():
        if folder not in primary_dirs:
            skipped.append(
                f"{folder}: only side files ({', '.join(names)}) without their primary list file"
            )
    return found, skipped
