"""Name parts as comparable tokens, computed once per distinct spelling and shared.

A `Token` is everything the scorer needs to know about one name part in Latin letters: its
ASCII text, its spelling key (transliteration variants fold together), its metaphone code,
the variant groups it belongs to, its kind (word, initial, number, weak particle), the keys it
would have read under a foreign romanisation convention (`alts`: "poutine" is French for
"putin") and the concepts it stands for in organisation names (`concepts`: "fonds" = fund). Tokens
are interned: all names that use "vladimir" share one object, which keeps a million prepared
names small and lets the scorer cache part-to-part similarities by text.
"""

from __future__ import annotations

from functools import cache

from rigour.text import metaphone

from tamis.normalise.conventions import convention_keys
from tamis.normalise.data import word_list
from tamis.normalise.org_words import word_concepts
from tamis.normalise.translit import spelling_key, variant_groups

__all__ = ["INITIAL", "NUMBER", "WEAK", "WORD", "Token", "token"]

WORD, INITIAL, NUMBER, WEAK = "word", "initial", "number", "weak"


@cache
def _weak_words() -> frozenset[str]:
    return word_list("names_parts.yml", "weak_words")


@cache
def _generic_words() -> frozenset[str]:
    return word_list("names_parts.yml", "generic_org_words")


class Token:
    """One name part in ASCII Latin letters, with its precomputed comparison keys."""

    __slots__ = ("alts", "concepts", "generic", "groups", "key", "kind", "phon", "text")

    def __init__(
        self,
        text: str,
        key: str,
        phon: str,
        groups: frozenset[int],
        kind: str,
        generic: bool,
        alts: tuple[tuple[str, str], ...] = (),
        concepts: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.key = key
        self.phon = phon
        self.groups = groups
        self.kind = kind
        self.generic = generic
        self.alts = alts  # (spelling key, convention label) under foreign conventions
        self.concepts = concepts  # organisation-word concepts ("fund", "russia")

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (
            _restore,
            (self.text, self.key, self.phon, tuple(self.groups), self.kind, self.generic,
             self.alts, tuple(self.concepts)),
        )  # fmt: skip

    def __repr__(self) -> str:
        return f"<Token {self.text!r} {self.kind}>"


_TOKENS: dict[str, Token] = {}


def _restore(
    text: str,
    key: str,
    phon: str,
    groups: tuple[int, ...],
    kind: str,
    generic: bool,
    alts: tuple[tuple[str, str], ...] = (),
    concepts: tuple[str, ...] = (),
) -> Token:
    """Unpickling: reuse the interned token if this process has one (no recomputation)."""
    tok = _TOKENS.get(text)
    if tok is None:
        tok = _TOKENS[text] = Token(
            text, key, phon, frozenset(groups), kind, generic, alts, frozenset(concepts)
        )
    return tok


def token(text: str) -> Token:
    """The interned token of one ASCII lower-case name part."""
    tok = _TOKENS.get(text)
    if tok is not None:
        return tok
    if any(c.isdigit() for c in text):
        kind, key, phon = NUMBER, text, ""
    elif len(text) == 1:
        kind, key, phon = INITIAL, text, ""
    else:
        kind = WEAK if text in _weak_words() else WORD
        key = spelling_key(text)
        phon = metaphone(text) if text.isalpha() else ""
    groups = variant_groups(key) if kind in (WORD, WEAK) else frozenset()
    alts: tuple[tuple[str, str], ...] = ()
    concepts: frozenset[str] = frozenset()
    if kind == WORD:
        alts = convention_keys(text)
        concepts = word_concepts(text)
    generic = text in _generic_words() or not concepts.isdisjoint(_generic_words())
    tok = Token(text, key, phon, groups, kind, generic, alts, concepts)
    _TOKENS[text] = tok
    return tok
