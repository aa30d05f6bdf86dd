"""Text folding shared by names, identifiers and countries: one form to compare.

`fold` is Unicode NFKC plus full case folding (so "ß" == "ss", full-width digits == ASCII
digits); `tokens` splits a folded string into name parts with rigour's Unicode-category-aware
tokenizer (punctuation splits, apostrophes and combining marks vanish: "O'Brien" -> "obrien");
`latin` transliterates one part to ASCII Latin (rigour: Cyrillic, Greek, Armenian, Georgian,
Hangul; normality/ICU for other scripts), cached because the vocabulary of names is small.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rigour.names import tokenize_name
from rigour.text import ascii_text
from rigour.text.scripts import text_scripts

__all__ = ["fold", "is_latin", "latin", "scripts", "tokens"]


def fold(text: str) -> str:
    """NFKC + casefold + squashed whitespace: the comparable form of any text."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def tokens(text: str) -> list[str]:
    """Name parts of already folded text, in order (punctuation and apostrophes removed)."""
    return tokenize_name(text)


@lru_cache(maxsize=200_000)
def latin(token: str) -> str:
    """The ASCII Latin form of one folded name part ("путин" -> "putin", "müller" -> "muller")."""
    if token.isascii():
        return token
    out = ascii_text(token).lower()
    return out


def scripts(text: str) -> set[str]:
    """The writing systems a text uses (e.g. {"Cyrillic"}); empty for digits or punctuation."""
    if text.isascii():
        return {"Latin"} if any(c.isalpha() for c in text) else set()
    return set(text_scripts(text))


def is_latin(text: str) -> bool:
    return text.isascii() or scripts(text) <= {"Latin"}
