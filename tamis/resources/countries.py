"""Country names and codes to FtM country codes, fast from the first call.

`country_code("Russia") == "ru"`, `country_code("Korea, North") == "kp"`,
`country_code("RUS") == "ru"`. The same answers as followthemoney's country cleaner
(both use rigour's territory data), but from a table generated ahead of time
(`countries.tsv`, see `scripts/gen_countries.py`): rigour builds that table on first use,
which costs 3-9 s in every process, more than loading all the lists takes.
"""

from __future__ import annotations

from functools import cache, lru_cache

from rigour.territories import lookup_by_identifier
from rigour.territories.util import normalize_territory_name

from tamis.resources import RESOURCES

__all__ = ["country_code", "name_starts"]


@cache
def _names() -> dict[str, str]:
    table: dict[str, str] = {}
    with open(RESOURCES / "countries.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            name, _, code = line.rstrip("\n").partition("\t")
            table[name] = code
    return table


@lru_cache(maxsize=4096)
def country_code(text: str | None) -> str | None:
    """The FtM country code for a code or name in any common spelling, else `None`."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    territory = lookup_by_identifier(text)
    if territory is not None and territory.ftm_country:
        return territory.ftm_country
    return _names().get(normalize_territory_name(text))


@cache
def name_starts() -> frozenset[str]:
    """The first words of the country names of two or more words, as normalised in the table
    ("north" of "north korea", "saudi", "sri"): only such a word can start one."""
    return frozenset(name.split(" ", 1)[0] for name in _names() if " " in name)
