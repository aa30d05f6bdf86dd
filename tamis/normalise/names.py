"""A name string -> a `NameForm`: the parts to compare, each with its role, plus legal forms.

Steps: NFKC + case folding; for people (and names of unknown kind) "SURNAME, Given Middle" is
read as family name + given names, and leading titles and honorifics are dropped
(`names_titles.yml` and rigour's person prefixes); for organisations legal forms are taken
out and kept aside (`legal_forms`), elided articles are split off ("d'investissement") and
compounds made of table words are split ("direktinvestitionsfonds", `org_words`); every part is transliterated to ASCII Latin and interned
as a `Token`. Order is kept only to assign roles: the scorer compares parts as sets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rigour._core import obj_name_prefixes_list, person_name_prefixes_list

from tamis.normalise.data import load_table
from tamis.normalise.legal_forms import split_legal_forms
from tamis.normalise.org_words import split_compound, unelide
from tamis.normalise.scripts import is_abjad
from tamis.normalise.text import fold, latin, tokens
from tamis.normalise.tokens import INITIAL, NUMBER, WEAK, Token, token

__all__ = ["OBJ", "ORG", "PER", "UNK", "NameForm", "name_form"]

PER, ORG, OBJ, UNK = "per", "org", "obj", "unk"

# Roles of name parts. PART = no role known (organisation words, unknown order).
GIVEN, MIDDLE, FAMILY, PATRONYMIC, PART = "given", "middle", "family", "patronymic", "part"


class NameForm:
    """One name, ready to compare: tokens with their original forms and roles."""

    __slots__ = ("forms", "kind", "legal", "memo", "original", "roles", "tokens")

    def __init__(
        self,
        original: str,
        kind: str,
        forms: tuple[str, ...],
        tokens: tuple[Token, ...],
        roles: tuple[str, ...],
        legal: tuple[str, ...],
    ) -> None:
        self.original = original
        self.kind = kind
        self.forms = forms
        self.tokens = tokens
        self.roles = roles
        self.legal = legal
        self.memo: dict[str, object] = {}  # scorer's per-form precomputations, not pickled

    def __getstate__(self) -> tuple[object, ...]:
        return (self.original, self.kind, self.forms, self.tokens, self.roles, self.legal)

    def __setstate__(self, state: tuple) -> None:  # type: ignore[type-arg]
        (self.original, self.kind, self.forms, self.tokens, self.roles, self.legal) = state
        self.memo = {}

    @property
    def abjad(self) -> bool:
        """Some part is written in an abjad (Arabic, Persian, Hebrew): vowels unwritten."""
        return any(is_abjad(f) for f in self.forms)

    @property
    def signature(self) -> tuple[str, ...]:
        """Sorted token texts: two names with the same signature compare identically."""
        return tuple(sorted(t.text for t in self.tokens)) + tuple(sorted(self.legal))

    def __repr__(self) -> str:
        parts = " ".join(f"{t.text}/{r}" for t, r in zip(self.tokens, self.roles))
        return f"<NameForm {self.kind} {parts} legal={list(self.legal)}>"


@cache
def _titles() -> tuple[frozenset[tuple[str, ...]], int]:
    words = [str(w) for w in load_table("names_titles.yml")["titles"]]
    words += person_name_prefixes_list()
    seqs = {tuple(tokens(fold(w))) for w in words}
    seqs.discard(())
    return frozenset(seqs), max(len(s) for s in seqs)


@cache
def _obj_prefixes() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(tokens(fold(w))) for w in obj_name_prefixes_list()) - {()}


def _strip_head(parts: list[str], table: frozenset[tuple[str, ...]], longest: int) -> list[str]:
    """Drop a leading run of titles, keeping at least one part."""
    changed = True
    while changed:
        changed = False
        for size in range(min(longest, len(parts) - 1), 0, -1):
            if tuple(parts[:size]) in table:
                parts = parts[size:]
                changed = True
                break
    return parts


@cache
def _patronymic_suffixes() -> tuple[str, ...]:
    return tuple(str(s) for s in load_table("names_parts.yml")["patronymic_suffixes"])


def is_patronymic(text: str) -> bool:
    return len(text) > 6 and text.endswith(_patronymic_suffixes())


def compound_heads() -> dict[str, str]:
    """Words that begin a compound name with the article after them ("abd" of Abd al-Malik)
    -> the compound's first part as names are prepared ("abdul")."""
    return _compounds()[0]


