"""The index on disk: one file under `$TAMIS_HOME/index/`, named by what it was built from.

The name is a fingerprint of the active versions' sha256s and of the code that shapes the
index (a changed list or a changed normaliser means another file), so a start finds its
index by name and never rebuilds it for the same data; a new version loaded makes the old
file stale, and it is removed when its successor is written. The content is `marshal` of
plain data (dicts, lists, str, bytes): no code runs on load, and loading is a memory copy.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["FORMAT", "fingerprint", "index_path", "read", "write"]

FORMAT = 2  # bump when the file's layout changes
SUFFIX = ".tamisidx"


def fingerprint(versions: Iterable[tuple[str, str]], stamp: str = "") -> str:
    """A hex digest of (source, sha256) pairs, the file format and a code stamp."""
    h = hashlib.sha256(f"tamis-index/{FORMAT}/{stamp}".encode())
    for source, sha in sorted(versions):
        h.update(f"\n{source}:{sha}".encode())
    return h.hexdigest()


def index_path(folder: Path, print_: str) -> Path:
    return folder / f"screen-{print_[:24]}{SUFFIX}"


def read(path: Path) -> dict[str, Any] | None:
    """The stored data, or None when missing or unreadable (then it is rebuilt)."""
    try:
        with open(path, "rb") as fh:
            data = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


def write(path: Path, data: dict[str, Any]) -> Path:
    """Write atomically (a reader never sees half a file), then drop older index files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        marshal.dump({"format": FORMAT, **data}, fh)
    os.replace(tmp, path)
    for old in path.parent.glob(f"screen-*{SUFFIX}"):
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass
    return path
