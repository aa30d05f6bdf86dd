"""Which values followthemoney quietly dropped while building a proxy.

FtM cleans without complaint: an invalid date or a reference it cannot accept simply
disappears. The FtM JSON parser (to report bad input) and the FtM export (to refuse a lossy
file) both need to know, so the check lives here, in the sources layer both can import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["lost_values"]


def _as_list(values: Any) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, (list, tuple, set)):
        values = [values]
    return [s for s in (str(v).strip() for v in values if v is not None) if s]


def lost_values(proxy: Any, properties: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(property, value, why) for each input value FtM dropped while building `proxy`.

    FtM cleans quietly: an invalid value just disappears. The fast path compares counts;
    only when the proxy holds fewer distinct values is each input cleaned on its own.
    """
    from followthemoney.exc import InvalidData

    lost: list[tuple[str, str, str]] = []
    for name, raw in properties.items():
        prop = proxy.schema.properties.get(name)
        if prop is None or prop.stub:
            continue
        kept = proxy.get(name, quiet=True)
        if isinstance(raw, list) and len(kept) >= len(raw):
            continue  # every input value made it (the common case, no per-value work)
        given = list(dict.fromkeys(_as_list(raw)))
        if len(kept) >= len(given):
            continue
        for value in given:
            try:
                cleaned = prop.type.clean(value, proxy=proxy)
            except InvalidData as exc:  # e.g. a relation pointing at itself
                lost.append((name, value, str(exc)))
                continue
            if cleaned is None:
                lost.append((name, value, f"not a valid FtM {prop.type.name}"))
            elif cleaned not in kept:
                lost.append((name, value, "over FtM's size limit for the entity"))
    return lost
