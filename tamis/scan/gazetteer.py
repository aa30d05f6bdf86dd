"""The gazetteer: every listed name, found in an article's words in any order and language.

Built from the screening engine's prepared entities (so it sees exactly the names, tokens
and spelling keys the scorer compares), it is a word-level automaton: each listed name is
reduced to its required parts (a person's surname and first given name, an organisation's
significant words; patronymics, middle names and particles are optional) and anchored on
its rarest required part. Reading an article, a run of adjacent words that can be listed
parts (`vocab.Vocabulary`) wakes the names anchored on them; a name whose required parts
all appear in the run (one may be missing from a long name) becomes a candidate span,
which the engine then scores (`link`). Cheap enough for the `--fast` mode: one dictionary
lookup per distinct word, plus a few set checks per run.

Built and persisted beside the screening index by `gazetteer_build` (`gazetteer(screener)`).
"""

from __future__ import annotations

from dataclasses import dataclass

from tamis.match.screen import Screener
from tamis.scan.link import is_country
from tamis.scan.vocab import Lookup, Vocabulary, stop_words
from tamis.scan.words import Word, honorifics, particles

__all__ = ["Candidate", "Gazetteer"]

FORMAT = 6
SKIP_PROPS = frozenset({"weakAlias"})  # OFAC's weak a.k.a.s: too loose to flag on
ACRONYM = 5  # a single-word name this short must be written in capitals ("RDIF")
NEAR_SINGLE = 8  # a single-word name this long may be spelt another way ("Hezbollah")
LOOKS_CACHE = 200_000  # distinct written words whose lookups are kept
WOKEN_CACHE = 100_000  # distinct runs of lookups whose woken names are kept
GAP = 2  # lower-case stop words a name may carry between its parts ("Bank of Russia", "de la")
_NONE: Lookup = (frozenset(), frozenset(), "", frozenset())
# (entity number, person?, required parts, optional parts, family parts)
Entry = tuple[int, bool, tuple[int, ...], tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of words that contains every required part of at least one listed name."""

    first: int  # word index
    last: int  # word index, inclusive
    entities: frozenset[int]  # screener entity numbers of the names found there
    person: bool  # the names found are persons'


class Gazetteer:
    """Listed names by anchor part, their parts, and the surnames of listed persons."""

    def __init__(self, vocab: Vocabulary, names: list[Entry], anchors: dict[int, list[int]],
                 surnames: dict[int, list[int]], given: list[int],
                 generic: list[int]) -> None:  # fmt: skip
        self.vocab = vocab
        self.names = names
        self.anchors = anchors
        self.surnames = surnames  # family part -> entity numbers of persons with it
        self.given = frozenset(given)  # parts some listed person has as a first name
        self.generic = frozenset(generic)  # generic organisation words ("bank", "united")
        self.stop = stop_words()
        self._wake: tuple[dict[int, list[int]], dict[int, dict[int, list[int]]],
                          list[frozenset[int]]] | None = None  # fmt: skip
        self._woken: dict[tuple[Lookup, ...], tuple[int, ...]] = {}
        self._together: dict[tuple[Lookup, Lookup], bool] = {}
        self._looks: dict[str, Lookup] = {}  # word as written -> its lookup

    # -- building ------------------------------------------------------------------------

    @classmethod
    def build(cls, screener: Screener) -> Gazetteer:
        """Every listed name of the screener's entities (`gazetteer_build`)."""
        from tamis.scan.gazetteer_build import build

        return build(screener)

    def state(self) -> dict[str, object]:
        v = self.vocab
        return {"format": FORMAT, "keys": v.keys, "groups": v.groups, "phon": v.phon,
                "concepts": v.concepts,
                "names": self.names, "anchors": self.anchors, "surnames": self.surnames,
                "given": sorted(self.given), "generic": sorted(self.generic)}  # fmt: skip

    @classmethod
    def from_state(cls, s: dict) -> Gazetteer:  # type: ignore[type-arg]
        return cls(Vocabulary(s["keys"], s["groups"], s["phon"], s["concepts"]), s["names"],
                   s["anchors"],
                   s["surnames"], s["given"], s["generic"])  # fmt: skip

    # -- reading an article --------------------------------------------------------------

    def lookups(self, words: list[Word]) -> list[Lookup]:
        """What each word can be (glue words and lower-case stop words: nothing); cached
        per spelling as written (the case decides for a stop word)."""
        look, stop, memo = self.vocab.lookup, self.stop, self._looks
        if len(memo) >= LOOKS_CACHE:
            memo.clear()
        out = []
        for w in words:
            if w.glue:
                out.append(_NONE)
                continue
            hit = memo.get(w.text)
            if hit is None:
                # a stop word is nothing unless capitalised in a script with case ("Le
                # Pen"); in a script without case (Arabic: إلى "to") it is nothing
                hit = memo[w.text] = (_NONE if w.folded in stop and not w.text[:1].isupper()
                                      else look(w.folded))  # fmt: skip
            out.append(hit)
        return out

    def find(self, words: list[Word], looks: list[Lookup], text: str = "") -> list[Candidate]:
        """Candidate spans of listed names, in text order, one per distinct span (`text`,
        the words' text, tells a space from a hyphen between them)."""
        found: dict[tuple[int, int], tuple[set[int], bool]] = {}
        i, n, stop = 0, len(words), self.stop
        while i < n:
            if not (looks[i][0] or looks[i][1]):
                i += 1
                continue
            j = i
            while j + 1 < n and words[j].joined:
                step = self._step(words, looks, j + 1)
                if not step:
                    break
                j += step
            w = words[i]
            # one word alone can only be a one-word organisation name, which `_single_ok`
            # refuses in lower case, short or a stop word: skip the run at once
            if i < j or (w.text[:1].isupper() and len(w.folded) >= 3 and w.folded not in stop):
                self._run(words, looks, i, j, found, text)
            i = j + 1
        self._joined(words, looks, found)
        return [Candidate(a, b, frozenset(ents), person)
                for (a, b), (ents, person) in sorted(found.items())]  # fmt: skip

    def _joined(self, words: list[Word], looks: list[Lookup],
                found: dict[tuple[int, int], tuple[set[int], bool]]) -> None:  # fmt: skip
        """A one-word organisation name written as two words (حزب الله = Hizballah, "Hizb
        Allah"): two adjacent name words looked up together."""
        singles = self._wake_index()[0]
        for p in range(len(words) - 1):
            a, b = words[p], words[p + 1]
            if not (a.joined and looks[p][0] and looks[p + 1][0]) or (p, p + 1) in found:
                continue
            if not (a.cap and b.cap) or a.upper or b.upper:
                continue
            exact = self.vocab.lookup(a.folded + b.folded)[0]
            numbers = [n for k in exact for n in singles.get(k, ())]
            if numbers:
                found[(p, p + 1)] = ({self.names[n][0] for n in numbers}, False)
            # a person's name whose one part is written as the two words, the other part
            # the word before or after: حسن نصر الله = NASRALLAH, Hasan
            for q, span in ((p - 1, (p - 1, p + 1)), (p + 2, (p, p + 2))):
                if exact and 0 <= q < len(words) and span not in found and (
                        words[min(q, p + 1)].joined):  # fmt: skip
                    people = self._persons_with(exact, looks[q][0] | looks[q][1])
                    if people:
                        found[span] = (people, True)

    def _step(self, words: list[Word], looks: list[Lookup], k: int) -> int:
        """How many words from k on continue a run: a name part or a glue word (1), or up
        to GAP lower-case stop words followed by a name part ("Bank of Russia")."""
        if looks[k][0] or looks[k][1] or words[k].glue:
            return 1
        gap = 0
        while (k + gap < len(words) and gap < GAP and not words[k + gap].cap
               and words[k + gap].folded in self.stop):  # fmt: skip
            if not words[k + gap].joined:
                return 0
            gap += 1
        end = k + gap
        if gap and end < len(words) and (looks[end][0] or looks[end][1]):
            return gap + 1
        return 0

    def _wake_index(self) -> tuple[dict[int, list[int]], dict[int, dict[int, list[int]]],
                                   list[frozenset[int]]]:  # fmt: skip
        """Which names a run of words can wake, built once on first use (not persisted):
        one-part organisation names by their part; names of 2+ required parts by their
        anchor and each other required part (a name needs 2 positions, see `_covers`);
        and each name's required parts as a set."""
        if self._wake is None:
            singles: dict[int, list[int]] = {}
            pairs: dict[int, dict[int, list[int]]] = {}
            for a, numbers in self.anchors.items():
                for n in numbers:
                    _, person, req, _, _ = self.names[n]
                    if len(req) == 1:
                        if not person:  # a surname alone is for coreference
                            singles.setdefault(a, []).append(n)
                        continue
                    d = pairs.setdefault(a, {})
                    for b in req:
                        if b != a:
                            d.setdefault(b, []).append(n)
            self._wake = (singles, pairs, [frozenset(e[2]) for e in self.names])
        return self._wake

    def _persons_with(self, one: frozenset[int], two: frozenset[int]) -> set[int]:
        """Entities of listed people with a required part in `one` and another in `two`."""
        pairs = self._wake_index()[1]
        out: set[int] = set()
        for x, y in ((one, two), (two, one)):
            for k in x:
                d = pairs.get(k)
                if d is None:
                    continue
                for b in y & d.keys():
                    out.update(self.names[n][0] for n in d[b] if self.names[n][1])
        return out

    def named_together(self, a: Lookup, b: Lookup) -> bool:
        """Whether two words' lookups can be two required parts of one listed name (where
        capitals cannot tell a name's words from their neighbours: Arabic); cached."""
        found = self._together.get((a, b))
        if found is None:
            if len(self._together) >= WOKEN_CACHE:
                self._together.clear()
            found = self._together[(a, b)] = self._named_together(a, b)
        return found

    def _named_together(self, a: Lookup, b: Lookup) -> bool:
        pairs = self._wake_index()[1]
        one, two = a[0] | a[1], b[0] | b[1]
        for x, y in ((one, two), (two, one)):
            for k in x:
                d = pairs.get(k)
                if d is not None and not y.isdisjoint(d.keys()):
                    return True
        return False

    def _run(self, words: list[Word], looks: list[Lookup], i: int, j: int,
             found: dict[tuple[int, int], tuple[set[int], bool]], text: str) -> None:  # fmt: skip
        key = tuple(looks[i : j + 1])
        woken = self._woken.get(key)
        if woken is None:
            if len(self._woken) >= WOKEN_CACHE:
                self._woken.clear()
            woken = self._woken[key] = self._wake_names(key)
        for name in woken:
            entry = self.names[name]
            span = self._covers(entry, words, looks, i, j, text)
            if span is not None:
                ents, _ = found.setdefault(span, (set(), entry[1]))
                ents.add(entry[0])

    def _wake_names(self, run: tuple[Lookup, ...]) -> tuple[int, ...]:
        """The names a run of words with these lookups can hold (cached per run: runs such
        as "Vladimir Poutine" repeat): only names for which `_covers` may not be None."""
        singles, pairs, reqs = self._wake_index()
        present: set[int] = set()
        for look in run:
            present |= look[0]
            present |= look[1]
        woken: set[int] = set()
        for a in present:
            woken.update(singles.get(a, ()))
            if len(run) > 1 and (d := pairs.get(a)):
                for b in d.keys() & present:
                    woken.update(d[b])
        # a cheap check first: _covers allows one missing part of three or more
        return tuple(n for n in woken if (req := reqs[n]) <= present
                     or (len(req) >= 3 and len(req - present) <= 1))  # fmt: skip

    def _covers(self, entry: Entry, words: list[Word], looks: list[Lookup], i: int,
                j: int, text: str) -> tuple[int, int] | None:  # fmt: skip
        """The span of the run where the name's required parts are, or None. A person
        needs one of their surnames (the press drops the second of a Spanish double
        surname) and their first name; an organisation all its significant words but one
        of three or more, and a part that is not a generic word matched by meaning only."""
        _, person, req, opt, family = entry
        used: dict[int, int] = {}  # position -> part
        missing = 0
        for k in req:
            if _position(k, looks, i, j, used) is None:
                missing += 1
        if family and not any(k in family for k in used.values()):
            return None
        if len(req) == 1 and not missing:
            if person:
                return None  # a surname alone: coreference decides (coref.py)
            ((p, k),) = used.items()
            return (p, p) if self._single_ok(words, looks, p, k, text) else None
        if missing > (1 if len(req) >= 3 else 0) or len(used) < 2:
            return None
        if not any(k in looks[p][0] for p, k in used.items()):
            return None  # every part only spelt alike
        for k in opt:
            _position(k, looks, i, j, used)
        if not any(words[p].cap for p in used):
            return None  # no proper noun: "technologies modernes" is not a name
        if not person and not self._org_ok(entry, words, looks, used, missing):
            return None
        if person and not family and all(k in self.given for k in used.values()):
            return None  # first names only ("Abdur Rehman"): not a name by itself
        first, last = min(used), max(used)
        filler = sum(1 for p in range(first, last + 1) if p not in used and not words[p].glue
                     and not (words[p].folded in self.stop and not words[p].cap))  # fmt: skip
        return (first, last) if filler <= 1 else None

    def _distinct(self, look: Lookup, k: int) -> bool:
        """Part k read from its own spelling (not only by meaning), and not generic."""
        return k in look[0] and k not in look[3] and k not in self.generic

    def _org_ok(self, entry: Entry, words: list[Word], looks: list[Lookup],
                used: dict[int, int], missing: int) -> bool:  # fmt: skip
        """An organisation name found by a distinctive part, or written in full as a
        proper name ("Bank of Russia", "Fondo Ruso de Inversión Directa"): some of its
        generic words alone ("Iranian tanker") are a description, not a name."""
        if any(self._distinct(looks[p], k) and words[p].cap and not is_country(words[p])
               for p, k in used.items()):  # fmt: skip
            return True
        if missing or not words[min(used)].cap:
            return False
        # French and Spanish capitalise only a name's first word ("Fonds russe
        # d'investissement direct"): three words of the name in full are enough
        return len(used) >= 3 or all(words[p].cap for p in used)

    def _single_ok(self, words: list[Word], looks: list[Lookup], p: int, k: int,
                   text: str) -> bool:  # fmt: skip
        """A one-word name (acronym or single word) only as a proper noun, never a common
        or generic word nor a first name; a short one only in capitals; spelt another way
        only when long; not a word of a longer name ("Andreï Roublev", "Markus Söder")."""
        word, look = words[p], looks[p]
        if word.folded in self.stop or len(word.folded) < 3 or not word.text[:1].isupper():
            return False  # in a script without case, nothing marks one word as a name
        if not (word.upper or len(word.folded) > ACRONYM or self._after_particle(words, p, text)):
            return False
        if k in look[1] and len(word.folded) < NEAR_SINGLE:
            return False
        if k in look[3] or k in self.generic or (look[0] & self.given and not word.upper):
            return False
        return word.upper or not (self._named_with(words, p - 1, p, text) or
                                  self._named_with(words, p, p + 1, text))  # fmt: skip

    @staticmethod
    def _after_particle(words: list[Word], p: int, text: str) -> bool:
        """Whether a name particle is hyphenated to the word ("al-Qaeda", "el-Nusra"): a
        short word so written is a proper name, not a common word in capitals."""
        if p == 0 or not words[p - 1].joined or words[p - 1].folded not in particles():
            return False
        return text[words[p - 1].end : words[p].start] == "-"

    def _named_with(self, words: list[Word], a: int, b: int, text: str) -> bool:
        """Whether words a and b are written as one name: both capitalised (in a script
        with case), separated by a space, neither a stop word, honorific nor acronym."""
        if a < 0 or b >= len(words) or not words[a].joined:
            return False
        if text and text[words[a].end : words[b].start] != " ":
            return False  # a hyphenated compound ("Hamas-Chef") is the name and a noun
        titles = honorifics()
        for w in (words[a], words[b]):
            if not w.text[:1].isupper() or w.folded in self.stop or w.folded in titles:
                return False
            if w.upper or is_country(w):
                return False
        return True


def _position(k: int, looks: list[Lookup], i: int, j: int, used: dict[int, int]) -> int | None:
    """The first free position of the run that can be part `k` (exact before near)."""
    for which in (0, 1):
        for p in range(i, j + 1):
            if p not in used and k in looks[p][which]:
                used[p] = k
                return p
    return None
