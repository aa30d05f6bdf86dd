"""What changed between two versions of a source: entities added, removed, and changed field by field.

Both versions are streamed from the database ordered by id and merged, so memory holds the
differences only, never a whole version; unchanged entities are recognised by their
content hash without decoding their data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from tamis.model.entity import Entity
from tamis.model.store import EntityRow, Store
from tamis.model.versions import Version

__all__ = ["Diff", "EntityChange", "diff_entities", "diff_versions"]


@dataclass
class EntityChange:
    """One entity present in both versions with different content."""

    id: str
    caption: str
    schema: tuple[str, str] | None  # (old, new) when the schema itself changed
    fields: dict[str, tuple[list[str], list[str]]]  # prop -> (removed values, added values)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "caption": self.caption,
            "schema": list(self.schema) if self.schema else None,
            "fields": {
                prop: {"removed": removed, "added": added}
                for prop, (removed, added) in self.fields.items()
            },
        }


@dataclass
class Diff:
    source: str
    old: Version
    new: Version
    added: list[Entity] = field(default_factory=list)
    removed: list[Entity] = field(default_factory=list)
    changed: list[EntityChange] = field(default_factory=list)
    unchanged: int = 0

    @property
    def summary(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "unchanged": self.unchanged,
        }

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "summary": self.summary,
            "added": [e.to_dict() for e in self.added],
            "removed": [e.to_dict() for e in self.removed],
            "changed": [c.to_dict() for c in self.changed],
        }


def diff_entities(old: Entity, new: Entity) -> EntityChange:
    """Field-by-field change of one entity; values compared as sets, listed in stored order."""
    fields: dict[str, tuple[list[str], list[str]]] = {}
    for prop in sorted(set(old.properties) | set(new.properties)):
        before, after = old.get(prop), new.get(prop)
        removed = [v for v in before if v not in after]
        added = [v for v in after if v not in before]
        if removed or added:
            fields[prop] = (removed, added)
    schema = (old.schema, new.schema) if old.schema != new.schema else None
    return EntityChange(new.id, new.caption, schema, fields)


def _merge(
    old: Iterator[EntityRow], new: Iterator[EntityRow]
) -> Iterator[tuple[EntityRow | None, EntityRow | None]]:
    """Pairs rows of two id-ordered streams by id: (old, new), either side None if missing."""
    a, b = next(old, None), next(new, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a.id < b.id):
            yield a, None
            a = next(old, None)
        elif a is None or b.id < a.id:
            yield None, b
            b = next(new, None)
        else:
            yield a, b
            a, b = next(old, None), next(new, None)


def diff_versions(
    store: Store, source: str, old: int | str | None = None, new: int | str | None = None
) -> Diff:
    """Compare two versions of `source` (default: the previous one against the active one)."""
    old_version = store.version(source, "previous" if old is None else old)
    new_version = store.version(source, new)
    result = Diff(source, old_version, new_version)
    pairs = _merge(store.rows(old_version), store.rows(new_version))
    for before, after in pairs:
        if after is None:
            result.removed.append(before.entity(source))  # type: ignore[union-attr]
        elif before is None:
            result.added.append(after.entity(source))
        elif before.content_hash == after.content_hash:  # covers schema; order-insensitive
            result.unchanged += 1
        else:
            change = diff_entities(before.entity(source), after.entity(source))
            if change.fields or change.schema:
                result.changed.append(change)
            else:
                result.unchanged += 1
    return result
