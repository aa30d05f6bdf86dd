"""Combine feature evidence into one score in [0, 1], and the `Match` it yields.

The combination is logistic regression over the feature values (see match_weights.yml for
the formula, the weights and the default threshold, all in that one file), so that a
calibration step can refit bias and weights on labelled pairs without code changes:
`feature_vector(q, e)` gives the inputs it needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from tamis.match.entities import prepare_entity
from tamis.match.explain import Explanation, FactEffect, name_match, sigmoid
from tamis.match.features import FEATURES, Evidence
from tamis.match.names import NameAlignment
from tamis.match.query import Prepared
from tamis.model.entity import Entity
from tamis.normalise.data import load_table

__all__ = ["Match", "Weights", "evaluate", "feature_vector", "score_entity", "weights"]


@dataclass(frozen=True, eq=False)
class Weights:
    """The scoring model: logistic bias, per-feature weights, gating, default threshold."""

    bias: float
    weights: dict[str, float]
    conflict: dict[str, float]  # weight of a negative value (conflicting facts), by feature
    gated: frozenset[str]
    gate_low: float
    gate_high: float
    threshold: float

    def gate(self, name_value: float) -> float:
        g = (name_value - self.gate_low) / (self.gate_high - self.gate_low)
        return 0.0 if g < 0.0 else min(g, 1.0)


@cache
def weights() -> Weights:
    """The model in tamis/resources/match_weights.yml (read once)."""
    t = load_table("match_weights.yml")
    w = {str(k): float(v) for k, v in t["weights"].items()}
    missing = set(FEATURES) - set(w)
    if missing:
        raise ValueError(f"match_weights.yml: no weight for features {sorted(missing)}")
    conflict = dict(w)
    conflict.update({str(k): float(v) for k, v in (t.get("conflict_weights") or {}).items()})
    return Weights(float(t["bias"]), w, conflict, frozenset(t.get("gated", ())),
                   float(t["gate"]["low"]), float(t["gate"]["high"]), float(t["threshold"]))  # fmt: skip


def evaluate(query: Prepared, entity: Prepared) -> dict[str, Evidence]:
    """Every feature's evidence for the pair (features without facts are left out)."""
    out = {}
    for name, feat in FEATURES.items():
        ev = feat(query, entity)
        if ev is not None:
            out[name] = ev
    return out


def _inputs(results: dict[str, Evidence], model: Weights) -> dict[str, float]:
    name = results.get("name")
    gate = model.gate(name.value if name else 0.0)
    x = {}
    for f, ev in results.items():
        v = ev.value
        if v > 0.0 and f in model.gated:
            v *= gate
        x[f] = v
    return x


def feature_vector(query: Prepared, entity: Prepared | Entity) -> dict[str, float]:
    """The logistic model's inputs for a pair (0.0 for features without facts): for fitting."""
    if isinstance(entity, Entity):
        entity = prepare_entity(entity)
    x = _inputs(evaluate(query, entity), weights())
    return {f: x.get(f, 0.0) for f in FEATURES}


class Match:
    """A scored candidate: `id`, `score` in [0, 1], `match` at the threshold, `explanation`."""

    __slots__ = ("_explanation", "_raw", "caption", "id", "match", "schema", "score")

    def __init__(self, id: str | None, score: float, match: bool, caption: str,
                 schema: str | None, raw: tuple[Any, ...]) -> None:  # fmt: skip
        self.id = id
        self.score = score
        self.match = match
        self.caption = caption
        self.schema = schema
        self._raw = raw
        self._explanation: Explanation | None = None

    @property
    def explanation(self) -> Explanation:
        """Built on first access, so ranking many candidates does not pay for it."""
        if self._explanation is None:
            self._explanation = _explain(self, *self._raw)
        return self._explanation

    def name_alignment(self) -> tuple[NameAlignment, str] | None:
        """(the best `NameAlignment`, the property of the listed name it used), if a name
        was scored: what a caller needs to judge the kind of agreement (a derived acronym,
        a name of common words) without building the explanation."""
        ev = self._raw[0].get("name")
        return None if ev is None or ev.detail is None else ev.detail

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "caption": self.caption, "schema": self.schema,
                "score": round(self.score, 4), "match": self.match,
                "explanation": self.explanation.to_dict()}  # fmt: skip

    def __repr__(self) -> str:
        return f"<Match {self.id} {self.score:.3f} {'match' if self.match else 'no match'}>"


def score_entity(
    query: Prepared, entity: Prepared | Entity, threshold: float | None = None
) -> Match:
    """Score one candidate for a prepared query (prepare_query); the scorer's hot path."""
    if isinstance(entity, Entity):
        entity = prepare_entity(entity)
    model = weights()
    results: dict[str, Evidence] = {}
    x: dict[str, float] = {}
    z = model.bias
    gate = -1.0
    for name, func, weight, against, gated in _plan(model):
        ev = func(query, entity)
        if ev is None:
            continue
        results[name] = ev
        v = ev.value
        if gated and v > 0.0:
            if gate < 0.0:
                nm = results.get("name")
                gate = model.gate(nm.value if nm is not None else 0.0)
            v *= gate
        x[name] = v
        z += (weight if v > 0.0 else against) * v
    score = 1.0 / (1.0 + math.exp(-z)) if z > -40.0 else 0.0
    limit = model.threshold if threshold is None else threshold
    return Match(entity.id, score, score >= limit, entity.caption, entity.schema,
                 (results, x, z, limit, model))  # fmt: skip


@cache
def _plan(model: Weights) -> tuple[tuple[str, Any, float, float, bool], ...]:
    """(feature, function, weight, conflict weight, gated) in registry order; name first (it
    gates the others)."""
    names = ["name"] + [f for f in FEATURES if f != "name"]
    return tuple((f, FEATURES[f].func, model.weights[f], model.conflict[f], f in model.gated)
                 for f in names)  # fmt: skip


def _explain(m: Match, results: dict[str, Evidence], x: dict[str, float], z: float,
             threshold: float, model: Weights) -> Explanation:  # fmt: skip
    effects = []
    for f, ev in results.items():
        w = model.weights[f] if x[f] > 0.0 else model.conflict[f]
        c = w * x[f]
        effect = m.score - sigmoid(z - c)
        effects.append(FactEffect(f, round(ev.value, 4), w, round(c, 4),
                                  round(effect, 4), ev.kind, ev.reason))  # fmt: skip
    name = None
    if "name" in results and results["name"].detail is not None:
        al, prop = results["name"].detail
        name = name_match(al, prop, results["name"].value)
    return Explanation(round(m.score, 4), threshold, m.match, model.bias, name, effects)


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))
