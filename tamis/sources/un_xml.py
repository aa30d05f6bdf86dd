"""The UN Security Council consolidated list XML (`consolidated.xml`), streamed.

Root `CONSOLIDATED_LIST` (its `dateGenerated` is the publisher date), `INDIVIDUALS/INDIVIDUAL`
-> Person, `ENTITIES/ENTITY` -> Organization, id `un-sc:<REFERENCE_NUMBER>`. The file is fed to
an XML pull parser line by line, so a record's problems name the line its tag starts on, and
each record is dropped from the tree once mapped (memory stays flat).

Mapping choices (what the file does not say outright):
- Name parts are positional: FIRST_NAME -> firstName, the last present later part ->
  lastName, the parts between -> middleName; `name` is all parts joined, as the UN prints it.
- NAME_ORIGINAL_SCRIPT (mostly Arabic) -> alias, as is: cross-script matching needs it.
- A name field holding several names ("Qasim Soleimani; Qasem Sulaimani", "BUTEMBO AIRLINES
  (BAL)", "Hay’at Tahrir al-Sham (HTS) (...; Hayat Tahrir al-Sham; ...)") is split into
  them, notes in it dropped ("(birth name)"), qualifiers kept ("(PAKISTAN)"):
  `tamis.sources.written_names`. An entity's first name is its `name`, the others aliases.
- Alias QUALITY: see `tamis/resources/un_values.yml` (Good/a.k.a. -> alias, Low -> weakAlias,
  f.k.a. -> previousName). Birth facts given for an alias are facts about the person.
- Dates of birth: EXACT/APPROXIMATELY DATE or YEAR -> that date; BETWEEN -> every year of the
  range (a screening engine compares years); "approximately"/"between" are kept in notes.
- Documents: passport words -> passportNumber, other numbers -> idNumber; issuing country,
  dates and remarks go to one structured note per document.
- LISTED_ON -> createdAt; LAST_DAY_UPDATED -> modifiedAt (the latest; earlier ones noted).
- Facts with no FtM field, and children this parser does not know, go to notes.
- A record's comments that cite another record by its reference number ("leader of
  Lashkar-e-Tayyiba (QDe.118)") -> an UnknownLink between the two, role "Named in the
  listing": the list's own word that they belong together (emitted after the records, only
  towards records the file holds).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, cast

import yaml

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity, make_id
from tamis.resources.countries import country_code
from tamis.sources.base import ParsedSource, Parser, Problems
from tamis.sources.values import clean_date, clean_gender
from tamis.sources.written_names import split_names

__all__ = ["PARSER", "parse", "sniff"]

SOURCE = "un-sc"
FORMAT = "un-xml"
TITLE = "UN Security Council Consolidated List"
ROOT = "CONSOLIDATED_LIST"
RECORDS = {"INDIVIDUAL": "Person", "ENTITY": "Organization"}
NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
MAPPED = {
    *NAME_PARTS,
    *("REFERENCE_NUMBER", "UN_LIST_TYPE", "LISTED_ON", "NAME_ORIGINAL_SCRIPT", "COMMENTS1"),
    *("TITLE", "DESIGNATION", "NATIONALITY", "LAST_DAY_UPDATED", "GENDER", "INDIVIDUAL_ALIAS"),
    *("ENTITY_ALIAS", "INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS", "INDIVIDUAL_DATE_OF_BIRTH"),
    *("INDIVIDUAL_PLACE_OF_BIRTH", "INDIVIDUAL_DOCUMENT"),
}
SCRIPT_NOTE = re.compile(r"\b(?:arabic(?: script)?|original script)\s*:\s*(.+)$", re.IGNORECASE)
ENCODING_DECL = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
YEAR = re.compile(r"[12][0-9]{3}")
REFERENCE = re.compile(r"\b([A-Z]{2}[ie]\.[0-9]{3})\b")  # QDe.118, QDi.263, KPe.001
LINK_ROLE = "Named in the listing"


@cache
def values() -> dict[str, Any]:
    text = resources.files("tamis.resources").joinpath("un_values.yml").read_text("utf-8")
    return yaml.safe_load(text)


def sniff(path: Path, head: bytes) -> str | None:
    return SOURCE if b"<" + ROOT.encode() in head else None


def parse(path: Path) -> ParsedSource:
    """Check the root and read `dateGenerated` now; records stream when `entities` is read."""
    path = Path(path)
    root = _root(path)
    generated = (root.get("dateGenerated") or "").strip() or None
    if generated and clean_date(generated) is None:
        generated = None
    return ParsedSource(SOURCE, FORMAT, path, [path], _entities(path), generated, TITLE)


def _root(path: Path) -> ET.Element:
    with _open(path) as fh:
        for event, elem, line in _events(path, fh):
            if elem.tag != ROOT:
                found = f"<{elem.tag}>"
                raise SourceError(
                    path,
                    f"not a UN consolidated list: root element is {found}, expected <{ROOT}>",
                    line,
                    elem.tag,
                )
            return elem
    raise SourceError(path, "no XML root element")  # pragma: no cover - close() raises first


def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror or exc}") from None


def _events(path: Path, fh: BinaryIO) -> Iterator[tuple[str, ET.Element, int]]:
    """(event, element, line) from a pull parser fed one line at a time; XML errors wrapped."""
    parser: ET.XMLPullParser = ET.XMLPullParser(events=("start", "end"))
    line, raw, declared, content = 0, b"", b"utf-8", False
    try:
        for raw in fh:
            line += 1
            content = content or bool(raw.strip(b" \t\r\n\x00\x1a\xef\xbb\xbf"))
            if line == 1:
                match = ENCODING_DECL.search(raw)
                declared = match.group(1).lower() if match else declared
            parser.feed(raw)
            yield from _drain(parser, line)
        raw = b""
        parser.close()
        yield from _drain(parser, line)
    except ET.ParseError as exc:
        if not content:
            raise SourceError(path, "empty file", 1) from None
        raise _xml_error(path, exc, raw, declared, at_end=not raw) from None
    except (ValueError, LookupError, UnicodeError) as exc:  # bad encoding declaration...
        raise SourceError(path, f"unreadable XML: {exc}", line or None) from None
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror or exc}", line or None) from None


def _drain(parser: ET.XMLPullParser, line: int) -> Iterator[tuple[str, ET.Element, int]]:
    for item in parser.read_events():  # start/end events only: always (event, element)
        event, elem = cast(tuple[str, ET.Element], item)
        yield event, elem, line


def _xml_error(
    path: Path, exc: ET.ParseError, raw: bytes, declared: bytes, at_end: bool
) -> SourceError:
    line = exc.position[0] if exc.position else None
    reason = re.sub(r": line \d+, column \d+$", "", str(exc))
    if at_end:
        return SourceError(path, f"truncated XML, the file ends too early ({reason})", line)
    if declared.replace(b"-", b"") == b"utf8":
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            return SourceError(
                path, f"not valid UTF-8 (wrong encoding?): byte 0x{raw[bad.start]:02x}", line
            )
    return SourceError(path, f"malformed XML: {reason}", line)


def _entities(path: Path) -> Iterator[Entity]:
    problems = Problems(path)
    seen: set[str] = set()
    cited: list[tuple[str, str]] = []  # (record id, reference its comments cite)
    stack: list[ET.Element] = []
    starts: dict[int, int] = {}
    with _open(path) as fh:
        try:
            for event, elem, line in _events(path, fh):
                if event == "start":
                    stack.append(elem)
                    if len(stack) == 3 and elem.tag in RECORDS:
                        starts[id(elem)] = line
                    continue
                stack.pop()
                if len(stack) != 2 or elem.tag not in RECORDS:
                    if len(stack) == 1:
                        elem.clear()  # a finished INDIVIDUALS/ENTITIES (or unknown) block
                    continue
                start = starts.pop(id(elem), line)
                entity = _record(elem, start, problems)
                stack[-1].remove(elem)
                if entity is None:
                    continue
                if entity.id in seen:
                    problems.add("duplicate REFERENCE_NUMBER", start, elem.tag, "REFERENCE_NUMBER")
                    continue
                seen.add(entity.id)
                cited.extend((entity.id, ref) for ref in references(entity))
                yield entity
        except SourceError as exc:
            raise SourceErrors(path, [exc] + problems.errors) from None
    yield from _links(cited, seen)
    if not seen and not problems.errors:
        problems.add("no INDIVIDUAL or ENTITY record in the list")
    problems.raise_if_any()


def references(entity: Entity) -> list[str]:
    """The reference numbers of other records a record's comments cite, in order."""
    own = entity.get("programId")
    refs = [m for note in entity.get("notes") for m in REFERENCE.findall(note)]
    return [r for r in dict.fromkeys(refs) if r not in own]


