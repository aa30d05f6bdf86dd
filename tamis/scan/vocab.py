"""Article words -> the listed name parts they can be, tolerant to spelling and inflection.

A listed part is known by its spelling key (`tamis.normalise.tokens.token(...).key`), so
every transliteration rule and variant table the screening engine uses applies here too:
an article word matches a listed part when their keys are equal, when the word read under a
foreign romanisation convention has the part's key ("Poutine": French for Putin), when they
share a variant group or, for words of organisation names, a concept ("fonds" = "fund",
"russe" = "russian") (exact), or when they sound alike (metaphone) and their keys differ by one edit
(near: "poutine" ~ "putin"), or when they have the same consonants and differ by at most
two vowels (near: "Lukaschenko" ~ "Lukashenka"). Inflected forms are tried without their ending ("Путина",
"Пескова", "Putins"). Stop words of the main languages (spaCy's lists, read as data
without importing spaCy) are flagged: they never start a match on their own.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from functools import cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from tamis.normalise import fold, latin, token, tokens
from tamis.normalise.data import load_table
from tamis.normalise.names import compound_heads
from tamis.normalise.scripts import is_abjad, written_in
from tamis.normalise.scripts import skeleton as abjad_skeleton  # letter classes, for abjads
from tamis.normalise.text import scripts

__all__ = ["STOP_LANGUAGES", "Lookup", "clitics", "stop_words", "variants"]

STOP_LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "ru", "uk", "ar", "fa", "tr")
# exact parts, near parts, form matched, parts matched by meaning only (a concept)
Lookup = tuple[frozenset[int], frozenset[int], str, frozenset[int]]
_NOTHING: Lookup = (frozenset(), frozenset(), "", frozenset())


def _both(hit: Lookup, other: Lookup) -> Lookup:
    """A word read two ways at once (a case form and its stem, a word and itself less a
    clitic): both readings' exact parts, near only what neither has exactly, the form of
    the word's own reading."""
    return (hit[0] | other[0], (hit[1] | other[1]) - other[0], hit[2], hit[3] | other[3])
_VOWELS = str.maketrans("", "", "aeiouy")
MIN_SKELETON = 3  # consonants a skeleton needs to propose near parts
# ... and the skeleton of a word written in an abjad, whose short vowels are unwritten: two
# consonants (الأسد "sd" = Assad, القاعدة "kd" = Qaida) propose "near" parts only; the
# name's other parts and the engine's vowel check (linking) decide among them
MIN_ABJAD_SKELETON = 2
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_GENITIVE = frozenset("ая")  # endings of a masculine name's genitive = a feminine nominative


