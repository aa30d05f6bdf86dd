"""Joined parts: one part of a name written as two adjacent parts of the other.

"Abdulrahman" = "Abdul Rahman" by text or spelling key (`join_pass`), and across scripts by
consonant skeleton: حزب الله ("hzb allh") = Hizballah (`skeleton_join`). Both record the
pair as (index, index, similarity, weight) with -2 marking the second part of the two on
the side written apart, which the explanation joins back into one part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tamis.match.parts import config, skeleton_strength
from tamis.normalise import NameForm
from tamis.normalise.scripts import skeleton

if TYPE_CHECKING:
    from tamis.match.names import _Profile

__all__ = ["article_pass", "join_pass", "skeleton_join"]


def join_pass(
    q: NameForm,
    r: NameForm,
    qp: _Profile,
    rp: _Profile,
    q_used: list[bool],
    r_used: list[bool],
) -> list[tuple[int, int, float, float]]:
    """One part against two adjacent unmatched parts written together (Abdulrahman), on
    either side. Returns (query index, list index, similarity, weight); the second part of
    the pair is recorded with -2 on the single side, marking the continuation of a joined
    part."""
    joined = config().parts["joined"]
    out: list[tuple[int, int, float, float]] = []
    for one, used1, p1, p2, used2, flip in _sides(q, r, qp, rp, q_used, r_used):
        for k, tok in enumerate(one.tokens):
            if used1[k]:
                continue
            m = p2.joins.get(tok.text, p2.joins.get(tok.key, -1))
            if m >= 0 and not used2[m] and not used2[m + 1]:
                _take(out, flip, k, m, joined, p1, p2, used1, used2)
    return out


def skeleton_join(
    q: NameForm,
    r: NameForm,
    qp: _Profile,
    rp: _Profile,
    q_used: list[bool],
    r_used: list[bool],
) -> list[tuple[int, int, float, float]]:
    """Two adjacent parts in an abjad written as one in Latin letters, or the reverse, by
    consonant skeleton (حزب الله, "hzb allh" = Hizballah). Same output as `join_pass`."""
    out: list[tuple[int, int, float, float]] = []
    for one, used1, p1, p2, used2, flip in _sides(q, r, qp, rp, q_used, r_used):
        other = r if not flip else q
        toks = other.tokens
        pairs: dict[str, int] = {}
        for m, sk in _skeletons(other)[1]:
            if not used2[m] and not used2[m + 1] and (m in p2.abjad) != (0 in p1.abjad):
                pairs.setdefault(sk, m)
        if not pairs:
            continue
        for k, sk in enumerate(_skeletons(one)[0]):
            m = pairs.get(sk, -1) if not used1[k] else -1
            if m >= 0 and not used2[m] and not used2[m + 1]:
                sim = skeleton_strength(toks[m].text + toks[m + 1].text, one.tokens[k].text)
                _take(out, flip, k, m, sim, p1, p2, used1, used2)
    return out


def article_pass(
    q: NameForm,
    r: NameForm,
    qp: _Profile,
    rp: _Profile,
    q_used: list[bool],
    r_used: list[bool],
    pairs: list[tuple[int, int, float, str, str]],
) -> list[tuple[int, int, float]]:
    """The article an abjad writes joined to its word (الحسن, "alhsn") and a Latin name
    writes apart (AL-HASSAN: "al", "hassan"): once the word agrees, the article before it
    is no part left over. (query index, list index, similarity), -2 marking the side whose
    word holds the article, as `join_pass` marks a joined part's continuation; the article
    adds no weight to the agreement."""
    out: list[tuple[int, int, float]] = []
    for i, j, sim, _, _ in pairs:
        if i < 0 or j < 0:
            continue
        if i in qp.abjad and j > 0 and not r_used[j - 1] and _article(q, i, r, j - 1):
            r_used[j - 1] = True
            out.append((-2, j - 1, sim))
        elif j in rp.abjad and i > 0 and not q_used[i - 1] and _article(r, j, q, i - 1):
            q_used[i - 1] = True
            out.append((i - 1, -2, sim))
    return out


def _article(abjad: NameForm, k: int, latin: NameForm, m: int) -> bool:
    """Whether abjad part k starts with the article and Latin part m is the article."""
    return latin.tokens[m].text in _ARTICLES and abjad.tokens[k].text.startswith("al")


_ARTICLES = frozenset({"al", "el"})


def _skeletons(form: NameForm) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
    """A name's consonant skeletons, kept with it: each part's, and (m, skeleton) of each
    two adjacent parts m, m + 1 written together that has three consonants or more."""
    found = form.memo.get("skeletons")
    if found is None:
        toks = form.tokens
        joined = ((m, skeleton(toks[m].text + toks[m + 1].text)) for m in range(len(toks) - 1))
        found = form.memo["skeletons"] = (tuple(skeleton(t.text) for t in toks),
                                          tuple((m, sk) for m, sk in joined if len(sk) >= 3))  # fmt: skip
    return found  # type: ignore[return-value]


_Side = tuple[NameForm, list[bool], "_Profile", "_Profile", list[bool], bool]


def _sides(q: NameForm, r: NameForm, qp: _Profile, rp: _Profile, q_used: list[bool],
           r_used: list[bool]) -> tuple[_Side, _Side]:  # fmt: skip
    """(single side, its used flags and profile, the other side's profile and used flags,
    flipped?): first a query part against two list parts, then the reverse."""
    return ((q, q_used, qp, rp, r_used, False), (r, r_used, rp, qp, q_used, True))


def _take(out: list[tuple[int, int, float, float]], flip: bool, k: int, m: int, sim: float,
          p1: _Profile, p2: _Profile, used1: list[bool], used2: list[bool]) -> None:  # fmt: skip
    """Record part k of one side as parts m and m + 1 of the other written together."""
    used1[k] = used2[m] = used2[m + 1] = True
    w = (p1.weights[k] + p2.weights[m]) * 0.5
    rest = p2.weights[m + 1] * 0.5
    if flip:
        out += [(m, k, sim, w), (m + 1, -2, sim, rest)]
    else:
        out += [(k, m, sim, w), (-2, m + 1, sim, rest)]