def _links(cited: list[tuple[str, str]], seen: set[str]) -> Iterator[Entity]:
    """One UnknownLink per record and record its comments cite (a cited record the file
    does not hold, delisted since, is left out)."""
    for subject, ref in cited:
        target = make_id(SOURCE, ref)
        if target in seen:
            link = Entity(f"{subject}-cites-{ref}", "UnknownLink", source=SOURCE)
            link.properties = {"subject": [subject], "object": [target], "role": [LINK_ROLE]}
            yield link


@cache
def _clean_country(text: str) -> str | None:
    return country_code(text)


def _text(elem: ET.Element | None) -> str:
    return " ".join((elem.text or "").split()) if elem is not None else ""


def _texts(elem: ET.Element, path: str) -> list[str]:
    return [t for t in (_text(e) for e in elem.findall(path)) if t]


def _names(text: str) -> list[str]:
    """The names one name field holds (`tamis.sources.written_names`)."""
    return split_names(text, _name_notes(), tuple(values()["name_qualifiers"]), _is_place)


@cache
def _name_notes() -> frozenset[str]:
    return frozenset(str(n).lower() for n in values()["name_notes"])


def _is_place(text: str) -> bool:
    return _clean_country(text) is not None


def _known(text: str) -> bool:
    return bool(text) and text.lower() not in values()["not_a_value"]


