"""A loaded version of a source, and how a user names one (`active`, `previous`, `3`, `a1b2c3`).

Kept apart from the store so the CLI and diffs can show and resolve versions without SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from tamis.errors import StoreError

__all__ = ["Version", "resolve_version"]

MIN_SHA_PREFIX = 4  # shorter hash prefixes are too easy to mistype into the wrong version


@dataclass
class Version:
    """One load of one source: numbered 1, 2, ... per source; exactly one is active."""

    source: str
    number: int
    sha256: str
    format: str
    path: str
    publisher_date: str | None
    loaded_at: str  # ISO 8601 UTC
    counts: dict[str, int]  # per schema, plus "total"
    active: bool

    @property
    def total(self) -> int:
        return int(self.counts.get("total", 0))

    @property
    def label(self) -> str:
        """`ofac-sdn v3 (1a2b3c4d5e6f)`: how to name a version in a message."""
        return f"{self.source} v{self.number} ({self.sha256[:12]})"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _listing(found: Sequence[Version]) -> str:
    parts = [f"v{v.number}{'*' if v.active else ''} {v.sha256[:12]}" for v in found]
    return ", ".join(parts) + " (* = active)"


def resolve_version(source: str, found: Sequence[Version], ref: int | str | None) -> Version:
    """Pick one of a source's versions (oldest first) by reference; `StoreError` if none fits.

    `None`/"active": the active one; "previous": the one numbered just before it;
    an int or digit string: that number; anything else: a unique sha256 prefix.
    """
    if not found:
        raise StoreError(f"no versions of {source!r} are loaded")
    active = next((v for v in found if v.active), None)
    text = str(ref).strip().lower() if ref is not None else "active"
    if text in ("active", "current", "latest"):
        if active is None:
            raise StoreError(f"{source} has no active version; versions: {_listing(found)}")
        return active
    if text == "previous":
        if active is None:
            raise StoreError(f"{source} has no active version; versions: {_listing(found)}")
        older = [v for v in found if v.number < active.number]
        if not older:
            raise StoreError(
                f"{source} has no version before the active v{active.number}; "
                f"versions: {_listing(found)}"
            )
        return older[-1]
    number = text[1:] if text.startswith("v") and text[1:].isdigit() else text
    if isinstance(ref, int) or number.isdigit():
        match = [v for v in found if v.number == int(number)]
        if match:
            return match[0]
        if len(number) < MIN_SHA_PREFIX or number != text:  # else: maybe an all-digit hash
            raise StoreError(f"{source} has no version {number}; versions: {_listing(found)}")
    if len(text) >= MIN_SHA_PREFIX and all(c in "0123456789abcdef" for c in text):
        match = [v for v in found if v.sha256.startswith(text)]
        if len(match) == 1:
            return match[0]
        if len(match) > 1:
            raise StoreError(
                f"{source}: hash prefix {text!r} is ambiguous; versions: {_listing(match)}"
            )
    raise StoreError(
        f"{source} has no version {ref!r} (use a number, a sha256 prefix of at least "
        f"{MIN_SHA_PREFIX} characters, 'active' or 'previous'); versions: {_listing(found)}"
    )
