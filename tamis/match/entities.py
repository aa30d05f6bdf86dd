"""List entities (`tamis.model.Entity`) prepared for scoring: names, dates, countries, ids.

Every name the entity goes by (name, alias, previousName, weakAlias, abbreviation, and the
structured firstName/middleName/fatherName/lastName), its birth (or incorporation) dates,
countries (nationality, citizenship, country, jurisdiction, flag...), identifiers (passport,
tax, registration, IMO numbers...) and gender (stated, or shown by a patronymic).
"""

from __future__ import annotations

from tamis.match.query import (
    GENDERS,
    KIND_OF_SCHEMA,
    Prepared,
    inferred_genders,
    name_forms,
)
from tamis.model.entity import Entity
from tamis.normalise import (
    ORG,
    PER,
    UNK,
    NameForm,
    clean_id,
    country_code,
    fold,
    parse_dates,
    tokens,
)
from tamis.normalise.org_words import acronym

__all__ = ["COUNTRY_PROPS", "ID_PROPS", "NAME_PROPS", "prepare_entity"]

# Names an entity goes by, strongest first (the name score is multiplied by the
# factor of the property it matched; see match_weights.yml `name.props`).
NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
COUNTRY_PROPS = (
    "nationality", "citizenship", "country", "jurisdiction", "birthCountry", "mainCountry", "flag",
)  # fmt: skip
ID_PROPS = (
    "idNumber", "passportNumber", "taxNumber", "registrationNumber", "imoNumber", "mmsi",
    "callSign", "innCode", "ogrnCode", "swiftBic", "leiCode", "vatCode", "okpoCode",
    "icaoCode", "serialNumber", "socialSecurityNumber", "licenseNumber", "dunsCode",
    "kppCode", "bikCode", "uscCode", "cageCode",
)  # fmt: skip


def _entity_names(entity: Entity) -> list[tuple[str, str]]:
    """(property, name) for every name, plus "LAST, First Middle Father" from FtM's name parts."""
    values = [(prop, value) for prop, value in entity.names() if prop in NAME_PROPS]
    parts = [*entity.get("firstName"), *entity.get("middleName"), *entity.get("fatherName")]
    given = " ".join(parts)
    lasts = entity.get("lastName")
    if lasts:
        values += [("name", f"{last}, {given}" if given else last) for last in lasts]
    elif given:
        values.append(("name", given))
    return values


def _acronyms(forms: tuple[tuple[NameForm, str], ...]) -> list[tuple[str, str]]:
    """The initials of an organisation's names of 3+ content words, as derived names
    ("RUSSIAN DIRECT INVESTMENT FUND" -> "rdif"): the press writes many names so. Weighted
    low (`name.props.acronym`): initials are shared by many names."""
    out = []
    for form, prop in forms:
        if form.kind == ORG and prop in ("name", "alias"):
            initials = acronym([t.text for t in form.tokens])
            if initials and len(initials) <= 6:
                out.append(("acronym", initials))
    return out


def prepare_entity(entity: Entity) -> Prepared:
    """Prepare a list entity (any thing schema; relations have no names and score nothing)."""
    kind = KIND_OF_SCHEMA.get(entity.schema, UNK)
    family = [t for last in entity.get("lastName") for t in tokens(fold(last))]
    forms = name_forms(_entity_names(entity), kind, family)
    if kind != PER:
        seen = {f.signature for f, _ in forms}
        derived = name_forms(_acronyms(forms), ORG)
        forms += tuple((f, p) for f, p in derived if f.signature not in seen)
    date_props = ("birthDate",) if kind == PER else ("birthDate", "incorporationDate")
    dates = [d for p in date_props for v in entity.get(p) for d in parse_dates(v)]
    countries = {c for p in COUNTRY_PROPS for v in entity.get(p) if (c := country_code(v))}
    ids = [c for p in ID_PROPS for v in entity.get(p) if (c := clean_id(v))]
    genders = {g for v in entity.get("gender") if (g := GENDERS.get(v.casefold()))}
    if not genders and kind in (PER, UNK):
        genders = inferred_genders(forms)
    return Prepared(
        entity.id,
        entity.schema,
        entity.caption,
        forms,
        tuple(dict.fromkeys(dates)),
        frozenset(countries),
        tuple(dict.fromkeys(ids)),
        frozenset(genders),
    )