def _record(elem: ET.Element, line: int, problems: Problems) -> Entity | None:
    ref = _text(elem.find("REFERENCE_NUMBER"))
    if not ref:
        problems.add(f"{elem.tag} without REFERENCE_NUMBER", line, elem.tag, "REFERENCE_NUMBER")
        return None
    parts = [_text(elem.find(tag)) for tag in NAME_PARTS]
    parts = [p for p in parts if p]
    if not parts:
        problems.add(f"{elem.tag} {ref} has no name", line, elem.tag, "FIRST_NAME")
        return None
    entity = Entity(make_id(SOURCE, ref), RECORDS[elem.tag], source=SOURCE)
    written = " ".join(parts)
    names = _names(written) if entity.schema != "Person" else [written]
    entity.add("name", names[0] if names else written)
    entity.add("alias", names[1:])  # "BUTEMBO AIRLINES (BAL)": BAL
    if entity.schema == "Person" and len(parts) > 1:
        entity.add("firstName", parts[0])
        entity.add("middleName", parts[1:-1])
        entity.add("lastName", parts[-1])
    entity.add("alias", _text(elem.find("NAME_ORIGINAL_SCRIPT")))
    entity.add("program", _text(elem.find("UN_LIST_TYPE")))
    entity.add("programId", ref)
    entity.add("topics", "sanction")
    _date(entity, "createdAt", _text(elem.find("LISTED_ON")), "Listed on")
    _updates(entity, _texts(elem, "LAST_DAY_UPDATED/VALUE"))
    entity.add("notes", _text(elem.find("COMMENTS1")))
    person = entity.schema == "Person"
    for title in _texts(elem, "TITLE/VALUE"):
        entity.add("title" if person else "notes", title if person else f"Title: {title}")
    for designation in _texts(elem, "DESIGNATION/VALUE"):
        entity.add("position" if person else "notes", designation)
    for nationality in _texts(elem, "NATIONALITY/VALUE"):
        _country(entity, "nationality" if person else "country", nationality, "Nationality")
    gender = _text(elem.find("GENDER"))
    if gender:
        clean = clean_gender(gender) if person else None
        entity.add("gender" if clean else "notes", clean or f"Gender: {gender}")
    for child in elem:
        if child.tag.endswith("_ALIAS"):
            _alias(entity, child)
        elif child.tag.endswith("_ADDRESS"):
            _address(entity, child)
        elif child.tag == "INDIVIDUAL_DATE_OF_BIRTH":
            _birth_date(entity, child)
        elif child.tag == "INDIVIDUAL_PLACE_OF_BIRTH":
            _birth_place(entity, child)
        elif child.tag == "INDIVIDUAL_DOCUMENT":
            _document(entity, child)
        elif child.tag not in MAPPED and child.tag not in values()["administrative"]:
            text = " ".join(child.itertext()).strip()
            entity.add("notes", f"{child.tag}: {' '.join(text.split())}" if text else None)
    return entity


