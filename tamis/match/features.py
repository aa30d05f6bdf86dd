"""The evidence a pair of records gives, one registered `Feature` at a time.

Each feature compares a prepared query with a prepared entity and returns `Evidence` - a
value in [-1, 1] (positive: same party, negative: different party, 0: neutral), the kind of
agreement, and a reason a person can read - or None when one side lacks the facts. The
scorer (score.py) combines values with fitted weights; the explanation iterates `FEATURES`.
Adding a feature = one decorated function here and one weight in match_weights.yml.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from tamis.match.names import NameAlignment, align, config
from tamis.match.query import Prepared
from tamis.normalise import PER, DatePart, NameForm, id_shape, ids_match
from tamis.normalise.legal_forms import COMPATIBLE_CLASS
from tamis.normalise.org_words import ANY_ORDER
from tamis.resources import RESOURCES

__all__ = ["FEATURES", "Evidence", "Feature", "feature"]


class Evidence:
    """What one feature found: value in [-1, 1], kind of agreement, readable reason.

    `reason` may be given as a function, called only when an explanation is asked for
    (most scored candidates are never explained).
    """

    __slots__ = ("_reason", "detail", "kind", "value")

    def __init__(
        self, value: float, kind: str, reason: str | Callable[[], str], detail: Any = None
    ) -> None:
        self.value = value
        self.kind = kind
        self._reason = reason
        self.detail = detail

    @property
    def reason(self) -> str:
        if not isinstance(self._reason, str):
            self._reason = self._reason()
        return self._reason

    def __repr__(self) -> str:
        return f"<Evidence {self.value:+.2f} {self.kind}: {self.reason}>"


FeatureFunc = Callable[[Prepared, Prepared], "Evidence | None"]


class Feature:
    """A named comparison of query and entity, with a description for documentation."""

    __slots__ = ("description", "func", "name")

    def __init__(self, name: str, description: str, func: FeatureFunc) -> None:
        self.name = name
        self.description = description
        self.func = func

    def __call__(self, query: Prepared, entity: Prepared) -> Evidence | None:
        return self.func(query, entity)


FEATURES: dict[str, Feature] = {}


def feature(name: str, description: str) -> Callable[[FeatureFunc], FeatureFunc]:
    """Register a feature under `name` (its weight in match_weights.yml has the same key)."""

    def register(func: FeatureFunc) -> FeatureFunc:
        FEATURES[name] = Feature(name, description, func)
        return func

    return register


@feature("name", "best alignment of any query name with any entity name, part by part")
def name_feature(q: Prepared, e: Prepared) -> Evidence | None:
    props = config().props
    best: NameAlignment | None = None
    best_score, best_prop = -1.0, ""
    for qform, qprop in q.names:
        acronym = qprop == "acronym"
        for eform, prop in e.names:
            factor = props.get(prop, 1.0)
            if factor <= best_score or (acronym and not _has_initials(eform)):
                continue  # a query's initials in any order meet only initials so written
            al = align(qform, eform)
            score = al.score * factor
            if score > best_score:
                best, best_score, best_prop = al, score, prop
        if best_score >= 1.0:
            break
    if best is None:
        return None
    kind = "exact" if best_score >= 0.999 else "strong" if best_score >= 0.85 else "partial"
    if best_score < 0.6:
        kind = "weak"
    al = best

    def reason() -> str:
        return f"{al.query.original!r} ~ {al.candidate.original!r} ({best_prop})"

    return Evidence(best_score, kind, reason, (best, best_prop))


def _has_initials(form: NameForm) -> bool:
    """Whether a listed name has a part of initials in any order ("0fipr"), the only part
    a query's acronym form ("РФПИ" -> "0fipr") can meet that its plain form cannot."""
    found = form.memo.get("initials")
    if found is None:
        found = form.memo["initials"] = any(
            t.text[:1] == ANY_ORDER and t.text[1:].isalpha() for t in form.tokens
        )
    return found  # type: ignore[return-value]


def _compare_dates(a: DatePart, b: DatePart) -> tuple[float, str]:
    if a.year != b.year:
        if abs(a.year - b.year) == 1:
            return -0.3, "near"
        return -1.0, "conflict"
    if not a.month or not b.month:
        return 0.6, "year"
    if a.month != b.month:
        if a.day and b.day and a.month == b.day and a.day == b.month:
            return 0.3, "swapped"
        return -0.5, "conflict"
    if not a.day or not b.day:
        return 0.8, "month"
    if a.day != b.day:
        return -0.4, "conflict"
    return 1.0, "exact"


