"""`compare(a, b)`: score two records against each other, e.g. a customer and a list entry.

Either side may be a query mapping (`name`, `schema`, `birth_date`, `country`, `ids`,
`aliases`) or a `tamis.model.Entity`; `a` plays the query, `b` the candidate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tamis.match.entities import prepare_entity
from tamis.match.query import Prepared, prepare_query
from tamis.match.score import Match, score_entity
from tamis.model.entity import Entity

__all__ = ["compare", "prepare"]


def prepare(record: Mapping[str, Any] | Entity | Prepared) -> Prepared:
    """A mapping, an Entity or an already prepared record, as a `Prepared`."""
    if isinstance(record, Prepared):
        return record
    if isinstance(record, Entity):
        return prepare_entity(record)
    return prepare_query(record)


def compare(
    a: Mapping[str, Any] | Entity | Prepared,
    b: Mapping[str, Any] | Entity | Prepared,
    threshold: float | None = None,
) -> Match:
    """Score `b` as a candidate for `a`; the Match carries `b`'s id (None for a bare mapping)."""
    return score_entity(prepare(a), prepare(b), threshold)
