"""The US Commerce BIS Denied Persons List (`dpl.txt`): tab-separated, quoted header row.

Each row is one name at one address under one denial order. Rows for the same party (same
name, same order) differ only by address, so they are merged into one entity with several
addresses; different spellings of a party stay separate entities, as the file gives no link.

Id `bis-dpl:<name slug>-<volume>fr<page>`: the slug of the name (case, spaces and
punctuation folded) plus the earliest Federal Register notice in FR_Citation (lowest volume
and page), which is the order's first publication. Both survive republishing: renewals append
notices and move Effective_Date, addresses and Last_Update change, rows get re-sorted. Without
a citation, the Effective_Date stands in (`-d20170816`); without either, the slug alone.

Columns are found by header name (reordering is harmless); a missing one is an error naming
it; extra columns are kept in notes. Effective/expiration dates, the standard-order flag, the
last action and the citations go to a note per row (FtM has no denial-period field);
Last_Update -> modifiedAt. Publisher date: the latest Last_Update not in the future (the 2019
file has a "3017-08-22" typo): the list's last change, a lower bound for its edition date.
Grouping and the publisher date need every row, so `parse` reads and checks the whole file
(a few hundred rows) row by row; entities are then built lazily.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tamis.errors import SourceError
from tamis.model.entity import Entity, make_id
from tamis.resources.countries import country_code
from tamis.sources.base import ParsedSource, Parser, Problems, read_text

__all__ = ["PARSER", "parse", "party_key", "schema_for", "sniff"]

SOURCE = "bis-dpl"
FORMAT = "bis-dpl-tsv"
TITLE = "US Commerce BIS Denied Persons List"
COLUMNS = (
    "Name", "Street_Address", "City", "State", "Country", "Postal_Code", "Effective_Date",
    "Expiration_Date", "Standard_Order", "Last_Update", "Action", "FR_Citation",
)  # fmt: skip
ADDRESS = ("Street_Address", "City", "State", "Postal_Code", "Country")
# "82 F.R. 48792", "80 F.R 57572", "81.F.R. 22576", "83F.R. 28801": volume <= 3 digits.
NOTICE = re.compile(r"(?<!\d)(\d{1,3})\s*\.?\s*F\s*\.?\s*R\s*\.?\s*(\d{1,6})\b", re.IGNORECASE)
INLINE_AKA = re.compile(r"\s+A/K/A\s+|\s+A\.K\.A\.?\s+", re.IGNORECASE)
PAREN_AKA = re.compile(r"\s*\(\s*A[./]?K[./]?A\.?\s+([^)]*)\)\s*", re.IGNORECASE)

Row = dict[str, Any]


@cache
def words() -> dict[str, Any]:
    text = resources.files("tamis.resources").joinpath("bis_parties.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {k: {str(v).upper() for v in vs} for k, vs in data.items()}


def sniff(path: Path, head: bytes) -> str | None:
    first = head.split(b"\n", 1)[0].decode("latin-1")
    if "\t" not in first:
        return None
    cells = {c.strip().strip('"').strip() for c in first.split("\t")}
    own = {c for c in COLUMNS if "_" in c}  # Street_Address, FR_Citation...: DPL's own names
    return SOURCE if "Name" in cells and len(cells & own) >= 2 else None


def parse(path: Path) -> ParsedSource:
    path = Path(path)
    text = read_text(path)
    if not text.strip():
        raise SourceError(path, "empty file", 1)
    groups, latest = _read(path, text)
    entities = (_entity(key, rows) for key, rows in groups.items())
    return ParsedSource(SOURCE, FORMAT, path, [path], entities, latest, TITLE)


def _header(path: Path, cells: list[str]) -> dict[str, int]:
    names = [c.strip().lstrip("\ufeff").strip('"').strip() for c in cells]
    if not set(names) & set(COLUMNS):
        raise SourceError(path, "not a BIS Denied Persons List: no known column in line 1", 1)
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise SourceError(path, f"missing column(s) in the header: {', '.join(missing)}", 1)
    doubled = sorted({n for n in names if names.count(n) > 1 and n})
    if doubled:
        raise SourceError(path, f"column(s) twice in the header: {', '.join(doubled)}", 1)
    return {name: i for i, name in enumerate(names)}


def _read(path: Path, text: str) -> tuple[dict[str, list[Row]], str | None]:
    """Rows grouped by party key (file order kept), and the publisher date."""
    problems = Problems(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t")
    groups: dict[str, list[Row]] = {}
    latest: str | None = None
    today = date.today().isoformat()
    try:
        columns = _header(path, next(reader))
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(columns):
                problems.add(f"row has {len(cells)} fields, the header {len(columns)}", line)
                continue
            row: Row = {name: " ".join(cells[i].split()) for name, i in columns.items()}
            row["_line"] = line
            if not row["Name"]:
                problems.add("row without a name", line, field="Name")
                continue
            updated = _iso(row["Last_Update"])
            if updated and updated <= today and (latest is None or updated > latest):
                latest = updated
            key = party_key(row["Name"], row["FR_Citation"], row["Effective_Date"])
            groups.setdefault(key, []).append(row)
    except csv.Error as exc:
        problems.add(f"malformed tab-separated text: {exc}", reader.line_num or None)
    problems.raise_if_any()
    if not groups:
        raise SourceError(path, "no rows after the header", 2)
    return groups, latest


def slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return text or "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def party_key(name: str, citation: str, effective: str) -> str:
    """The stable native id of a listed party: name slug + its order's first FR notice."""
    notices = [(int(v), int(p)) for v, p in NOTICE.findall(citation or "")]
    if notices:
        volume, page = min(notices)
        return f"{slug(name)}-{volume}fr{page}"
    day = _iso(effective or "")
    return f"{slug(name)}-d{day.replace('-', '')}" if day else slug(name)


