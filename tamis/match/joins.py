"""Joined parts: one part of a name written as two adjacent parts of the other.

"Abdulrahman" = "Abdul Rahman" by text or spelling key (`join_pass`), and across scripts by
consonant skeleton: حزب الله ("hzb allh") = Hizballah (`skeleton_join`). Both record the
pair as (index, index, similarity, weight) with -2 marking the second part of the two on
the side written apart, which the explanation joins back into one part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tamis.match.parts import config
from tamis.normalise import NameForm
from tamis.normalise.scripts import skeleton, written_in

if TYPE_CHECKING:
    from tamis.match.names import _Profile

__all__ = ["join_pass", "skeleton_join"]


def join_pass(
    q: NameForm,
    r: NameForm,
    qp: _Profile,
    rp: _Profile,
    q_used: list[bool],
    r_used: list[bool],
) -> list[tuple[int, int, float, float]]:
    """One part against two adjacent unmatched parts written together (Abdulrahman).

    Yields (query index, list index, similarity, weight); the second part of the pair is
    recorded with -2 on the single side, marking the continuation of a joined part.
    """
    joined = config().parts["joined"]
    out: list[tuple[int, int, float, float]] = []
    for k, tok in enumerate(q.tokens):
        if q_used[k]:
            continue
        m = rp.joins.get(tok.text, rp.joins.get(tok.key, -1))
        if m >= 0 and not r_used[m] and not r_used[m + 1]:
            q_used[k] = r_used[m] = r_used[m + 1] = True
            out.append((k, m, joined, (qp.weights[k] + rp.weights[m]) * 0.5))
            out.append((-2, m + 1, joined, rp.weights[m + 1] * 0.5))
    for k, tok in enumerate(r.tokens):
        if r_used[k]:
            continue
        m = qp.joins.get(tok.text, qp.joins.get(tok.key, -1))
        if m >= 0 and not q_used[m] and not q_used[m + 1]:
            r_used[k] = q_used[m] = q_used[m + 1] = True
            out.append((m, k, joined, (qp.weights[m] + rp.weights[k]) * 0.5))
            out.append((m + 1, -2, joined, qp.weights[m + 1] * 0.5))
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
    cfg = config()
    out: list[tuple[int, int, float, float]] = []
    for one, two, used1, used2, p1, p2, flip in ((q, r, q_used, r_used, qp, rp, False),
                                                   (r, q, r_used, q_used, rp, qp, True)):  # fmt: skip
        toks = two.tokens
        pairs = {}
        for m in range(len(toks) - 1):
            if not used2[m] and not used2[m + 1] and (m in p2.abjad) != (0 in p1.abjad):
                sk = skeleton(toks[m].text + toks[m + 1].text)
                if len(sk) >= 3:
                    pairs.setdefault(sk, m)
        if not pairs:
            continue
        for k, tok in enumerate(one.tokens):
            m = pairs.get(skeleton(tok.text), -1) if not used1[k] else -1
            if m >= 0 and not used2[m] and not used2[m + 1]:
                both = toks[m].text + toks[m + 1].text
                sim = cfg.parts["skeleton"] if (written_in(both, tok.text)
                                                or written_in(tok.text, both)) else cfg.parts["skeleton_vowels"]  # fmt: skip
                used1[k] = used2[m] = used2[m + 1] = True
                w = (p1.weights[k] + p2.weights[m]) * 0.5
                rest = p2.weights[m + 1] * 0.5
                if flip:
                    out += [(m, k, sim, w), (m + 1, -2, sim, rest)]
                else:
                    out += [(k, m, sim, w), (-2, m + 1, sim, rest)]
    return out
