"""tamis: an open-source sanctions and adverse-media screening engine.

Data flows one way: `sources` (publisher formats) -> `model` (entities, versioned store)
-> `normalise` -> `index` -> `match` -> the consumers (`cli`, `api`, `batch`, `scan`).

    import tamis
    tamis.screen({"name": "Vladimir Putin", "birth_date": "1952"})   # -> [Match, ...]
    tamis.compare({"name": "Vladimir Putin"}, "ofac-sdn:35096")      # -> Match

`screen` and `compare` are loaded on first use, so `import tamis` stays cheap.
"""

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "compare", "scan_text", "screen", "screen_many"]

_LAZY = {"screen", "compare", "screen_many"}


def __getattr__(name: str) -> Any:
    if name == "scan_text":  # the article scanner, loaded on first use like `screen`
        from tamis.scan import pipeline

        globals()[name] = pipeline.scan_text
        return pipeline.scan_text
    if name in _LAZY:
        from tamis.match import screen as module

        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tamis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _LAZY | {"scan_text"})
