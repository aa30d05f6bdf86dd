"""Keyword tables of tamis/resources, read once per process.

Domain knowledge (titles, legal forms, spelling rules, name variants, weights) lives in YAML
files so that it can be reviewed and extended without touching code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tamis.resources import load_yaml

__all__ = ["load_table", "word_list"]


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed YAML file `tamis/resources/<name>` (a mapping), cached."""
    data = load_yaml(name)
    if not isinstance(data, dict):
        raise TypeError(f"tamis/resources/{name}: expected a mapping at the top level")
    return data


@cache
def word_list(name: str, key: str) -> frozenset[str]:
    """The words listed under `key` of the YAML file `tamis/resources/<name>`, as strings
    (YAML would read "no" or "on" unquoted as booleans: quote them in the file)."""
    return frozenset(str(w) for w in load_table(name)[key])
