"""The one entity model every parser produces: FollowTheMoney-shaped, light on the hot path.

An `Entity` is an id, an FtM schema name and a mapping of FtM property names to lists of
string values, already in FtM's cleaned form (ISO dates `1975-04-12`/`1975-04`/`1975`,
lower-case ISO country codes `ru`, genders `male`/`female`/`other`). Relations
(`UnknownLink`, `Family`, `Ownership`, ...) are entities too, pointing at others by id in
their entity-typed properties, exactly as in FtM. Validation against the FtM model is a
separate, slower step (`to_proxy`), used at export and in tests, not on every load.

Ids are `SOURCE:NATIVE_ID` (`ofac-sdn:34336`, `un-sc:QDi.001`); FtM data keeps its own ids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

__all__ = ["THING_SCHEMATA", "Entity", "make_id", "schema_is_a", "schema_properties"]

# The schemata that can be screened (things with names), as opposed to relations.
THING_SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "PublicBody"}
)


@cache
def _schemata() -> dict[str, Any]:
    from tamis.resources import RESOURCES

    with open(RESOURCES / "ftm_schemata.json", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def schema_properties(schema: str) -> frozenset[str]:
    """The FtM property names `schema` has (empty for an unknown schema), without FtM's import."""
    info = _schemata().get(schema)
    return frozenset(info["properties"]) if info else frozenset()


def schema_is_a(schema: str, parent: str) -> bool:
    """`schema_is_a("Company", "LegalEntity")`: FtM inheritance, from the generated table."""
    info = _schemata().get(schema)
    return schema == parent or bool(info and parent in info["extends"])


def make_id(source: str, native_id: str | int) -> str:
    """`make_id("ofac-sdn", 34336) == "ofac-sdn:34336"`."""
    return f"{source}:{str(native_id).strip()}"


class Entity:
    """One listed party or relation, FtM-shaped. Values keep insertion order, no duplicates."""

    __slots__ = ("id", "properties", "schema", "source")

    def __init__(
        self,
        id: str,
        schema: str,
        properties: Mapping[str, Iterable[str]] | None = None,
        source: str | None = None,
    ) -> None:
        self.id = id
        self.schema = schema
        self.properties: dict[str, list[str]] = {}
        self.source = source
        if properties:
            for prop, values in properties.items():
                self.add(prop, values)

    def add(self, prop: str, value: str | Iterable[str] | None) -> None:
        """Add one value or several; `None` and blank strings are absence, not values."""
        if value is None:
            return
        if isinstance(value, str):
            values: Iterable[str] = (value,)
        else:
            values = value
        for v in values:
            if v is None:
                continue
            v = " ".join(str(v).split())
            if not v:
                continue
            existing = self.properties.setdefault(prop, [])
            if v not in existing:
                existing.append(v)

    def get(self, prop: str) -> list[str]:
        return self.properties.get(prop, [])

    def first(self, prop: str) -> str | None:
        values = self.properties.get(prop)
        return values[0] if values else None

    def has(self, prop: str) -> bool:
        return bool(self.properties.get(prop))

    @property
    def caption(self) -> str:
        """The name to show a person: the first primary name, else any name-like value."""
        for prop in ("name", "alias", "previousName", "weakAlias"):
            value = self.first(prop)
            if value:
                return value
        return self.id

    @property
    def is_thing(self) -> bool:
        return self.schema in THING_SCHEMATA

    def names(self) -> Iterator[tuple[str, str]]:
        """(property, value) for every name the entity goes by, strongest first."""
        for prop in ("name", "alias", "previousName", "weakAlias", "abbreviation"):
            for value in self.get(prop):
                yield prop, value

    def to_dict(self) -> dict[str, Any]:
        """The FtM JSON shape (`id`, `schema`, `properties`), plus `datasets` when known."""
        data: dict[str, Any] = {
            "id": self.id,
            "schema": self.schema,
            "properties": {k: list(v) for k, v in self.properties.items() if v},
        }
        if self.source:
            data["datasets"] = [self.source]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str | None = None) -> Entity:
        datasets = data.get("datasets") or []
        return cls(
            id=str(data["id"]),
            schema=str(data["schema"]),
            properties=data.get("properties") or {},
            source=source or (datasets[0] if datasets else None),
        )

    def content_hash(self) -> str:
        """A digest of schema and properties, order-insensitive, for diffs and no-op reloads.

        Built by joining with ASCII separator characters (which cleaned values never hold)
        rather than JSON: it runs for every entity of every load.
        """
        parts = [self.schema]
        for prop in sorted(self.properties):
            values = self.properties[prop]
            if values:
                parts.append(prop + "\x1d" + "\x1c".join(sorted(values)))
        return hashlib.sha1("\x1e".join(parts).encode("utf-8")).hexdigest()

    def to_proxy(self) -> Any:
        """A validated followthemoney `EntityProxy` (raises on unknown schema/properties)."""
        from followthemoney import model

        schema = model.get(self.schema)
        if schema is None:
            raise ValueError(f"{self.id}: unknown FtM schema {self.schema!r}")
        for prop in self.properties:
            if prop not in schema.properties:
                raise ValueError(f"{self.id}: {self.schema} has no property {prop!r}")
        return model.get_proxy(self.to_dict(), cleaned=False)

    def __repr__(self) -> str:
        return f"<Entity {self.id} {self.schema} {self.caption!r}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Entity):
            return NotImplemented
        return (
            self.id == other.id
            and self.schema == other.schema
            and self.content_hash() == other.content_hash()
        )

    def __hash__(self) -> int:
        return hash(self.id)
