"""tamis: an open-source sanctions and adverse-media screening engine.

Data flows one way: `sources` (publisher formats) -> `model` (entities, versioned store)
-> `normalise` -> `index` -> `match` -> the consumers (`cli`, `api`, `batch`, `scan`).
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
