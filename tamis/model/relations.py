"""Which two parties a relation entity joins (an owner and its asset, a member and its
group, OFAC's "Linked To", the UN's cross-references): the ends FollowTheMoney's schema
draws for each relation schema, in `tamis/resources/relation_edges.yml`."""

from __future__ import annotations

from functools import cache

from tamis.model.entity import Entity
from tamis.resources import load_yaml

__all__ = ["ends"]


@cache
def _edges() -> dict[str, tuple[str, str]]:
    table = load_yaml("relation_edges.yml")["edges"]
    return {str(schema): (str(a), str(b)) for schema, (a, b) in table.items()}


def ends(entity: Entity) -> list[tuple[str, str]]:
    """The (party, party) id pairs a relation joins; none for a thing or an unknown schema."""
    props = _edges().get(entity.schema)
    if props is None:
        return []
    return [(a, b) for a in entity.get(props[0]) for b in entity.get(props[1]) if a != b]
