"""Queries and list entities, prepared once into the same comparable shape (`Prepared`).

A query is a mapping: `name` (required), and optionally `schema` (Person, Organization,
Company, Vessel, Aircraft = FtM Airplane, LegalEntity), `birth_date` (full or partial, ISO
or "12 Apr 1975"), `country` (ISO code or name; nationality, citizenship or jurisdiction),
`ids` (identifier strings), `aliases` (more names), `gender`, `id`. A list entity is a
`tamis.model.Entity`. Both become a `Prepared`: name forms with their transliterated tokens,
dates, country codes, cleaned identifiers, genders. Prepared values are plain picklable
objects, so an index can persist them and score candidates without re-normalising.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from tamis.errors import TamisError
from tamis.normalise import (
    OBJ,
    ORG,
    PER,
    UNK,
    DatePart,
    NameForm,
    clean_id,
    country_code,
    exonyms,
    fold,
    name_form,
    parse_dates,
    patronymic_gender,
)
from tamis.normalise.legal_forms import name_like
from tamis.normalise.org_words import query_acronym_key, skipped
from tamis.normalise.text import tokens

__all__ = [
    "Prepared",
    "PreparedEntity",
    "PreparedQuery",
    "QueryError",
    "acronym_form",
    "prepare_query",
    "schema_name",
]


class QueryError(TamisError, ValueError):
    """A query the scorer cannot read (no name, unknown schema, unreadable date...)."""


_SCHEMATA = {
    "person": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "company": "Company",
    "legalentity": "LegalEntity",
    "publicbody": "PublicBody",
    "vessel": "Vessel",
    "aircraft": "Airplane",
    "airplane": "Airplane",
}
KIND_OF_SCHEMA = {
    "Person": PER,
    "Organization": ORG,
    "Company": ORG,
    "PublicBody": ORG,
    "LegalEntity": UNK,
    "Vessel": OBJ,
    "Airplane": OBJ,
}
GENDERS = {"m": "male", "male": "male", "man": "male", "f": "female", "female": "female",
            "woman": "female", "other": "other"}  # fmt: skip


def schema_name(value: str | None) -> str | None:
    """The FtM schema of a query's `schema` ("aircraft" -> "Airplane"); None for none."""
    if value is None or not str(value).strip():
        return None
    key = str(value).strip().replace(" ", "").replace("_", "").casefold()
    if key not in _SCHEMATA:
        raise QueryError(
            f"unknown schema {value!r}: use Person, Organization, Company, Vessel or Aircraft"
        )
    return _SCHEMATA[key]


class Prepared:
    """A query or an entity in comparable form. Picklable; no reference to the source data."""

    __slots__ = (
        "caption",
        "countries",
        "dates",
        "genders",
        "id",
        "ids",
        "kind",
        "names",
        "org_like",
        "positions",
        "schema",
    )  # fmt: skip

    def __init__(
        self,
        id: str | None,
        schema: str | None,
        caption: str,
        names: tuple[tuple[NameForm, str], ...],
        dates: tuple[DatePart, ...] = (),
        countries: frozenset[str] = frozenset(),
        ids: tuple[str, ...] = (),
        genders: frozenset[str] = frozenset(),
        positions: tuple[str, ...] = (),
    ) -> None:
        self.id = id
        self.positions = positions  # a listed person's offices, folded (the scan's context)
        self.schema = schema
        self.caption = caption
        self.names = names  # (form, property it came from)
        self.dates = dates
        self.countries = countries
        self.ids = ids
        self.genders = genders
        self._derive()

    def _derive(self) -> None:
        self.kind = KIND_OF_SCHEMA.get(self.schema or "", UNK)
        # every name has a legal form: an organisation, whatever the schema says
        self.org_like = bool(self.names) and all(f.kind == ORG for f, _ in self.names)

    _STATE = ("id", "schema", "caption", "names", "dates", "countries", "ids", "genders",
              "positions")  # fmt: skip

    def __getstate__(self) -> tuple[object, ...]:
        return tuple(getattr(self, s) for s in self._STATE)

    def __setstate__(self, state: tuple) -> None:  # type: ignore[type-arg]
        for slot, value in zip(self._STATE, state):
            setattr(self, slot, value)
        self._derive()

    def __repr__(self) -> str:
        return f"<Prepared {self.id} {self.schema} {self.caption!r} names={len(self.names)}>"


PreparedQuery = Prepared
PreparedEntity = Prepared


Forms = tuple[tuple[NameForm, str], ...]  # (name, property it came from)


def name_forms(values: Iterable[tuple[str, str]], kind: str, family: Iterable[str] = ()) -> Forms:
    """Prepared names, deduplicated by what they compare as (the first property wins)."""
    family = tuple(family)
    seen: set[tuple[str, ...]] = set()
    out = []
    for prop, value in values:
        form = name_form(value, kind, family)
        if form is None:
            continue
        sig = form.signature
        if sig in seen:
            continue
        seen.add(sig)
        out.append((form, prop))
    return tuple(out)


