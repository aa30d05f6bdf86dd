"""How common a name part is among people: a match on "Mohamed" or "Carlos" says less about
identity than a match on "Putin" or "Maduro", because many more people share it.

Counts come from tamis/resources/name_frequency.tsv (bearers per spelling key, from every list
in the shared data and real non-listed people; see scripts/gen_name_frequency.py). A key not
in the table has fewer bearers than the table's minimum and counts as rare. Spellings of one
name (a group of names_variants.yml: Muhammad, Mohamed, Mohd...) pool their counts: together
they say how common the name is, which no single spelling does. Settings are the
`name.frequency` section of match_weights.yml:

- `rarity(key)` in (0, 1]: 1 up to `rare` bearers, falling with the logarithm of the count
  to `floor` at `common` bearers or more; `abjad=True` for a part written in Arabic or Hebrew
  script, whose count is scaled up (only the UN list writes names so: "alrhmn" is borne by 9
  of its 329 such people, but would be by far more of all 11,339): by (all people / abjad
  people) ** `abjad_scale`;
- `count(key)`: the (pooled) number of bearers, 0 below the table's minimum.

The counts over-represent the cultures the lists name most and miss the common names of
others (Smirnov, Nguyen, Yilmaz would be rare): the family and given names names_common.yml
lists as the most common of their country count as borne by at least `common_listed` people.
"""

from __future__ import annotations

import math
from functools import cache

from tamis.normalise.data import load_table
from tamis.normalise.text import fold
from tamis.normalise.tokens import token
from tamis.normalise.translit import variant_groups
from tamis.resources import RESOURCES

__all__ = ["count", "people", "rarity"]

TABLE = "name_frequency.tsv"
COMMON = "names_common.yml"


@cache
def _table() -> tuple[dict[str, int], int, int]:
    """{key: people bearing it or another spelling of its name}, total people, people with a
    name in an abjad; read once."""
    counts: dict[str, int] = {}
    total = abjad = 0
    with open(RESOURCES / TABLE, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            key, persons, _ = line.rstrip("\n").split("\t")
            if key == "*total*":
                total = int(persons)
            elif key == "*abjad*":
                abjad = int(persons)
            elif persons != "0":
                counts[key] = int(persons)
    if total <= 0 or abjad <= 0:
        raise ValueError(f"tamis/resources/{TABLE}: no *total* or *abjad* line")
    least = int(load_table("match_weights.yml")["name"]["frequency"]["common_listed"])
    for key in common_names():
        counts[key] = max(counts.get(key, 0), least)
    pooled: dict[int, int] = {}
    groups = {key: variant_groups(key) for key in counts}
    for key, n in counts.items():
        for g in groups[key]:
            pooled[g] = pooled.get(g, 0) + n
    for key, gs in groups.items():
        if gs:
            counts[key] = max(counts[key], *(pooled[g] for g in gs))
    return counts, total, abjad


@cache
def common_names() -> frozenset[str]:
    """Spelling keys of the family and given names names_common.yml lists as among the most
    common of a country (Smirnov, Nguyen, Yilmaz; Giuseppe, Jennifer), with the feminine
    forms of family names (Smirnova)."""
    out: set[str] = set()
    table = load_table(COMMON)
    for country, spec in [*table["surnames"].items(), *table["given"].items()]:
        endings = dict(spec.get("feminine") or {})
        for name in spec["names"]:
            forms = [str(name)] + [str(name)[: -len(m)] + f for m, f in endings.items()
                                   if str(name).lower().endswith(m)]  # fmt: skip
            for form in forms:
                key = token(fold(form)).key
                if not key:
                    raise ValueError(f"tamis/resources/{COMMON}: {country}: no key for {form!r}")
                out.add(key)
    return frozenset(out)


@cache
def common_given_names() -> tuple[str, ...]:
    """The given names names_common.yml lists (Mohamed, Abdul, Rahman; Giuseppe), folded."""
    return tuple(fold(str(n)) for spec in load_table(COMMON)["given"].values()
                 for n in spec["names"])  # fmt: skip


@cache
def _settings() -> tuple[float, float, float]:
    table = load_table("match_weights.yml")["name"]["frequency"]
    rare, common, floor = float(table["rare"]), float(table["common"]), float(table["floor"])
    if not (1.0 <= rare < common and 0.0 < floor <= 1.0):
        raise ValueError(
            "match_weights.yml name.frequency: need 1 <= rare < common, 0 < floor <= 1"
        )
    return rare, common, floor


@cache
def _abjad_scale() -> float:
    """How much more common a part written in an abjad is than its count says: between 1 (the
    counts are a fair sample) and total / abjad people (they are all such a name's bearers)."""
    _, total, written = _table()
    fraction = float(load_table("match_weights.yml")["name"]["frequency"]["abjad_scale"])
    return float((total / written) ** fraction)


def people() -> int:
    """The number of people the counts were taken from."""
    return _table()[1]


@cache
def count(key: str) -> int:
    """How many of those people bear a part with this spelling key or another spelling of
    the same name (0: fewer than the table lists)."""
    counts = _table()[0]
    n = counts.get(key)
    if n is None:  # a rare spelling of a common name (Mouhamed) is as common as the name
        n = max((counts.get(k, 0) for k in _group_members(key)), default=0)
    return n


@cache
def _members() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for key in _table()[0]:
        for g in variant_groups(key):
            out.setdefault(g, []).append(key)
    return {g: tuple(keys) for g, keys in out.items()}


def _group_members(key: str) -> tuple[str, ...]:
    members = _members()
    return tuple(k for g in variant_groups(key) for k in members.get(g, ()))


@cache
def rarity(key: str, abjad: bool = False) -> float:
    """1.0 for a rare part, down to `floor` for the most common ones (log scale between)."""
    n: float = count(key)
    if abjad:
        n *= _abjad_scale()
    rare, common, floor = _settings()
    if n <= rare:
        return 1.0
    if n >= common:
        return floor
    return 1.0 - (1.0 - floor) * math.log(n / rare) / math.log(common / rare)
