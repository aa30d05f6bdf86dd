"""Matching: prepare queries and entities, score candidates, explain the score.

    from tamis.match import compare, prepare_query, prepare_entity, score_entity
    m = compare({"name": "Vladimir Putin"}, entity)       # -> Match(id, score, match, explanation)
    q = prepare_query({"name": "Vladimir Putin", "birth_date": "1952"})
    m = score_entity(q, prepare_entity(entity))           # the index's hot path

`DEFAULT_THRESHOLD` (0.7) is set, with the weights, in tamis/resources/match_weights.yml
(the one place; bias and weights fitted on the dev sets by bench/calibrate.py, which also
chooses the threshold and prints the reliability table): a name score of 0.82 with no other
facts sits at it; "Vladimir Vladimirovich Putin" scores 0.94 for the PUTIN entry, 0.9996 with
agreeing birth date and country, 0.57 with a conflicting birth date; "V. Putin" 0.81; "Putin"
0.22. `feature_vector` gives the model's inputs.
"""

from tamis.match.compare import compare, prepare
from tamis.match.entities import prepare_entity
from tamis.match.explain import Explanation, FactEffect, NameMatch, PartMatch
from tamis.match.features import FEATURES, Evidence, Feature, feature
from tamis.match.names import NameAlignment, align
from tamis.match.parts import part_similarity
from tamis.match.query import (
    Prepared,
    PreparedEntity,
    PreparedQuery,
    QueryError,
    prepare_query,
)
from tamis.match.score import Match, Weights, evaluate, feature_vector, score_entity, weights

DEFAULT_THRESHOLD: float = weights().threshold

__all__ = [
    "DEFAULT_THRESHOLD",
    "FEATURES",
    "Evidence",
    "Explanation",
    "FactEffect",
    "Feature",
    "Match",
    "NameAlignment",
    "NameMatch",
    "PartMatch",
    "Prepared",
    "PreparedEntity",
    "PreparedQuery",
    "QueryError",
    "Weights",
    "align",
    "compare",
    "evaluate",
    "feature",
    "feature_vector",
    "part_similarity",
    "prepare",
    "prepare_entity",
    "prepare_query",
    "score_entity",
    "weights",
]
