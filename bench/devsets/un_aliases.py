"""Dev set (b): the UN consolidated list's own aliases and original-script names.

The UN grades individual aliases `Good` or `Low` quality; entities' aliases are a.k.a. or
f.k.a.; `NAME_ORIGINAL_SCRIPT` gives the name in its own script (mostly Arabic). Each is
a query for its own entry, held out from it (`holdout_alias`) so the screen must match it
through the Latin primary name and the other aliases. Aliases equal (after trivial
normalisation) to the primary name, or to a name of another entry, are left out. At most
`per_entity` Latin aliases per entry are sampled (seeded), every original-script name is kept.
Aliases sharing no name part with what is left of the entry get the kind suffix `-unrelated`.
An alias field holding several names ("Qasim Soleimani; Qasem Sulaimani", "X (HTS)") gives
each name, split as the project's parser splits it (`tamis.sources.un_xml`).
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from followthemoney.types import registry

from bench.devsets.common import related, script_of, spelling_similarity, trivial
from bench.devsets.holdout import UNRELATED
from tamis.sources import un_xml
from tamis.sources.base import read_text

KINDS = {"good": "un-good", "low": "un-low", "a.k.a.": "un-entity-aka", "f.k.a.": "un-entity-fka"}


def _primary(el: ET.Element) -> str:
    parts = [(el.findtext(p) or "").strip() for p in
             ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    return " ".join(p for p in parts if p)


def _facts(el: ET.Element) -> dict[str, str]:
    dob = next((d.findtext("DATE") or d.findtext("YEAR") or "" for d in
                el.findall("INDIVIDUAL_DATE_OF_BIRTH") if d.findtext("DATE") or d.findtext("YEAR")), "")
    nat = next((registry.country.clean(v.text or "") for v in el.findall("NATIONALITY/VALUE")
                if registry.country.clean(v.text or "")), "")
    return {"birth_date": (dob or "")[:10], "country": nat or ""}


def build(data: Path, per_entity: int = 3, seed: int = 20260227) -> tuple[list[dict[str, str]], dict[str, int]]:
    root = ET.fromstring(read_text(data / "un-sc-2026-02" / "consolidated.xml").encode("utf-8"))
    records = []  # (id, schema, primary, original script name, [(quality, alias)], facts)
    owners: dict[str, set[str]] = {}
    for tag, schema in (("INDIVIDUAL", "Person"), ("ENTITY", "Organization")):
        for el in root.iter(tag):
            ident = f"un-sc:{(el.findtext('REFERENCE_NUMBER') or '').strip()}"
            original = " ".join((el.findtext("NAME_ORIGINAL_SCRIPT") or "").split())
            # a field may hold several names: split as the parser splits it (un_xml._names)
            aliases = [((a.findtext("QUALITY") or "").strip().lower(), name)
                       for a in el.findall(f"{tag}_ALIAS")
                       for name in un_xml._names(" ".join((a.findtext("ALIAS_NAME") or "").split()))]
            aliases = [(q, n) for q, n in aliases if n]
            primary = _primary(el)
            if schema != "Person":  # "BUTEMBO AIRLINES (BAL)": the name, and BAL an alias
                primary, *more = un_xml._names(primary) or [primary]
                aliases += [("a.k.a.", n) for n in more]
            records.append((ident, schema, primary, original, aliases, _facts(el)))
            for name in [primary, original, *(n for _, n in aliases)]:
                if name:
                    owners.setdefault(trivial(name), set()).add(ident)
    rng = random.Random(seed)
    stats: Counter[str] = Counter()
    rows: list[dict[str, str]] = []
    for ident, schema, primary, original, aliases, facts in records:
        base = {"schema": schema, "expected_id": ident, **facts}
        if original and trivial(original) != trivial(primary):
            rows.append({**base, "query_name": original, "kind": "un-original-script",
                         "script": script_of(original), "holdout_alias": original})
            stats["original_script"] += 1
        keep = []
        for quality, alias in aliases:
            stats["aliases"] += 1
            key = trivial(alias)
            if not key or key == trivial(primary):
                stats["same_as_primary"] += 1
            elif owners.get(key, set()) - {ident}:
                stats["name_of_another_entry"] += 1
            else:
                keep.append((quality, alias))
        seen: set[str] = set()
        unique = [(q, a) for q, a in keep if not (trivial(a) in seen or seen.add(trivial(a)))]
        for quality, alias in rng.sample(unique, min(per_entity, len(unique))):
            kind = KINDS.get(quality, f"un-{quality}")
            left = [n for n in [primary, original, *(a for _, a in aliases)]
                    if n and trivial(n) != trivial(alias)]
            if not related(alias, left):
                kind += UNRELATED
            rows.append({**base, "query_name": alias, "kind": kind,
                         "script": script_of(alias), "holdout_alias": alias,
                         "similarity": spelling_similarity(alias, left)})
            stats[kind] += 1
    stats["rows"] = len(rows)
    return rows, dict(stats)
