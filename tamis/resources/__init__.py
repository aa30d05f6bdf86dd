"""Knowledge as data: word lists, keyword tables and lookup tables, loaded once.

Every layer may read these (they are the shared vocabulary, like `tamis.model.entity`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["RESOURCES", "load_yaml"]

RESOURCES = Path(__file__).resolve().parent


@cache
def load_yaml(name: str) -> Any:
    """Parse `tamis/resources/<name>` once per process."""
    with open(RESOURCES / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)
