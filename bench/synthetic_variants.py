"""A quick check of the engine on variants it was not tuned on: SDN people's primary names
rewritten five ways, each screened against all of the lists, the entity expected first.

    TAMIS_HOME=DIR .venv/bin/python -m bench.synthetic_variants [--count 400] [--seed 7]

DIR holds a store with the lists loaded (`tamis update --from ../shared/data`). From each
sampled "SURNAME, Given Middle" of the OFAC SDN list: "Given Middle Surname" (order),
the same with one letter of the surname substituted, deleted or transposed (typo), all in
lower case (lower), without the middle names (no middle), with y -> i and kh -> h
(transliteration). Prints recall@1 per rewrite and the first misses. A smoke test of
robustness, not a dev set: the rewrites are mechanical, and a typo may make another name.
"""

from __future__ import annotations

import argparse
import random

from tamis.match.screen import Screener


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice("sdt")
    if op == "s":
        return word[:i] + rng.choice("aeioulnrst") + word[i + 1 :]
    if op == "d":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def rewrites(caption: str, rng: random.Random) -> dict[str, str]:
    surname, _, given = (p.strip() for p in caption.partition(","))
    first = given.split()[:1]
    out = {
        "order": f"{given} {surname.title()}",
        "typo": f"{given} {_typo(surname.title(), rng)}",
        "lower": f"{given} {surname}".lower(),
        "transliteration": f"{given} {surname.title()}".replace("y", "i").replace("kh", "h"),
    }
    if len(given.split()) > 1:
        out["no middle"] = f"{first[0]} {surname.title()}"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=400, help="people sampled")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--misses", type=int, default=5, help="misses shown per rewrite")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    scr = Screener.open()
    people = [pe for pe in (scr.prepared(n) for n in range(len(scr)))
              if pe.schema == "Person" and (pe.id or "").startswith("ofac-sdn:")
              and "," in pe.caption]  # fmt: skip
    rng.shuffle(people)
    found: dict[str, list[bool]] = {}
    misses: dict[str, list[str]] = {}
    for pe in people[: args.count]:
        for kind, query in rewrites(pe.caption, rng).items():
            top = scr.screen({"name": query}, top=1)
            ok = bool(top) and top[0].id == pe.id
            found.setdefault(kind, []).append(ok)
            if not ok:
                got = f"{top[0].id} {top[0].score:.2f}" if top else "nothing"
                misses.setdefault(kind, []).append(f"{query!r} for {pe.id}: {got}")
    for kind, oks in found.items():
        print(f"{kind:16} {len(oks):5} queries  recall@1 {100 * sum(oks) / len(oks):.1f}%")
        for line in misses.get(kind, [])[: args.misses]:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
