"""The store's tables (SQLAlchemy Core), the backend specifics, and entity row operations.

Entity ids use byte-order collation on PostgreSQL ("C"), as SQLite's BINARY does, so that
`ORDER BY entity_id` agrees with Python's string order on both backends: diffs merge two
id-ordered streams and rely on it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)

from tamis.errors import StoreError
from tamis.model.entity import Entity

__all__ = [
    "ROW_COLUMNS",
    "WRITE_OPTION",
    "DuplicateIds",
    "EntityRow",
    "bulk_insert",
    "entities",
    "make_engine",
    "metadata",
    "replace_row",
    "schema_counts",
    "stored_rows",
    "versions",
]

metadata = MetaData()

# Byte order on every backend (SQLite's default BINARY already is).
EntityId = String().with_variant(String(collation="C"), "postgresql")

versions = Table(
    "tamis_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False),
    Column("number", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("format", String(100), nullable=False),
    Column("path", Text, nullable=False),
    Column("publisher_date", String(40)),
    Column("loaded_at", String(40), nullable=False),
    Column("counts", Text, nullable=False),  # JSON: {schema: n, ..., "total": n}
    Column("active", Boolean, nullable=False, default=False),
    UniqueConstraint("source", "number", name="uq_tamis_versions_source_number"),
    Index("ix_tamis_versions_active", "active", "source"),
)

entities = Table(
    "tamis_entities",
    metadata,
    Column(
        "version_id",
        Integer,
        ForeignKey("tamis_versions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("entity_id", EntityId, primary_key=True),
    Column("schema", String(100), nullable=False),
    Column("caption", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("data", Text, nullable=False),  # JSON: {property: [values]}
    # The primary key indexes (version_id, entity_id); `get` looks up by id alone.
    Index("ix_tamis_entities_entity_id", "entity_id"),
)

# What is read back for an `EntityRow`, in its field order.
ROW_COLUMNS = (
    entities.c.entity_id,
    entities.c.schema,
    entities.c.caption,
    entities.c.content_hash,
    entities.c.data,
)
ENTITY_COLUMNS = ("version_id", "entity_id", "schema", "caption", "content_hash", "data")
_COLS = ", ".join(ENTITY_COLUMNS)


WRITE_OPTION = "tamis_writes"  # execution option of a connection that is going to write


def make_engine(url: str) -> Engine:
    """An engine; SQLite gets WAL, foreign keys, and real transactions (explicit BEGIN)."""
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # the driver must not open transactions itself
            cursor = dbapi_conn.cursor()
            for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
                cursor.execute(f"PRAGMA {pragma}")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # A writer takes the write lock up front: waits for another writer (busy_timeout)
            # instead of failing when it upgrades a read transaction later.
            writes = conn.get_execution_options().get(WRITE_OPTION)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


class EntityRow(NamedTuple):
    """An entity as stored: enough to compare versions without decoding every one."""

    id: str
    schema: str
    caption: str
    content_hash: str
    data: str  # JSON {property: [values]}

    @classmethod
    def of(cls, entity: Entity) -> EntityRow:
        data = json.dumps(entity.properties, ensure_ascii=False, separators=(",", ":"))
        return cls(entity.id, entity.schema, entity.caption, entity.content_hash(), data)

    def entity(self, source: str | None) -> Entity:
        entity = Entity(self.id, self.schema, None, source)
        entity.properties = json.loads(self.data)  # stored already cleaned: skip `add`
        return entity


class DuplicateIds(Exception):
    """Some rows of a batch have ids the version already holds (the batch was undone)."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__(f"duplicate entity ids: {', '.join(ids[:5])}")
        self.ids = ids


def bulk_insert(conn: Connection, version_id: int, rows: Sequence[EntityRow]) -> None:
    """Insert one version's entity rows inside `conn`'s transaction, fast.

    Straight to the driver: COPY on PostgreSQL, executemany on SQLite; SQLAlchemy's
    per-row parameter handling would cost more than the insert itself. The batch runs
    under a savepoint, so that when some ids are already stored the batch is undone, the
    transaction stays usable, and `DuplicateIds` names them.
    """
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute("SAVEPOINT tamis_batch")
        try:
            _insert(conn, cursor, [(version_id, *row) for row in rows])
        except dbapi.IntegrityError as exc:
            cursor.execute("ROLLBACK TO SAVEPOINT tamis_batch")
            stored = [row.id for row in stored_rows(conn, version_id, [r.id for r in rows])]
            if stored:
                raise DuplicateIds(stored) from None
            raise StoreError(f"the database refused the entities: {exc}") from None
        except dbapi.Error as exc:
            raise StoreError(f"the database refused the entities: {exc}") from None
        cursor.execute("RELEASE SAVEPOINT tamis_batch")
    finally:
        cursor.close()


def _insert(conn: Connection, cursor: Any, rows: list[tuple[Any, ...]]) -> None:
    if conn.dialect.name == "postgresql":
        with cursor.copy(f"COPY {entities.name} ({_COLS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    elif conn.dialect.paramstyle == "qmark":
        marks = ", ".join("?" * len(ENTITY_COLUMNS))
        cursor.executemany(f"INSERT INTO {entities.name} ({_COLS}) VALUES ({marks})", rows)
    else:
        conn.execute(entities.insert(), [dict(zip(ENTITY_COLUMNS, r, strict=True)) for r in rows])


def stored_rows(conn: Connection, version_id: int, ids: Sequence[str]) -> list[EntityRow]:
    """The rows of these ids that the version holds, by id."""
    cols = entities.c
    found: list[EntityRow] = []
    for start in range(0, len(ids), 500):
        stmt = select(*ROW_COLUMNS).where(
            cols.version_id == version_id, cols.entity_id.in_(ids[start : start + 500])
        )
        found.extend(EntityRow(*row) for row in conn.execute(stmt))
    return sorted(found)


def replace_row(conn: Connection, version_id: int, row: EntityRow) -> None:
    cols = entities.c
    stmt = entities.update().where(cols.version_id == version_id, cols.entity_id == row.id)
    conn.execute(
        stmt.values(
            schema=row.schema, caption=row.caption, data=row.data, content_hash=row.content_hash
        )
    )


def schema_counts(conn: Connection, version_id: int) -> dict[str, int]:
    """Entities per schema in a version, plus "total"."""
    cols = entities.c
    stmt = select(cols.schema, func.count()).where(cols.version_id == version_id)
    counts = {name: n for name, n in sorted(conn.execute(stmt.group_by(cols.schema)))}
    return counts | {"total": sum(counts.values())}