@cache
def _compounds() -> tuple[dict[str, str], tuple[str, ...]]:
    table = load_table("names_parts.yml")
    heads = {str(k): str(v) for k, v in table["compound_heads"].items()}
    articles = tuple(sorted((str(a) for a in table["compound_articles"]), key=len, reverse=True))
    return heads, articles


def _abd_compounds(forms: list[str], toks: list[Token], roles: list[str]) -> None:
    """ "abd al malik", "abd almalik" (Arabic script writes the article onto the next
    word: عبد الملك) -> "abdul malik", in place: one spelling for the theophoric compound,
    as "Abdul Malik" is written. The parts keep their forms (and so their script)."""
    heads, articles = _compounds()
    i = 0
    while i < len(toks) - 1:
        head = heads.get(toks[i].text)
        nxt = toks[i + 1].text
        if head is not None and nxt in articles and i + 2 < len(toks):
            toks[i] = token(head)
            del forms[i + 1], toks[i + 1], roles[i + 1]
        elif head is not None:
            art = next((a for a in articles if nxt.startswith(a) and len(nxt) > len(a) + 2), None)
            if art is not None:
                toks[i], toks[i + 1] = token(head), token(nxt[len(art) :])
        i += 1


def _person_roles(head: list[str] | None, given: list[str]) -> list[str]:
    """Roles of a person's parts: explicit with a comma; without one, order says nothing."""
    if head is not None:
        roles = [FAMILY] * len(head)
        roles += [GIVEN if i == 0 else MIDDLE for i in range(len(given))]
        return roles
    return [PART] * len(given)


# "M/V", "M.T.", "S/S" at the head of a name of unknown kind: a vessel, not initials.
_VESSEL_HEAD = re.compile(r"^(?:m\s*[/.]\s*[vty]|s\s*/\s*s)\.?\s+")


def name_form(text: str, kind: str = UNK, family: Iterable[str] = ()) -> NameForm | None:
    """Prepare one name of a person (PER), organisation (ORG), object (OBJ) or unknown (UNK).

    `family`: folded surname parts known from elsewhere (an FtM `lastName`), marking them as
    the family name. Returns None when nothing comparable is left.
    """
    folded = fold(text)
    if kind == UNK and _VESSEL_HEAD.match(folded):
        folded, kind = _VESSEL_HEAD.sub("", folded), OBJ
    legal: tuple[str, ...] = ()
    head: list[str] | None = None
    if kind in (ORG, UNK):
        folded = unelide(folded)
        parts, legal = split_legal_forms(folded)
        if legal and kind == UNK:
            kind = ORG
    if kind in (PER, UNK):
        titles, longest = _titles()
        if "," in folded:
            left, right = folded.split(",", 1)
            head, rest = tokens(left), tokens(right)
            if head and rest and len(head) <= 3:
                rest = _strip_head(rest, titles, longest)
                parts = head + rest
            else:
                head = None
        if head is None:
            parts = _strip_head(tokens(folded), titles, longest)
            rest = parts
        raw_roles = _person_roles(head, rest)
    else:
        if kind == OBJ:
            parts = _strip_head(tokens(folded), _obj_prefixes(), 2)
        raw_roles = [PART] * len(parts)
    family_set = set(family)
    forms: list[str] = []
    toks: list[Token] = []
    roles: list[str] = []
    for part, role in zip(parts, raw_roles):
        if part in family_set and kind != ORG:
            role = FAMILY
        subs = tokens(latin(part)) or [part]
        if kind in (ORG, UNK):
            subs = [piece for sub in subs for piece in (split_compound(sub) or (sub,))]
        for sub in subs:
            tok = token(sub)
            r = role
            if kind != ORG and tok.kind not in (INITIAL, NUMBER, WEAK) and is_patronymic(sub):
                r = PATRONYMIC if role != FAMILY else role
            forms.append(part)
            toks.append(tok)
            roles.append(r if kind != ORG else PART)
    if not toks:
        return None
    if kind != ORG and len(toks) > 1:
        _abd_compounds(forms, toks, roles)
    return NameForm(text, kind, tuple(forms), tuple(toks), tuple(roles), legal)


@cache
def _gender_endings() -> tuple[tuple[str, str], ...]:
    table = load_table("names_parts.yml")["patronymic_gender"]
    pairs = [(str(end), str(g)) for g, ends in table.items() for end in ends]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def patronymic_gender(form: NameForm) -> str | None:
    """ "male"/"female" when the name carries a gendered patronymic (Sergeevich, Dmitriyevna)."""
    for tok, role in zip(form.tokens, form.roles):
        if role == PATRONYMIC:
            for end, gender in _gender_endings():
                if tok.text.endswith(end):
                    return gender
    return None
