"""The versioned store: every load of a source is kept as a numbered version; one is active.

A load is one transaction: entities stream in from the parser in batches, and only when
the last one is in does the new version become active. If the parser fails anywhere (even
on its very last element) or the database does, nothing of the load remains and the
previously active version is untouched. SQLite (default, WAL) or PostgreSQL (psycopg 3).

An id seen twice in one load is one entity in two fragments, as in FollowTheMoney: the
fragments are merged (an exact repeat, which real lists contain, changes nothing).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Self

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from tamis import settings
from tamis.errors import StoreError
from tamis.model.entity import Entity
from tamis.model.tables import (
    ROW_COLUMNS,
    WRITE_OPTION,
    DuplicateIds,
    EntityRow,
    bulk_insert,
    make_engine,
    metadata,
    replace_row,
    schema_counts,
    stored_rows,
)
from tamis.model.tables import entities as t_entities
from tamis.model.tables import versions as t_versions
from tamis.model.versions import Version, resolve_version
from tamis.sources.base import ParsedSource

__all__ = ["BATCH_SIZE", "EntityRow", "LoadResult", "SourceSummary", "Store", "Version"]

BATCH_SIZE = 5000  # entities per insert: big enough to be fast, small in memory
STREAM_ROWS = 2000  # rows fetched at a time when reading


@dataclass
class LoadResult:
    """What `load` did; `previous` is the version that was active before the call."""

    source: str
    status: str  # "loaded" | "unchanged"
    version: Version
    previous: Version | None


@dataclass
class SourceSummary:
    source: str
    active: Version | None
    versions: int


# Built once: building a statement costs more than running this indexed lookup.
_GET = (
    select(*ROW_COLUMNS, t_versions.c.source)
    .join_from(t_entities, t_versions, t_entities.c.version_id == t_versions.c.id)
    .where(t_entities.c.entity_id == bindparam("entity_id"), t_versions.c.active.is_(True))
    .order_by(t_versions.c.source)
    .limit(1)
)


def merge_fragments(a: Entity, b: Entity) -> Entity:
    """One entity from two fragments with the same id: all values, the more specific schema."""
    schema = a.schema
    if b.schema != a.schema:
        from followthemoney import model
        from followthemoney.exc import InvalidData

        try:
            schema = model.common_schema(a.schema, b.schema).name
        except InvalidData:
            raise StoreError(
                f"entity id {a.id!r} appears twice, as {a.schema} and as {b.schema}"
            ) from None
    merged = Entity(a.id, schema, a.properties, a.source)
    for prop, values in b.properties.items():
        merged.add(prop, values)
    return merged


def _version(row: Any) -> Version:
    return Version(
        source=row.source,
        number=row.number,
        sha256=row.sha256,
        format=row.format,
        path=row.path,
        publisher_date=row.publisher_date,
        loaded_at=row.loaded_at,
        counts=json.loads(row.counts),
        active=bool(row.active),
    )


def _close(iterator: Any) -> None:
    close = getattr(iterator, "close", None)
    if callable(close):
        close()


class Store:
    """All versions of all sources, in one SQL database (`settings.database_url()` by default)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or settings.database_url()
        self._shown_url = make_url(self.url).render_as_string(hide_password=True)
        try:
            self._engine = make_engine(self.url)
            metadata.create_all(self._engine)
        except SQLAlchemyError as exc:
            why = getattr(exc, "orig", None) or exc
            raise StoreError(f"cannot open the store at {self._shown_url}: {why}") from None

    # -- loading ------------------------------------------------------------------------

    def load(
        self, parsed: ParsedSource, progress: Callable[[int], None] | None = None
    ) -> LoadResult:
        """Store `parsed` as the source's next version and make it active, all or nothing.

        A file set whose sha256 is the active version's is not read at all ("unchanged").
        `progress` gets the number of entities read so far, after every batch.
        """
        return self.load_rows(parsed, None, progress)

    def load_rows(
        self,
        parsed: ParsedSource,
        rows: Iterable[EntityRow] | None,
        progress: Callable[[int], None] | None = None,
        sha256: str | None = None,
    ) -> LoadResult:
        """As `load`, from rows already serialised (`EntityRow.of`), e.g. by a worker process.

        With `rows` None, the rows are made from `parsed.entities` here.
        """
        sha256 = sha256 or parsed.sha256()
        previous = self._active(parsed.source)
        if previous is not None and previous.sha256 == sha256:
            _close(parsed.entities)
            return LoadResult(parsed.source, "unchanged", previous, previous)
        try:
            with self._engine.connect() as conn:
                conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    if rows is None:
                        rows = (EntityRow.of(entity) for entity in parsed.entities)
                    version = self._write(conn, parsed, sha256, rows, progress)
        except StoreError as exc:
            raise StoreError(f"{parsed.path}: {exc}; nothing was loaded") from None
        except IntegrityError as exc:
            raise StoreError(
                f"{parsed.path}: could not store {parsed.source} (another load of it at the "
                f"same time?): {exc.orig}"
            ) from None
        except SQLAlchemyError as exc:
            raise StoreError(f"{parsed.path}: database error while loading: {exc}") from None
        finally:
            _close(parsed.entities)
        return LoadResult(parsed.source, "loaded", version, previous)

    def _write(
        self,
        conn: Connection,
        parsed: ParsedSource,
        sha256: str,
        rows: Iterable[EntityRow],
        progress: Callable[[int], None] | None,
    ) -> Version:
        last = conn.execute(
            select(func.max(t_versions.c.number)).where(t_versions.c.source == parsed.source)
        ).scalar()
        version = Version(
            source=parsed.source,
            number=(last or 0) + 1,
            sha256=sha256,
            format=parsed.format,
            path=str(parsed.path),
            publisher_date=parsed.publisher_date,
            loaded_at=datetime.now(UTC).isoformat(timespec="seconds"),
            counts={},
            active=False,
        )
        row = version.to_dict() | {"counts": "{}"}
        inserted = conn.execute(insert(t_versions).values(**row).returning(t_versions.c.id))
        version_id: int = inserted.scalar_one()
        read = 0
        batch: dict[str, EntityRow] = {}
        for row in rows:
            read += 1
            held = batch.get(row.id)
            if held is not None:  # a repeated id: fragments of one entity (rare)
                row = EntityRow.of(merge_fragments(held.entity(None), row.entity(None)))
            batch[row.id] = row
            if len(batch) >= BATCH_SIZE:
                self._flush(conn, version_id, batch)
                batch = {}
                if progress:
                    progress(read)
        self._flush(conn, version_id, batch)
        if progress:
            progress(read)
        version.counts = schema_counts(conn, version_id)
        if version.total == 0:
            raise StoreError("no entities in it; refusing to load an empty list")
        version.active = True
        conn.execute(
            update(t_versions)
            .where(t_versions.c.source == parsed.source, t_versions.c.active.is_(True))
            .values(active=False)
        )
        conn.execute(
            update(t_versions)
            .where(t_versions.c.id == version_id)
            .values(active=True, counts=json.dumps(version.counts))
        )
        return version

    @staticmethod
    def _flush(conn: Connection, version_id: int, batch: dict[str, EntityRow]) -> None:
        """Insert a batch; fragments of entities stored by an earlier batch are merged in."""
        if not batch:
            return
        rows = dict(batch)
        try:
            bulk_insert(conn, version_id, list(rows.values()))
        except DuplicateIds as dup:
            for stored in stored_rows(conn, version_id, dup.ids):
                merged = merge_fragments(stored.entity(None), batch[stored.id].entity(None))
                replace_row(conn, version_id, EntityRow.of(merged))
                del rows[stored.id]
            bulk_insert(conn, version_id, list(rows.values()))

    # -- versions -----------------------------------------------------------------------

    def _query_versions(self, *where: Any) -> list[Version]:
        stmt = select(t_versions).where(*where).order_by(t_versions.c.source, t_versions.c.number)
        with self._engine.connect() as conn:
            return [_version(row) for row in conn.execute(stmt)]

    def _active(self, source: str) -> Version | None:
        found = self._query_versions(t_versions.c.source == source, t_versions.c.active.is_(True))
        return found[0] if found else None

    def _known(self) -> str:
        names = sorted({v.source for v in self._query_versions()})
        return ", ".join(names) if names else "none: nothing is loaded yet"

    def sources(self) -> list[SourceSummary]:
        summaries: dict[str, SourceSummary] = {}
        for v in self._query_versions():
            summary = summaries.setdefault(v.source, SourceSummary(v.source, None, 0))
            summary.versions += 1
            if v.active:
                summary.active = v
        return list(summaries.values())

    def versions(self, source: str) -> list[Version]:
        """Every version of `source`, oldest first; `StoreError` for an unknown source."""
        found = self._query_versions(t_versions.c.source == source)
        if not found:
            raise StoreError(f"unknown source {source!r}; loaded sources: {self._known()}")
        return found

    def version(self, source: str, ref: int | str | None = None) -> Version:
        return resolve_version(source, self.versions(source), ref)

    # -- reading entities ---------------------------------------------------------------

    def rows(self, version: Version, schema: str | None = None) -> Iterator[EntityRow]:
        """A version's stored entity rows, ordered by entity id, streamed."""
        cols = t_entities.c
        with self._engine.connect() as conn:
            version_id = conn.execute(
                select(t_versions.c.id).where(
                    t_versions.c.source == version.source, t_versions.c.number == version.number
                )
            ).scalar_one()
            stmt = select(*ROW_COLUMNS).where(cols.version_id == version_id)
            if schema is not None:
                stmt = stmt.where(cols.schema == schema)
            result = conn.execution_options(yield_per=STREAM_ROWS).execute(
                stmt.order_by(cols.entity_id)
            )
            for row in result:
                yield EntityRow(*row)

    def entities(
        self, source: str | None = None, version: int | None = None, schema: str | None = None
    ) -> Iterator[Entity]:
        """Entities of the active versions (or of one `version` of `source`), by source and id."""
        if source is not None:
            targets = [self.version(source, version)]
        elif version is not None:
            raise StoreError("a version number needs a source")
        else:
            targets = [s.active for s in self.sources() if s.active is not None]
        return (row.entity(v.source) for v in targets for row in self.rows(v, schema))

    def get(self, entity_id: str) -> Entity | None:
        """An entity of an active version by id (indexed lookup)."""
        with self._engine.connect() as conn:
            row = conn.execute(_GET, {"entity_id": entity_id}).first()
        return EntityRow(*row[:5]).entity(row.source) if row else None

    def count(self, source: str | None = None) -> int:
        """How many entities the active versions hold (of `source` only, if given)."""
        if source is not None:
            return self.version(source).total
        return sum(s.active.total for s in self.sources() if s.active is not None)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {self._shown_url}>"
