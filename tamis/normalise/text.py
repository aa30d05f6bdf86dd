"""Text folding shared by names, identifiers and countries: one form to compare.

`fold` is Unicode NFKC plus full case folding (so "ß" == "ss", full-width digits == ASCII
digits); `tokens` splits a folded string into name parts with rigour's Unicode-category-aware
tokenizer (punctuation splits, apostrophes and combining marks vanish: "O'Brien" -> "obrien");
`latin` transliterates one part to ASCII Latin: Hangul, Han and Devanagari by the tables of
tamis/normalise/scripts.py (the forms the lists use: "kim jong un", "xi jinping", "rahul"),
other scripts by rigour (Cyrillic, Greek, Armenian, Georgian) or normality/ICU (Arabic,
Hebrew, kana...); cached because the vocabulary of names is small. It may return several
space-separated parts (a Korean or Chinese name is written as one word).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rigour.names import tokenize_name
from rigour.text import ascii_text
from rigour.text.scripts import text_scripts

from tamis.normalise.scripts import is_abjad, romanise

__all__ = ["fold", "is_latin", "latin", "scripts", "tokens", "undot"]


# typographic apostrophes and look-alikes -> "'" (d’investissement = d'investissement)
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032"})


def fold(text: str) -> str:
    """NFKC + casefold + one apostrophe + squashed whitespace: the comparable form of any
    text."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES).split())


def tokens(text: str) -> list[str]:
    """Name parts of already folded text, in order (punctuation and apostrophes removed)."""
    return tokenize_name(undot(text))


_LETTER = r"[^\W\d_]"
# a dot between a word and a word of two letters or more parts them ("ir.shalamche",
# "v.putin", "st.petersburg"); dotted initials are one word ("u.s.a." -> "usa", so that
# its "s.a." is not read as a legal form)
_DOT_BETWEEN = re.compile(rf"(?<={_LETTER})\.(?={_LETTER}{{2}})")
_INITIALS = re.compile(rf"(?<!{_LETTER}|\.)(?:{_LETTER}\.)+{_LETTER}\.?(?!{_LETTER})")


def undot(text: str) -> str:
    """Dots in a folded name read as the writer meant them: "ir.shalamche" is two words,
    "u.s.a." one."""
    if "." not in text:
        return text
    text = _DOT_BETWEEN.sub(" ", text)
    return _INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)


@lru_cache(maxsize=200_000)
def latin(token: str) -> str:
    """The ASCII Latin form of one folded name part ("путин" -> "putin", "müller" -> "muller")."""
    if token.isascii():
        return token
    out = romanise(token)
    if out is None:
        # ICU writes the Arabic ayn and hamza and the Hebrew geresh as marks (ʿ, ʾ, ') that
        # become "?" or "'" in ASCII; the Persian zero-width non-joiner likewise: drop them
        out = ascii_text(token.translate(_MARKS)).lower()
        if is_abjad(token):
            out = _long_vowels(out)
    return _NOT_NAME.sub("", out)


_CONS = "bcdfghjklmnpqrstvxz"
_MEDIAL_W = re.compile(f"(?<=[{_CONS}])w(?=[{_CONS}])")
# not the nisba ending -iyya (ية, "yt"), which organisation words read as written
_MEDIAL_Y = re.compile(f"(?<=[{_CONS}])y(?=[{_CONS}])(?!t$)")


def _long_vowels(text: str) -> str:
    """An abjad's w and y between two consonants write the long vowels u and i (بوتين
    "bwtyn" -> "butin", فلاديمير -> "fladimir"), as Latin renderings of names have them."""
    return _MEDIAL_Y.sub("i", _MEDIAL_W.sub("u", text))


# letters ICU writes as marks: the Arabic ayn (written a, as names usually are: Abd, Jafar,
# Saad), the hamza, the Hebrew geresh, tatweel and invisible joiners
_MARKS: dict[int, str | None] = {ord(c): None for c in "\u0621\u05f3\u200c\u200d\u0640"}
_MARKS[0x0639] = "a"
_NOT_NAME = re.compile(r"[^a-z0-9 \-]")


def scripts(text: str) -> set[str]:
    """The writing systems a text uses (e.g. {"Cyrillic"}); empty for digits or punctuation."""
    if text.isascii():
        return {"Latin"} if any(c.isalpha() for c in text) else set()
    return set(text_scripts(text))


def is_latin(text: str) -> bool:
    return text.isascii() or scripts(text) <= {"Latin"}