def with_new(forms: Forms, more: Forms) -> Forms:
    """`forms` and those of `more` that compare differently from all of them (derived
    names: initials, another reading)."""
    seen = {f.signature for f, _ in forms}
    return forms + tuple((f, p) for f, p in more if f.signature not in seen)


def inferred_genders(forms: Forms) -> set[str]:
    """Genders shown by patronymics, used when none is stated."""
    return {g for form, _ in forms if (g := patronymic_gender(form))}


_WORD = re.compile(r"[^\W\d_]+")
ALONE = 4  # the fewest letters of initials in any order that stand alone as a name


def acronym_form(name: str) -> str | None:
    """The name with a word written in capitals as an acronym made order-free ("РФПИ" ->
    "0fipr", "ЧВК «Вагнер»" -> "0chkv «Вагнер»"), to meet the initials of a listed name in
    any language (`tamis.normalise.org_words.acronym_keys`); None when it has none. In a name
    written all in capitals ("JOHN SMITH") only a name of one word counts; alone, an acronym
    needs `ALONE` letters. A family name in capitals before a comma ("DRIL, Gleb") is the
    lists' way of writing a person, not an acronym."""
    words = _WORD.findall(name)
    if len(words) > 1 and all(w.isupper() for w in words):
        return None
    if _surname_first(words, name):
        return None
    if len(words) == 1 and len(words[0]) < ALONE:
        return None  # three letters in any order meet too many names (VTB ~ ТБВ)
    out, found = name, False
    for m in reversed(list(_WORD.finditer(name))):
        if not skipped(m.group(0).casefold()) and (key := query_acronym_key(m.group(0))):
            out, found = out[: m.start()] + key + out[m.end() :], True
    return out if found else None


def _surname_first(words: list[str], name: str) -> bool:
    """ "DRIL, Gleb", "ABU-TALEBI, Yusif": the words before the first comma in capitals, the
    first after it capitalised only."""
    head, comma, tail = name.partition(",")
    after = _WORD.findall(tail)
    return bool(comma and after and words[0].isupper() and head.upper() == head
                and after[0][:1].isupper() and not after[0].isupper())  # fmt: skip


def _person_readings(forms: Forms) -> list[tuple[str, str]]:
    """(property, name) of each name of unknown kind that lost a part to a legal form that
    is also a person's name part (`legal_forms.name_like`: Ku, Yu, Sad...), to read again as
    a person's."""
    return [(prop, form.original) for form, prop in forms
            if form.legal and not name_like().isdisjoint(tokens(fold(form.original)))]  # fmt: skip


def _strings(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Iterable):
        return [str(v) for v in value if v is not None and str(v).strip()]
    raise QueryError(f"query field {field!r} must be a string or a list of strings")


def prepare_query(query: Mapping[str, Any]) -> Prepared:
    """Validate and prepare a query mapping; `QueryError` on anything unreadable."""
    if not isinstance(query, Mapping):
        raise QueryError("a query is a mapping with at least a 'name'")
    names = _strings(query.get("name"), "name")
    if not names:
        raise QueryError("a query needs a non-empty 'name'")
    schema = schema_name(query.get("schema"))
    kind = KIND_OF_SCHEMA.get(schema or "", UNK)
    values = [("name", n) for n in names]
    values += [("alias", a) for a in _strings(query.get("aliases"), "aliases")]
    # well-known names another language writes differently (金正恩 = Kim Jong Un)
    values += [("exonym", e) for _, v in list(values) for e in exonyms(fold(v))]
    forms = name_forms(values, kind)
    if kind == UNK:  # "Ja Hyong Ku": a legal form (KU) that is also a person's name part
        forms = with_new(forms, name_forms(_person_readings(forms), PER))
    if kind != PER:  # initials stand for organisations
        acronyms = [("acronym", a) for _, v in values if (a := acronym_form(v))]
        forms = with_new(forms, name_forms(acronyms, ORG))
    if not forms:
        raise QueryError(f"the name {names[0]!r} has no letters or digits to compare")
    dates: list[DatePart] = []
    for text in _strings(query.get("birth_date"), "birth_date"):
        parsed = parse_dates(text)
        if not parsed:
            raise QueryError(f"cannot read the birth date {text!r} (use e.g. 1975-04-12, 1975)")
        dates.extend(parsed)
    countries = set()
    for text in _strings(query.get("country"), "country"):
        code = country_code(text)
        if code is None:
            raise QueryError(f"unknown country {text!r} (use an ISO code or a country name)")
        countries.add(code)
    ids = [c for c in (clean_id(t) for t in _strings(query.get("ids"), "ids")) if c]
    genders = set()
    for text in _strings(query.get("gender"), "gender"):
        gender = GENDERS.get(text.strip().casefold())
        if gender is None:
            raise QueryError(f"unknown gender {text!r} (use male, female or other)")
        genders.add(gender)
    if not genders and kind != ORG:
        genders = inferred_genders(forms)
    qid = query.get("id")
    return Prepared(
        str(qid) if qid is not None else None,
        schema,
        names[0],
        forms,
        tuple(dict.fromkeys(dates)),
        frozenset(countries),
        tuple(dict.fromkeys(ids)),
        frozenset(genders),
    )
