"""EU Financial Sanctions Files (FSF) XML: entities `eu-fsf:<logicalId>`.

Format (no real snapshot in shared/data, so described from public copies): the
Commission's full export `xmlFullSanctionsList_1_1`
(https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content).
Root `export` in the namespace `http://eu.europa.ec/fpi/fsd/export` (sic, "ec"; any
namespace ending `/fpi/fsd/export` is accepted) with `generationDate`; one
`sanctionEntity` (`logicalId`, `euReferenceNumber`, `unitedNationId`, `designationDate`)
per listed party, its facts in attributes of the children `subjectType` (`code`
person/enterprise), `nameAlias` (`wholeName`, `firstName`, `middleName`, `lastName`,
`nameLanguage`, `function`, `gender`, `title`, `strong`), `birthdate` (`birthdate`, or
`year` + `monthOfYear`/`month` + `dayOfMonth`/`day`, `circa`, `city`, `place`, `region`,
`countryIso2Code`), `citizenship`, `identification` (`identificationTypeCode`, `number`),
`address` (`street`, `poBox`, `zipCode`, `city`, `place`, `region`, `countryIso2Code`,
`contactInfo` children) and `regulation` (`programme`, `numberTitle`, `publicationDate`,
`publicationUrl` child), plus `remark` text. Names checked against a 2018 copy of the
export quoted in a public PHP importer and OpenSanctions' reader
(github.com/opensanctions/opensanctions: zavod/zavod/shed/fsf.py, datasets/eu/fsf/eu_fsf.yml).

Streaming: `XmlRecords` drives expat itself (not ElementTree.iterparse) so that every
record and every XML error carries its line; one root child is built at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from tamis.errors import SourceError
from tamis.model.entity import Entity, make_id
from tamis.resources.countries import country_code
from tamis.sources.base import ParsedSource, Parser, Problems
from tamis.sources.xml_records import XmlRecords, iso_date, load_table, note, schema_props, xml_root

__all__ = ["PARSER", "XmlRecords", "iso_date", "load_table", "note", "schema_props", "xml_root"]

SOURCE = "eu-fsf"
FORMAT = "eu-fsf-xml"
_LETTERED = re.compile(r"\s*\([a-z]\)\s*")  # "(a) Mullah, (b) Maulavi"


# ---- shared with uk_sl: streaming XML, tables, small value helpers --------------------


def sniff(path: Path, head: bytes) -> str | None:
    root, text = xml_root(head)
    if root == "export" and ("fpi/fsd/export" in text or "<sanctionEntity" in text):
        return SOURCE
    return None


def parse(path: Path) -> ParsedSource:
    path = Path(path)
    records = XmlRecords(path)
    root = records.read_root()
    if root != "export" or (records.root_ns and not records.root_ns.endswith("/fpi/fsd/export")):
        where = f"{{{records.root_ns}}}{root}" if records.root_ns else root
        raise SourceError(path, f"not an EU Financial Sanctions Files export: root element is "
                          f"<{where}>, expected <export>", records.root_line, root)
    generated = records.root_attrs.get("generationDate", "").strip()
    try:
        datetime.fromisoformat(generated)
    except ValueError:
        generated = iso_date(generated) or ""
    return ParsedSource(SOURCE, FORMAT, path, [path], _entities(path, records),
                        publisher_date=generated or None, title="EU Financial Sanctions Files")


def _entities(path: Path, records: XmlRecords) -> Iterator[Entity]:
    problems = Problems(path)
    try:
        for elem, line in records:
            if elem.tag != "sanctionEntity":
                continue
            try:
                entity = _entity(elem, line, problems)
            except Exception as exc:  # noqa: BLE001 - an unforeseen record: report it, go on
                problems.add(f"cannot read this record: {exc!r}", line, "sanctionEntity")
                continue
            if entity is not None:
                yield entity
    except SourceError as exc:
        problems.errors.append(exc)
    problems.raise_if_any()


def _entity(elem: Element, line: int, problems: Problems) -> Entity | None:
    logical_id = (elem.get("logicalId") or "").strip()
    if not logical_id:
        problems.add("sanctionEntity without logicalId", line, "sanctionEntity", "logicalId")
        return None
    subject = elem.find("subjectType")
    code = "" if subject is None else (subject.get("code") or subject.get("classificationCode") or "")
    schema = load_table("eu_fsf.yml")["subject_types"].get(code.strip())
    if schema is None:
        why = "no subjectType" if subject is None else f"unknown subjectType code {code!r}"
        problems.add(f"sanctionEntity {logical_id}: {why}", line, "subjectType", "code")
        return None
    entity = Entity(make_id(SOURCE, logical_id), schema, source=SOURCE)
    entity.add("topics", "sanction")
    _names(entity, elem)
    if not entity.has("name"):
        problems.add(f"sanctionEntity {logical_id} has no name", line, "nameAlias", "wholeName")
        return None
    _births(entity, elem)
    for node in elem.findall("citizenship"):
        _country(entity, node, "nationality" if schema == "Person" else "country", "Citizenship")
    _identifications(entity, elem)
    _addresses(entity, elem)
    _regulations(entity, elem)
    for remark in elem.findall("remark"):
        entity.add("notes", remark.text)
    note(entity, "EU reference number", elem.get("euReferenceNumber"))
    note(entity, "UN reference number", elem.get("unitedNationId"))
    note(entity, "Designation details", elem.get("designationDetails"))
    return entity


def _a(node: Element, key: str) -> str:
    return (node.get(key) or "").strip()


def _add(entity: Entity, prop: str, value: str | None, label: str) -> None:
    """Add to `prop` if the schema has it, else keep the value as a note."""
    if prop in schema_props(entity.schema):
        entity.add(prop, value)
    else:
        note(entity, label, value)


def _country(entity: Entity, node: Element, prop: str, label: str) -> None:
    code, desc = _a(node, "countryIso2Code"), _a(node, "countryDescription")
    cleaned = country_code(code) if code and code != "00" else None
    if cleaned is None and desc and desc.upper() != "UNKNOWN":
        cleaned = country_code(desc)
        if cleaned is None:
            note(entity, label, desc)
    _add(entity, prop, cleaned, label)


def _names(entity: Entity, elem: Element) -> None:
    table = load_table("eu_fsf.yml")
    person = entity.schema == "Person"
    aliases = []
    for alias in elem.findall("nameAlias"):
        first, middle, last = (_a(alias, k) for k in ("firstName", "middleName", "lastName"))
        whole = _a(alias, "wholeName") or " ".join(p for p in (first, middle, last) if p)
        remarks = [r.text.strip() for r in alias.findall("remark") if r.text and r.text.strip()]
        weak = _a(alias, "strong").lower() == "false" or any(
            k in r.lower() for r in remarks for k in table["weak_alias_remarks"])
        if whole:
            aliases.append((whole, weak))
        if person:
            for prop, value in (("firstName", first), ("middleName", middle), ("lastName", last)):
                if value:
                    entity.add(prop, value)
            gender = _a(alias, "gender")
            if gender:
                entity.add("gender", table["genders"].get(gender.upper()))
        for prop, attr in (("title", "title"), ("position", "function")):
            if alias.get(attr):
                for part in _LETTERED.split(alias.get(attr, "")):
                    _add(entity, prop, part.strip(" ,;"), attr.capitalize())
        for remark in remarks:
            if not any(k in remark.lower() for k in table["quality_remarks"]):
                note(entity, f"Name {whole}", remark)
    primary = next((i for i, (_, weak) in enumerate(aliases) if not weak), 0)
    for i, (whole, weak) in enumerate(aliases):
        entity.add("name" if i == primary else "weakAlias" if weak else "alias", whole)


def _births(entity: Entity, elem: Element) -> None:
    for node in elem.findall("birthdate"):
        year, month, day = _a(node, "year"), _a(node, "monthOfYear"), _a(node, "dayOfMonth")
        month, day = month or _a(node, "month"), day or _a(node, "day")
        found = iso_date(node.get("birthdate")) or _partial_date(year, month, day)
        _add(entity, "birthDate", found, "Birth date")
        raw = _a(node, "birthdate") or "-".join(p for p in (year, month, day) if p)
        if raw and not found:
            note(entity, "Birth date", raw)
        if found and _a(node, "circa").lower() == "true":
            note(entity, "Birth date approximate (circa)", found)
        low, high = _a(node, "yearRangeFrom"), _a(node, "yearRangeTo")
        if low or high:
            note(entity, "Born between", f"{low or '?'} and {high or '?'}")
        calendar = _a(node, "calendarType")
        if calendar and calendar.upper() != "GREGORIAN":
            note(entity, f"Birth date calendar of {found or raw}", calendar)
        desc = _a(node, "countryDescription")
        parts = [_a(node, k) for k in ("place", "city", "zipCode", "region")]
        parts.append(desc if desc.upper() != "UNKNOWN" else "")
        _add(entity, "birthPlace", ", ".join(dict.fromkeys(p for p in parts if p)), "Birth place")
        _country(entity, node, "birthCountry", "Birth country")


def _partial_date(year: str, month: str, day: str) -> str | None:
    if not year.isdigit() or len(year) != 4:
        return None
    if not month.isdigit() or not 1 <= int(month) <= 12:
        return year
    text = f"{year}-{int(month):02d}"
    if day.isdigit():
        return iso_date(f"{text}-{int(day):02d}") or text
    return text


def _identifications(entity: Entity, elem: Element) -> None:
    table = load_table("eu_fsf.yml")
    props = schema_props(entity.schema)
    for node in elem.findall("identification"):
        number, latin, code = _a(node, "number"), _a(node, "latinNumber"), _a(node, "identificationTypeCode")
        kind = _a(node, "identificationTypeDescription") or code or "Identification"
        if not (number or latin):
            continue
        prop = table["identification_types"].get(code, "idNumber")
        prop = prop if prop in props else "idNumber"
        entity.add(prop, [number, latin])
        extras = [f"{k} {_a(node, k)}" for k in ("issuedBy", "issuedDate", "validFrom", "validTo",
                                                 "nameOnDocument", "region") if _a(node, k)]
        extras += [k for k in ("diplomatic", "knownExpired", "knownFalse", "reportedLost",
                               "revokedByIssuer") if _a(node, k).lower() == "true"]
        extras += [r.text.strip() for r in node.findall("remark") if r.text and r.text.strip()]
        generic = code not in table["self_describing_identifications"] or prop == "idNumber"
        if generic or extras:
            country = _a(node, "countryDescription")
            where = f" ({country})" if country and country.upper() != "UNKNOWN" else ""
            text = f"{number or latin}{where}" + "".join(f"; {x}" for x in extras)
            note(entity, kind, text)


def _addresses(entity: Entity, elem: Element) -> None:
    contact = load_table("eu_fsf.yml")["contact_info"]
    for node in elem.findall("address"):
        desc, po_box = _a(node, "countryDescription"), _a(node, "poBox")
        town = " ".join(p for p in (_a(node, "zipCode"), _a(node, "city")) if p)
        parts = [_a(node, "street"), f"PO Box {po_box}" if po_box else "", town,
                 _a(node, "place"), _a(node, "region"), desc if desc.upper() != "UNKNOWN" else ""]
        entity.add("address", ", ".join(p for p in parts if p))
        _country(entity, node, "country", "Address country")
        for child in node:
            if child.tag == "contactInfo":
                key, value = _a(child, "key").upper(), _a(child, "value")
                if key in contact:
                    for item in re.split(r"[,;]", value):
                        _add(entity, contact[key], item.strip(), key.capitalize())
                else:
                    note(entity, key or "Contact", value)
            elif child.tag == "remark":
                entity.add("notes", child.text)


def _regulations(entity: Entity, elem: Element) -> None:
    published: list[str] = []
    for node in elem.findall("regulation"):
        entity.add("program", node.get("programme"))
        entity.add("sourceUrl", node.findtext("publicationUrl") or node.get("publicationUrl"))
        when = iso_date(node.get("publicationDate"))
        if when:
            published.append(when)
        title = _a(node, "numberTitle")
        if title:
            note(entity, "Regulation", f"{title}" + (f", published {when}" if when else ""))
    created = iso_date(elem.get("designationDate")) or min(published, default=None)
    entity.add("createdAt", created)
    latest = max(published, default=None)
    if latest and created and latest > created:
        entity.add("modifiedAt", latest)


PARSER = Parser(format=FORMAT, sniff=sniff, parse=parse)
