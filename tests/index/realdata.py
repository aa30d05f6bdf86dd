"""The real OFAC SDN list of January 2023, loaded once per test run into a temporary store,
and real queries for the index: OFAC's own 2025 aliases of those entities, and listed
names perturbed the way customer data differs from a list (typos, order, initials, script).
"""

from __future__ import annotations

import atexit
import csv
import random
import shutil
import tempfile
from functools import cache
from pathlib import Path

from tamis.match.screen import Screener
from tamis.model.store import Store
from tamis.sources import parse

SDN = "ofac-sdn-2023-01"
ALIASES = "ofac-sdn-2025-02-aliases"


@cache
def store_url(data: Path, lists: tuple[str, ...] = (SDN,)) -> str:
    """A SQLite store holding these list folders of `data` (ofac-sdn-2023-01 by default),
    built on first call, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="tamis-store-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    url = f"sqlite:///{folder}/t.db"
    with Store(url=url) as store:
        for name in lists:
            store.load(parse(data / name))
    return url


def sdn_store_url(data: Path) -> str:
    """A SQLite store holding ofac-sdn-2023-01 (built on first call, removed at exit)."""
    return store_url(data)


def alias_queries(data: Path, known: set[str], count: int, seed: int = 7) -> list[str]:
    """OFAC's 2025 aliases (alt.csv) of entities on the 2023 list, a seeded sample."""
    names = []
    with open(data / ALIASES / "alt.csv", encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) >= 4 and f"ofac-sdn:{row[0].strip()}" in known:
                names.append(row[3].strip())
    random.Random(seed).shuffle(names)
    return names[:count]


_CYRILLIC = dict(zip("abvgdezijklmnoprstufhcy", "абвгдезийклмнопрстуфхцы"))


def perturb(name: str, rng: random.Random) -> str:
    """One realistic difference: a typo, another order, an initial, a dropped part, or
    the name written in Cyrillic letters."""
    parts = name.replace(",", " ").split()
    kind = rng.choice(["typo", "order", "initial", "drop", "cyrillic"])
    long = [k for k, p in enumerate(parts) if len(p) >= 5]
    if kind == "typo" and long:
        k = rng.choice(long)
        p = parts[k]
        i = rng.randrange(1, len(p) - 1)
        parts[k] = rng.choice([p[:i] + p[i + 1 :], p[:i] + p[i + 1] + p[i] + p[i + 2 :],
                               p[:i] + rng.choice("aeiou") + p[i + 1 :]])  # fmt: skip
    elif kind == "order" and len(parts) > 1:
        rng.shuffle(parts)
    elif kind == "initial" and len(parts) > 2:
        parts[1] = parts[1][0] + "."
    elif kind == "drop" and len(parts) > 2:
        del parts[rng.randrange(1, len(parts))]
    elif kind == "cyrillic":
        parts = ["".join(_CYRILLIC.get(c, c) for c in p.lower()) for p in parts]
    return " ".join(parts)


def perturbed_queries(names: list[str], count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    picked = rng.sample(names, min(count, len(names)))
    return [perturb(n, rng) for n in picked]


@cache
def sdn_screener(data: Path) -> Screener:
    """The screener of that store (index persisted beside it), shared by the test modules."""
    return screener_of(store_url(data))


@cache
def screener_of(url: str) -> Screener:
    """The screener of a store made by `store_url` (index persisted beside it)."""
    folder = Path(url.removeprefix("sqlite:///")).parent / "index"
    return Screener.open(Store(url=url), folder=folder)