@feature(
    "birth_date", "birth (or incorporation) dates: exact, same month, same year, or conflicting"
)
def birth_date(q: Prepared, e: Prepared) -> Evidence | None:
    if not q.dates or not e.dates:
        return None
    best = (-2.0, "", q.dates[0], e.dates[0])
    for a in q.dates:
        for b in e.dates:
            value, kind = _compare_dates(a, b)
            if value > best[0]:
                best = (value, kind, a, b)
    value, kind, a, b = best

    def reason() -> str:
        sign = "=" if value > 0 else "≠"
        if len(q.dates) > 3:  # a range: say so rather than list a year
            return f"{kind}: {q.dates[0].iso()}..{q.dates[-1].iso()} {sign} {b.iso()}"
        return f"{kind}: {a.iso()} {sign} {b.iso()}"

    return Evidence(value, kind, reason)


@feature("country", "nationality, citizenship or jurisdiction in common, or none in common")
def country(q: Prepared, e: Prepared) -> Evidence | None:
    if not q.countries or not e.countries:
        return None
    common = q.countries & e.countries
    if common:
        return Evidence(1.0, "agree", lambda: f"{', '.join(sorted(common))} in common")
    return Evidence(-0.5, "differ",
                    lambda: f"{', '.join(sorted(q.countries))} vs {', '.join(sorted(e.countries))}")  # fmt: skip


@feature("identifier", "an identifier in common (strong), or one of the same shape that differs")
def identifier(q: Prepared, e: Prepared) -> Evidence | None:
    if not q.ids or not e.ids:
        return None
    for a in q.ids:
        for b in e.ids:
            if ids_match(a, b):
                return Evidence(1.0, "exact", f"{a} = {b}")
    for a in q.ids:
        shape = id_shape(a)
        for b in e.ids:
            if len(a) >= 6 and id_shape(b) == shape:
                return Evidence(-0.5, "conflict", f"{a} ≠ {b} (same kind of number)")
    return None


@cache
def _ancestors(schema: str) -> frozenset[str]:
    """A schema and every schema it extends (FtM's model, from tamis/resources)."""
    spec = _schemata().get(schema)
    out = {schema}
    for parent in spec.get("extends", []) if spec else []:
        out |= _ancestors(parent)
    return frozenset(out)


@cache
def _schemata() -> dict[str, Any]:
    with open(RESOURCES / "ftm_schemata.json", encoding="utf-8") as fh:
        return dict(json.load(fh))


@cache
def _can_match(a: str, b: str) -> bool:
    """FtM's rule for things: one schema is the other or extends it (Company ~ Organization,
    LegalEntity ~ Person), not siblings (Person vs Organization, Vessel vs Airplane)."""
    if a not in _schemata() or b not in _schemata():
        return True
    return b in _ancestors(a) or a in _ancestors(b)


@feature("schema", "whether the query's type (person, company, vessel...) fits the entity's")
def schema(q: Prepared, e: Prepared) -> Evidence | None:
    if q.schema is None:
        if e.kind == PER and q.org_like:
            return Evidence(
                -0.4, "inferred", "the query name has a legal form; the entity is a Person"
            )
        return None
    if e.schema is None:
        return None
    if _can_match(q.schema, e.schema):
        return Evidence(0.0, "compatible", lambda: f"{q.schema} fits {e.schema}")
    return Evidence(-1.0, "incompatible", lambda: f"{q.schema} cannot be {e.schema}")


@feature("gender", "gender stated (or shown by a patronymic) on both sides: same or different")
def gender(q: Prepared, e: Prepared) -> Evidence | None:
    if not q.genders or not e.genders:
        return None
    if q.genders & e.genders:
        # agreeing is weak evidence (half of everyone shares a gender); differing is strong
        return Evidence(0.2, "agree", lambda: f"{'/'.join(sorted(q.genders))} on both sides")
    return Evidence(-1.0, "conflict",
                    lambda: f"{'/'.join(sorted(q.genders))} vs {'/'.join(sorted(e.genders))}")  # fmt: skip


@feature("legal_form", "legal forms (LLC, JSC, GmbH...) of the same class, or of different classes")
def legal_form(q: Prepared, e: Prepared) -> Evidence | None:
    ql = {c for f, _ in q.names for c in f.legal}
    if not ql:
        return None
    el = {c for f, _ in e.names for c in f.legal}
    if not el:
        return None
    if ql & el or COMPATIBLE_CLASS in ql or COMPATIBLE_CLASS in el:
        return Evidence(1.0, "agree", lambda: f"{'/'.join(sorted(ql))} ~ {'/'.join(sorted(el))}")
    return Evidence(-1.0, "differ", lambda: f"{'/'.join(sorted(ql))} vs {'/'.join(sorted(el))}")
