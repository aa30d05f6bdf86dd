"""tamis: an open-source sanctions and adverse-media screening engine.

Data flows one way: `sources` (publisher formats) -> `model` (entities, versioned store)
-> `normalise` -> `index` -> `match` -> `evaluate` -> `scan` -> the front ends (`cli`...).

    import tamis
    tamis.screen({"name": "Vladimir Putin", "birth_date": "1952"})   # -> [Match, ...]
    tamis.compare({"name": "Vladimir Putin"}, "ofac-sdn:35096")      # -> Match
    tamis.scan_text(open("article.txt").read())                     # -> ScanResult

These are loaded on first use, so `import tamis` stays cheap.
"""

import importlib
from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "compare", "scan_text", "screen", "screen_many"]

# name -> the module that defines it, imported on first use
_LAZY = {
    "screen": "tamis.match.screen",
    "compare": "tamis.match.screen",
    "screen_many": "tamis.match.screen",
    "scan_text": "tamis.scan.pipeline",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tamis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
