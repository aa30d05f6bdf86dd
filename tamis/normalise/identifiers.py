"""Identifiers (passport, tax, registration, IMO numbers...) in one comparable form.

Folded to upper-case letters and digits only ("IMO 9123456" -> "IMO9123456",
"7703-425-673" -> "7703425673"). `id_shape` says what kind of number it looks like
(length and letter/digit pattern): two different identifiers of the same shape are likely
the same kind of document for different holders, which is evidence against a match; two of
different shapes may simply be different documents.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_id", "id_shape", "ids_match"]

_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
# Prefixes that name the kind of number rather than being part of it.
_PREFIX = re.compile(r"^(IMO|MMSI|INN|OGRN|KPP|NO|NR|NUM|ID)(?=\d)")


def clean_id(text: str) -> str | None:
    """Comparable form of an identifier; None when fewer than 3 letters or digits."""
    value = _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).upper())
    value = _PREFIX.sub("", value)
    return value if len(value) >= 3 else None


def id_shape(value: str) -> str:
    """'D7' for 7 digits, 'A2D7' for two letters then seven digits..."""
    out = []
    run_kind, run = "", 0
    for ch in value:
        kind = "D" if ch.isdigit() else "A"
        if kind == run_kind:
            run += 1
        else:
            if run:
                out.append(f"{run_kind}{run}")
            run_kind, run = kind, 1
    if run:
        out.append(f"{run_kind}{run}")
    return "".join(out)


def ids_match(a: str, b: str) -> bool:
    """Equal, or one ends the other and is at least 6 long (a country or kind prefix)."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 6 and long.endswith(short)
