"""An article as words with character offsets: the unit the gazetteer and coreference read.

Names are compared in `tamis.normalise`'s form (folded, ASCII Latin, spelling keys), but a
mention must point back into the text as written, so each word keeps its offsets. Elided
articles ("d'investissement", "l'Ukraine") are split off and marked as glue; an English
possessive ("Putin's") loses its "'s"; other apostrophes join ("O'Brien"), as they do in
list names. `joined[i]` says whether only spaces or a hyphen (or an opening quote after a
space) separate word i from word i+1: a name never spans a comma, a full stop or a closing
quote.

Speed (the scan's `--fast` mode reads hundreds of articles a second): one C-level regex
pass yields (word, gap) pairs that tile the text, so offsets are running sums; what a word
is (its pieces, folded forms, case) and what a gap means (joined or not) are computed once
per distinct string and cached, since both repeat within and across articles.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from tamis.normalise import fold
from tamis.normalise.data import load_table, word_list

__all__ = ["Word", "clear_caches", "honorifics", "hyphened", "words"]

# a soft hyphen (U+00AD, HTML's &shy;) is inside a word: "Pes&shy;kov" is Peskov
_WORD = re.compile(r"\w+(?:['’ʼ\u00ad]\w+)*")
_TILE = re.compile(r"(\w+(?:['’ʼ\u00ad]\w+)*)(\W*)")  # every match: a word, the gap after
_SHY = "\u00ad"
_LEAD = re.compile(r"\W*")
_APOS = re.compile(r"['’ʼ]")
# only spaces or a hyphen (a line may break there); or spaces and an opening quote, which
# a name's type may stand before ("Концерн «Калашников»", "le groupe « Wagner »"): a quote
# with no space before it closes, and ends the name
# (spaces include the no-break ones and the zero-width space U+200B web pages carry)
_JOIN = re.compile(r"[ \t\u00a0\u202f\u200b-]*\n?[ \t\u00a0\u202f\u200b-]*"
                   r"|[ \t\u00a0\u202f\u200b]+[«„“\"][ \t\u00a0\u202f\u200b]*")
CACHE = 200_000  # distinct words (and gaps) kept; cleared when full


class Word(NamedTuple):
    """One word: where it is, as written, folded, and what its shape says."""

    start: int
    end: int
    text: str  # as written
    folded: str  # fold(text)
    cap: bool  # starts with a capital, or its script has no case
    upper: bool  # all capitals (an acronym such as "RDIF")
    glue: bool  # an elided article split off ("d", "l")
    joined: bool = False  # only spaces or a hyphen (or an opening quote) up to the next


@cache
def _elisions() -> frozenset[str]:
    return word_list("scan_words.yml", "elisions")


@cache
def honorifics() -> frozenset[str]:
    """Titles written before a surname ("M.", "Herr"), folded."""
    return frozenset(fold(str(w)) for w in load_table("scan_words.yml")["honorifics"])


@cache
def kin_nouns() -> frozenset[str]:
    """Kinship nouns German capitalises ("Vater", "Sohn"), folded: no part of a name."""
    return frozenset(fold(str(w)) for w in load_table("scan_words.yml")["kin_nouns"])


@cache
def particles() -> frozenset[str]:
    """Name particles ("al", "el"), folded."""
    return frozenset(fold(str(w)) for w in load_table("scan_words.yml")["name_particles"])


# A regex match as words: (offset in the match, text, folded, cap, upper, glue, joined);
# the last piece's `joined` is left False: it depends on what follows the match.
Piece = tuple[int, str, str, bool, bool, bool, bool]
Pieces = tuple[tuple[Piece, ...], str]  # the pieces, and what of the match follows the last
_PIECES: dict[str, Pieces] = {}
_SIMPLE: dict[str, tuple[int, str, bool, bool]] = {}  # a match that is one word: its shape
_GAPS: dict[str, bool] = {" ": True}


def _split(text: str, start: int, out: list[tuple[int, str, bool]]) -> None:
    """One regex match -> (offset, word, glue): elision split off, possessive dropped,
    else one word."""
    if "'" not in text and "’" not in text and "ʼ" not in text:
        out.append((start, text, False))
        return
    parts = _APOS.split(text)
    head = parts[0]
    if not head:  # "ʼ" is a word character: a match may start with it
        out.append((start, text, False))
    elif len(parts) == 2 and fold(parts[1]) == "s":  # before elisions: "Kim Jong Un's" is
        out.append((start, head, False))  # no Italian "un'"
    elif fold(head) in _elisions():
        out.append((start, head, True))
        sub = _WORD.match(text, len(head) + 1)
        if sub is not None:
            _split(sub.group(), start + sub.start(), out)
    else:
        out.append((start, text, False))


def _pieces(match: str) -> Pieces:
    found = _PIECES.get(match)
    if found is None:
        raw: list[tuple[int, str, bool]] = []
        _split(match, 0, raw)
        out = []
        for i, (off, word, glue) in enumerate(raw):
            first = word[0]
            cap = first.isupper() or (first.isalpha() and not first.islower())
            end = off + len(word)
            joined = i + 1 < len(raw) and _joins(match[end : raw[i + 1][0]], glue)
            bare = word.replace(_SHY, "") if _SHY in word else word
            out.append((off, word, fold(bare), cap, len(bare) > 1 and bare.isupper(), glue,
                        joined))  # fmt: skip
        if len(_PIECES) >= CACHE:
            _PIECES.clear()
            _SIMPLE.clear()
        found = _PIECES[match] = (tuple(out), match[raw[-1][0] + len(raw[-1][1]) :])
        if len(out) == 1 and not found[1] and not out[0][5]:
            _SIMPLE[match] = (len(match), out[0][2], out[0][3], out[0][4])
    return found


def _joins(gap: str, glue: bool = False) -> bool:
    """Whether a gap after a word lets a name run on: spaces, one line break, hyphens (or
    the one apostrophe after an elided article)."""
    if glue and len(gap) == 1:
        return True
    found = _GAPS.get(gap)
    if found is None:
        if len(_GAPS) >= CACHE:
            _GAPS.clear()
            _GAPS[" "] = True
        found = _GAPS[gap] = _JOIN.fullmatch(gap) is not None
    return found


def clear_caches() -> None:
    """Forget the words and gaps seen (benchmarks measure the uncached cost with it)."""
    _PIECES.clear()
    _SIMPLE.clear()
    _GAPS.clear()
    _GAPS[" "] = True


def words(text: str) -> list[Word]:
    """Every word of the text, in order, with `joined` set from what lies between words."""
    tiles = _TILE.findall(text)  # (word, the gap after it)
    if not tiles:
        return []
    out: list[Word] = []
    append = out.append
    new, simple, gaps = tuple.__new__, _SIMPLE.get, _GAPS.get  # Word._make without its frame
    pos = _LEAD.match(text).end()  # type: ignore[union-attr]  # the gap before the first
    for match, after in tiles:
        one = simple(match)
        if one is not None:  # the common case: the match is one word
            size, folded, cap, upper = one
            joined = gaps(after)
            if joined is None:
                joined = _joins(after)
            append(new(Word, (pos, pos + size, match, folded, cap, upper, False, joined)))
            pos += size + len(after)
            continue
        pieces, tail = _pieces(match)
        for off, word, folded, cap, upper, glue, joined in pieces:
            append(new(Word, (pos + off, pos + off + len(word), word, folded, cap, upper,
                              glue, joined)))  # fmt: skip
        out[-1] = out[-1]._replace(joined=_joins(tail + after, out[-1].glue))
        pos += len(match) + len(after)
    if out[-1].joined:  # the last word: nothing follows
        out[-1] = out[-1]._replace(joined=False)
    return out


def hyphened(ws: list[Word], p: int, text: str) -> bool:
    """Whether word p is written with a hyphen to the next one ("Jong-un", "al-Qaeda")."""
    return p + 1 < len(ws) and ws[p].joined and text[ws[p].end : ws[p + 1].start] == "-"