@cache
def stop_words() -> frozenset[str]:
    """Folded stop words of STOP_LANGUAGES, from spaCy's data files (no spaCy import),
    but the names of `scan_words.yml` `not_stop`."""
    spec = importlib.util.find_spec("spacy")
    out: set[str] = set()
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    root = Path(next(iter(spec.submodule_search_locations))) / "lang"
    for lang in STOP_LANGUAGES:
        try:
            tree = ast.parse((root / lang / "stop_words.py").read_text(encoding="utf-8"))
        except (OSError, SyntaxError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.update(fold(w).replace("’", "'") for w in node.value.split())
    return frozenset(out) - {fold(str(w)) for w in load_table("scan_words.yml")["not_stop"]}


@cache
def _inflection() -> dict[str, dict[str, list[str]]]:
    table = load_table("scan_words.yml")["inflection"]
    return {k: {f: [str(x) for x in v] for f, v in d.items()} for k, d in table.items()}


def clitics() -> tuple[str, ...]:
    """Arabic clitics written onto the next word (wa- "and", bi- "with", li- "for")."""
    return tuple(_inflection()["arabic"]["prefix"])


def variants(folded: str) -> list[str]:
    """The word, then its forms without an inflectional ending or clitic, most likely first."""
    out = [folded]
    if len(folded) < 4:
        return out
    found = scripts(folded)
    table = _inflection()
    if "Cyrillic" in found:
        rules = table["cyrillic"]
    elif "Arabic" in found:
        return out + [folded[1:] for p in table["arabic"]["prefix"] if folded.startswith(p)]
    elif folded.isascii() or "Latin" in found:
        rules = table["latin"]
        if len(folded) < 5:
            return out
    else:
        return out
    for end in rules["strip"]:
        if folded.endswith(end) and len(folded) - len(end) >= 3:
            stem = folded[: -len(end)]
            out.append(stem)
            out += [stem + add for add in rules["add"]]
            break
    return out


def vowelless(key: str) -> str:
    """A spelling key's consonants, doubles collapsed: transliterations of one name differ
    mostly in their vowels ("Lukashenko" / "Lukashenka", "Hezbollah" / "Hizballah")."""
    out: list[str] = []
    for ch in key.translate(_VOWELS):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def ascii_form(folded: str) -> str | None:
    """The one ASCII part a folded word compares as; None if it has none or is a run of
    several (unsegmented script, e.g. Chinese)."""
    parts = [p for part in tokens(folded) for p in tokens(latin(part))]
    if not parts or len(parts) > 2:
        return None
    return "".join(parts)


class Vocabulary:
    """Listed spelling keys numbered, with the indexes a word lookup needs."""

    def __init__(self, keys: list[str], groups: dict[int, list[int]],
                 phon: dict[str, list[int]], concepts: dict[str, list[int]],
                 respelt: dict[str, list[int]] | None = None,
                 written: dict[int, list[str]] | None = None) -> None:  # fmt: skip
        self.keys = keys  # part number -> spelling key
        self.number = {k: n for n, k in enumerate(keys)}
        self.groups = groups  # variant group -> parts in it
        self.phon = phon  # metaphone code -> parts with it
        self.concepts = concepts  # organisation-word concept -> parts with it
        # a listed part's key under a foreign romanisation convention -> the parts: the
        # list may be the one writing a foreign way (AL-HAYYEH: Persian -eh, the press -a)
        self.respelt = respelt or {}
        # a part's ASCII forms as the lists write them, where they differ from its key: an
        # abjad's skeleton is compared with those (the key folds w and y, which Arabic
        # writes as consonants or long vowels: SINWAR's key is sinvar, YAHYA's iahia)
        self.written = written or {}
        self.skeletons: dict[str, list[int]] = {}
        for n, k in enumerate(keys):
            sk = vowelless(k)
            if len(sk) >= MIN_SKELETON:
                self.skeletons.setdefault(sk, []).append(n)
        self._cache: dict[str, Lookup] = {}
        self._abjad_index: dict[str, list[int]] | None = None

    def _abjad(self) -> dict[str, list[int]]:
        """Listed parts by the consonant skeleton an abjad (Arabic, Persian, Hebrew) leaves
        of them, letter classes folded (f/v, b/p): built on the first such word."""
        if self._abjad_index is None:
            index: dict[str, list[int]] = {}
            for n, k in enumerate(self.keys):
                for sk in {abjad_skeleton(f) for f in (k, *self.written.get(n, ()))}:
                    if len(sk) >= MIN_ABJAD_SKELETON:
                        index.setdefault(sk, []).append(n)
            self._abjad_index = index
        return self._abjad_index

    def _written_in(self, abjad: str, n: int) -> bool:
        """Whether an abjad word's letters occur in order in part n as listed (`written_in`),
        in its key or a written form."""
        return any(written_in(abjad, f) for f in (self.keys[n], *self.written.get(n, ())))

    def lookup(self, folded: str) -> Lookup:
        """(exact, near, form): the listed parts a folded word can be, and the variant of the
        word that matched (its de-inflected form), cached per word."""
        hit = self._cache.get(folded)
        if hit is None:
            if len(self._cache) > 300_000:
                self._cache.clear()
            hit = self._cache[folded] = self._lookup(folded)
        return hit

    def _lookup(self, folded: str) -> Lookup:
        stop = stop_words()
        if any(folded.startswith(p) and folded[len(p) :] in stop for p in clitics()):
            return _NOTHING  # وقال is "and said", وفي "and in": no name, whatever its letters
        forms = variants(folded)
        hit = self._first(forms)
        if hit[0] and len(forms) > 1 and folded[-1] in _GENITIVE and _CYRILLIC.match(folded):
            # a Russian genitive in -а/-я is also a woman's name in the nominative:
            # "Евгения Пригожина" is as much Евгений Пригожин's as a PRIGOZHINA's, so the
            # parts of its stem are exact too (the engine tells them apart)
            stems = self._first(forms[forms.index(hit[2]) + 1 :])
            if stems[0]:
                return _both(hit, stems)
        if hit[0] and hit[2] == folded and len(forms) > 1 and is_abjad(folded):
            # an Arabic word that is a listed part whole and also after a clitic: لحسن is
            # a Lahcen and li- + Hasan ("for Hasan Nasrallah"); both, the engine tells
            # which (it sets a clitic aside where the whole word does not agree)
            bare = self._first(forms[1:])
            if bare[0]:
                return _both(hit, bare)
        return hit

    def _first(self, forms: list[str]) -> Lookup:
        """The lookup of the first of the forms with an exact part (else the first near)."""
        fallback = _NOTHING
        for form in forms:
            text = ascii_form(form)
            if not text:
                continue
            tok = token(text)
            exact: set[int] = set()
            meant: set[int] = set()
            n = self.number.get(tok.key)
            if n is not None:
                exact.add(n)
            for g in tok.groups:
                exact.update(self.groups.get(g, ()))
            for alt, _ in tok.alts:
                m = self.number.get(alt)
                if m is not None:
                    exact.add(m)
            exact.update(self.respelt.get(tok.key, ()))
            head = compound_heads().get(text)  # "Abd" of "Abd al-Malik": prepared abdul
            if head is not None and (h := self.number.get(token(head).key)) is not None:
                exact.add(h)
            for c in tok.concepts:
                meant.update(self.concepts.get(c, ()))
            meant -= exact
            exact |= meant
            near = self._near(tok.key, tok.phon, exact)
            for alt, _ in tok.alts:  # a foreign spelling a letter or two off: Hisbollah
                near |= self._near(alt, tok.phon, exact)  # (German s = z) ~ HIZBALLAH
            if is_abjad(form):  # vowels unwritten: by consonants; two say little ("near")
                sk = abjad_skeleton(text)
                if len(sk) >= MIN_SKELETON:
                    exact.update(self._abjad().get(sk, ()))
                elif len(sk) >= MIN_ABJAD_SKELETON:  # ... where its long vowels fall too
                    near.update(m for m in self._abjad().get(sk, ())
                                if m not in exact and self._written_in(text, m))  # fmt: skip
            if exact:
                return frozenset(exact), frozenset(near), form, frozenset(meant)
            if near and not fallback[1]:
                fallback = (frozenset(), frozenset(near), form, frozenset())
        return fallback

    def _near(self, key: str, phon: str, exact: set[int]) -> set[int]:
        """Parts that sound alike and differ by one or two edits, or that have the same
        consonants and differ by at most two vowels."""
        near: set[int] = set()
        if len(key) < 4:
            return near
        if phon:
            limit = 2 if len(key) >= 8 else 1
            for m in self.phon.get(phon, ()):
                if m not in exact and Levenshtein.distance(key, self.keys[m],
                                                           score_cutoff=limit) <= limit:  # fmt: skip
                    near.add(m)
        sk = vowelless(key)
        if len(sk) >= MIN_SKELETON and len(key) >= 5:
            for m in self.skeletons.get(sk, ()):
                if m not in exact and Levenshtein.distance(key, self.keys[m],
                                                           score_cutoff=2) <= 2:  # fmt: skip
                    near.add(m)
        return near
