"""Hold-out folds: remove each query's own alias from its entity before screening it.

Rebuilding a list per query would be exact but slow for an indexed scorer, so queries are
grouped into folds in which no entity appears twice; each fold screens against the list
with all of the fold's held-out aliases removed. Other entities of the fold lose one
alias each, a small approximation (documented in bench/data/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from bench.devsets.common import NAME_PROPS, trivial
from tamis.model.entity import Entity

T = TypeVar("T")


def folds(items: Sequence[T], expected: Sequence[str]) -> list[list[T]]:
    """Greedy: each item goes to the first fold that does not already hold its entity."""
    out: list[list[T]] = []
    used: list[set[str]] = []
    for item, ident in zip(items, expected):
        for fold, seen in zip(out, used):
            if not ident or ident not in seen:
                fold.append(item)
                seen.add(ident)
                break
        else:
            out.append([item])
            used.append({ident})
    return out


def without(entity: Entity, names: set[str]) -> Entity:
    """A copy of `entity` without the names whose trivial form is in `names`."""
    props = {
        prop: [v for v in values if not (prop in NAME_PROPS and trivial(v) in names)]
        for prop, values in entity.properties.items()
    }
    return Entity(entity.id, entity.schema, props, entity.source)


def apply_holdout(entities: Sequence[Entity], holdouts: dict[str, set[str]]) -> list[Entity]:
    """The list with each entity's held-out names (trivially normalised) removed."""
    return [without(e, holdouts[e.id]) if e.id in holdouts else e for e in entities]
