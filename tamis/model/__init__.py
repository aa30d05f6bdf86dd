"""The entity model (FtM-aligned), the store of versioned sources, and diffs between versions."""

from tamis.model.entity import THING_SCHEMATA, Entity, make_id

__all__ = ["THING_SCHEMATA", "Entity", "make_id"]
