"""The lists the bench screens against, as `Entity` values, from the shared data.

`load_list` prefers the project's parsers (`tamis.sources.parse`); while those are not
all written yet it falls back to a small reader of the two shapes the dev sets need
(OFAC legacy CSV with Remarks aliases and facts, UN consolidated XML). The fallback is
bench-only and reads names and the facts a screen uses (birth date, nationality), no more.
`all_names` gathers every name in every shared file, for the "on no list" check.
"""

from __future__ import annotations

import csv
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from followthemoney.types import registry

from tamis.model.entity import Entity
from tamis.sources.base import read_text

OFAC_SCHEMA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
AKA = re.compile(r"\b([afn])\.k\.a\.,?\s+'(.+?)'(?=\s*(?:[;,)]|\.(?:\s|$)|$))")
DOB = re.compile(r"\bDOB\s+(?:circa\s+)?(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})\s+)?(\d{4})")
NATIONALITY = re.compile(r"\b(nationality|citizen)\s+([^;.]+)")
AKA_PROP = {"a": "alias", "f": "previousName", "n": "alias"}
LOADER_NOTES: list[str] = []


def _csv_rows(path: Path) -> Iterator[list[str]]:
    for row in csv.reader(read_text(path).splitlines()):
        if len(row) >= 2 and row[0].strip().isdigit():
            yield [("" if v.strip() == "-0-" else v.strip()) for v in row]


def _iso(day: str | None, month: str | None, year: str) -> str:
    if month and month.lower() in MONTHS:
        iso = f"{year}-{MONTHS[month.lower()]:02d}"
        return f"{iso}-{int(day):02d}" if day else iso
    return year


def _ofac_csv(primary: Path, alt: Path | None, source: str) -> Iterator[Entity]:
    aliases: dict[str, list[tuple[str, str]]] = {}
    if alt and alt.exists():
        for row in _csv_rows(alt):
            prop = "previousName" if row[2].lower() == "fka" else "alias"
            aliases.setdefault(row[0], []).append((prop, row[3]))
    for row in _csv_rows(primary):
        remarks = row[11] if len(row) > 11 else ""
        entity = Entity(f"{source}:{row[0]}", OFAC_SCHEMA.get(row[2].lower(), "Organization"),
                        source=source)
        entity.add("name", row[1])
        for kind, name in AKA.findall(remarks):
            entity.add(AKA_PROP[kind], name)
        for prop, name in aliases.get(row[0], []):
            entity.add(prop, name)
        if entity.schema == "Person":
            for day, month, year in DOB.findall(remarks):
                entity.add("birthDate", _iso(day, month, year))
            for kind, value in NATIONALITY.findall(remarks):
                code = registry.country.clean(value.strip())
                entity.add("nationality" if kind == "nationality" else "citizenship", code)
        yield entity


def _un_xml(path: Path) -> Iterator[Entity]:
    root = ET.fromstring(read_text(path).encode("utf-8"))
    for tag, schema in (("INDIVIDUAL", "Person"), ("ENTITY", "Organization")):
        for el in root.iter(tag):
            ref = (el.findtext("REFERENCE_NUMBER") or "").strip()
            entity = Entity(f"un-sc:{ref}", schema, source="un-sc")
            parts = [(el.findtext(p) or "").strip() for p in
                     ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
            entity.add("name", " ".join(p for p in parts if p))
            entity.add("alias", el.findtext("NAME_ORIGINAL_SCRIPT"))
            for alias in el.findall(f"{tag}_ALIAS"):
                quality = (alias.findtext("QUALITY") or "").strip().lower()
                prop = {"low": "weakAlias", "f.k.a.": "previousName"}.get(quality, "alias")
                entity.add(prop, alias.findtext("ALIAS_NAME"))
            for dob in el.findall("INDIVIDUAL_DATE_OF_BIRTH"):
                entity.add("birthDate", dob.findtext("DATE") or dob.findtext("YEAR"))
            for value in el.findall("NATIONALITY/VALUE"):
                entity.add("nationality", registry.country.clean(value.text or ""))
            yield entity


def _fallback(folder: Path) -> list[Entity]:
    if (folder / "consolidated.xml").exists():
        return list(_un_xml(folder / "consolidated.xml"))
    if (folder / "sdn.csv").exists():
        return list(_ofac_csv(folder / "sdn.csv", folder / "alt.csv", "ofac-sdn"))
    if (folder / "cons_prim.csv").exists():
        return list(_ofac_csv(folder / "cons_prim.csv", folder / "cons_alt.csv", "ofac-cons"))
    raise ValueError(f"{folder}: no list the bench fallback reader knows")


def load_list(folder: Path) -> list[Entity]:
    """Every screenable entity of one shared list folder (relations left out)."""
    try:
        from tamis.sources import parse

        parsed = parse(folder)
        entities = [e for e in parsed.entities if e.is_thing]
        note = f"{folder.name}: tamis.sources ({parsed.format})"
    except (ImportError, AttributeError) as exc:
        entities = _fallback(folder)
        note = f"{folder.name}: bench fallback reader (tamis.sources not ready: {exc})"
    if note not in LOADER_NOTES:
        LOADER_NOTES.append(note)
        print(f"  list {note}", file=sys.stderr)
    return entities


def read_alt(path: Path) -> Iterator[tuple[str, str, str, str]]:
    """OFAC alt.csv rows as (ent_num, alt_num, alt_type, alt_name)."""
    for row in _csv_rows(path):
        yield row[0], row[1], row[2].lower(), row[3]


def _dpl_names(path: Path) -> Iterator[str]:
    reader = csv.DictReader(read_text(path).splitlines(), delimiter="\t")
    for row in reader:
        if row.get("Name"):
            yield row["Name"]


def all_names(data: Path) -> Iterator[str]:
    """Every name and alias in every shared list file (for 'this person is on no list')."""
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        if (folder / "dpl.txt").exists():
            yield from _dpl_names(folder / "dpl.txt")
        elif any((folder / f).exists() for f in ("sdn.csv", "cons_prim.csv", "consolidated.xml")):
            for entity in load_list(folder):
                yield from (value for _, value in entity.names())
        if (folder / "alt.csv").exists():
            yield from (row[3] for row in read_alt(folder / "alt.csv"))
