"""Dev set (a): OFAC aliases of February 2025, held out against the January 2023 SDN list.

For an entity on the 2023 list, each alias the 2025 `alt.csv` gives it is a realistic
query: another spelling, transliteration or former name of a listed party. The alias is
removed from the entity before screening (column `holdout_alias`), so the query must be
matched through the entity's other names. Kept: aliases that differ from every primary
name of their entity after trivial normalisation and that are not, trivially, a name of
another entity (those are ambiguous by construction). One alias per entity, sampled
with a fixed seed, stratified by schema (small schemata get a floor). An alias sharing no
name part with the names left on its entity (`common.related`) gets the kind suffix
`-unrelated`: the 2023 copy has few aliases (only those in Remarks), so many entities are
left with their primary name only, and a nom de guerre cannot be found from it.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

from bench.devsets.common import name_key, related, script_of, spelling_similarity, trivial
from bench.devsets.lists import load_list, read_alt

KIND = {"aka": "ofac-aka", "fka": "ofac-fka", "nka": "ofac-nka"}
UNRELATED = "-unrelated"  # kind suffix: the alias shares no name part with what is left


def _facts(entity: Any) -> dict[str, str]:
    country = (entity.first("nationality") or entity.first("citizenship")
               or entity.first("country") or entity.first("jurisdiction"))
    return {"birth_date": entity.first("birthDate") or "", "country": country or ""}


def quotas(sizes: dict[str, int], n: int, floor: int) -> dict[str, int]:
    """Proportional allocation of `n` over strata, each at least `floor` (or all it has)."""
    total = sum(sizes.values()) or 1
    want = {s: min(size, max(floor, round(n * size / total))) for s, size in sizes.items()}
    over = sum(want.values()) - n
    for s in sorted(want, key=lambda s: -want[s]):  # trim the largest strata to fit n
        if over <= 0:
            break
        cut = min(over, want[s] - min(sizes[s], floor))
        want[s] -= cut
        over -= cut
    return want


def build(data: Path, n: int = 2000, seed: int = 20250201, floor: int = 60) -> tuple[list[dict[str, str]], dict[str, int]]:
    """The sampled rows and the counts behind them (for the README)."""
    entities = {e.id: e for e in load_list(data / "ofac-sdn-2023-01")}
    owners: dict[str, set[str]] = {}
    for e in entities.values():
        for _, value in e.names():
            owners.setdefault(trivial(value), set()).add(e.id)
    stats: Counter[str] = Counter()
    eligible: dict[str, list[tuple[str, str, str]]] = {}
    for ent_num, alt_num, alt_type, alt_name in read_alt(data / "ofac-sdn-2025-02-aliases" / "alt.csv"):
        stats["aliases_2025"] += 1
        ident = f"ofac-sdn:{ent_num}"
        entity = entities.get(ident)
        if entity is None:
            stats["entity_not_in_2023"] += 1
            continue
        key = trivial(alt_name)
        if not key or key in {trivial(v) for v in entity.get("name")}:
            stats["same_as_primary"] += 1
            continue
        if owners.get(key, set()) - {ident}:
            stats["name_of_another_entity"] += 1
            continue
        stats["eligible"] += 1
        eligible.setdefault(ident, []).append((alt_num, alt_type, alt_name))
    rng = random.Random(seed)
    by_schema: dict[str, list[str]] = {}
    for ident in sorted(eligible, key=lambda i: int(i.split(":")[1])):
        by_schema.setdefault(entities[ident].schema, []).append(ident)
    plan = quotas({s: len(v) for s, v in by_schema.items()}, n, floor)
    rows: list[dict[str, str]] = []
    for schema in sorted(by_schema):
        for ident in rng.sample(by_schema[schema], plan[schema]):
            alt_num, alt_type, alias = rng.choice(eligible[ident])
            entity = entities[ident]
            kind = KIND.get(alt_type, f"ofac-{alt_type}")
            left = [v for _, v in entity.names() if trivial(v) != trivial(alias)]
            if not related(alias, left):
                kind += UNRELATED
                stats["unrelated"] += 1
            rows.append({
                "query_name": alias, "schema": schema, "expected_id": ident,
                "kind": kind, "script": script_of(alias),
                "holdout_alias": alias, "similarity": spelling_similarity(alias, left),
                **_facts(entity),
            })
            stats[f"sampled_{schema}"] += 1
    rows.sort(key=lambda r: (int(r["expected_id"].split(":")[1]), name_key(r["query_name"])))
    stats["sampled"] = len(rows)
    return rows, dict(stats)
