"""How well two name parts agree, and in what way: the part-to-part similarity.

Kinds: exact; transliteration (same letters once in Latin script, same spelling key, or listed
variants of one name); initial (V. = Vladimir); phonetic (same metaphone code, few edits);
typo (within an edit budget that grows with length; two letters swapped are one edit).
Short parts (4 letters or fewer) get little credit for a one-letter difference: Jon / John
/ Joan are as often different names as typos. Numbers agree only when equal. Results are
cached by the two texts, since names reuse a small vocabulary. Similarities are set in
match_weights.yml (`name.parts`).
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from tamis.normalise import Token
from tamis.normalise.data import load_table
from tamis.normalise.org_words import derived_ending, same_kind
from tamis.normalise.scripts import skeleton, starts_with_vowel, written_in
from tamis.normalise.tokens import INITIAL, NUMBER, WEAK

__all__ = ["EXACT", "MISSING", "NameConfig", "concept_similarity", "config", "derived_similarity",
           "kind_similarity", "part_similarity"]

# Kinds of agreement between two parts (the explanation's vocabulary).
EXACT, TRANSLIT, JOINED, INITIAL_KIND = "exact", "transliteration", "joined", "initial"
PHONETIC, TYPO, MISSING = "phonetic", "typo", "missing"
# Which rule made two parts agree, for "transliteration" (and the others: the kind itself).
SCRIPT, SPELLING, VARIANT = "script", "spelling", "variant"
ROMANISATION, SKELETON = "romanisation", "skeleton"
ARABIC = "Arabic romanisation"
TRANSLATION = "translation"  # the same word of an organisation name in another language
WORD_KIND = "word"


class NameConfig:
    """The `name` section of match_weights.yml as attributes (read once)."""

    def __init__(self, table: dict) -> None:  # type: ignore[type-arg]
        parts = table["parts"]
        self.parts = {k: float(v) for k, v in parts.items()}
        self.weights = {k: float(v) for k, v in table["weights"].items()}
        self.extra = {k: float(v) for k, v in table["extra"].items()}
        self.subset = {k: float(v) for k, v in table["subset"].items()}
        self.family_mismatch = float(table["family_mismatch"])
        self.family_min = float(table["family_min"])
        self.number_conflict = float(table["number_conflict"])
        self.no_content = float(table["no_content"])
        self.initial_partial = float(table["initial_partial"])
        self.props = {k: float(v) for k, v in table["props"].items()}


_CONFIG: list[NameConfig] = []


def config() -> NameConfig:
    """The name-scoring settings (read once)."""
    if not _CONFIG:
        _CONFIG.append(NameConfig(load_table("match_weights.yml")["name"]))
    return _CONFIG[0]


_NONE = (0.0, "", "")
# part-to-part similarities by text: {query part: {list part: result}}, bounded
SIM_CACHE: dict[str, dict[str, tuple[float, str, str]]] = {}
SIM_CACHE_MAX = 100_000


def _similarity(a: Token, b: Token) -> tuple[float, str, str]:
    """(similarity, kind, rule) of two different parts; similarity 0 = unrelated."""
    cfg = config().parts
    ka, kb = a.kind, b.kind
    if ka != WORD_KIND or kb != WORD_KIND:
        if ka == NUMBER or kb == NUMBER:
            return _NONE  # numbers agree only when equal
        if ka == INITIAL or kb == INITIAL:
            if ka == kb:
                return _NONE
            letter, word = (a, b) if ka == INITIAL else (b, a)
            if word.kind != WEAK and word.text[0] == letter.text:
                return cfg["initial"], INITIAL_KIND, INITIAL_KIND
            return _NONE
    ak, bk = a.key, b.key
    if ak == bk:
        return cfg["spelling"], TRANSLIT, SPELLING
    if a.groups and a.groups & b.groups:
        return cfg["variant"], TRANSLIT, VARIANT
    for k, label in a.alts:  # a foreign romanisation convention (Poutine = Putin)
        if k == bk:
            return cfg["convention"], TRANSLIT, label
    for k, label in b.alts:
        if k == ak:
            return cfg["convention"], TRANSLIT, label
    at, bt = a.text, b.text
    la, lb = len(at), len(bt)
    short = min(lb, la)
    budget = 1 if short <= 7 else 2 if short <= 11 else 3
    phonetic = a.phon == b.phon and bool(a.phon)
    if not phonetic and abs(la - lb) > budget + 2 and abs(len(ak) - len(bk)) > budget:
        return _NONE  # too different in length to be within the edit budget
    dist = _edits(ak, bk, score_cutoff=budget + 1)
    if dist > 0:  # the spelling rules can also move two forms apart (Kalaf / Khalaf)
        d2 = _edits(at, bt, score_cutoff=budget + 1)
        dist = min(dist, d2)
    # Korean/Chinese romanisations (Jang / Chang)
    if dist > 1 and (_loose(ak) == _loose(bk) or _loose(at) == _loose(bt)):
        return cfg["romanisation"], TRANSLIT, ROMANISATION
    if dist > 1 and ("q" in ak) != ("q" in bk) and _arabic(ak) == _arabic(bk):
        return cfg["romanisation"], TRANSLIT, ARABIC
    if max(la, lb) <= 4:  # in short names one edit is as often another name as a typo
        if dist > 1:
            return _NONE
        if phonetic:
            return cfg["short_phonetic"], PHONETIC, PHONETIC
        return cfg["short_typo"], TYPO, TYPO
    if dist <= budget:
        lmax = max(len(bk), len(ak))
        scale = cfg["typo_scale_short"] if lmax <= 6 else cfg["typo_scale"]
        sim = 1.0 - scale * dist / lmax
        if phonetic and cfg["phonetic"] > sim:
            return cfg["phonetic"], PHONETIC, PHONETIC
        return sim, TYPO, TYPO
    if phonetic and dist <= budget + 1:
        return cfg["phonetic"] - 0.1, PHONETIC, PHONETIC
    return _NONE


# edits as people make them: a letter changed, added, dropped, or two swapped (Lahbous /
# Lhabous is one edit, not two: optimal string alignment distance)
_edits = OSA.distance


def _loose(key: str) -> str:
    """A looser key for romanisation systems of Korean (McCune-Reischauer / Revised) and
    Chinese that write one sound as ch or j, eo or o: Chang = Jang, Chong = Jeong."""
    return key.replace("ch", "j").replace("eo", "o")


_ARABIC = str.maketrans("qeo", "kiu")


def _arabic(key: str) -> str:
    """A looser key for the romanisations of Arabic names, which write ق as q or k and
    its three vowels a, i, u also as e and o: Katerji = Qatirji, Kassem = Qasim. Tried
    only when one of the two parts has a q, the mark of an Arabic-style romanisation."""
    return key.translate(_ARABIC)


SKELETON_CACHE: dict[tuple[str, str], tuple[float, str, str]] = {}


def skeleton_similarity(a: Token, b: Token) -> tuple[float, str, str]:
    """Agreement of a part written in an abjad with a part in Latin letters, by skeleton
    (cached by the two texts, like `part_similarity`)."""
    pair = (a.text, b.text)
    hit = SKELETON_CACHE.get(pair)
    if hit is None:
        if len(SKELETON_CACHE) >= SIM_CACHE_MAX:
            SKELETON_CACHE.clear()
        hit = SKELETON_CACHE[pair] = _skeleton_similarity(a, b)
    return hit


def _skeleton_similarity(a: Token, b: Token) -> tuple[float, str, str]:
    if a.kind != WORD_KIND or b.kind != WORD_KIND:
        return _NONE
    sa = {skeleton(a.key), skeleton(a.text)}
    if any(len(s) >= 2 and s in sa for s in (skeleton(b.key), skeleton(b.text))):
        return skeleton_strength(a.text, b.text), TRANSLIT, SKELETON
    return _NONE


# the Arabic clitics written onto the next word, as the script's transliteration begins:
# wa- "and" (و), bi- "with" (ب), li- "for" (ل); "لحسن نصر الله" is li- + Hasan Nasrallah
_CLITICS = ("w", "b", "l")
CLITIC = "clitic"


def clitic_similarity(abjad: Token, latin: Token) -> tuple[float, str, str]:
    """Agreement of a part written in an abjad, less a clitic on its front, with a part in
    Latin letters by skeleton (`skeleton_similarity`). For a name's part that did not
    agree whole: a few more consonants than the clitic's must remain (Walid is no clitic)."""
    if abjad.kind != WORD_KIND or latin.kind != WORD_KIND or abjad.text[:1] not in _CLITICS:
        return _NONE
    rest = skeleton(abjad.text[1:])
    if len(rest) < 3 or rest not in (skeleton(latin.key), skeleton(latin.text)):
        return _NONE
    return config().parts["clitic"], TRANSLIT, CLITIC