def _date(entity: Entity, prop: str, text: str, label: str) -> None:
    if text:
        clean = clean_date(text)
        entity.add(prop if clean else "notes", clean or f"{label}: {text}")


def _updates(entity: Entity, dates: list[str]) -> None:
    clean = sorted(d for d in (clean_date(t) for t in dates) if d)
    if clean:
        entity.add("modifiedAt", clean[-1])
    if len(clean) > 1:
        entity.add("notes", f"Updated on the UN list: {', '.join(clean[:-1])}")
    entity.add("notes", [f"Updated on: {t}" for t in dates if not clean_date(t)])


def _country(entity: Entity, prop: str, text: str, label: str) -> None:
    if not _known(text):
        return
    code = _clean_country(text)
    entity.add(prop if code else "notes", code or f"{label}: {text}")


def _alias(entity: Entity, elem: ET.Element) -> None:
    name = _text(elem.find("ALIAS_NAME"))
    quality = _text(elem.find("QUALITY"))
    if not name:
        return
    prop = values()["alias_quality"].get(quality.lower(), "alias")
    entity.add(prop, _names(name) or name)  # "Qasim Soleimani; Qasem Sulaimani": two names
    known = not quality or quality.lower() in values()["alias_quality"]
    facts = [] if known else [f"quality {quality!r}"]
    if entity.schema == "Person":
        born = _text(elem.find("DATE_OF_BIRTH"))
        city, country = _text(elem.find("CITY_OF_BIRTH")), _text(elem.find("COUNTRY_OF_BIRTH"))
        place = ", ".join(p for p in (city, country) if p)
        _date(entity, "birthDate", born, f"Date of birth of alias {name!r}")
        entity.add("birthPlace", place or None)
        _country(entity, "birthCountry", country, f"Country of birth of alias {name!r}")
        if born or place:
            facts.append(" ".join(p for p in ("born", born, "in" if place else "", place) if p))
    note = _text(elem.find("NOTE"))
    if note:
        facts.append(note)
        script = SCRIPT_NOTE.search(note)
        entity.add(prop, script.group(1).strip() if script else None)
    if facts:
        entity.add("notes", f"Alias {name!r}: {'; '.join(facts)}")


def _place(elem: ET.Element, tags: tuple[str, ...]) -> str:
    return ", ".join(t for t in (_text(elem.find(tag)) for tag in tags) if t)


