"""Generate a large, realistic FollowTheMoney JSON-lines file from the real lists, and time it.

The real entities (every list under the shared data folder, parsed by tamis's own parsers)
are the templates. Round 0 writes them as they are; each later round writes a variant of
every one: names with swapped tokens, suffixes, numbers or a perturbed letter, shifted dates,
altered identifiers (those without a checksum), fresh ids, relations pointing at the
variants of the same round. Ids become FtM-valid (`ofac-sdn:123` -> `ofac-sdn-123-g7`).
The output is deterministic given `--seed`.

    .venv/bin/python bench/gen_ftm.py /tmp/bench.ftm.json -n 1000000 --seed 1
    .venv/bin/python bench/gen_ftm.py --measure /tmp/bench.ftm.json

`--measure` streams a file through the FtM parser in this process alone and prints the
entity count, wall and CPU seconds, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from followthemoney import model

from tamis.model.entity import Entity
from tamis.model.export import ftm_safe_id

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ORG_SUFFIXES = ("LLC", "Ltd", "Limited", "Holding", "Group", "Trading Co", "JSC", "SA", "GmbH")
PERSON_ADDITIONS = ("Jr", "Sr", "II", "III", "Abu", "bin", "ibn", "de", "van")


def real_entities(data: Path) -> list[Entity]:
    """Every entity of every list under `data`, as tamis's parsers read them.

    Two snapshots of one list share ids: the later file (by path, so the newer snapshot)
    wins, keeping ids unique.
    """
    from tamis.errors import SourceError
    from tamis.sources import discover

    found, skipped = discover(data)
    for line in skipped:
        print(f"skipped: {line}", file=sys.stderr)
    entities: dict[str, Entity] = {}
    for item in found:
        try:
            entities.update((e.id, e) for e in item.parser.parse(item.path).entities)
        except SourceError as exc:
            print(f"not used: {exc}", file=sys.stderr)
    print(f"{len(entities)} real entities from {len(found)} lists", file=sys.stderr)
    return list(entities.values())


def ftm_id(value: str, round_no: int) -> str:
    base = ftm_safe_id(value)
    return base if round_no == 0 else f"{base}-g{round_no}"


def vary_name(name: str, rng: random.Random, schema: str) -> str:
    tokens = name.split()
    op = rng.random()
    if op < 0.25 and len(tokens) > 1:
        i, j = rng.sample(range(len(tokens)), 2)
        tokens[i], tokens[j] = tokens[j], tokens[i]
    elif op < 0.45:
        if schema == "Person":
            tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(PERSON_ADDITIONS))
        else:
            tokens.append(rng.choice(ORG_SUFFIXES))
    elif op < 0.6:
        tokens.append(str(rng.randint(2, 999)))
    if op >= 0.45 or rng.random() < 0.5:
        tokens = [perturb(t, rng) if rng.random() < 0.3 else t for t in tokens]
    return " ".join(tokens) or name


def perturb(token: str, rng: random.Random) -> str:
    """Replace, drop, double or transpose one letter, with letters of the same token."""
    letters = [c for c in token if c.isalpha()]
    if len(token) < 3 or not letters:
        return token
    i = rng.randrange(len(token) - 1)
    op = rng.randrange(4)
    if op == 0:
        return token[:i] + rng.choice(letters) + token[i + 1 :]
    if op == 1:
        return token[:i] + token[i + 1 :]
    if op == 2:
        return token[:i] + token[i] + token[i:]
    return token[:i] + token[i + 1] + token[i] + token[i + 2 :]


def vary_date(value: str, rng: random.Random) -> str:
    match = DATE.match(value)
    if not match:
        return value
    year, month, day = match.groups()
    out = f"{int(year) + rng.randint(-5, 5):04d}"
    if month:
        out += f"-{rng.randint(1, 12):02d}"
    if day:
        out += f"-{rng.randint(1, 28):02d}"
    return out


def vary_identifier(value: str, rng: random.Random) -> str:
    digits = [i for i, c in enumerate(value) if c.isdigit()]
    chars = list(value)
    for i in digits[-3:]:
        chars[i] = str(rng.randrange(10))
    return "".join(chars)


def variant(
    entity: Entity, round_no: int, rng: random.Random, dataset: str, first_seen: str
) -> dict[str, Any]:
    """One FtM JSON object: the entity itself in round 0, a perturbed copy after."""
    schema = model.get(entity.schema)
    props: dict[str, list[str]] = {}
    for name, values in entity.properties.items():
        prop = schema.properties[name]
        kind = prop.type.name
        out = []
        for value in values:
            if kind == "entity":
                value = ftm_id(value, round_no)
            elif round_no and kind == "name":
                value = vary_name(value, rng, entity.schema)
            elif round_no and kind == "date":
                value = vary_date(value, rng)
            elif round_no and kind == "identifier" and not prop.format:
                value = vary_identifier(value, rng)
            out.append(value)
        props[name] = list(dict.fromkeys(out))
    caption = (props.get("name") or props.get("alias") or [entity.schema])[0]
    return {
        "id": ftm_id(entity.id, round_no),
        "caption": caption,
        "schema": entity.schema,
        "properties": props,
        "referents": [],
        "datasets": [dataset],
        "target": entity.is_thing,
        "first_seen": first_seen,
        "last_seen": "2026-02-27T06:00:00",
        "last_change": first_seen,
    }


def generate(
    base: Iterable[Entity], n: int, seed: int, dataset: str = "tamis-bench"
) -> Iterator[dict[str, Any]]:
    """`n` FtM objects: the templates once as they are, then varied rounds of them all."""
    templates = sorted(base, key=lambda e: e.id)
    if not templates:
        raise SystemExit("no template entities: nothing parses")
    rng = random.Random(seed)
    count, round_no = 0, 0
    while True:
        for entity in templates:
            if count >= n:
                return
            day = f"20{rng.randint(19, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            yield variant(entity, round_no, rng, dataset, f"{day}T06:00:00")
            count += 1
        round_no += 1


def write(objects: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for obj in objects:
            fh.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    return count


def measure(path: Path) -> dict[str, float]:
    """Stream `path` through the FtM parser; count, seconds, peak RSS of this process."""
    from tamis.sources import ftm_json

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in ftm_json.PARSER.parse(path).entities)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "entities": count,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "per_second": round(count / seconds),
        "rss_before_mb": round(before),
        "peak_rss_mb": round(peak),
        "file_mb": round(path.stat().st_size / 2**20),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="FtM JSON-lines file to write (or to --measure)")
    ap.add_argument("-n", type=int, default=1_000_000, help="entities to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", type=Path, default=DATA, help="folder of real lists (templates)")
    ap.add_argument("--dataset", default="tamis-bench", help="the `datasets` name written")
    ap.add_argument("--measure", action="store_true", help="parse OUT and report time/memory")
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.out)))
        return
    start = time.perf_counter()
    count = write(generate(real_entities(args.data), args.n, args.seed, args.dataset), args.out)
    print(f"wrote {count} entities to {args.out} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
