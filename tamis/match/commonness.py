"""How distinctive the agreeing parts of two people's names are, by how common each is.

Parts are weighted by rarity in `names._Profile` (tamis.normalise.frequency); here, a name
whose agreeing words are all common ("Carlos Perez", "Hassan Mohamed": many people bear
each) gets a cap on its score, so that it needs agreeing facts to alert. Settings:
`name.frequency` in match_weights.yml.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from tamis.match.parts import JOINED, WORD_KIND
from tamis.normalise import NameForm
from tamis.normalise.data import load_table

if TYPE_CHECKING:
    from tamis.match.names import _Profile

__all__ = ["FrequencyConfig", "common_cap", "frequency"]


class FrequencyConfig:
    """`name.frequency` of match_weights.yml: how rarity weights parts and caps scores."""

    def __init__(self, table: dict) -> None:  # type: ignore[type-arg]
        self.weight_min = float(table["weight_min"])
        self.cap_min = float(table["cap_min"])
        self.cap_slope = float(table["cap_slope"])
        self.cap_rare = float(table["cap_rare"])
        self.cap_common = float(table["cap_common"])
        self.alone = float(table["alone"])
        self.whole_min = float(table["whole_min"])


@cache
def frequency() -> FrequencyConfig:
    return FrequencyConfig(load_table("match_weights.yml")["name"]["frequency"])


def common_cap(
    q: NameForm,
    r: NameForm,
    qp: _Profile,
    rp: _Profile,
    pairs: list[tuple[int, int, float, str, str]],
) -> tuple[float, float]:
    """(highest score the agreement supports, how distinctive the agreeing words are).

    Distinctiveness = 1 - product of (1 - rarity) over the agreeing words: one rare word
    makes a name distinctive, and so do several words of middling rarity together (SADDAM
    HUSSEIN AL-TIKRITI), but not two common ones (Carlos Perez). A pair of agreeing words
    is as rare as its more common side (Mohamud ~ Mohamed is a Mohammed), a joined pair as
    its rarer side (Abdulrahman = Abdul Rahman). One word agreeing alone is weaker still
    (`alone`: Giulia ~ JULIA); an initial or particle beside it counts as a second part. No
    word agreeing -> no cap. The cap falls from 1 at `cap_rare` to `cap_min` at
    `cap_common`."""
    cfg = frequency()
    common = 1.0  # product of (1 - rarity)
    words = parts = 0
    for i, j, sim, kind, _ in pairs:
        if i < 0 or j < 0 or sim < 0.7:
            continue
        if q.tokens[i].kind != WORD_KIND or r.tokens[j].kind != WORD_KIND:
            parts += 1  # an initial or a particle beside a word (V. Putin, Abu Yasim)
            continue
        a, b = qp.rarities[i], rp.rarities[j]
        common *= 1.0 - (max(a, b) if kind == JOINED else min(a, b))
        words += 1
    if not words:
        return 1.0, 0.0
    distinct = 1.0 - common
    if words + parts == 1:
        distinct *= cfg.alone
    if distinct >= cfg.cap_rare:
        return 1.0, distinct
    t = min(1.0, (cfg.cap_rare - distinct) / (cfg.cap_rare - cfg.cap_common))
    return 1.0 - (1.0 - cfg.cap_min) * t, distinct
