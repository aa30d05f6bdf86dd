"""An article as words with character offsets: the unit the gazetteer and coreference read.

Names are compared in `tamis.normalise`'s form (folded, ASCII Latin, spelling keys), but a
mention must point back into the text as written, so each word keeps its offsets. Elided
articles ("d'investissement", "l'Ukraine") are split off and marked as glue; an English
possessive ("Putin's") loses its "'s"; other apostrophes join ("O'Brien"), as they do in
list names. `joined[i]` says whether only spaces or a hyphen separate word i from word i+1:
a name never spans a comma, a full stop or a quote.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from tamis.normalise import fold
from tamis.normalise.data import load_table

__all__ = ["Word", "honorifics", "words"]

_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_APOS = re.compile(r"['’ʼ]")
_JOIN = re.compile(r"[ \t\u00a0\u202f-]*\n?[ \t\u00a0\u202f-]*")


class Word(NamedTuple):
    """One word: where it is, as written, folded, and what its shape says."""

    start: int
    end: int
    text: str  # as written
    folded: str  # fold(text)
    cap: bool  # starts with a capital, or its script has no case
    upper: bool  # all capitals (an acronym such as "RDIF")
    glue: bool  # an elided article split off ("d", "l")
    joined: bool = False  # only spaces or a hyphen between this word and the next


@cache
def _elisions() -> frozenset[str]:
    return frozenset(str(w) for w in load_table("scan_words.yml")["elisions"])


@cache
def honorifics() -> frozenset[str]:
    """Titles written before a surname ("M.", "Herr"), folded."""
    return frozenset(fold(str(w)) for w in load_table("scan_words.yml")["honorifics"])


_fold = lru_cache(maxsize=200_000)(fold)  # words repeat within and across articles
Raw = tuple[int, str, bool]  # start, text, glue


def _split(text: str, start: int, out: list[Raw]) -> None:
    """One regex match -> words: elision split off, possessive dropped, else one word."""
    if "'" not in text and "’" not in text and "ʼ" not in text:
        out.append((start, text, False))
        return
    parts = _APOS.split(text)
    head = parts[0]
    if fold(head) in _elisions():
        out.append((start, head, True))
        sub = _WORD.match(text, len(head) + 1)
        if sub is not None:
            _split(sub.group(), start + sub.start(), out)
    elif len(parts) == 2 and fold(parts[1]) == "s":
        out.append((start, head, False))
    else:
        out.append((start, text, False))


def words(text: str) -> list[Word]:
    """Every word of the text, in order, with `joined` set from what lies between words."""
    raw: list[Raw] = []
    for match in _WORD.finditer(text):
        _split(match.group(), match.start(), raw)
    out: list[Word] = []
    last = len(raw) - 1
    for i, (start, word, glue) in enumerate(raw):
        end = start + len(word)
        joined = False
        if i < last:
            gap = text[end : raw[i + 1][0]]
            joined = gap == " " or (glue and len(gap) == 1) or _JOIN.fullmatch(gap) is not None
        first = word[0]
        cap = first.isupper() or (first.isalpha() and not first.islower())
        out.append(Word(start, end, word, _fold(word), cap, len(word) > 1 and word.isupper(),
                        glue, joined))  # fmt: skip
    return out
