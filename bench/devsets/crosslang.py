"""Dev set (x): the same listed party written in another script, language or convention.

    .venv/bin/python -m bench.devsets.crosslang [--data ../shared/data] [--out bench/out/devsets]

Three origins, one CSV (`crosslang.csv`: the dev-set columns of `common.FIELDS` plus
`language, convention, origin, citation, lists`), read by `tamis.evaluate.read_labelled`:

- `un-original-script`: every name of a UN entry written in a non-Latin script (the UN
  parser maps `NAME_ORIGINAL_SCRIPT` to `alias`), queried with all of the entry's
  non-Latin names held out; the entry keeps its Latin names. Screened against the UN list.
- `ofac-translit`: aliases of the 2025 `alt.csv` that are another transliteration of the
  entity's primary name on the 2023 SDN list (rule in `ofac_translit.py`), held out,
  one per entity. Screened against the 2023 SDN list.
- `press`: renderings of listed names seen in the press and reference works of other
  languages, and names of non-listed people and organisations in those scripts, from
  `bench/data/crosslang_press.csv` (each with its citation). Screened against every list.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from pathlib import Path

from bench.devsets.common import FIELDS, NAME_PROPS, script_of, trivial
from bench.devsets.lists import all_names, load_list, read_alt

REPO = Path(__file__).resolve().parents[2]
PRESS = REPO / "bench" / "data" / "crosslang_press.csv"
FILE = "crosslang.csv"
COLUMNS = (*FIELDS, "language", "convention", "origin", "citation", "lists")
UN_LIST = "un-sc-2026-02"
OFAC_LIST = "ofac-sdn-2023-01"
ALL_LISTS = (OFAC_LIST, "ofac-cons-2025-12", UN_LIST, "bis-dpl-2019")
# The language a UN original-script name is most likely in, by script (the file does not say).
SCRIPT_LANGUAGE = {"Arabic": "ar", "Cyrillic": "ru", "Han": "zh", "Hangul": "ko"}


def un_original(data: Path) -> tuple[list[dict[str, str]], Counter[str]]:
    """Rows for the UN list's non-Latin names, each held out with its entry's others."""
    entities = load_list(data / UN_LIST)
    owners: dict[str, set[str]] = {}
    for e in entities:
        for _, value in e.names():
            owners.setdefault(trivial(value), set()).add(e.id)
    stats: Counter[str] = Counter()
    rows: list[dict[str, str]] = []
    for e in entities:
        native = {trivial(v): v for p in NAME_PROPS for v in e.get(p) if script_of(v) != "Latin"}
        holdout = "|".join(sorted(native.values()))
        for key, name in sorted(native.items()):
            if owners.get(key, set()) - {e.id}:
                stats["un_name_of_another_entry"] += 1
                continue
            script = script_of(name)
            rows.append({
                "query_name": name, "schema": e.schema, "expected_id": e.id,
                "kind": "un-original-script", "script": script, "holdout_alias": holdout,
                "language": SCRIPT_LANGUAGE.get(script, "und"), "convention": "original script",
                "origin": "un-original-script", "lists": UN_LIST,
                "citation": f"UN SC Consolidated List, consolidated.xml of 2026-02-27, entry "
                            f"{e.id.split(':', 1)[1]} (NAME_ORIGINAL_SCRIPT)",
            })
            stats[f"un_{script}"] += 1
    return rows, stats


# Transliteration conventions, as rewrites that make two spellings agree (applied to both).
CONVENTIONS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("de w/v (Medwedew)", "de", ((r"w", "v"),)),
    ("de sch/tsch/j (Schoigu)", "de", ((r"tsch", "ch"), (r"sch", "sh"), (r"j", "y"))),
    ("fr ou/u (Poutine)", "fr", ((r"ou", "u"),)),
    ("ar article al/el/ul", "ar", ((r"^(el|ul|il|ad|ar|as|ash|at|az|an)$", "al"),)),
    ("ar consonants q/k dh/z kh/h", "ar", ((r"q", "k"), (r"dh", "z"), (r"kh", "h"), (r"gh", "g"))),
    ("ru endings iy/y/ii", "ru", ((r"(iy|yy|ii|ij|yi|y)$", "i"),)),
    ("ru ye/yo/ya/yu", "ru", ((r"(yo|io)", "e"), (r"y(?=[aeiu])", "i"), (r"ie", "e"))),
    ("en long vowels ee/oo", "en", ((r"ee", "i"), (r"oo", "u"))),
    ("double letters", "-", ((r"(.)\1", r"\1"),)),
    ("vowels (Mohammed/Muhammad)", "-", ((r"(?<=.)[aeiouy]", ""),)),
)


def _parts(name: str) -> list[str]:
    from rigour.text import ascii_text

    return ascii_text(trivial(name)).split()


def _rewrite(parts: list[str], rules: tuple[tuple[str, str], ...]) -> list[str]:
    out = []
    for part in parts:
        for pattern, repl in rules:
            part = re.sub(pattern, repl, part)
        out.append(part)
    return out


def convention(a: list[str], b: list[str]) -> tuple[str, str] | None:
    """The convention (label, language) whose rewrites alone make `a` and `b` agree; else
    all rewrites together ('mixed'); None when even those leave them apart."""
    for label, lang, rules in CONVENTIONS:
        if _rewrite(a, rules) == _rewrite(b, rules):
            return label, lang
    every = tuple(r for _, _, rules in CONVENTIONS for r in rules)
    return ("mixed", "-") if _rewrite(a, every) == _rewrite(b, every) else None


def is_transliteration(alias: list[str], primary: list[str]) -> bool:
    """The rule: same number of parts (2+), in order, not identical, every part pair equal
    or within Levenshtein similarity 0.6 with the same first letter or same skeleton."""
    from rapidfuzz.distance import Levenshtein

    if len(alias) != len(primary) or len(alias) < 2 or alias == primary:
        return False
    vowels = CONVENTIONS[-1][2]
    for x, y in zip(alias, primary):
        if x == y:
            continue
        close = Levenshtein.normalized_similarity(x, y) >= 0.6 and x[0] == y[0]
        if not (close or _rewrite([x], vowels) == _rewrite([y], vowels)):
            return False
    return True


def ofac_translit(data: Path, cap: int = 60, seed: int = 20250202) -> tuple[list[dict[str, str]], Counter[str]]:
    """Rows for 2025 OFAC aliases that respell the 2023 primary name (one per entity,
    the first in alt_num order), held out; at most `cap` per convention (seeded sample)."""
    entities = {e.id: e for e in load_list(data / OFAC_LIST)}
    owners: dict[str, set[str]] = {}
    for e in entities.values():
        for _, value in e.names():
            owners.setdefault(trivial(value), set()).add(e.id)
    stats: Counter[str] = Counter()
    rows: list[dict[str, str]] = []
    taken: Counter[str] = Counter()
    for ent_num, alt_num, _, alias in read_alt(data / "ofac-sdn-2025-02-aliases" / "alt.csv"):
        ident = f"ofac-sdn:{ent_num}"
        entity = entities.get(ident)
        if entity is None or taken[ident]:
            continue
        primary = entity.first("name") or ""
        a, p = _parts(alias), _parts(primary)
        if not is_transliteration(a, p):
            continue
        if owners.get(trivial(alias), set()) - {ident}:
            stats["ofac_name_of_another_entity"] += 1
            continue
        label, lang = convention(a, p) or ("other", "-")
        taken[ident] += 1
        rows.append({
            "query_name": alias, "schema": entity.schema, "expected_id": ident,
            "kind": "ofac-translit", "script": script_of(alias), "holdout_alias": alias,
            "language": lang, "convention": label, "origin": "ofac-translit",
            "lists": OFAC_LIST,
            "citation": f"OFAC SDN alt.csv of 2025-02, alt_num {alt_num} (primary name "
                        f"on the 2023-01 sdn.csv: {primary})",
        })
        stats[f"ofac_{label}"] += 1
    rng = random.Random(seed)
    by_label: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_label.setdefault(row["convention"], []).append(row)
    kept = [r for label in sorted(by_label)
            for r in rng.sample(by_label[label], min(cap, len(by_label[label])))]
    stats["ofac_kept"] = len(kept)
    return kept, stats


def _same_record(ident: str, known: set[str]) -> list[str]:
    """`ident` and the same OFAC record on the other OFAC list (SDN and Consolidated share
    ent_num numbering: an SSI entry that is also an SDN has one ent_num in both files)."""
    source, _, native = ident.partition(":")
    twins = {"ofac-sdn": "ofac-cons", "ofac-cons": "ofac-sdn"}
    out = [ident]
    if source in twins and f"{twins[source]}:{native}" in known:
        out.append(f"{twins[source]}:{native}")
    return out


def press(data: Path, path: Path = PRESS) -> tuple[list[dict[str, str]], Counter[str]]:
    """Rows of the cited press file; expected ids checked against the lists, negatives
    checked to be on no list (trivially equal names are dropped and counted)."""
    known = {e.id: e for folder in ALL_LISTS for e in load_list(data / folder)}
    listed = {trivial(n) for n in all_names(data)}
    listed |= {" ".join(sorted(k.split())) for k in list(listed)}
    stats: Counter[str] = Counter()
    rows: list[dict[str, str]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line, raw in enumerate(csv.DictReader(fh), 2):
            name = " ".join((raw.get("query_name") or "").split())
            ids = [i.strip() for i in (raw.get("expected_id") or "").split(";") if i.strip()]
            missing = [i for i in ids if i not in known]
            if missing or not name or not raw.get("citation") or not raw.get("language"):
                raise ValueError(f"{path}:{line}: bad row (unknown ids {missing}, or no "
                                 f"name, language or citation)")
            if not ids and (trivial(name) in listed
                            or " ".join(sorted(trivial(name).split())) in listed):
                stats["press_negative_on_a_list"] += 1
                continue
            expected = list(dict.fromkeys(x for i in ids for x in _same_record(i, set(known))))
            schema = raw.get("schema") or (known[ids[0]].schema if ids else "")
            rows.append({
                "query_name": name, "schema": schema, "expected_id": ";".join(expected),
                "kind": "press" if ids else "press-negative", "script": script_of(name),
                "holdout_alias": "", "language": raw["language"],
                "convention": raw.get("convention") or raw["language"], "origin": "press",
                "citation": raw["citation"], "lists": ",".join(ALL_LISTS),
            })
            stats["press_positive" if ids else "press_negative"] += 1
    return rows, stats


def build(data: Path) -> tuple[list[dict[str, str]], dict[str, int]]:
    stats: Counter[str] = Counter()
    rows: list[dict[str, str]] = []
    for part, more in (un_original(data), ofac_translit(data), press(data)):
        rows += part
        stats.update(more)
    stats["rows"] = len(rows)
    return rows, dict(stats)


def write(path: Path, rows: list[dict[str, str]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k) or "" for k in COLUMNS})
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "devsets")
    args = parser.parse_args(argv)
    rows, stats = build(args.data)
    write(args.out / FILE, rows)
    print(f"{FILE}: {len(rows)} rows {stats}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
