"""Spelling keys that fold transliteration variants of a name part onto one form.

Two tables drive it (tamis/resources): `names_translit.yml`, ordered spelling rules
(Dmitriy/Dmitry/Dmitrii -> "dmitri", Tschernow -> "chernov"), and `names_variants.yml`,
groups of spellings the rules cannot fold (Muhammad/Mohammed, Oleksandr/Aleksandr). The key is
computed on the ASCII form of one part; parts with equal keys, or sharing a variant group,
are transliteration variants of each other. Cross-language work plugs more tables in here.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tamis.normalise.data import load_table

__all__ = ["spelling_key", "variant_groups"]

_DOUBLES = re.compile(r"(.)\1+")


@cache
def _rules() -> tuple[tuple[str, str, str], ...]:
    """(anchor, from, to) with anchor "^", "$" or ""."""
    out = []
    for src, dst in load_table("names_translit.yml")["rules"]:
        src = str(src)
        anchor = ""
        if src.startswith("^"):
            anchor, src = "^", src[1:]
        elif src.endswith("$"):
            anchor, src = "$", src[:-1]
        out.append((anchor, src, str(dst)))
    return tuple(out)


@lru_cache(maxsize=200_000)
def spelling_key(part: str) -> str:
    """The key of one ASCII lower-case name part; equal keys = same name, other spelling."""
    key = part
    for anchor, src, dst in _rules():
        if anchor == "^":
            if key.startswith(src):
                key = dst + key[len(src) :]
        elif anchor == "$":
            if key.endswith(src):
                key = key[: len(key) - len(src)] + dst
        elif src in key:
            key = key.replace(src, dst)
    return _DOUBLES.sub(r"\1", key)


@cache
def _groups() -> dict[str, frozenset[int]]:
    """spelling key -> ids of the variant groups it belongs to."""
    index: dict[str, set[int]] = {}
    for gid, group in enumerate(load_table("names_variants.yml")["groups"]):
        for spelling in group:
            key = spelling_key(str(spelling).replace(" ", ""))
            index.setdefault(key, set()).add(gid)
    return {k: frozenset(v) for k, v in index.items()}


_EMPTY: frozenset[int] = frozenset()


def variant_groups(key: str) -> frozenset[int]:
    """Ids of the variant groups a part (by its spelling key) belongs to."""
    return _groups().get(key, _EMPTY)


def group_label(gid: int) -> str:
    """The first spelling of a variant group, to name it in explanations."""
    return str(load_table("names_variants.yml")["groups"][gid][0])
