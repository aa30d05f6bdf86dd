"""Write entities as FollowTheMoney JSON lines, the format OpenSanctions publishes.

Every entity goes through `Entity.to_proxy()`, so what is written is what FtM accepts:
known schema, known properties, values FtM can clean. A value FtM would silently drop
(an invalid date, an IMO number with a bad check digit) stops the export with an
`ExportError` naming entity and property, rather than writing a lossy file.

FtM entity references must match `[0-9a-zA-Z.-]`, so tamis ids such as `ofac-sdn:906`
are written FtM-safe (`ofac-sdn-906`), the same way in `id` and in every reference, so
the exported graph stays connected. Ids FtM already accepts (OpenSanctions' own) are
written unchanged, which keeps FtM data round-tripping exactly.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.types import registry

from tamis.errors import TamisError
from tamis.model.entity import Entity
from tamis.sources.ftm_values import lost_values

__all__ = ["ExportError", "export_ftm", "ftm_safe_id", "lost_values", "write_ftm"]


class ExportError(TamisError):
    """An entity cannot be written as valid FtM without losing data."""


_NOT_ID = re.compile(r"[^0-9a-zA-Z.\-]+")


def ftm_safe_id(entity_id: str) -> str:
    """`entity_id` if FtM accepts it as a reference; else each run of other chars -> `-`."""
    if registry.entity.REGEX.match(entity_id):
        return entity_id
    return _NOT_ID.sub("-", entity_id).strip("-.") or "x"


def _ftm_safe(entity: Entity) -> Entity:
    """The entity with its id and references FtM-safe (itself when they already are)."""
    schema = model.get(entity.schema)
    refs = [
        p
        for p in entity.properties
        if schema and p in schema.properties and schema.properties[p].type == registry.entity
    ]
    ids = [entity.id, *(v for p in refs for v in entity.properties[p])]
    if all(registry.entity.REGEX.match(i) for i in ids):
        return entity
    props = {
        p: [ftm_safe_id(v) for v in vs] if p in refs else vs for p, vs in entity.properties.items()
    }
    return Entity(ftm_safe_id(entity.id), entity.schema, props, entity.source)


def export_ftm(entities: Iterable[Entity], out: TextIO) -> int:
    """Write one `proxy.to_dict()` JSON object per line to `out`; return how many."""
    count = 0
    for entity in entities:
        entity = _ftm_safe(entity)
        try:
            proxy = entity.to_proxy()
        except (ValueError, InvalidData) as exc:
            raise ExportError(f"{entity.id}: not valid FtM: {exc}") from None
        lost = lost_values(proxy, entity.properties)
        if lost:
            prop, value, why = lost[0]
            more = f" (and {len(lost) - 1} more)" if len(lost) > 1 else ""
            raise ExportError(f"{entity.id} [{prop}]: {value!r} {why}{more}")
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        count += 1
    return count


def write_ftm(entities: Iterable[Entity], path: Path | str) -> int:
    """`export_ftm` to a file (gzip if it ends in `.gz`), replaced only once complete."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        if path.suffix == ".gz":
            with gzip.open(tmp, "wt", encoding="utf-8", newline="\n") as gz:
                count = export_ftm(entities, gz)
        else:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                count = export_ftm(entities, fh)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return count
