"""Store fixtures, run on both backends: SQLite (a temp file) and a real PostgreSQL.

PostgreSQL comes from `TAMIS_TEST_PG_URL` (`scripts/with-postgres` starts one and sets it);
each test gets empty tables. Without it the PostgreSQL cases skip, except under CI=true,
where they fail. Other test packages can reuse these fixtures with
`from tests.model.conftest import store, store_url, make_parsed  # noqa: F401`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tamis.model.entity import Entity
from tamis.model.store import Store
from tamis.model.tables import metadata
from tamis.sources.base import ParsedSource

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_url() -> str:
    """The test PostgreSQL's URL, or skip (fail under CI) when there is none."""
    url = os.environ.get("TAMIS_TEST_PG_URL")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but TAMIS_TEST_PG_URL is unset: run tests via scripts/with-postgres")
    pytest.skip("no PostgreSQL: TAMIS_TEST_PG_URL is unset (run via scripts/with-postgres)")


def _empty_postgres(url: str) -> None:
    """Drop the store's tables so the next test starts from nothing."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "SET LOCAL lock_timeout = '20s'"
            )  # a leaked reader: fail, not hang
            metadata.drop_all(conn)
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """An empty database's URL, also set as TAMIS_DATABASE_URL (for code that opens `Store()`)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.db'}"
    else:
        url = postgres_url()
        _empty_postgres(url)
    monkeypatch.setenv("TAMIS_DATABASE_URL", url)
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


MakeParsed = Callable[..., ParsedSource]


@pytest.fixture
def make_parsed(tmp_path: Path) -> MakeParsed:
    """`make_parsed(entities, source="test", content=None)`: a `ParsedSource` over a real file.

    The file's content (hence the version hash) is `content`, or derived from the entities'
    ids and content when not given; `entities` may be any iterable, e.g. a generator that
    raises part-way.
    """
    counter = iter(range(1_000_000))

    def make(
        entities: Iterable[Entity], source: str = "test", content: str | None = None
    ) -> ParsedSource:
        if content is None:
            items = list(entities)
            digest = hashlib.sha256()
            for entity in items:
                digest.update(f"{entity.id}\0{entity.content_hash()}\n".encode())
            content, entities = digest.hexdigest(), items
        folder = tmp_path / f"file-{next(counter)}"  # same name each time: the hash covers it
        folder.mkdir()
        path = folder / f"{source}.txt"
        path.write_text(content, encoding="utf-8")
        return ParsedSource(source, "test-format", path, [path], iter(entities), "2024-01-02")

    return make


def person(
    native_id: str | int, name: str, source: str = "test", **props: str | list[str]
) -> Entity:
    """A small Person entity with id `SOURCE:NATIVE_ID`."""
    entity = Entity(f"{source}:{native_id}", "Person", {"name": name}, source)
    for prop, values in props.items():
        entity.add(prop, values)
    return entity
