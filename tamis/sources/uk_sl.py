"""UK Sanctions List (FCDO): entities `uk-sl:<UniqueID>`, from its XML or its CSV.

Since 28 January 2026 this is the only UK list (OFSI's Consolidated List closed). Files:
https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml and .csv, linked from
https://www.gov.uk/government/publications/the-uk-sanctions-list.

XML: root `Designations`, a `DateGenerated` (dd/mm/yyyy), then one `Designation` per party:
`UniqueID`, `IndividualEntityShip` (Individual/Entity/Ship), `Names/Name` (`Name1`..`Name6`,
`NameType` Primary name / Primary name variation / Alias, `AliasStrength`), `NonLatinNames`
(`NameNonLatinScript`, `NonLatinScriptLanguage`), `RegimeName`, `DateDesignated`,
`LastUpdated`, `Addresses/Address` (`AddressLine1`..`6`, `AddressPostalCode`,
`AddressCountry`), `IndividualDetails/Individual` (`DOBs/DOB` as dd/mm/yyyy with `dd`/`mm`
for unknown parts, `Nationalities`, `BirthDetails/Location`, `PassportDetails/Passport`,
`NationalIdentifierDetails`, `Positions`, `Genders`), `EntityDetails/Entity` and
`ShipDetails/Ship` (`IMONumbers/IMONumber`, flags, type, tonnage). Leaves are read by name
wherever they sit (leaves of one element kept together), so wrapper names do not matter.
CSV: a `Report Date: 02-Sep-2026` line, a header row ("Unique ID", "Name 6", "Name type",
"Designation Type", ...), then one row per name or address of a designation; the rows of
one Unique ID must be consecutive and are merged.

Shape taken from OpenSanctions' crawler (github.com/opensanctions/opensanctions,
datasets/gb/fcdo_sanctions/crawler.py), a trimmed copy of the live XML quoted in a public
test (fetched 2026-09-02), and the CSV header in moov-io/watchman
(pkg/sources/csl_uk/uk_csl.go) and public fixtures. Tables: tamis/resources/uk_sl.yml.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from itertools import chain
from pathlib import Path
from xml.etree.ElementTree import Element

from tamis.errors import SourceError
from tamis.model.entity import Entity, make_id
from tamis.resources.countries import country_code
from tamis.sources.base import HEAD_BYTES, ParsedSource, Parser, Problems
from tamis.sources.xml_records import XmlRecords, iso_date, load_table, note, schema_props, xml_root

__all__ = ["PARSER", "uk_date"]

SOURCE = "uk-sl"
FORMAT = "uk-sl"
TABLE = "uk_sl.yml"
_UK_DATE = re.compile(r"(dd|\d{1,2})/(mm|\d{1,2})/(\d{4})", re.IGNORECASE)
Read = Callable[[Problems], Iterator["Designation"]]


@dataclass
class Designation:
    """One listed party as read from either format: loose leaves plus leaves kept together."""

    line: int
    fields: dict[str, list[str]] = field(default_factory=dict)
    groups: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def add(self, key: str, value: str) -> None:
        values = self.fields.setdefault(key, [])
        if value not in values:
            values.append(value)

    def add_group(self, group: str, values: dict[str, str]) -> None:
        found = self.groups.setdefault(group, [])
        if values and values not in found:
            found.append(values)

    def first(self, key: str) -> str:
        return (self.fields.get(key) or [""])[0]


@cache
def _group_of() -> dict[str, str]:
    return {key: group for group, keys in load_table(TABLE)["groups"].items() for key in keys}


def uk_date(text: str | None) -> str | None:
    """`21/03/1950` -> `1950-03-21`, `dd/03/1950` -> `1950-03`, `dd/mm/1950` -> `1950`; ISO too."""
    text = (text or "").strip()
    match = _UK_DATE.fullmatch(text)
    if match:
        day, month, year = match.groups()
        if not month.isdigit():
            return year
        if not 1 <= int(month) <= 12:
            return None
        if not day.isdigit():
            return f"{year}-{int(month):02d}"
        return iso_date(f"{year}-{int(month):02d}-{int(day):02d}")
    return text if re.fullmatch(r"\d{4}", text) else iso_date(text)


def sniff(path: Path, head: bytes) -> str | None:
    root, text = xml_root(head)
    if root == "Designations" and re.search(r"<Designation[\s>]|<UniqueID>", text):
        return SOURCE
    if root is None and _csv_header_at(text.splitlines()[:3]) is not None:
        return SOURCE
    return None


def _csv_header_at(lines: list[str]) -> int | None:
    for number, line in enumerate(lines):
        low = line.lower()
        if "unique id" in low and ("name 6" in low or "name type" in low):
            return number
    return None


def parse(path: Path) -> ParsedSource:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror or exc}") from None
    if not head.strip(b"\x00\x1a \r\n\t\xef\xbb\xbf"):
        raise SourceError(path, "empty file")
    if xml_root(head)[0] is not None or head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<"):
        return _parse_xml(path)
    return _parse_csv(path, head)


def _parse_xml(path: Path) -> ParsedSource:
    records = XmlRecords(path)
    root = records.read_root()
    if root != "Designations":
        raise SourceError(path, f"not a UK Sanctions List XML file: root element is <{root}>, "
                          "expected <Designations>", records.root_line, root)
    stream = iter(records)
    before: list[tuple[Element, int]] = []
    published = None
    for elem, line in stream:  # the header elements, up to the first Designation
        if elem.tag == "DateGenerated":
            published = uk_date(elem.text)
        if elem.tag == "Designation":
            before.append((elem, line))
            break

    def read(problems: Problems) -> Iterator[Designation]:
        for elem, line in chain(before, stream):
            if elem.tag == "Designation":
                yield _from_xml(elem, line)

    return ParsedSource(SOURCE, FORMAT, path, [path], _entities(path, read),
                        publisher_date=published, title="UK Sanctions List")


def _from_xml(elem: Element, line: int) -> Designation:
    record = Designation(line)
    group_of = _group_of()
    for parent in elem.iter():
        current: dict[str, dict[str, str]] = {}
        for child in parent:
            text = (child.text or "").strip()
            if len(child) or not text:
                continue
            group = group_of.get(child.tag)
            if group is None:
                record.add(child.tag, text)
                continue
            values = current.get(group)
            if values is None or child.tag in values:  # a repeated leaf starts a new group
                record.add_group(group, values or {})
                values = current[group] = {}
            values[child.tag] = text
        for group, values in current.items():
            record.add_group(group, values)
    return record


def _parse_csv(path: Path, head: bytes) -> ParsedSource:
    try:
        head.decode("utf-8")
        encoding = "utf-8-sig"
    except UnicodeDecodeError as exc:  # a character cut by the head's end is still UTF-8
        encoding = "utf-8-sig" if exc.start >= len(head) - 3 else "cp1252"
    label = "UTF-8" if encoding.startswith("utf") else encoding
    try:
        fh = open(path, encoding=encoding, newline="")  # noqa: SIM115 - closed by read()
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror or exc}") from None
    reader = csv.reader(fh)
    try:
        row = next(reader, None)
        published = None
        report = row and row[0].strip().lower().startswith("report date")
        if row and report and not any(cell.strip() for cell in row[1:]):
            published = uk_date(row[0].partition(":")[2]) or _report_date(row[0])
            row = next(reader, None)
    except (csv.Error, UnicodeError) as exc:
        fh.close()
        raise SourceError(path, f"unreadable CSV header: {exc}", reader.line_num or 1) from None
    table = load_table(TABLE)
    keys = [table["csv_columns"].get(" ".join(h.split()).lower(), h.strip()) for h in row or []]
    missing = [name for key, name in table["csv_required"].items() if key not in keys]
    if missing:
        fh.close()
        raise SourceError(path, "not a UK Sanctions List CSV: no column "
                          + ", ".join(repr(m) for m in missing), reader.line_num or 1)

    def read(problems: Problems) -> Iterator[Designation]:
        try:
            yield from _csv_rows(reader, keys, problems)
        except csv.Error as exc:
            problems.add(f"malformed CSV: {exc}", reader.line_num)
        except UnicodeError:
            problems.add(f"not valid {label} (wrong encoding?)", _first_bad_line(path, encoding))
        finally:
            fh.close()

    return ParsedSource(SOURCE, FORMAT, path, [path], _entities(path, read),
                        publisher_date=published, title="UK Sanctions List")


def _first_bad_line(path: Path, encoding: str) -> int | None:
    """The line of the first undecodable byte (read again whole: only on this error)."""
    data = path.read_bytes()
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1
    return None


def _report_date(cell: str) -> str | None:
    try:
        return datetime.strptime(cell.partition(":")[2].strip(), "%d-%b-%Y").date().isoformat()
    except ValueError:
        return None


def _csv_rows(reader: Iterable[list[str]], keys: list[str], problems: Problems) -> Iterator[Designation]:
    group_of = _group_of()
    uid_at = keys.index("UniqueID")
    current: Designation | None = None
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num  # type: ignore[attr-defined]
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(keys):
            problems.add(f"row has {len(row)} cells, the header has {len(keys)}", line)
            continue
        uid = row[uid_at].strip()
        if current is None or not uid or uid != current.first("UniqueID"):
            if current is not None:
                yield current
            current = Designation(line)
            if uid in seen:
                problems.add(f"rows of Unique ID {uid} are not consecutive", line, field="Unique ID")
            seen.add(uid)
        groups: dict[str, dict[str, str]] = {}
        for key, cell in zip(keys, row):
            text = cell.strip()
            if key and text:
                if key in group_of:
                    groups.setdefault(group_of[key], {})[key] = text
                else:
                    current.add(key, text)
        for group, values in groups.items():
            current.add_group(group, values)
    if current is not None:
        yield current


def _entities(path: Path, read: Read) -> Iterator[Entity]:
    problems = Problems(path)
    try:
        for record in read(problems):
            try:
                entity = _entity(record, problems)
            except Exception as exc:  # noqa: BLE001 - an unforeseen record: report it, go on
                problems.add(f"cannot read this record: {exc!r}", record.line, "Designation")
                continue
            if entity is not None:
                yield entity
    except SourceError as exc:
        problems.errors.append(exc)
    problems.raise_if_any()


def _entity(record: Designation, problems: Problems) -> Entity | None:
    uid = record.first("UniqueID")
    if not uid:
        problems.add("Designation without UniqueID", record.line, "Designation", "UniqueID")
        return None
    kind = record.first("IndividualEntityShip")
    schema = load_table(TABLE)["kinds"].get(kind.lower())
    if schema is None:
        why = f"unknown designation type {kind!r}" if kind else "no designation type"
        problems.add(f"Designation {uid}: {why}", record.line, "IndividualEntityShip")
        return None
    entity = Entity(make_id(SOURCE, uid), schema, source=SOURCE)
    entity.add("topics", "sanction")
    _names(entity, record)
    if not entity.has("name"):
        problems.add(f"Designation {uid} has no name", record.line, "Names", "Name6")
        return None
    for values in record.groups.get("address", []):
        parts = [values.get(f"AddressLine{i}") for i in range(1, 7)]
        parts += [values.get("AddressPostalCode"), values.get("AddressCountry")]
        entity.add("address", ", ".join(p for p in parts if p))
        _value(entity, "country", "country", values.get("AddressCountry"), "Address country")
    for group, prop, label in (("passport", "passportNumber", "Passport"),
                               ("national_id", "idNumber", "National identifier")):
        for values in record.groups.get(group, []):
            number, info = (values.get(k, "") for k in load_table(TABLE)["groups"][group])
            _value(entity, prop if prop in schema_props(schema) else "idNumber", None, number, label)
            note(entity, f"{label} {number}".strip(), info)
    for values in record.groups.get("birth", []):
        town, country = values.get("TownOfBirth", ""), values.get("CountryOfBirth", "")
        _value(entity, "birthPlace", None, ", ".join(p for p in (town, country) if p), "Birth place")
        _value(entity, "birthCountry", "country", country, "Country of birth")
    rules = load_table(TABLE)["fields"]
    for key, leaves in record.fields.items():
        rule = rules.get(key, {"label": key})  # an element the table does not know: a note
        if rule.get("skip"):
            continue
        for value in leaves:
            _value(entity, rule.get("prop"), rule.get("type"), value, rule.get("label", key))
    return entity


def _names(entity: Entity, record: Designation) -> None:
    table = load_table(TABLE)
    for values in record.groups.get("name", []):
        parts = [values.get(f"Name{i}", "") for i in range(1, 7)]
        full = " ".join(p for p in parts if p)
        kind = " ".join(values.get("NameType", "").split()).lower()
        prop = table["name_types"].get(kind, "alias")
        if prop == "name" and entity.has("name"):
            prop = "alias"
        if prop == "alias" and table["weak_alias_strength"] in values.get("AliasStrength", "").lower():
            prop = "weakAlias"
        entity.add(prop, full)
        if kind and kind not in table["name_types"]:
            note(entity, f"Name type of {full}", values.get("NameType"))
        if entity.schema == "Person" and prop == "name" and parts[5] and any(parts[:5]):
            entity.add("firstName", parts[0])
            entity.add("middleName", " ".join(p for p in parts[1:5] if p))
            entity.add("lastName", parts[5])
    for values in record.groups.get("nonlatin", []):
        entity.add("alias", values.get("NameNonLatinScript"))
    aliases = entity.properties.get("alias")
    if not entity.has("name") and aliases:  # no primary name: the first alias stands in
        entity.add("name", aliases.pop(0))


def _value(entity: Entity, prop: str | None, kind: str | None, value: str | None, label: str) -> None:
    """Clean `value` as `kind` and add it to `prop`; a value with no field or no clean form becomes a note."""
    value = (value or "").strip()
    if not value:
        return
    table = load_table(TABLE)
    cleaned: list[str | None] = [value]
    if kind == "date":
        cleaned = [uk_date(value)]
    elif kind == "country":
        cleaned = [table["countries"].get(value.lower()) or country_code(value)]
    elif kind == "gender":
        cleaned = [table["genders"].get(value.lower())]
    elif kind == "imo":
        digits = re.sub(r"\D", "", value)
        cleaned = [f"IMO{digits}" if len(digits) == 7 else None]
    elif kind == "list":
        cleaned = [v for v in re.split(r"[;,\s]+", value) if v]
    if prop and prop in schema_props(entity.schema) and all(cleaned):
        entity.add(prop, [c for c in cleaned if c])
    else:
        note(entity, label, value.replace("|", "; "))


PARSER = Parser(format=FORMAT, sniff=sniff, parse=parse)
