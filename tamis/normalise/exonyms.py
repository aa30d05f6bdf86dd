"""Renderings of well-known names that no transliteration rule derives.

Chinese writes Putin 普京 and Kim Jong Un 金正恩 (the Chinese reading of the Korean name's
characters is Jin Zhengen); Russian writes Kim Jong Un Ким Чен Ын by its own system for
Korean. Such renderings are facts seen in the press, so they are data
(`names_exonyms.yml`, each cited there) looked up by the whole folded name, or piece by
piece when every piece of a name separated by a space or a middle dot is known.
"""

from __future__ import annotations

import re
from functools import cache

from tamis.normalise.data import load_table
from tamis.normalise.text import fold

__all__ = ["exonyms", "phrase_names", "phrase_word", "unspaced_names", "word_names"]

# what separates the pieces of a name in scripts that write names without spaces
_SEPARATORS = re.compile(r"[\s\u00b7\u30fb\u2027\u2022\u16eb\uff65.,\-‐=]+")


def _squash(text: str) -> str:
    return _SEPARATORS.sub("", fold(text))


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """squashed native form -> Latin renderings."""
    out: dict[str, list[str]] = {}
    for native, renderings in load_table("names_exonyms.yml")["names"].items():
        if isinstance(renderings, str):
            renderings = [renderings]
        out.setdefault(_squash(str(native)), []).extend(str(r) for r in renderings)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _alone() -> dict[str, str]:
    """squashed surname -> the one listed person the press means by it alone (普京)."""
    table = load_table("names_exonyms.yml").get("alone") or {}
    return {_squash(str(k)): str(v) for k, v in table.items()}


def exonyms(folded_name: str) -> tuple[str, ...]:
    """Latin renderings of a well-known name ("金正恩" -> ("Kim Jong Un",)); () if unknown.
    A surname the press writes alone for one person stands for that person's name (普京 ->
    "Vladimir Putin"), but only as the whole name."""
    squashed = _squash(folded_name)
    person = _alone().get(squashed)
    if person:
        return (person,)
    table = _table()
    hit = table.get(squashed)
    if hit:
        return hit
    pieces = [p for p in _SEPARATORS.split(fold(folded_name)) if p]
    if len(pieces) < 2:
        return ()
    found = [table.get(p) for p in pieces]
    if not all(found):
        return ()
    return (" ".join(f[0] for f in found if f),)


_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")


@cache
def unspaced_names() -> tuple[str, ...]:
    """The table's names written in Han characters, of 3 or more (a shorter one is part of
    too many words: 本 "bin" is in 日本) or a surname written alone (普京), longest first:
    Chinese text has no spaces, so an article scanner finds these inside longer runs of
    characters."""
    names = [k for k in _table() if len(k) >= 3 and _HAN.match(k)]
    names += [k for k in _alone() if _HAN.match(k) and k not in names]
    return tuple(sorted(names, key=len, reverse=True))


@cache
def word_names() -> frozenset[str]:
    """The table's names written as one word in a script with spaces (داعش, Daech), folded:
    an article scanner takes such a word as a name, whatever its case."""
    natives = (str(n) for n in load_table("names_exonyms.yml")["names"])
    return frozenset(fold(n) for n in natives
                     if not _SEPARATORS.search(n) and not _HAN.match(n) and len(n) >= 4)  # fmt: skip


PHRASE_WORDS = 5  # words a cited phrase holds at most ("Gardiens de la révolution": 4)
# Arabic writes the hamza on an alef or leaves it out (الإسلامية, الاسلامية)
_ALEF = str.maketrans("\u0623\u0625\u0622", "\u0627\u0627\u0627")


def phrase_word(folded: str) -> str:
    """One folded word as `phrase_names` keys it."""
    return folded.translate(_ALEF)


@cache
def phrase_names() -> dict[tuple[str, ...], str]:
    """The table's names of two to five words in a script with spaces ("stato islamico",
    الدولة الإسلامية), by their words (`phrase_word`): an article scanner takes such a
    phrase as a name when its first word is capitalised (or its script has no case)."""
    out = {}
    for native in load_table("names_exonyms.yml")["names"]:
        words = tuple(phrase_word(w) for w in fold(str(native)).split())
        if 2 <= len(words) <= PHRASE_WORDS and not _HAN.search(str(native)):
            out[words] = str(native)
    return out
