"""List entities (`tamis.model.Entity`) prepared for scoring: names, dates, countries, ids.

Every name the entity goes by (name, alias, previousName, weakAlias, abbreviation, and the
structured firstName/middleName/fatherName/lastName), its birth (or incorporation) dates,
countries (nationality, citizenship, country, jurisdiction, flag...), identifiers (passport,
tax, registration, IMO numbers...) and gender (stated, or shown by a patronymic).
"""

from __future__ import annotations

import re

from rigour.names import extract_org_types

from tamis.match.query import (
    ALONE,
    GENDERS,
    KIND_OF_SCHEMA,
    Prepared,
    inferred_genders,
    name_forms,
    with_new,
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
from tamis.normalise.org_words import (
    acronym,
    acronym_keys,
    initial_letter,
    is_function_word,
    query_acronym_key,
    skipped,
)
from tamis.normalise.scripts import is_abjad
from tamis.normalise.tokens import WEAK, WORD, Token

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


def _content(form: NameForm) -> list[Token]:
    """The words of an org name that initials are made of (no function words, legal forms)."""
    return [
        t
        for t in form.tokens
        if t.kind == WORD and not is_function_word(t.text) and not skipped(t.text)
    ]


def _initials_names(form: NameForm) -> list[str]:
    """Initials of an organisation's name as other languages write them, in any order
    ("RUSSIAN DIRECT INVESTMENT FUND" -> РФПИ's key "0fipr"), for the whole name, or for a
    run of 3+ table words inside it kept with the other words ("PRIVATE MILITARY COMPANY
    'WAGNER'" -> "0chkv wagner", ЧВК Вагнер); and a listed acronym's letters in any order
    (AQIM -> "0aimq": the French write AQMI)."""
    content = _content(form)
    words = [(initial_letter(t.text), t.concepts) for t in content]
    out = sorted(k for k in acronym_keys(words) if len(k) > ALONE)  # "0" + 4+ letters
    toks = form.tokens
    if (
        len(toks) == 1
        and len(toks[0].text) >= ALONE
        and (key := query_acronym_key(toks[0].text.upper()))
    ):
        out.append(key)
    runs: list[list[int]] = [[]]
    for k, tok in enumerate(toks):
        if tok.concepts and tok.kind == WORD and not skipped(tok.text):
            runs[-1].append(k)
        elif not is_function_word(tok.text) or not runs[-1]:
            runs.append([])
    for run in runs:  # the other words: a name or two (ЧВК «Вагнер»), not a second name
        if 3 <= len(run) < len(content) <= len(run) + 2:
            before = [t.text for t in toks[: run[0]]]
            after = [t.text for t in toks[run[-1] + 1 :]]
            run_words = [(initial_letter(toks[k].text), toks[k].concepts) for k in run]
            out += [" ".join([*before, key, *after]) for key in sorted(acronym_keys(run_words))]
    return out


def _written_initials(form: NameForm) -> list[str]:
    """Initials the way Spanish-speaking lists write them, every word counted and the legal
    form's letters added ("PETROLEOS DE VENEZUELA, S.A." -> "pdvsa")."""
    words = [t.text for t in form.tokens if t.kind in (WORD, WEAK) and t.text[0].isalpha()]
    found = extract_org_types(fold(form.original), generic=True)
    out = []
    tail = found[-1][0] if found else ""
    ends = "." in tail and fold(form.original).rstrip(" .").endswith(tail.rstrip(". "))
    if len(_content(form)) >= 2 and ends:
        out.append("".join(w[0] for w in words) + "".join(c for c in tail if c.isalpha()))
    return [a for a in out if 4 <= len(a) <= 6]


def _acronyms(forms: tuple[tuple[NameForm, str], ...]) -> list[tuple[str, str]]:
    """Short forms of an organisation's names, as derived names weighted low
    (`name.props.acronym`: initials are shared by many names): the initials of 3+ content
    words ("RUSSIAN DIRECT INVESTMENT FUND" -> "rdif"), the same in other languages in any
    order, initials with every word and the legal form (PDVSA)."""
    out = []
    for form, prop in forms:
        if form.kind != ORG or prop not in _ACRONYM_OF or any(map(is_abjad, form.forms)):
            continue  # no capitals in an abjad: its press does not write initials
        initials = acronym([t.text for t in form.tokens])
        if initials and len(initials) <= 6:
            out.append(("acronym", initials))
        derived = _initials_names(form) + _written_initials(form) + _qualified_initials(form)
        out += [("acronym", text) for text in derived]
    return out


_QUALIFIER = re.compile(r"\s[-\u2013\u2014]\s")


def _qualified_initials(form: NameForm) -> list[str]:
    """A name with a qualifier after a dash, its head as initials and the qualifier kept
    ("ISLAMIC STATE IN IRAQ AND THE LEVANT - YEMEN" -> "isil yemen": the press writes
    "ISIL in Yemen", "ISIL-Yemen")."""
    parts = _QUALIFIER.split(form.original, maxsplit=1)
    if len(parts) != 2:
        return []
    initials = acronym(tokens(fold(parts[0])))
    rest = [w for w in tokens(fold(parts[1])) if not is_function_word(w)]
    if not initials or not 1 <= len(rest) <= 3:
        return []
    return [" ".join([initials, *rest])]


_ACRONYM_OF = ("name", "alias", "abbreviation")


_PAREN = re.compile(r"\(([^\W\d_]{2,8})\)")


def _parenthesised(values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A name with its acronym in parentheses ("ISLAMIC STATE IN THE GREATER SAHARA (ISGS)",
    "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE"): the name without it, the acronym
    in place of the words it stands for, the acronym alone when it ends the name, and a unit
    of the body hyphenated to it alone (QODS FORCE, a derived name: `name.props.unit`).
    Only when its letters are the initials of the words before it ("(KIEV)" is not)."""
    out = []
    for prop, value in values:
        if prop not in ("name", "alias") or not (m := _PAREN.search(value)):
            continue
        letters = m.group(1).casefold()
        before = [w for w in tokens(fold(value[: m.start()])) if not is_function_word(w)]
        if len(before) < len(letters) or "".join(w[0] for w in before[-len(letters) :]) != letters:
            continue
        rest = value[m.end() :].strip(" -")
        head = " ".join(before[: -len(letters)])
        out.append((prop, f"{value[: m.start()]} {rest}".strip()))
        out.append((prop if rest else "abbreviation", f"{head} {m.group(1)} {rest}".strip()))
        if rest and value[m.end() :].lstrip().startswith("-"):
            out.append(("unit", rest))  # (IRGC)-QODS FORCE: the press writes "Quds Force"
    return out


# a name in quotes inside an organisation's name, as Russian and Ukrainian registers write
# them after the kind of body: PRIVATE MILITARY COMPANY 'WAGNER', OAO SHIP REPAIR CENTER
# 'ZVEZDOCHKA' (the inner quote of a nested name closes it: 'X 'PECHATNIKI'' -> PECHATNIKI)
_QUOTED = re.compile(r"""(?:^|[\s(])['"«„“]([^'"«»„“”]*[^\W\d_][^'"«»„“”]*)['"»“”]*$""")


def _quoted(values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The quoted name of an organisation's name or alias, alone: the press drops the kind
    of body and writes "Wagner", "groupe Wagner", "ЧВК «Вагнер»" (a derived name,
    `name.props.quoted`). Only a quoted name that ends the name: "BRANCH OF 'X' IN Y" is
    not X."""
    out = []
    for prop, value in values:
        if prop in ("name", "alias") and (m := _QUOTED.search(value.strip())):
            inner = m.group(1).strip(" -")
            if inner and len(tokens(fold(inner))) < len(tokens(fold(value))):
                out.append(("quoted", inner))
    return out


def prepare_entity(entity: Entity) -> Prepared:
    """Prepare a list entity (any thing schema; relations have no names and score nothing)."""
    kind = KIND_OF_SCHEMA.get(entity.schema, UNK)
    family = [t for last in entity.get("lastName") for t in tokens(fold(last))]
    values = _entity_names(entity)
    forms = name_forms(values + _parenthesised(values), kind, family)
    if kind != PER:
        forms = with_new(forms, name_forms(_quoted(values), kind))
        forms = with_new(forms, name_forms(_acronyms(forms), ORG))
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
        tuple(dict.fromkeys(fold(v) for v in entity.get("position"))),
    )
