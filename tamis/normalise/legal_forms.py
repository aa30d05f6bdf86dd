"""Legal forms in organisation names (LLC, OOO, ООО, AO, PAO, JSC, SA, SARL, GmbH, Ltd, Corp...).

A legal form says little about which organisation a name is, so it is taken out of the name
before the name parts are compared, and kept beside it as a weak signal (an "LLC" query
against a "JSC" entry is slightly less likely the same). rigour's table (ISO 20275 and more,
in many languages and scripts) finds them anywhere in the name; `names_legal_forms.yml` adds
trailing forms rigour does not know ("CORP.", "Co.", "Pvt"). Classes are rigour's generic
compare forms: `llc`, `jsc`, `lp`, `llp`, `sp`..., and `co` for "a company" of no known form.
"""

from __future__ import annotations

import re
from functools import cache

from rigour.names import extract_org_types, remove_org_types

from tamis.normalise.data import load_table, word_list
from tamis.normalise.text import tokens, undot

__all__ = ["COMPATIBLE_CLASS", "name_like", "split_legal_forms"]

_APOSTROPHE_IN_WORD = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")

# A class every other legal-form class is compatible with.
COMPATIBLE_CLASS = "co"


@cache
def _forms(where: str) -> dict[tuple[str, ...], str]:
    """The forms of `names_legal_forms.yml` `where` ("trailing", "leading"): their words ->
    their class."""
    table = load_table("names_legal_forms.yml")[where]
    return {tuple(tokens(str(k))): str(v) for k, v in table.items()}


@cache
def _seat_after() -> dict[str, str]:
    """Forms written inside a name, before the company's seat or trade (`seat_after`):
    form -> class."""
    return {str(k): str(v) for k, v in load_table("names_legal_forms.yml")["seat_after"].items()}


@cache
def name_like() -> frozenset[str]:
    """Legal forms that are also people's name parts (`names_legal_forms.yml` name_like)."""
    return word_list("names_legal_forms.yml", "name_like")


@cache
def _edge_only() -> frozenset[str]:
    return word_list("names_legal_forms.yml", "edge_only")


def split_legal_forms(folded: str) -> tuple[list[str], tuple[str, ...]]:
    """(name parts without legal forms, legal-form classes found) of a folded name.

    When the name is nothing but legal forms ("Holding Company"), it is kept whole. A form
    that is also a common word ("in", "as": `edge_only`) counts only first or last; the
    forms of `names_legal_forms.yml` leading only first ("STATE CORPORATION ROSTEC").
    """
    parts, found = _split_forms(folded)
    seat = _seat_after()
    for k in range(1, len(parts) - 1):
        if parts[k] in seat:  # "KARNER D.O.O. LJUBLJANA": the name proper ends here
            parts, found = parts[:k], (*found, seat[parts[k]])
            break
    leading = _forms("leading")
    for size in (3, 2, 1):
        head = tuple(parts[:size])
        if len(parts) > size and head in leading:
            return parts[size:], (*found, leading[head])
    return parts, found


def _split_forms(folded: str) -> tuple[list[str], tuple[str, ...]]:
    # "u.s.a." holds no "s.a.", nor "sa'id" an "sa": an apostrophe inside a word vanishes
    # as the tokenizer drops it, before the legal-form table is read
    folded = _APOSTROPHE_IN_WORD.sub("", undot(folded))
    words = tokens(folded)
    edge = _edge_only()
    middle = [k for k in range(1, len(words) - 1) if words[k] in edge]
    if not middle:
        return _split(folded)
    parts: list[str] = []
    found: list[str] = []
    start = 0
    for k in [*middle, len(words)]:  # the name read in pieces around its middle words
        if k > start:
            piece, classes = _split(" ".join(words[start:k]), False, k == len(words))
            parts += piece
            found += classes
        parts += words[k : k + 1]
        start = k + 1
    return parts, tuple(dict.fromkeys(found))


def _split(folded: str, whole: bool = True, last: bool = True
           ) -> tuple[list[str], tuple[str, ...]]:  # fmt: skip
    """`split_legal_forms` of a name (`whole`) or of a piece of one, which may be nothing
    but legal forms; trailing forms ("CORP.") only at the `last` end."""
    found = [cls for _, cls in extract_org_types(folded, generic=True)]
    parts = tokens(remove_org_types(folded, replacement=" ")) if found else tokens(folded)
    # once more on the bare words, for forms written with stray dots ("L.T.D.", "O.O.O")
    joined = " ".join(parts)
    more = [cls for _, cls in extract_org_types(joined, generic=True)]
    if more:
        found += more
        parts = tokens(remove_org_types(joined, replacement=" "))
    if not parts:
        return (tokens(folded), ()) if whole else ([], tuple(dict.fromkeys(found)))
    trailing = _forms("trailing")
    changed = True
    while changed and last and len(parts) > 1:
        changed = False
        for size in (2, 1):
            tail = tuple(parts[-size:])
            if len(parts) > size and tail in trailing:
                found.append(trailing[tail])
                parts = parts[:-size]
                changed = True
                break
    return parts, tuple(dict.fromkeys(found))