def _iso(text: str) -> str | None:
    """`10/16/2017` or `2017-10-16` -> `2017-10-16`; anything else -> None."""
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def split_name(raw: str) -> tuple[str, list[str]]:
    """`FUYI SUN A/K/A FRANK SUN` -> (`FUYI SUN`, [`FRANK SUN`]); `(A.K.A. X)` likewise."""
    aliases: list[str] = []

    def take(match: re.Match[str]) -> str:
        aliases.append(match.group(1).strip())
        return " "

    parts = INLINE_AKA.split(PAREN_AKA.sub(take, raw))
    names = [" ".join(p.split()) for p in parts]
    return names[0] or raw, [n for n in names[1:] + aliases if n]


def schema_for(name: str, street: str = "") -> str:
    """Person, Organization or LegalEntity from the name's words (see bis_parties.yml)."""
    w = words()
    upper = name.upper()
    tokens = re.findall(r"[A-Z0-9&']+", upper.replace(".", ""))
    if any(t in w["legal_forms"] or t in w["business_words"] for t in tokens):
        return "Organization"
    if "&" in upper or any(s in upper for s in w["web_suffixes"]):
        return "Organization"
    address = " ".join(street.upper().replace(":", " ").replace(".", "").split())
    if any(t in w["person_titles"] for t in tokens):
        return "Person"
    if any(word in address for word in w["person_address_words"]):
        return "Person"
    plain = re.sub(r"[()\"]", " ", upper).split()
    if 2 <= len(plain) <= 6 and all(re.fullmatch(r"[A-Z][A-Z.'\-]*,?", t) for t in plain):
        return "Person"
    return "LegalEntity"


def _country(text: str) -> str | None:
    return _clean_country(text) if text else None


@cache
def _clean_country(text: str) -> str | None:
    return country_code(text)


def _entity(key: str, rows: list[Row]) -> Entity:
    first = rows[0]
    name, _ = split_name(first["Name"])
    entity = Entity(make_id(SOURCE, key), schema_for(name, first["Street_Address"]), source=SOURCE)
    today = date.today().isoformat()
    for row in rows:
        name, aliases = split_name(row["Name"])
        entity.add("name", name)
        entity.add("alias", aliases)
        entity.add("address", ", ".join(row[c] for c in ADDRESS if row[c]) or None)
        entity.add("country", _country(row["Country"]))
        updated = _iso(row["Last_Update"])
        entity.add("modifiedAt", updated if updated and updated <= today else None)
        entity.add("notes", _note(row))
    if len(entity.get("modifiedAt")) > 1:
        entity.properties["modifiedAt"] = [max(entity.get("modifiedAt"))]
    entity.add("program", "Denied Persons List")
    entity.add("topics", "export.control")
    return entity


def _note(row: Row) -> str:
    """One line with the row's order facts, in the publisher's words where not a date."""

    def day(column: str) -> str:
        return _iso(row[column]) or row[column]

    parts = []
    if row["Effective_Date"] or row["Expiration_Date"]:
        span = f"effective {day('Effective_Date') or '?'}"
        span += f", expires {day('Expiration_Date')}" if row["Expiration_Date"] else ""
        parts.append(f"Denial order {span}")
    flag = {"Y": "yes", "N": "no"}.get(row["Standard_Order"].upper(), row["Standard_Order"])
    parts.append(f"standard order: {flag}" if flag else "")
    if row["Action"] or row["Last_Update"]:
        parts.append(f"last action: {row['Action'] or '?'} ({day('Last_Update') or '?'})")
    parts.append(f"Federal Register: {row['FR_Citation']}" if row["FR_Citation"] else "")
    parts += [f"{k}: {v}" for k, v in row.items() if k and k not in COLUMNS and k != "_line" and v]
    return "; ".join(p for p in parts if p)


PARSER = Parser(format=FORMAT, sniff=sniff, parse=parse)
