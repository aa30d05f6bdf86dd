"""Dev set (c): real people on no sanctions list, for counting false alerts.

`bench/data/nonlisted.csv` (committed, cited in `bench/data/README.md`) holds the names;
`make` (re)creates it from the public source file once, `build` turns it into a dev set
and checks again that no name is, after trivial normalisation and in any word order, a
name in any shared list file (such names are dropped and counted).
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from pathlib import Path

from followthemoney.types import registry

from bench.devsets.common import name_key, script_of
from bench.devsets.lists import all_names

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "nonlisted.csv"
FIELDS = ("name", "birth_date", "country", "source", "source_id")
# Baseball Databank writes some birth countries as abbreviations FtM does not know.
COUNTRY_FIX = {"D.R.": "do", "P.R.": "pr", "V.I.": "vi", "CAN": "ca", "USA": "us"}


def listed_keys(data: Path) -> set[str]:
    return {name_key(n) for n in all_names(data) if n}


def _birth(row: dict[str, str]) -> str:
    year, month, day = (row.get(k, "").strip() for k in ("birthYear", "birthMonth", "birthDay"))
    if not year:
        return ""
    if not month:
        return year
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def _squads(path: Path) -> list[dict[str, str]]:
    """World Cup 2026 squads, as transcribed: `iso country<TAB>name<TAB>birth date` lines."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            country, name, born = line.rstrip("\n").split("\t")
            rows.append({"name": name, "birth_date": born, "country": country,
                         "source": "worldcup2026-openfootball", "source_id": f"{country}-{n}"})
    return rows


def make(people_csv: Path, data: Path, out: Path = DATA_FILE, squads: Path | None = None,
         per_country: int = 150, us: int = 500, seed: int = 2021) -> Counter[str]:
    """Sample Baseball Databank `People.csv` (every birth country, capped, US-born sampled),
    add the World Cup squads (from `squads`, else the rows already in `out`), and drop any
    name that is on a shared list."""
    with open(people_csv, encoding="latin-1", newline="") as fh:
        people = [r for r in csv.DictReader(fh) if r["nameLast"] and (r["nameGiven"] or r["nameFirst"])]
    rng = random.Random(seed)
    by_country: dict[str, list[dict[str, str]]] = {}
    for row in sorted(people, key=lambda r: r["playerID"]):
        by_country.setdefault(row["birthCountry"] or "", []).append(row)
    chosen: list[dict[str, str]] = []
    for country, rows in sorted(by_country.items()):
        cap = us if country == "USA" else per_country
        chosen += rng.sample(rows, min(cap, len(rows))) if country else []
    records = [
        {"name": " ".join(f"{r['nameGiven'] or r['nameFirst']} {r['nameLast']}".split()),
         "birth_date": _birth(r), "source": "baseballdatabank-2021.2", "source_id": r["playerID"],
         "country": COUNTRY_FIX.get(r["birthCountry"]) or registry.country.clean(r["birthCountry"])
         or ""}
        for r in sorted(chosen, key=lambda r: r["playerID"])
    ]
    if squads:
        records += _squads(squads)
    elif out.exists():
        with open(out, encoding="utf-8", newline="") as fh:
            records += [r for r in csv.DictReader(fh) if r["source"].startswith("worldcup")]
    listed = listed_keys(data)
    stats: Counter[str] = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for rec in records:
            if name_key(rec["name"]) in listed:
                stats[f"dropped_listed_name_{rec['source']}"] += 1
                continue
            writer.writerow(rec)
            stats[f"written_{rec['source']}"] += 1
    return stats


def build(data: Path, source: Path = DATA_FILE) -> tuple[list[dict[str, str]], dict[str, int]]:
    listed = listed_keys(data)
    stats: Counter[str] = Counter()
    rows: list[dict[str, str]] = []
    with open(source, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            stats["names"] += 1
            if name_key(rec["name"]) in listed:
                stats["dropped_listed_name"] += 1
                continue
            rows.append({"query_name": rec["name"], "schema": "Person",
                         "birth_date": rec["birth_date"], "country": rec["country"],
                         "expected_id": "", "kind": f"nonlisted-{rec['source'].split('-')[0]}",
                         "script": script_of(rec["name"])})
    stats["rows"] = len(rows)
    return rows, dict(stats)
