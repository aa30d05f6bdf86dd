"""Comparing names across writing systems: romanisers for some scripts, skeletons for abjads.

`romanise` writes a name part in Hangul, Han or Devanagari the way sanctions lists write such
names (tables in `names_conventions.yml`, `scripts`): Korean syllables in the DPRK /
McCune-Reischauer way as separate parts with surname spellings (김정은 -> "kim jong un"),
Chinese names as surname + joined given name in pinyin with surname readings (习近平 ->
"xi jinping", 曾 -> Zeng), Devanagari without the unspoken final inherent vowel (राहुल ->
"rahul"). Other scripts are left to the generic transliteration (returns None).

Arabic, Persian and Hebrew leave short vowels unwritten and have no letters for some Latin
sounds (Arabic has no v or p: Vladimir is written with f, Putin with b), so a name in those
scripts, once in Latin letters, is compared with a Latin list name by its consonant skeleton:
letters the script cannot tell apart fall into one class (`names_conventions.yml`,
`skeleton`), vowels and the letters that also write vowels (w, y) are dropped after the first
sound, an initial vowel or glottal letter is dropped, and a leading article "al" goes.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rigour.text import ascii_text

from tamis.normalise.data import load_table

__all__ = ["is_abjad", "letter_classes", "romanise", "skeleton", "starts_with_vowel",
           "written_in"]


@cache
def _table() -> tuple[tuple[tuple[re.Pattern[str], str], ...], dict[int, str | None], str]:
    """(digraph rules, letter classes as a translate table, vowels) from the YAML."""
    data = load_table("names_conventions.yml")["skeleton"]
    digraphs = tuple((re.compile(str(s)), str(d)) for s, d in data["digraphs"])
    classes: dict[int, str | None] = {}
    for canon, letters in data["classes"].items():
        for ch in str(letters):
            classes[ord(ch)] = str(canon)
    return digraphs, classes, str(data["vowels"])


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """The consonant skeleton of one ASCII name part (or its spelling key).

    "vladimir", "wladimir" and Arabic "fladymyr" -> "fldmr"; "putin" and "bwtyn" -> "btn";
    "muhammad" and "mhmd" -> "mhmd"; "al-asad"/"alasad" -> "sd".
    """
    vowels = _table()[2]
    key = letter_classes(key)
    # the vowel letters (and w, y, which Arabic also uses for long vowels) go; a first w
    # or y is a consonant (Walid, Yusuf) and stays
    head = key[:1] if key[:1] not in vowels else ""
    body = "".join(c for c in key[1:] if c not in vowels and c not in "wy")
    return head + body


@lru_cache(maxsize=200_000)
def letter_classes(key: str) -> str:
    """A part with the letters an abjad cannot tell apart folded into one class (and its
    digraphs and doubled letters made single), vowels kept: "bashar" -> "bacar"."""
    digraphs, classes, _ = _table()
    if key.startswith("al") and len(key) > 4:
        key = key[2:]
    for pattern, dst in digraphs:
        key = pattern.sub(dst, key)
    return re.sub(r"(.)\1+", r"\1", key.translate(classes))  # doubled letters: one (shadda)


def written_in(abjad: str, latin: str) -> bool:
    """Whether an abjad part's letters (consonants and long vowels, in Latin) occur in
    order in a Latin part: بشار "bshar" is in Bashar, not in Bushra."""
    a, b = letter_classes(abjad), letter_classes(latin)
    if not a or not b or (a[0] in "aeiou") != (b[0] in "aeiou"):
        return False  # a first vowel is written (ا, ع): نصر "nsr" is not Ansar
    rest = iter(b[:1] + b[1:].translate(_VOWEL_LETTERS))
    return all(ch in rest for ch in a[:1] + a[1:].translate(_VOWEL_LETTERS))


def starts_with_vowel(text: str) -> bool:
    """Whether a part (in Latin letters) begins with a vowel: an abjad writes an initial
    vowel (ا, ع), so نصر "nsr" cannot be Ansar, whatever its consonants."""
    first = letter_classes(text)[:1]
    return bool(first) and first in "aeiou"


# after the first letter, w and y write the long vowels u and i; o and e are their short
# Latin spellings (Younis = ywns = yunis)
_VOWEL_LETTERS = str.maketrans("wyoe", "uiui")


def is_abjad(text: str) -> bool:
    """Written in Arabic (incl. Persian, Urdu) or Hebrew script: short vowels unwritten."""
    return not text.isascii() and any(
        "\u0590" <= c <= "\u08ff" or "\ufb1d" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"
        for c in text
    )


@cache
def _scripts() -> dict:  # type: ignore[type-arg]
    return load_table("names_conventions.yml")["scripts"]  # type: ignore[no-any-return]


def _hangul(text: str) -> str:
    """Korean syllables as separate parts, the first one read as a surname."""
    table = _scripts()["hangul"]
    ini, med, fin = table["initials"], table["medials"], table["finals"]
    out = []
    for i, ch in enumerate(text):
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch)
            continue
        if i == 0 and ch in table["surnames"]:
            out.append(str(table["surnames"][ch]))
            continue
        out.append(ini[code // 588] + med[(code % 588) // 28] + fin[code % 28])
    return " ".join(p for p in out if p)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _han(text: str) -> str:
    """A Chinese personal name (2-3 characters, 4 with a compound surname) as "surname givenname"; longer text (an
    organisation) as one part per syllable, as the generic transliteration gives it."""
    surnames = _scripts()["han_surnames"]
    size = 2 if len(text) >= 3 and text[:2] in surnames else 1
    if not 2 <= len(text) <= 3 + (size - 1):  # a longer text is not one person's name
        return ascii_text(text).lower()
    head = text[:size]
    family = surnames.get(head) or "".join(ascii_text(c).lower() for c in head)
    given = "".join(ascii_text(c).lower() for c in text[size:])
    return f"{family} {given}"


_VIRAMA, _NUKTA = "\u094d", "\u093c"


def _devanagari(text: str) -> str:
    """Letter by letter, the inherent vowel written except after the last consonant."""
    table = _scripts()["devanagari"]
    cons, nukta, vowels = table["consonants"], table["nukta"], table["vowels"]
    signs, marks = table["signs"], table["marks"]
    out: list[str] = []
    pending = False  # the last letter was a consonant still carrying its inherent "a"
    cluster = False  # ... and it ended a consonant cluster (kept at the end: Narendra)
    prev_virama = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in cons:
            if pending:
                out.append("a")
            letter = cons[ch]
            if i + 1 < len(text) and text[i + 1] == _NUKTA:
                letter = nukta.get(ch, letter)
                i += 1
            out.append(letter)
            cluster, pending = prev_virama, True
            prev_virama = False
        elif ch == _VIRAMA:
            pending, prev_virama = False, True
        else:
            prev_virama = False
            if ch in signs:
                out.append(signs[ch])
                pending = False
            else:
                if pending:
                    out.append("a")
                    pending = False
                if ch in vowels:
                    out.append(vowels[ch])
                elif ch in marks:
                    out.append(marks[ch])
                else:
                    out.append(ch)
        i += 1
    if pending and (cluster or len(out) == 1):
        out.append("a")
    return "".join(out)


@lru_cache(maxsize=100_000)
def romanise(token: str) -> str | None:
    """The Latin form of one folded name part in Hangul, Han or Devanagari (several parts
    separated by spaces when the script writes a whole name as one word); None otherwise."""
    first = token[:1]
    if not first or first.isascii():
        return None
    if "\uac00" <= first <= "\ud7a3":
        return _hangul(token)
    if _is_han(first) and all(_is_han(c) for c in token):
        return _han(token)
    if "\u0900" <= first <= "\u097f":
        return _devanagari(token)
    return None
