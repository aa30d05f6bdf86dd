"""Scan an article in any language and flag every listed party it names.

    from tamis.scan import scan_text
    result = scan_text(open("article.txt").read())      # -> ScanResult
    for party in result.parties: print(party.id, party.score, [m.text for m in party.mentions])

`Scanner.open(store)` keeps the screener, gazetteer and NER pipelines loaded for many
articles. Importing this package is cheap: the pipeline (and spaCy, lingua) load on first
use of `Scanner` or `scan_text`.
"""

from typing import Any

from tamis.scan.result import Mention, Party, ScanResult

__all__ = ["Mention", "Party", "ScanResult", "Scanner", "scan_text"]

_LAZY = {"Scanner", "scan_text"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from tamis.scan import pipeline

        value = getattr(pipeline, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tamis.scan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY)
