"""Name alignment: which part of one name stands for which part of the other, and how well.

Names are compared as sets of parts, not strings: "PUTIN, Vladimir Vladimirovich" and
"Vladimir Putin" align putin=putin, vladimir=vladimir, and leave the patronymic without a
counterpart. Each pair of parts gets a similarity and a kind (exact, transliteration via the
script / a spelling key / a variant table, joined, initial, phonetic, typo); pairs are
assigned greedily, best first, each part used once. The name score is the weighted share of
agreement, where a part without a counterpart costs according to its role (a missing
patronymic little, a missing family name fully) - and a known family name that finds no
counterpart, or numbers that differ ("11420 CORP." vs "ACME 1 CORP."), cut the score.

People's name parts are weighted by how common they are (tamis.normalise.frequency): a
"Mohamed" or "Carlos" counts less than a "Putin", on both sides of the agreement and in what
it costs when missing. A person's name whose agreeing parts are all common ("Carlos Perez",
"Hassan Mohamed": many people bear each) is capped below the default threshold, so that it
needs agreeing facts (birth date, country) to raise an alert.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from tamis.match.commonness import common_cap, frequency
from tamis.match.joins import article_pass, join_pass, skeleton_join
from tamis.match.parts import (
    EXACT_MATCH,
    INITIAL_KIND,
    JOINED,
    MISSING,
    SIM_CACHE_MAX,
    SKELETON,
    WORD_KIND,
    NameConfig,
    clitic_similarity,
    concept_similarity,
    config,
    derived_similarity,
    kind_similarity,
    part_similarity,
    skeleton_similarity,
)
from tamis.normalise import OBJ, ORG, PER, NameForm, Token
from tamis.normalise.frequency import rarity
from tamis.normalise.names import FAMILY, MIDDLE, PART, PATRONYMIC
from tamis.normalise.org_words import country_concepts, is_function_word
from tamis.normalise.scripts import is_abjad
from tamis.normalise.tokens import NUMBER, WEAK
from tamis.normalise.translit import spelling_key

__all__ = ["NameAlignment", "align", "config", "part_similarity"]


class NameAlignment:
    """The outcome of aligning two names: score and the part pairs that produced it.

    `pairs`: (query index or -1, candidate index or -1, similarity, kind, rule); -1 marks a
    part with no counterpart on that side. `notes`: score factors applied (family name,
    numbers). `distinct`: how distinctive the agreeing words of people's names are (1.0
    when not measured: no cap could apply).
    """

    __slots__ = ("candidate", "distinct", "notes", "pairs", "query", "score")

    def __init__(
        self,
        query: NameForm,
        candidate: NameForm,
        score: float,
        pairs: list[tuple[int, int, float, str, str]],
        notes: tuple[str, ...],
        distinct: float = 1.0,
    ) -> None:
        self.query = query
        self.candidate = candidate
        self.score = score
        self.pairs = pairs
        self.notes = notes
        self.distinct = distinct


class _Profile:
    """Per-form, per-kind precomputation: part weights, costs when missing, family indices,
    and the adjacent pairs written together (for joined parts)."""

    __slots__ = ("abjad", "bare_extras", "bare_subset", "extras", "family", "forms", "generic",
                 "generics", "joins", "numbers", "plain", "rarities", "subset_extras",
                 "weights")  # fmt: skip

    def __init__(self, form: NameForm, kind: str, cfg: NameConfig) -> None:
        w = cfg.weights
        weights = []
        extras = []
        subset = []
        # people's words: weighted by rarity (kept for the common-name cap)
        freq = frequency() if kind == PER else None
        countries = country_concepts()
        rarities = []
        bare, bare_subset = [], []  # the costs when the other name has no generic word
        generics = []
        # a family name of several parts (Spanish, Portuguese: MADURO MOROS): the parts
        # after the first are second surnames, often left out
        seconds = [k for k, r in enumerate(form.roles) if r == FAMILY][1:]
        for k, tok in enumerate(form.tokens):
            # an organisation's function words ("in", "of", "au") weigh as particles do
            weak = tok.kind == WEAK or (kind == ORG and is_function_word(tok.text))
            generic = kind == ORG and tok.generic and tok.kind == WORD_KIND and not weak
            generics.append(generic)
            if weak:
                weight = w[WEAK]
            elif tok.kind == WORD_KIND:
                weight = w["generic"] if (kind == ORG and tok.generic) else w["word"]
            else:
                weight = w[tok.kind]
            if freq is not None and tok.kind == WORD_KIND:
                rare = rarity(tok.key, is_abjad(form.forms[k]))
                weight *= freq.weight_min + (1.0 - freq.weight_min) * rare
                rarities.append(rare)
            else:
                rarities.append(0.0)
            weights.append(weight)
            role = "org" if kind == ORG else "obj" if kind == OBJ else form.roles[k]
            if role == "org" and not tok.concepts.isdisjoint(countries):
                role = "country"  # often left out: "Bank Melli" for BANK MELLI IRAN
            if role == FAMILY and k in seconds:
                role = "second_family"
            extra, subset_extra = cfg.extra[role], cfg.subset[role]
            if weak:
                extra = min(extra, cfg.extra["weak"])
                subset_extra = min(subset_extra, cfg.subset["weak"])
            extras.append(weight * extra)
            subset.append(weight * subset_extra)
            if generic:  # "STATE CORPORATION ROSTEC" for "Rostec", "VTB BANK" for "VTB"
                extra = min(extra, cfg.extra["generic"])
                subset_extra = min(subset_extra, cfg.subset["generic"])
            bare.append(weight * extra)
            bare_subset.append(weight * subset_extra)
        self.weights = tuple(weights)
        self.rarities = tuple(rarities) if freq is not None else ()
        self.extras = tuple(extras)
        # costs when every part of the other name found a counterpart here: the remaining
        # parts of a name without known order are then extra names (middle, second surname)
        self.subset_extras = tuple(subset)
        # an organisation's words of a kind of body (state corporation, bank, group) cost
        # less when the other name is its distinctive words alone, with none of its own
        self.generics = tuple(generics)  # per part: a generic word of an organisation
        self.generic = any(generics)
        # an organisation's own words: neither generic nor particles
        self.plain = sum(1 for k, t in enumerate(form.tokens)
                         if t.kind == WORD_KIND and not t.generic and weights[k] >= w["word"])
        self.bare_extras = tuple(bare) if self.generic else self.extras
        self.bare_subset = tuple(bare_subset) if self.generic else self.subset_extras
        self.family = frozenset(k for k, r in enumerate(form.roles) if r == FAMILY)
        self.numbers = tuple(k for k, t in enumerate(form.tokens) if t.kind == NUMBER)
        self.abjad = frozenset(k for k, f in enumerate(form.forms) if is_abjad(f))
        joins: dict[str, int] = {}
        toks = form.tokens
        for m in range(len(toks) - 1):
            if toks[m].kind == WORD_KIND or toks[m + 1].kind == WORD_KIND:
                joins.setdefault(toks[m].text + toks[m + 1].text, m)
                joins.setdefault(toks[m].key + toks[m + 1].key, m)
                # the key of the joined text: "abd" + "al" = "abdal", keyed "abdul"
                joins.setdefault(spelling_key(toks[m].text + toks[m + 1].text), m)
        self.joins = joins
        # the part forms a join on the other side could be written as
        self.forms = frozenset(t.text for t in toks if len(t.text) >= 4) | frozenset(
            t.key for t in toks if len(t.text) >= 4
        )


def _profile(form: NameForm, kind: str) -> _Profile:
    prof = form.memo.get(kind)
    if prof is None:
        prof = form.memo[kind] = _Profile(form, kind, config())
    return prof  # type: ignore[return-value]


# How two parts agree in a name pair of a given sort, by their texts: the part similarity
# and what an abjad or an organisation name adds to it (None: no candidate pair). Keyed by
# (organisation?, strict organisation?, across an abjad?, a name of one part?) then the two
# texts, since tokens are interned by text; `align` reads a cell with one lookup.
_Cells = dict[str, dict[str, tuple[float, str, str] | None]]
_CELLS: defaultdict[tuple[bool, bool, bool, bool], _Cells] = defaultdict(dict)
_UNSEEN: Any = object()  # a cell not yet computed (None: computed, no agreement)


def _cell(a: Token, b: Token, cross: bool, alone: bool, org: bool,
          strict_org: bool, a_abjad: bool = False) -> tuple[float, str, str] | None:  # fmt: skip
    """The agreement of two different parts as `align` counts it, or None (`a_abjad`: of
    two parts across an abjad, the query's is the one in the abjad)."""
    hit = part_similarity(a, b)
    # (an organisation's word of known meaning, بنك "bank", is compared by its meaning, not
    # by its consonants: bnk is also PANACEA's skeleton)
    if cross and hit[0] < 0.9 and not (org and (a.concepts or b.concepts)):
        same = skeleton_similarity(a, b)  # the best evidence an abjad can give
        if same[0] == 0.0 and not alone and not org:  # a clitic on a person's name: لحسن
            same = clitic_similarity(a, b) if a_abjad else clitic_similarity(b, a)
        if same[0] > 0.0 and alone:
            # one part alone: a few consonants agree by chance (المنار ~ Manaure)
            same = (config().parts["skeleton_alone"], same[1], same[2])
        if same[0] > hit[0]:
            hit = same
    if org and hit[0] < 0.9:
        if a.concepts:
            concept = concept_similarity(a, b)
            if concept[0] == 0.0:  # ... or the kind of body, in other words
                concept = kind_similarity(a, b)
            if concept[0] > hit[0]:
                hit = concept
        ak, bk = a.key, b.key
        if hit[0] < 0.85 and ak != bk and (bk.startswith(ak) or ak.startswith(bk)):
            derived = derived_similarity(a, b)
            if derived[0] > hit[0]:
                hit = derived
    if hit[0] > 0.0 and not (strict_org and hit[1] == INITIAL_KIND):
        return hit
    return None


def align(q: NameForm, r: NameForm) -> NameAlignment:
    """Align two prepared names and score the alignment in [0, 1]."""
    kind = r.kind if r.kind != "unk" else q.kind
    qp, rp = _profile(q, kind), _profile(r, kind)
    qt, rt = q.tokens, r.tokens
    qa, ra = qp.abjad, rp.abjad
    abjad = bool(qa) != bool(ra)
    org = kind != PER and kind != OBJ  # words of organisation names compare by meaning too
    strict_org = kind == ORG  # a letter in a company's name is not an initial ("GRUPO W")
    cands = []
    nq, nr = len(qt), len(rt)
    alone = nq == 1 or nr == 1  # a name of one part (for an abjad: see `_cell`)
    plain = _CELLS[(org, strict_org, False, False)]
    crossed = _CELLS[(org, strict_org, True, alone)] if abjad else plain
    if len(plain) >= SIM_CACHE_MAX or len(crossed) >= SIM_CACHE_MAX:
        plain.clear()
        crossed.clear()
    r_abjad = [j in ra for j in range(nr)] if abjad else []
    q_abjad = False
    # equal similarities go to parts at like places ("abd al-hamid al-asadi": the query's
    # "al" before "asadi" takes the list's second "al", leaving "abd al" to join)
    for i, a in enumerate(qt):
        at = a.text
        row = plain.get(at)
        if row is None:
            row = plain[at] = {}
        xrow = row
        if abjad:
            q_abjad = i in qa
            xrow = crossed.get(at) or crossed.setdefault(at, {})
        for j, b in enumerate(rt):
            bt = b.text
            if at == bt:
                cands.append((1.0, -abs(i * nr - j * nq), -i, -j, EXACT_MATCH))
                continue
            cross = abjad and q_abjad != r_abjad[j]
            cells = xrow if cross else row
            hit = cells.get(bt, _UNSEEN)
            if hit is _UNSEEN:
                hit = cells[bt] = _cell(a, b, cross, alone, org, strict_org, q_abjad)
            if hit is not None:
                cands.append((hit[0], -abs(i * nr - j * nq), -i, -j, hit))
    if (not cands and not abjad and qp.forms.isdisjoint(rp.joins)
            and rp.forms.isdisjoint(qp.joins)):  # fmt: skip
        return NameAlignment(q, r, 0.0, [], ())  # nothing in common (parts listed on demand)
    if len(cands) > 1:
        cands.sort(reverse=True)
    q_used = [False] * nq
    r_used = [False] * nr
    pairs: list[tuple[int, int, float, str, str]] = []
    wq, wr = qp.weights, rp.weights
    num = den = 0.0
    content = initial = False
    for sim, _, ni, nj, hit in cands:
        i, j = -ni, -nj
        if q_used[i] or r_used[j]:
            continue
        q_used[i] = r_used[j] = True
        pairs.append((i, j, sim, hit[1], hit[2]))
        w = (wq[i] + wr[j]) * 0.5
        num += sim * w
        den += w
        if sim >= 0.7 and not content and qt[i].kind in _CONTENT and rt[j].kind in _CONTENT:
            content = True
        elif hit[1] == INITIAL_KIND:
            initial = True
        if len(pairs) == nq or len(pairs) == nr:
            break
    if (
        len(pairs) < nq
        and len(pairs) < nr
        and ((rp.joins and not qp.forms.isdisjoint(rp.joins))
             or (qp.joins and not rp.forms.isdisjoint(qp.joins)))
    ):  # fmt: skip
        for i, j, sim, w in join_pass(q, r, qp, rp, q_used, r_used):
            pairs.append((i, j, sim, JOINED, JOINED))
            num += sim * w
            den += w
            content = True
    if abjad and len(pairs) < nq and len(pairs) < nr:
        for i, j, sim, w in skeleton_join(q, r, qp, rp, q_used, r_used):
            pairs.append((i, j, sim, JOINED, SKELETON))
            num += sim * w
            den += w
            content = True
    if abjad and pairs and (not all(q_used) or not all(r_used)):
        for i, j, sim in article_pass(q, r, qp, rp, q_used, r_used, pairs):
            pairs.append((i, j, sim, JOINED, ARTICLE))  # no part left over, no agreement
    # a whole name of 2+ parts found inside the other: the other's remaining parts are extra
    # names (middle names, a second surname); a one-part name (a nickname) does not count
    q_all = nq > 1 and all(q_used)
    r_all = nr > 1 and all(r_used)
    if strict_org and nq == 1 and q_used[0] and not qp.generic:  # "VTB" in VTB BANK
        q_all = all(g for g, used in zip(rp.generics, r_used) if not used)
    if strict_org and nr == 1 and r_used[0] and not rp.generic:
        r_all = all(g for g, used in zip(qp.generics, q_used) if not used)
    # the other name found whole inside this one: this one's remaining generic words cost
    # little when the other has none, or two words of its own besides ("Shahed Aviation
    # Industries" for ... INDUSTRIES RESEARCH CENTER; "News Agency" is a description)
    if rp.generic and not (r_all and rp.plain >= 2):
        q_extras = qp.subset_extras if r_all else qp.extras
    else:
        q_extras = qp.bare_subset if r_all else qp.bare_extras
    if qp.generic and not (q_all and qp.plain >= 2):
        r_extras = rp.subset_extras if q_all else rp.extras
    else:
        r_extras = rp.bare_subset if q_all else rp.bare_extras
    # a name in Arabic script (its order as written: given name, father's, grandfather's)
    # whose first part is left over while the other name is found in the rest of it: that
    # rest is the chain of a parent's names (محمد عبد السلام in عائشة محمد عبد السلام), and
    # the first name is missing, not an extra. (Latin names keep order-free scores.)
    if (qa or ra) and not strict_org and kind != OBJ:
        first = config().subset["chain_first"]
        if q_all and _chain(r, r_used):
            r_extras = (rp.weights[0] * first, *r_extras[1:])
        if r_all and _chain(q, q_used):
            q_extras = (qp.weights[0] * first, *q_extras[1:])
    partial = False  # a part left over that an initial cannot excuse
    for i in range(nq):
        if not q_used[i]:
            den += q_extras[i]
            pairs.append((i, -1, 0.0, MISSING, MISSING))
            partial = partial or q.roles[i] not in _EXCUSED
    for j in range(nr):
        if not r_used[j]:
            den += r_extras[j]
            pairs.append((-1, j, 0.0, MISSING, MISSING))
            partial = partial or r.roles[j] not in _EXCUSED
    score = num / den if den else 0.0
    notes: tuple[str, ...] = ()
    leftover = partial  # a part without counterpart, other than a patronymic or middle name
    partial = initial and partial
    if score > 0.0 and (
        not content or partial or rp.family or qp.family or (qp.numbers and rp.numbers)
    ):
        score, notes = _penalties(qp, rp, q_used, r_used, pairs, content, partial, score)
    distinct = 1.0
    if content and qp.rarities and rp.rarities and score > frequency().cap_min:
        cap, distinct = common_cap(q, r, qp, rp, pairs)
        if score <= cap:
            pass
        elif distinct >= frequency().whole_min and not leftover and _whole(q, r, pairs):
            notes += (f"{WHOLE_NOTE} (distinctiveness {distinct:.2f})",)
        else:  # above the cap a score rises only by `cap_slope` (order kept)
            score = cap + (score - cap) * frequency().cap_slope
            notes += (f"{COMMON_NOTE} (distinctiveness {distinct:.2f})",)
    return NameAlignment(q, r, score, pairs, notes, distinct)


def _chain(form: NameForm, used: list[bool]) -> bool:
    """Whether a name of 3+ parts of unknown order has its first word left over."""
    return (len(used) >= 3 and not used[0] and form.roles[0] == PART
            and form.tokens[0].kind == WORD_KIND)  # fmt: skip


ARTICLE = "article joined"  # the rule of an Arabic article written onto its word (الحسن)
COMMON_NOTE = "only common name parts agree"
WHOLE_NOTE = "the whole name agrees, though its parts are common"


def _whole(q: NameForm, r: NameForm, pairs: list[tuple[int, int, float, str, str]]) -> bool:
    """Whether two names agree in full, word for word (2+ words, none only alike): a
    person's whole name of common parts is not capped unless very common (`whole_min`):
    "Maria Zakharova" for ZAKHAROVA, Maria Vladimirovna alerts, as a screening must;
    "Carlos Pérez" for PEREZ AMPUEDA, Carlos Alfredo, a common name inside a longer one,
    does not, nor "Ali Hassan" for ALI HASSAN. Patronymics and middle names may be left out."""
    words = 0
    for i, j, sim, _, _ in pairs:
        if i >= 0 and j >= 0:
            if sim < WHOLE_SIMILARITY:
                return False
            words += q.tokens[i].kind == WORD_KIND and r.tokens[j].kind == WORD_KIND
    return words >= 2


WHOLE_SIMILARITY = 0.9  # a transliteration or variant at least (not a typo, not phonetic)
_CONTENT = frozenset({WORD_KIND, NUMBER})
# parts a name may lack even when an initial stands for one of its names (V. Putin for
# PUTIN, Vladimir Vladimirovich): patronymics and known middle names
_EXCUSED = frozenset({PATRONYMIC, MIDDLE})


def _penalties(
    qp: _Profile,
    rp: _Profile,
    q_used: list[bool],
    r_used: list[bool],
    pairs: list[tuple[int, int, float, str, str]],
    content: bool,
    partial: bool,
    score: float,
) -> tuple[float, tuple[str, ...]]:
    cfg = config()
    notes = []
    if not content:
        score *= cfg.no_content
        notes.append("only initials or particles agree")
    elif partial:
        score *= cfg.initial_partial
        notes.append("an initial agrees but other parts have no counterpart")
    low = cfg.family_min
    if (
        rp.family
        and not any(p[1] in rp.family and p[2] >= low for p in pairs)
        or qp.family
        and not any(p[0] in qp.family and p[2] >= low for p in pairs)
    ):
        score *= cfg.family_mismatch
        notes.append("family name has no counterpart")
    if any(not q_used[k] for k in qp.numbers) and any(not r_used[k] for k in rp.numbers):
        score *= cfg.number_conflict
        notes.append("numbers differ")
    return score, tuple(notes)
