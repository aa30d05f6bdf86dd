"""Why a score is what it is: the name alignment part by part, and every fact's effect.

An `Explanation` says which query name matched which list name, pair by pair, with the kind
of agreement (exact, transliteration - by script, spelling key or variant table -, joined,
initial, phonetic, typo, missing), and which facts agreed or conflicted with their weight,
their contribution to the logit and their effect on the final score (the score minus the
score without that feature). `to_dict()` is the JSON form; `render()` the terminal form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import Any

from tamis.match.names import NameAlignment
from tamis.match.parts import EXACT, JOINED, MISSING, SCRIPT, TRANSLIT

__all__ = ["Explanation", "FactEffect", "NameMatch", "PartMatch", "name_match"]


@dataclass(slots=True)
class PartMatch:
    """One query part against one list part (either may be None: no counterpart)."""

    query: str | None
    candidate: str | None
    kind: str
    rule: str
    similarity: float
    role: str | None = None  # the list part's role (given, family, patronymic...), if known
    query_latin: str | None = None  # the part in Latin letters, when written otherwise
    candidate_latin: str | None = None


@dataclass(slots=True)
class NameMatch:
    """The best-aligned pair of names and how its parts agreed."""

    query: str
    candidate: str
    property: str
    score: float
    parts: list[PartMatch] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FactEffect:
    """One feature's evidence and what it did to the score."""

    feature: str
    value: float
    weight: float
    contribution: float  # weight * (gated) value, added to the logit
    effect: float  # score - score without this feature
    kind: str
    reason: str


def _part(form: Any, k: int) -> tuple[str, str | None]:
    """(original part, its Latin form when different) of part k of a NameForm."""
    original, text = form.forms[k], form.tokens[k].text
    return original, (text if text != original else None)


def name_match(al: NameAlignment, prop: str, score: float) -> NameMatch:
    """The explanation form of an alignment (parts in list-name order, extras last)."""
    q, r = al.query, al.candidate
    parts: list[tuple[float, PartMatch]] = []
    last: PartMatch | None = None
    pairs = al.pairs
    if not pairs:  # nothing in common: every part is missing its counterpart
        pairs = [(i, -1, 0.0, MISSING, MISSING) for i in range(len(q.tokens))]
        pairs += [(-1, j, 0.0, MISSING, MISSING) for j in range(len(r.tokens))]
    for i, j, sim, kind, rule in pairs:
        if i == -2 or j == -2:  # the second half of a joined part
            if last is not None:
                if i == -2:
                    last.candidate = f"{last.candidate} {r.forms[j]}"
                else:
                    last.query = f"{last.query} {q.forms[i]}"
            continue
        qp, ql = _part(q, i) if i >= 0 else (None, None)
        rp, rl = _part(r, j) if j >= 0 else (None, None)
        if kind == EXACT and qp != rp:
            kind, rule = TRANSLIT, SCRIPT
        role = r.roles[j] if j >= 0 else q.roles[i]
        pm = PartMatch(qp, rp, kind, rule, round(sim, 3), role, ql, rl)
        order = j if j >= 0 else 1000 + i
        parts.append((order, pm))
        last = pm if kind == JOINED else None
    parts.sort(key=lambda p: p[0])
    return NameMatch(q.original, r.original, prop, round(score, 4), [p for _, p in parts],
                     list(al.notes))  # fmt: skip


@dataclass
class Explanation:
    """The structured reason for one score."""

    score: float
    threshold: float
    match: bool
    bias: float
    name: NameMatch | None
    features: list[FactEffect]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (written out: `dataclasses.asdict` recurses field by field and
        costs a millisecond per article scanned)."""
        n = self.name
        name = None if n is None else {
            "query": n.query, "candidate": n.candidate, "property": n.property,
            "score": n.score, "parts": [{k: getattr(p, k) for k in _PART} for p in n.parts],
            "notes": list(n.notes),
        }  # fmt: skip
        return {"score": self.score, "threshold": self.threshold, "match": self.match,
                "bias": self.bias, "name": name,
                "features": [{k: getattr(f, k) for k in _FACT} for f in self.features]}  # fmt: skip

    def render(self) -> str:
        """A few readable lines for a terminal."""
        verdict = "MATCH" if self.match else "no match"
        lines = [f"score {self.score:.3f}  {verdict} (threshold {self.threshold:.2f})"]
        if self.name is not None:
            n = self.name
            lines.append(f"  name {n.score:.3f}: {n.query!r} ~ {n.candidate!r} [{n.property}]")
            width = max([len(_show(p.query, p.query_latin)) for p in n.parts] + [4])
            for p in n.parts:
                left = _show(p.query, p.query_latin).ljust(width)
                right = _show(p.candidate, p.candidate_latin)
                how = p.kind if p.rule in (p.kind, MISSING) else f"{p.kind} ({p.rule})"
                role = f", {p.role}" if p.role and p.role != "part" else ""
                lines.append(f"    {left}  {_sign(p)}  {right:<20} {how}{role} {p.similarity:.2f}")
            for note in n.notes:
                lines.append(f"    ! {note}")
        for f in self.features:
            if f.feature == "name":
                continue
            lines.append(f"  {f.feature:<11} {f.effect:+.3f}  {f.reason}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()


_PART = tuple(f.name for f in fields(PartMatch))
_FACT = tuple(f.name for f in fields(FactEffect))


def _show(text: str | None, latin: str | None) -> str:
    if text is None:
        return "-"
    return f"{text} ({latin})" if latin else text


def _sign(p: PartMatch) -> str:
    if p.kind == MISSING:
        return " "
    return "=" if p.similarity >= 0.999 else "~"


def sigmoid(z: float) -> float:
    if z < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))
