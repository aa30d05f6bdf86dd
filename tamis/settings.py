"""Where data lives and which database to use, read from the environment at the edges.

- `TAMIS_HOME` (default `~/.tamis`): the SQLite store, the persisted index, downloads.
- `TAMIS_DATABASE_URL`: a SQLAlchemy URL; `postgresql+psycopg://...` for teams.
  Default: `sqlite:///$TAMIS_HOME/tamis.db`.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["database_url", "home"]


def home() -> Path:
    """The tamis data folder, created on first use."""
    path = Path(os.environ.get("TAMIS_HOME") or Path.home() / ".tamis").expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    """The store's SQLAlchemy URL; a bare `postgresql://` gets the psycopg 3 driver."""
    url = os.environ.get("TAMIS_DATABASE_URL")
    if not url:
        return f"sqlite:///{home() / 'tamis.db'}"
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url
