"""Regenerate tamis/resources/name_frequency.tsv: how many people bear each name part.

A match on "Mohamed" or "Carlos" says less than a match on "Putin" or "Maduro": many people
share the common parts. The scorer (tamis.match.names) weights a part by its rarity
(tamis.normalise.frequency), read from this table. Counts are by spelling key
(`tamis.normalise.token(text).key`, so Dmitriy / Dmitry / Dmitri count together) and by
bearer, not by name: an entity with ten aliases that all say "Mohammed" counts once.

Bearers:
- every entity of every list in ../shared/data (all versions; the same id in two versions
  is one bearer), with all its names and aliases, plus the aliases of
  ofac-sdn-2025-02-aliases/alt.csv (side file without its primary list: keyed to the
  `ofac-sdn:<ent_num>` entity; for an entity listed later than 2023, whose schema no file
  here gives, a legal form means organisation and "SURNAME, Given" person, else skipped);
- every real non-listed person of bench/data/nonlisted.csv (cited in bench/data/README.md):
  the sanctions lists alone over-represent some cultures (Arabic, Russian, Spanish names)
  and miss the common names of others (John, Kim, Smith).

Columns: key, people (Person bearers), others (organisations, vessels, aircraft); a key is
kept when either count reaches MIN_COUNT (rarer keys count as rare: the table stays small).
The first line after the comments is `*total*` with the number of bearers of each kind, the
second `*abjad*` with those of a name written in Arabic or Hebrew script: such parts keep
their own keys (no short vowels: "alrhmn"), and only the UN list writes names that way, so
their counts are read against that smaller population.
Run after the lists change:  .venv/bin/python scripts/gen_name_frequency.py
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tamis.normalise import OBJ, ORG, PER, UNK, name_form
from tamis.normalise.tokens import WORD
from tamis.sources import parse
from tamis.sources.base import read_text

OUT = REPO / "tamis" / "resources" / "name_frequency.tsv"
MIN_COUNT = 3
KIND = {"Person": PER, "Vessel": OBJ, "Airplane": OBJ}


def _list_names(data: Path) -> Iterator[tuple[str, str, str]]:
    """(bearer id, schema, name) for every name of every entity in every list folder."""
    schemas: dict[str, str] = {}
    side: list[Path] = []
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        try:
            parsed = parse(folder)
        except Exception as exc:  # a folder of side files only: read below
            if (folder / "alt.csv").exists():
                side.append(folder / "alt.csv")
                continue
            raise SystemExit(f"{folder}: {exc}") from exc
        for entity in parsed.entities:
            if not entity.is_thing:
                continue
            schemas[entity.id] = entity.schema
            for _, value in entity.names():
                yield entity.id, entity.schema, value
    for path in side:  # OFAC alt.csv: ent_num, alt_num, type, name, remarks
        for row in csv.reader(read_text(path).splitlines()):
            if len(row) >= 4 and row[0].strip().isdigit() and row[3].strip() not in ("", "-0-"):
                ident = f"ofac-sdn:{row[0].strip()}"
                name = row[3].strip()
                schema = schemas.get(ident) or _guess_schema(name)
                if schema:
                    yield ident, schema, name


def _guess_schema(name: str) -> str | None:
    """The schema of an alias whose entity is on no list version here (listed after 2023):
    a legal form says organisation, OFAC's "SURNAME, Given" says person, else unknown."""
    form = name_form(name, UNK)
    if form is not None and form.kind == ORG:
        return "Organization"
    return "Person" if "," in name else None


def _is_abjad(text: str) -> bool:
    return any("\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"
               for c in text)  # fmt: skip


def _nonlisted(path: Path) -> Iterator[tuple[str, str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            yield f"nonlisted:{n}", "Person", row["name"]


def count(data: Path, nonlisted: Path) -> tuple[dict[str, list[set[str]]], dict[str, set[str]]]:
    """{key: [person bearers, other bearers]}, {kind: all bearers}."""
    keys: dict[str, list[set[str]]] = defaultdict(lambda: [set(), set()])
    bearers: dict[str, set[str]] = {"people": set(), "others": set(), "abjad-people": set(),
                                    "abjad-others": set()}  # fmt: skip
    sources = [_list_names(data), _nonlisted(nonlisted)]
    for rows in sources:
        for ident, schema, name in rows:
            kind = KIND.get(schema, ORG)
            form = name_form(name, kind)
            if form is None:
                continue
            slot = 0 if kind == PER else 1
            bearers["people" if slot == 0 else "others"].add(ident)
            if any(_is_abjad(f) for f in form.forms):
                bearers["abjad-people" if slot == 0 else "abjad-others"].add(ident)
            for tok in form.tokens:
                if tok.kind == WORD:
                    keys[tok.key][slot].add(ident)
    return keys, bearers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--nonlisted", type=Path, default=REPO / "bench" / "data" / "nonlisted.csv")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    keys, bearers = count(args.data, args.nonlisted)
    rows = sorted(
        ((k, len(p), len(o)) for k, (p, o) in keys.items() if max(len(p), len(o)) >= MIN_COUNT),
        key=lambda r: (-r[1] - r[2], r[0]),
    )
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# name part spelling key -> bearers (people, others); generated by\n")
        fh.write(
            "# scripts/gen_name_frequency.py from ../shared/data and bench/data/nonlisted.csv\n"
        )
        fh.write(f"# keys with fewer than {MIN_COUNT} bearers of both kinds are left out (rare)\n")
        fh.write(f"*total*\t{len(bearers['people'])}\t{len(bearers['others'])}\n")
        fh.write(f"*abjad*\t{len(bearers['abjad-people'])}\t{len(bearers['abjad-others'])}\n")
        fh.writelines(f"{key}\t{people}\t{others}\n" for key, people, others in rows)
    print(f"{len(rows)} keys ({len(bearers['people'])} people, {len(bearers['others'])} others)"
          f" -> {args.out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
