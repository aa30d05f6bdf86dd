"""Retrieval keys: the cheap stand-ins for "these two name parts could agree".

The scorer decides how well two parts agree (exact, transliteration, variant, phonetic,
typo, joined); the index only needs keys two such parts are likely to share, so that a
list entry the scorer would accept is found by looking keys up rather than by scoring
every entry. Each name part gives several keys, each with a factor (how much sharing it
says): the ASCII text (`t`), the spelling key that folds transliteration variants (`k`),
its name-variant groups (`g`), its spelling keys under foreign romanisation conventions
(also `k`: "poutine" is keyed "putin" too), its metaphone code (`p`), its one-letter
deletions (`d`, a typo within one edit), and, for names that may be organisations, the
concepts its words stand for (`c`: "fonds" and "fund" both give "c:fund"). A listed part
also gives its consonant skeleton (`s`), which a query part written in an abjad (Arabic,
Persian, Hebrew: short vowels unwritten) looks up: "bwtyn" (بوتين) meets "putin". Two
adjacent parts also give their concatenation, so "Abdul Rahman" and "Abdulrahman" meet. A query part also looks its own text and spelling
key up among the deletions, so that it finds a listed part with one letter more ("Meaar",
spelling key "mear", finds "Meamar"), a closer agreement than a shared sound. Numbers are keys like words ("11420"): a name
with a different number shares nothing through it. An initial is keyed by its letter,
which a query word meets through its first letter (`i`, a weak key).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from tamis.normalise import PER, NameForm, Token
from tamis.normalise.scripts import is_abjad, skeleton
from tamis.normalise.tokens import INITIAL, NUMBER, WORD
from tamis.normalise.translit import spelling_key

__all__ = ["FACTORS", "MIN_DELETE", "name_keys", "name_parts", "query_groups", "token_keys"]

# How much sharing one key says about two parts (the IDF of the key multiplies it).
FACTORS = {"t": 1.0, "k": 0.9, "g": 0.8, "c": 0.8, "s": 0.7, "p": 0.6, "d": 0.5, "i": 0.3}
ONE_MORE = 0.7  # a query part that is a listed part less one letter: closer than a sound
ABJAD_SKELETON = 1.0  # a query part written in an abjad: its skeleton says as much as a text
MIN_DELETE = 5  # parts shorter than this get no deletion keys: one edit is another name


def token_keys(tok: Token, org: bool = True) -> list[str]:
    """The keys of one name part (its kind decides which; concepts only when `org`)."""
    if tok.kind == INITIAL:
        return []
    text = tok.text
    if tok.kind == NUMBER:
        return ["t:" + text]
    keys = ["t:" + text, "k:" + tok.key]
    keys += [f"g:{g}" for g in tok.groups]
    keys += ["k:" + k for k, _ in tok.alts]
    if org:
        keys += ["c:" + c for c in tok.concepts]
    if tok.phon and len(text) >= 3:
        keys.append("p:" + tok.phon)
    key = tok.key
    if len(key) >= MIN_DELETE:
        keys.append("d:" + key)
        keys += ["d:" + key[:i] + key[i + 1 :] for i in range(len(key))]
    return keys


def _joined(tokens: tuple[Token, ...]) -> list[tuple[str, list[str]]]:
    """Keys of adjacent parts written together: (text key, spelling keys) per pair. The
    spelling key of the joined text too: "abd" + "al" is "abdal", whose key is "abdul"."""
    out = []
    for a, b in pairwise(tokens):
        if a.kind in (INITIAL, NUMBER) or b.kind in (INITIAL, NUMBER):
            continue
        keys = ["k:" + a.key + b.key]
        whole = spelling_key(a.text + b.text)
        if whole != a.key + b.key:
            keys.append("k:" + whole)
        out.append(("t:" + a.text + b.text, keys))
    return out


def name_parts(form: NameForm) -> list[tuple[str, list[str]]]:
    """The vocabulary entries of one name, each (label, keys): its parts, and each pair of
    adjacent parts written together (labelled by the joined text, so it is the same entry
    as a part spelled that way). An initial is keyed by its letter (`i`), which a query
    word meets through its first letter."""
    out: list[tuple[str, list[str]]] = []
    org = form.kind != PER
    for tok in form.tokens:
        if tok.kind == INITIAL:
            out.append((tok.text, ["i:" + tok.text]))
        else:
            keys = token_keys(tok, org)
            if tok.kind == WORD and len(sk := skeleton(tok.text)) >= 2:
                keys.append("s:" + sk)
            out.append((tok.text, keys))
    for text, keys in _joined(form.tokens):
        out.append((text[2:], [text, *keys]))
    return out


def name_keys(forms: Iterable[NameForm]) -> set[str]:
    """Every key of every name of one list entry."""
    return {key for form in forms for _, keys in name_parts(form) for key in keys}


def query_groups(forms: Iterable[NameForm]) -> list[tuple[dict[str, float], bool]]:
    """The keys of a query, grouped by the part they come from (a part counts once, by its
    best-shared key), each with its factor; parts repeated across the query's names once.
    The flag marks a group of two adjacent parts written together (no part of its own)."""
    groups: dict[str, dict[str, float]] = {}
    joined: set[str] = set()
    for form in forms:
        org = form.kind != PER
        for tok, written in zip(form.tokens, form.forms):
            if tok.text not in groups:
                keys = token_keys(tok, org)
                if keys:
                    group = groups[tok.text] = {k: FACTORS[k[0]] for k in keys}
                    if (
                        tok.kind == WORD
                        and is_abjad(written)
                        and len(sk := skeleton(tok.text)) >= 2
                    ):
                        group["s:" + sk] = ABJAD_SKELETON  # an abjad's best evidence
                    if tok.kind != NUMBER:
                        group["i:" + tok.text[0]] = FACTORS["i"]
                        for short in (tok.text, tok.key):  # a listed part one letter longer
                            if len(short) >= MIN_DELETE - 1:
                                group["d:" + short] = ONE_MORE
        abjad = form.abjad
        for text, keys in _joined(form.tokens):
            if text not in groups:
                groups[text] = {text: FACTORS["t"], **dict.fromkeys(keys, FACTORS["k"])}
                if abjad and len(sk := skeleton(text[2:])) >= 3:
                    groups[text]["s:" + sk] = ABJAD_SKELETON
                joined.add(text)
    return [(group, name in joined) for name, group in groups.items()]