def skeleton_strength(x: str, y: str) -> float:
    """How much two parts with the same skeleton agree: fully when the long vowels an abjad
    does write (ا و ي) fall where the Latin has them, less otherwise (بشار: Bashar, Bushra)."""
    parts = config().parts
    if written_in(x, y) or written_in(y, x):
        return parts["skeleton"]
    if starts_with_vowel(x) != starts_with_vowel(y):
        return parts["skeleton_initial"]  # نصر (nsr) is not Ansar: an abjad writes a first vowel
    return parts["skeleton_vowels"]


def concept_similarity(a: Token, b: Token) -> tuple[float, str, str]:
    """Agreement of two words of organisation names that mean the same in two languages
    ("fonds" = "fund", "russe" = "russian"), by the concept table (org_words.yml)."""
    common = a.concepts & b.concepts
    if not common:
        return _NONE
    return config().parts["concept"], TRANSLATION, "word table: " + min(common)


def kind_similarity(a: Token, b: Token) -> tuple[float, str, str]:
    """Weak agreement of two words of organisation names naming one kind of body in other
    words ("group" / "company"; org_words.yml `kinds`)."""
    kind = same_kind(a.concepts, b.concepts) if a.concepts and b.concepts else None
    if kind is None:
        return _NONE
    return config().parts["kind"], TRANSLATION, "kind of body: " + kind


def derived_similarity(a: Token, b: Token) -> tuple[float, str, str]:
    """Agreement of a proper noun and the adjective or place name made from it, in
    organisation names ("Amur" / "Amursky", "Baloch" / "Balochistan"; org_words.yml)."""
    if a.kind != WORD_KIND or b.kind != WORD_KIND:
        return _NONE
    ending = derived_ending(a.key, b.key)
    if ending is None:
        return _NONE
    return config().parts["derived"], TRANSLATION, f"derived word: -{ending}"


def part_similarity(a: Token, b: Token) -> tuple[float, str, str]:
    """(similarity in [0, 1], kind, rule) of two name parts; cached by their texts."""
    if a.text == b.text:
        return EXACT_MATCH
    row = SIM_CACHE.get(a.text)
    if row is None:
        if len(SIM_CACHE) >= SIM_CACHE_MAX:
            SIM_CACHE.clear()
        row = SIM_CACHE[a.text] = {}
    hit = row.get(b.text)
    if hit is None:
        hit = row[b.text] = _similarity(a, b)
    return hit


EXACT_MATCH = (1.0, EXACT, EXACT)
