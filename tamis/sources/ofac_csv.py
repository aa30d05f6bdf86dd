"""OFAC's legacy CSV lists: the SDN list (`sdn.csv`) and the consolidated non-SDN list.

No header, `-0- ` for empty, CRLF, often a trailing DOS end-of-file byte. The primary file
has 12 columns; the parser itself reads the side files beside it (`add.csv` addresses,
`alt.csv` aliases, `sdn_comments.csv` remarks overflow; `cons_*` for the consolidated
list), any of which may be missing. The whole folder is checked before the first entity
is produced, so a bad file fails in `parse()` with every problem listed at once; the
entities themselves are then built one record at a time. The remarks column is read by
`tamis.sources.ofac_remarks`; a value goes to the first property its schema has (FtM's
model, through `tamis.model.entity.schema_properties`), else to notes: nothing is lost.
Keyword tables: tamis/resources/ofac_entities.yml and ofac_remarks.yml.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity, make_id, schema_is_a, schema_properties
from tamis.resources import load_yaml
from tamis.sources.base import HEAD_BYTES, ParsedSource, Parser, Problems, decode_bytes
from tamis.sources.ofac_remarks import VALUE_CHECKS, NameIndex, country_code, parse_remarks

__all__ = ["PARSER", "companion", "parse", "sniff"]

FORMAT = "ofac-csv"
WIDTH = {"primary": 12, "add": 6, "alt": 5, "comments": 2}
SIDE_FILES = {
    "ofac-sdn": {"add": "add.csv", "alt": "alt.csv", "comments": "sdn_comments.csv"},
    "ofac-cons": {"add": "cons_add.csv", "alt": "cons_alt.csv", "comments": "cons_comments.csv"},
}
SIDE_NAMES = {name: kind for files in SIDE_FILES.values() for kind, name in files.items()}
TITLES = {
    "ofac-sdn": "OFAC Specially Designated Nationals (SDN) List",
    "ofac-cons": "OFAC Consolidated (non-SDN) List",
}
# Rows are tuples of strings: the garbage collector stops tracking those, which keeps its
# passes cheap while a big list is held in memory (lists would cost ~30% more time).
Row = tuple[str, ...]
Rows = list[tuple[int, Row]]


def _source_for(path: Path) -> str:
    return "ofac-cons" if "cons" in path.name.lower() else "ofac-sdn"


def _head_rows(head: bytes) -> list[list[str]]:
    """The complete, non-blank rows at the start of a file (`head` may end mid-line)."""
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    lines = text.splitlines()
    if len(head) >= HEAD_BYTES and len(lines) > 1:
        lines = lines[:-1]  # cut short by the head's size
    try:
        rows = csv.reader(lines[:5])
        return [row for row in rows if "".join(row).strip(" \x1a")]
    except csv.Error:
        return []


def _looks_like(head: bytes, width: int) -> bool:
    """The first row has `width` cells and an integer ent_num (later rows are parse()'s job,
    so that a damaged line is reported as such, not as an unknown format)."""
    rows = _head_rows(head)
    return bool(rows) and len(rows[0]) == width and rows[0][0].strip().isdigit()


def sniff(path: Path, head: bytes) -> str | None:
    """`ofac-sdn`/`ofac-cons` for a 12-column, integer-keyed CSV with `-0-` markers."""
    if b"-0-" in head and _looks_like(head, WIDTH["primary"]):
        return _source_for(path)
    return None


def companion(path: Path, head: bytes) -> bool:
    """The side files (`add.csv`, `alt.csv`, `sdn_comments.csv`, `cons_*`) by name and shape."""
    kind = SIDE_NAMES.get(path.name.lower())
    return kind is not None and _looks_like(head, WIDTH[kind])


def _not_ofac(cells: list[str], width: int) -> str | None:
    """Why a first row shows the file is not this OFAC file, or None if it could be."""
    first = cells[0].strip().lstrip("\ufeff")
    if first.startswith("<"):
        return "XML, not an OFAC CSV file"
    if len(cells) != width and first.isdigit():
        other = next((n for n, k in SIDE_NAMES.items() if WIDTH[k] == len(cells)), None)
        if other:
            return f"{len(cells)} columns, expected {width}: looks like an OFAC {other} side file"
    if len(cells) != width and not first.isdigit():
        return f"not an OFAC CSV file ({len(cells)} columns, expected {width})"
    return None


def _read_rows(path: Path, kind: str, problems: Problems) -> Rows:
    """The checked rows of one file: `width` cells, integer ent_num, `-0-` made empty."""
    width = WIDTH[kind]
    try:
        text = decode_bytes(path.read_bytes(), path)
    except OSError as exc:
        problems.add(f"cannot read: {exc.strerror or exc}")
        return []
    except SourceError as exc:
        problems.errors.append(exc)
        return []
    if not text.strip(" \r\n\t\x1a"):
        if kind == "primary":
            problems.add("empty file", line=1)
        return []
    rows: Rows = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for cells in reader:
            line = reader.line_num
            if not (cells and cells[0][:1].isdigit()) and not "".join(cells).strip(" \x1a"):
                continue  # a blank line, or the DOS end-of-file byte on a line of its own
            why = None if rows else _not_ofac(cells, width)
            if why:
                problems.add(why, line=line)
                return []
            if len(cells) != width:
                problems.add(f"{len(cells)} columns, expected {width} (truncated line?)", line)
            elif not cells[0].strip().isdigit():
                problems.add(f"ent_num {cells[0]!r} is not an integer", line, field="ent_num")
            else:
                rows.append((line, tuple("" if (v := c.strip()) == "-0-" else v for c in cells)))
    except csv.Error as exc:
        problems.add(f"malformed CSV: {exc}", line=reader.line_num)
    return rows


def _check_primary(rows: Rows, problems: Problems) -> None:
    types = load_yaml("ofac_entities.yml")["sdn_types"]
    seen: set[str] = set()
    for line, cells in rows:
        if not cells[1]:
            problems.add("empty name", line, field="SDN_Name")
        if cells[2].lower() not in types:
            why = f"unknown SDN_Type {cells[2]!r} (columns out of order?)"
            problems.add(why, line, field="SDN_Type")
        if cells[0] in seen:
            problems.add(f"ent_num {cells[0]} appears twice", line, field="ent_num")
        seen.add(cells[0])


@dataclass
class _List:
    """One list's rows, with its side files' rows grouped by ent_num."""

    source: str
    path: Path
    rows: Rows
    add: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    alt: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    comments: dict[str, str] = field(default_factory=dict)


def parse(path: Path) -> ParsedSource:
    """Check the primary file and its side files, then stream their entities."""
    path = Path(path)
    source = _source_for(path)
    problems = Problems(path)
    rows = _read_rows(path, "primary", problems)
    _check_primary(rows, problems)
    data = _List(source, path, rows)
    files = [path]
    try:
        siblings = {p.name.lower(): p for p in path.parent.iterdir() if p.is_file()}
    except OSError:
        siblings = {}
    for kind, name in SIDE_FILES[source].items():
        side = siblings.get(name)
        if side is None or side == path:
            continue
        files.append(side)
        side_problems = Problems(side)
        for _, cells in _read_rows(side, kind, side_problems):
            if kind == "comments":
                data.comments[cells[0]] = data.comments.get(cells[0], "") + cells[1]
            else:
                getattr(data, kind)[cells[0]].append(cells[2:])  # after ent_num, add_num/alt_num
        problems.errors.extend(side_problems.errors)
    problems.raise_if_any()
    return ParsedSource(source, FORMAT, path, files, _entities(data), None, TITLES[source])


def _entities(data: _List) -> Iterator[Entity]:
    """Every record's entity, each followed by its relations, ids and wallets."""
    index = NameIndex.build(data.rows, data.alt, data.comments)
    for line, cells in data.rows:
        try:
            yield from _Record(data, index, cells).build()
        except SourceError:
            raise
        except Exception as exc:  # a record nothing here expected: say which one
            error = SourceError(data.path, f"cannot read record {cells[0]}: {exc}", line)
            raise SourceErrors(data.path, [error]) from exc


