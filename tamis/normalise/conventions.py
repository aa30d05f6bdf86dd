"""Keys a name part would have if it was written under another romanisation convention.

Lists write foreign names in English transliteration (Putin, Khrushchev, Zhang, Jong Un); the
press of other languages writes them in its own (French Poutine, German Chruschtschow,
Spanish Jruschov, Polish Chruszczow, Dutch Poetin, Wade-Giles Chang, Korean Revised
Romanization Jeong). `names_conventions.yml` holds, per convention, an ordered table of
rewrite rules that re-spell a part as the English convention would; `convention_keys`
gives the spelling keys of those re-spellings, with the convention's label, so that an index
or a comparison can meet the list's form. A convention may say which parts it `applies` to
(a regular expression the whole part must match, e.g. the syllables of Korean), which keeps
rules meant for one language from rewriting names of another.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from tamis.normalise.data import load_table
from tamis.normalise.translit import spelling_key

__all__ = ["Convention", "agreement", "convention_keys", "conventions", "respell"]


class Convention(NamedTuple):
    """One romanisation convention: its label and its compiled rules."""

    name: str
    label: str
    applies: re.Pattern[str] | None
    rules: tuple[tuple[re.Pattern[str], str], ...]


@cache
def conventions() -> tuple[Convention, ...]:
    """The conventions of names_conventions.yml, compiled once, in file order."""
    out = []
    for entry in load_table("names_conventions.yml")["conventions"]:
        applies = entry.get("applies")
        rules = tuple((re.compile(str(src)), str(dst)) for src, dst in entry["rules"])
        out.append(
            Convention(
                str(entry["name"]),
                str(entry["label"]),
                re.compile(str(applies)) if applies else None,
                rules,
            )
        )
    return tuple(out)


def respell(part: str, convention: Convention) -> str | None:
    """The part re-spelled from `convention` into the English one; None if it does not apply.

    Rules run in order on the whole part; upper-case letters in a rule's output protect what
    it wrote from later rules and are lower-cased at the end."""
    if convention.applies is not None and not convention.applies.fullmatch(part):
        return None
    out = part
    for pattern, dst in convention.rules:
        out = pattern.sub(dst, out)
    return out.lower() if out != part else None


@lru_cache(maxsize=200_000)
def convention_keys(part: str) -> tuple[tuple[str, str], ...]:
    """(spelling key, label) of one ASCII lower-case part read under each foreign convention.

    Only keys that differ from the part's own spelling key, each once (first label wins):
    "poutine" -> (("putin", "French transliteration"),)."""
    if not part.isascii() or not part.isalpha():
        return ()
    own = spelling_key(part)
    seen = {own}
    out = []
    for conv in conventions():
        spelled = respell(part, conv)
        if spelled is None:
            continue
        key = spelling_key(spelled)
        if key not in seen:
            seen.add(key)
            out.append((key, conv.label))
    return tuple(out)


def agreement(a: str, b: str) -> str | None:
    """The label of the convention under which part `a` reads as part `b` (or the reverse),
    for explanations; also names the convention when the plain spelling keys already agree
    ("wladimir" ~ "vladimir": German transliteration). None when no convention relates them."""
    ka, kb = spelling_key(a), spelling_key(b)
    for x, y, ky in ((a, b, kb), (b, a, ka)):
        for key, label in convention_keys(x):
            if key == ky:
                return label
        for conv in conventions():
            spelled = respell(x, conv)
            if spelled is not None and (spelled == y or spelling_key(spelled) == ky):
                return conv.label
    return None