def _address(entity: Entity, elem: ET.Element) -> None:
    country = _text(elem.find("COUNTRY"))
    _country(entity, "country", country, "Address country")
    line = _place(elem, ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE"))
    full = ", ".join(p for p in (line, country) if p)
    entity.add("address", full if line else None)
    note = _text(elem.find("NOTE"))
    if note:
        entity.add("notes", f"Address {full}: {note}" if full else f"Address: {note}")


def _birth_place(entity: Entity, elem: ET.Element) -> None:
    place = _place(elem, ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY"))
    entity.add("birthPlace", place or None)
    _country(entity, "birthCountry", _text(elem.find("COUNTRY")), "Country of birth")
    note = _text(elem.find("NOTE"))
    if note:
        entity.add(
            "notes", f"Place of birth {place}: {note}" if place else f"Place of birth: {note}"
        )


def _month(text: str) -> int | None:
    return values()["months"].get(text.lower().rstrip("."))


def _birth_date(entity: Entity, elem: ET.Element) -> None:
    kind = _text(elem.find("TYPE_OF_DATE")).upper()
    date, year = _text(elem.find("DATE")), _text(elem.find("YEAR"))
    low, high = _text(elem.find("FROM_YEAR")), _text(elem.find("TO_YEAR"))
    note = _text(elem.find("NOTE"))
    found: list[str] = []
    if date or year:
        found = [d for d in [clean_date(date or year)] if d]
        if year and not date and note and _month(note) and len(found[0] if found else "") == 4:
            found, note = [f"{found[0]}-{_month(note):02d}"], ""
    elif YEAR.fullmatch(low) and YEAR.fullmatch(high) and int(low) <= int(high):
        span = range(int(low), int(high) + 1)
        wide = len(span) > values()["max_birth_year_span"] + 1
        found = [low, high] if wide else [str(y) for y in span]
    elif note:
        words = note.replace(",", " ").split()
        if len(words) == 2 and _month(words[0]) and YEAR.fullmatch(words[1]):
            found, note = [f"{words[1]}-{_month(words[0]):02d}"], ""
    entity.add("birthDate", found)
    raw = date or year or (f"between {low} and {high}" if low or high else "")
    if raw and not found:
        entity.add("notes", f"Date of birth: {raw}")
    elif kind == "APPROXIMATELY" or (low and high):
        entity.add(
            "notes", f"Date of birth: {'approximately ' if kind == 'APPROXIMATELY' else ''}{raw}"
        )
    if note:
        entity.add("notes", f"Date of birth {raw}: {note}" if raw else f"Date of birth: {note}")


def _document(entity: Entity, elem: ET.Element) -> None:
    kinds = [_text(elem.find("TYPE_OF_DOCUMENT")), _text(elem.find("TYPE_OF_DOCUMENT2"))]
    kind = " / ".join(k for k in kinds if k)
    number = _text(elem.find("NUMBER"))
    facts = [
        f"{label}: {text}"
        for label, tag in (
            ("issuing country", "ISSUING_COUNTRY"),
            ("country of issue", "COUNTRY_OF_ISSUE"),
            ("city of issue", "CITY_OF_ISSUE"),
            ("date of issue", "DATE_OF_ISSUE"),
            ("note", "NOTE"),
        )
        if (text := _text(elem.find(tag)))
    ]
    if not (kind or number or facts):
        return
    passport = any(w in kind.lower() for w in values()["passport_words"])
    if number and entity.schema == "Person":
        entity.add("passportNumber" if passport else "idNumber", number)
    elif number:
        entity.add("idNumber", number)
    if facts or not number:
        head = " ".join(p for p in (kind or "Document", number) if p)
        entity.add("notes", f"{head} ({'; '.join(facts)})" if facts else head)


PARSER = Parser(format=FORMAT, sniff=sniff, parse=parse)