_properties = cache(schema_properties)


@cache
def _programs(column: str) -> tuple[str, ...]:
    """`[RUSSIA-EO14024] [SDGT]` or `NPWMD] [IFSR` (outer brackets dropped) -> programs."""
    return tuple(p.strip(" []") for p in re.split(r"\]\s*\[", column) if p.strip(" []"))


@cache
def _legal_form_re() -> re.Pattern[str]:
    forms = sorted(load_yaml("ofac_entities.yml")["legal_forms"], key=len, reverse=True)
    return re.compile(r"(?<![A-Z0-9])(?:" + "|".join(map(re.escape, forms)) + r")(?![A-Z0-9])")


def _derived(entity_id: str, schema: str, source: str, pairs: tuple) -> Entity:
    """A relation, identity document or wallet: its values come already clean (no re-adds)."""
    entity = Entity(entity_id, schema, source=source)
    entity.properties = {prop: [value] for prop, value in pairs if value}
    return entity


def _digest(*parts: str | None) -> str:
    return hashlib.sha1("|".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:10]


class _Record:
    """One primary row and everything the side files and remarks say about it."""

    def __init__(self, data: _List, index: NameIndex, cells: Row) -> None:
        self.data, self.index, self.cells = data, index, cells
        entities = load_yaml("ofac_entities.yml")
        schema = entities["sdn_types"][cells[2].lower()]
        if schema == "Organization" and _legal_form_re().search(cells[1].upper()):
            schema = "Company"
        self.entity = Entity(make_id(data.source, cells[0]), schema, source=data.source)
        self.props = _properties(schema)
        self.notes: list[str] = []
        self.extra: list[Entity] = []

    def put(self, props: tuple[str, ...], value: str, raw: str) -> bool:
        """Add `value` to the first of `props` the schema has and FtM accepts, else note `raw`."""
        for prop in props:
            if prop == "notes":
                break
            if prop not in self.props:
                continue
            check = VALUE_CHECKS.get(prop)
            cleaned = check(value) if check else value
            if cleaned:
                self.entity.add(prop, cleaned)
                return True
        self.notes.append(raw)
        return False

    def build(self) -> list[Entity]:
        ent, name, _, program, title = self.cells[:5]
        entity = self.entity
        entity.add("name", name)
        if entity.schema == "Person" and ", " in name:
            last, _, first = name.partition(", ")
            entity.add("lastName", last)
            entity.add("firstName", first)
        entity.add("topics", "sanction")
        entity.add("program", _programs(program))
        if title:
            self.put(("position",), title, f"Title: {title}")
        self._vessel()
        self._aliases()
        self._addresses()
        self._remarks(self.cells[11] + self.data.comments.get(ent, ""))
        entity.add("notes", "; ".join(n for n in self.notes if n != title))
        return [entity, *self.extra]

    def _vessel(self) -> None:
        call_sign, vess_type, tonnage, grt, flag, owner = self.cells[5:11]
        for prop, value, label in (
            ("callSign", call_sign, "Call Sign"),
            ("type", vess_type, "Vessel Type"),
            ("tonnage", tonnage.replace(",", ""), "Tonnage"),
            ("grossRegisteredTonnage", grt.replace(",", ""), "GRT"),
        ):
            if value:
                self.put((prop,), value, f"{label}: {value}")
        code = country_code(flag) if flag else None
        if code:
            self.put(("flag",), code, f"Flag: {flag}")
        elif flag:
            self.notes.append(f"Flag: {flag}")
        if owner:
            self._party(("owner",), owner, f"Owner: {owner}")

    def _party(self, props: tuple[str, ...], name: str, raw: str) -> None:
        target = self.index.resolve(name)
        if target is None or target == self.cells[0]:
            self.notes.append(raw)
        else:
            self.put(props, make_id(self.data.source, target), raw)

    def _aliases(self) -> None:
        entities = load_yaml("ofac_entities.yml")
        for alt_type, alt_name, alt_remarks in self.data.alt.get(self.cells[0], ()):
            prop = entities["alt_types"].get(alt_type.lower(), "alias")
            if any(m in alt_remarks.lower() for m in entities["weak_markers"]):
                prop = "weakAlias"
            self.entity.add(prop, alt_name)
            if alt_remarks:
                self.notes.append(f"{alt_name}: {alt_remarks}")

    def _addresses(self) -> None:
        for address, city, country, remarks in self.data.add.get(self.cells[0], ()):
            full = ", ".join(p for p in (address, city, country) if p)
            if full:
                self.put(("address",), full, f"Address: {full}")
            code = country_code(country) if country else None
            if code:
                self.put(("country",), code, f"Country: {country}")
            if remarks:
                self.notes.append(f"Address remarks: {remarks}")

    def _remarks(self, text: str) -> None:
        remarks = parse_remarks(text)
        for props, value, raw in remarks.values:
            self.put(props, value, raw)
        for prop, name in remarks.names:
            self.entity.add(prop, name)
        for props, name, raw in remarks.parties:
            self._party(props, name, raw)
        for fact in remarks.ids:
            self.put(fact.props, fact.number, fact.raw)
            if fact.detailed:
                self._identification(fact.schema, fact.type, fact.number, fact.country,
                                     fact.issued, fact.expires, fact.raw)
        for currency, address, raw in remarks.wallets:
            self._wallet(currency, address, raw)
        for name in remarks.links:
            self._link(name)
        self.notes.extend(remarks.notes)

    def _holds_documents(self) -> bool:
        """FtM: only legal entities hold documents and wallets; the YAML may turn them off."""
        return bool(load_yaml("ofac_remarks.yml")["structured_documents"]) and schema_is_a(
            self.entity.schema, "LegalEntity"
        )

    def _identification(self, schema: str, kind: str, number: str, country: str | None,
                        issued: str | None, expires: str | None, raw: str) -> None:
        if not self._holds_documents():
            self.notes.append(raw)
            return
        ident_id = f"{self.entity.id}-id-{_digest(kind, number, country)}"
        pairs = (("holder", self.entity.id), ("number", number), ("type", kind),
                 ("country", country), ("startDate", issued), ("endDate", expires),
                 ("summary", raw))
        self.extra.append(_derived(ident_id, schema, self.data.source, pairs))

    def _wallet(self, currency: str, address: str, raw: str) -> None:
        if not self._holds_documents():
            self.notes.append(raw)
            return
        wallet_id = f"{self.entity.id}-wallet-{_digest(currency, address)}"
        pairs = (("holder", self.entity.id), ("publicKey", address), ("currency", currency),
                 ("topics", "sanction"))
        self.extra.append(_derived(wallet_id, "CryptoWallet", self.data.source, pairs))

    def _link(self, name: str) -> None:
        target = self.index.resolve(name)
        if target is None or target == self.cells[0]:
            self.notes.append(f"Linked To: {name}")
            return
        source = self.data.source
        link_id = f"{make_id(source, self.cells[0])}-linked-{target}"
        pairs = (("subject", self.entity.id), ("object", make_id(source, target)),
                 ("role", "Linked To"))
        if all(e.id != link_id for e in self.extra):
            self.extra.append(_derived(link_id, "UnknownLink", source, pairs))


PARSER = Parser(format=FORMAT, sniff=sniff, parse=parse, companion=companion)
