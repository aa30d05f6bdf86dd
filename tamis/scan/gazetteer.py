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

from collections.abc import Iterator
from dataclasses import dataclass

from tamis.match.screen import Screener
from tamis.normalise.scripts import is_abjad
from tamis.scan.reading import Entry, Rules
from tamis.scan.vocab import Lookup, Vocabulary, stop_words
from tamis.scan.words import Word, hyphened

__all__ = ["Candidate", "Gazetteer"]

FORMAT = 14
SKIP_PROPS = frozenset({"weakAlias"})  # OFAC's weak a.k.a.s: too loose to flag on
# derived names not flagged when one word: the quoted name inside a name ('WAGNER' of PRIVATE
# MILITARY COMPANY 'WAGNER') is as often a surname in running text (Richard Wagner)
SKIP_ALONE_PROPS = frozenset({"quoted", "unit"})
LOOKS_CACHE = 200_000  # distinct written words whose lookups are kept
WOKEN_CACHE = 100_000  # distinct runs of lookups whose woken names are kept
GAP = 2  # lower-case stop words a name may carry between its parts ("Bank of Russia", "de la")
_NONE: Lookup = (frozenset(), frozenset(), "", frozenset())


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of words that contains every required part of at least one listed name."""

    first: int  # word index
    last: int  # word index, inclusive
    entities: frozenset[int]  # screener entity numbers of the names found there
    person: bool  # the names found are persons'


def _with_article(folded: str) -> bool:
    """An Arabic word written with its article, as the second half of a name is that a
    list writes in one word (نصر الله: Nasrallah, عز الدين: Izzadin)."""
    return folded.startswith("ال") and len(folded) > 3 and is_abjad(folded)


class Gazetteer:
    """Listed names by anchor part, their parts, and the surnames of listed persons."""

    def __init__(self, vocab: Vocabulary, names: list[Entry], anchors: dict[int, list[int]],
                 surnames: dict[int, list[int]], given: list[int],
                 generic: list[int], titled: list[int]) -> None:  # fmt: skip
        self.vocab = vocab
        self.names = names
        self.anchors = anchors
        self.surnames = surnames  # family part -> entity numbers of persons with it
        self.given = frozenset(given)  # parts some listed person has as a first name
        self.generic = frozenset(generic)  # generic organisation words ("bank", "united")
        # parts that are the whole of an organisation's own name ("HAMAS")
        self.titled = frozenset(titled)
        self.stop = stop_words()
        self.rules = Rules(self.stop, self.given, self.generic, self.titled)
        self._wake: tuple[dict[int, list[int]], dict[int, dict[int, list[int]]],
                          list[frozenset[int]]] | None = None  # fmt: skip
        self._woken: dict[tuple[Lookup, ...], tuple[int, ...]] = {}
        self._together: dict[tuple[Lookup, Lookup], bool] = {}
        self._looks: dict[str, Lookup] = {}  # word as written -> its lookup
        self._runs: dict[tuple[str, int, int], tuple[tuple[int, int, int, bool], ...]] = {}

    # -- building ------------------------------------------------------------------------

    @classmethod
    def build(cls, screener: Screener) -> Gazetteer:
        """Every listed name of the screener's entities (`gazetteer_build`)."""
        from tamis.scan.gazetteer_build import build

        return build(screener)

    def state(self) -> dict[str, object]:
        v = self.vocab
        return {"format": FORMAT, "keys": v.keys, "groups": v.groups, "phon": v.phon,
                "concepts": v.concepts, "respelt": v.respelt, "written": v.written,
                "names": self.names, "anchors": self.anchors, "surnames": self.surnames,
                "given": sorted(self.given), "generic": sorted(self.generic),
                "titled": sorted(self.titled)}  # fmt: skip

    @classmethod
    def from_state(cls, s: dict) -> Gazetteer:  # type: ignore[type-arg]
        return cls(Vocabulary(s["keys"], s["groups"], s["phon"], s["concepts"], s["respelt"],
                              s["written"]),
                   s["names"],
                   s["anchors"],
                   s["surnames"], s["given"], s["generic"], s["titled"])  # fmt: skip

    # -- reading an article --------------------------------------------------------------

    def lookups(self, words: list[Word], text: str = "") -> list[Lookup]:
        """What each word can be (glue words and lower-case stop words: nothing); cached
        per spelling as written (the case decides for a stop word). A stop word hyphenated
        to the word before is a syllable of a name ("Kim Jong-un": "un" is French for "a"),
        read when `text` is given."""
        look, stop, memo = self.vocab.lookup, self.stop, self._looks
        if len(memo) >= LOOKS_CACHE:
            memo.clear()
        get = memo.get  # words repeat: most are in the memo (a list, then the exceptions)
        out: list[Lookup | None] = [_NONE if w.glue else get(w.text) for w in words]
        if text:
            for i in [i for i, w in enumerate(words) if i and w.folded in stop]:
                if not words[i].glue and hyphened(words, i - 1, text):
                    out[i] = look(words[i].folded)
        for i in [i for i, hit in enumerate(out) if hit is None]:
            w = words[i]
            hit = memo.get(w.text)
            if hit is None:
                # a stop word is nothing unless capitalised in a script with case ("Le
                # Pen"); in a script without case (Arabic: إلى "to") it is nothing
                hit = memo[w.text] = (_NONE if w.folded in stop and not w.text[:1].isupper()
                                      else look(w.folded))  # fmt: skip
            out[i] = hit
        return out  # type: ignore[return-value]  # no None is left

    def find(self, words: list[Word], looks: list[Lookup], text: str = "") -> list[Candidate]:
        """Candidate spans of listed names, in text order, one per distinct span (`text`,
        the words' text, tells a space from a hyphen between them)."""
        found: dict[tuple[int, int], tuple[set[int], bool]] = {}
        n, stop = len(words), self.stop
        i = -1  # the last word of the run read last
        for start in [k for k, look in enumerate(looks) if look[0] or look[1]]:
            if start <= i:
                continue  # inside the run before
            i = j = start
            while j + 1 < n and words[j].joined:
                nxt = looks[j + 1]
                step = 1 if nxt[0] or nxt[1] or words[j + 1].glue else self._step(words, looks, j + 1)
                if not step:
                    break
                j += step
            w = words[i]
            # one word alone can only be a one-word organisation name, which `Rules.single_ok`
            # refuses in lower case, short or a stop word: skip the run at once
            if i < j or (w.text[:1].isupper() and len(w.folded) >= 3 and w.folded not in stop):
                self._run(words, looks, i, j, found, text)
            i = j
        self._joined(words, looks, found)
        return [Candidate(a, b, frozenset(ents), person)
                for (a, b), (ents, person) in sorted(found.items())]  # fmt: skip

    def _joined(self, words: list[Word], looks: list[Lookup],
                found: dict[tuple[int, int], tuple[set[int], bool]]) -> None:  # fmt: skip
        """A one-word organisation name written as two words (حزب الله = Hizballah, "Hizb
        Allah"): two adjacent name words looked up together."""
        singles = self._wake_index()[0]
        last = len(words) - 1
        for p in [k for k, look in enumerate(looks) if look[0] and k < last]:
            a, b = words[p], words[p + 1]
            # (in Arabic the second word, with its article, need not be a listed part alone:
            # الله of نصر الله is one only where some list writes an ALLAH apart)
            if not (a.joined and (looks[p + 1][0] or _with_article(b.folded))) or (
                    (p, p + 1) in found):  # fmt: skip
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
        anchor and each other required part (a name needs 2 positions, see `Rules.covers`);
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
            # an organisation's one distinctive word beside generic ones ("VTB" of VTB
            # BANK): written alone in capitals, it may be the name (`Rules.covers`)
            for n, (_, person, req, _, _) in enumerate(self.names):
                heads = [k for k in req if k not in self.generic]
                if not person and len(req) > 1 and len(heads) == 1:
                    singles.setdefault(heads[0], []).append(n)
            self._wake = (singles, pairs, [frozenset(e[2]) for e in self.names])
        return self._wake

    def _names_with(self, one: frozenset[int], two: frozenset[int]) -> Iterator[int]:
        """Listed names (numbers) with a required part in `one` and another in `two`."""
        pairs = self._wake_index()[1]
        for x, y in ((one, two), (two, one)):
            for k in x:
                d = pairs.get(k)
                if d is not None:
                    for b in y & d.keys():
                        yield from d[b]

    def _persons_with(self, one: frozenset[int], two: frozenset[int]) -> set[int]:
        """Entities of listed people with a required part in `one` and another in `two`."""
        names = self.names
        return {names[n][0] for n in self._names_with(one, two) if names[n][1]}

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
        return next(self._names_with(a[0] | a[1], b[0] | b[1]), None) is not None

    def _run(self, words: list[Word], looks: list[Lookup], i: int, j: int,
             found: dict[tuple[int, int], tuple[set[int], bool]], text: str) -> None:  # fmt: skip
        """The listed names run i..j holds, added to `found`. What `Rules.covers` reads is
        the run's words, two words either side and the text between them, so the outcome
        is kept per that stretch of text (names recur across articles: "Vladimir Putin")."""
        context = _context(words, i, j, text) if text else None
        spans = self._runs.get(context) if context is not None else None
        if spans is None:
            spans = self._covered(words, looks, i, j, text)
            if context is not None:
                if len(self._runs) >= WOKEN_CACHE:
                    self._runs.clear()
                self._runs[context] = spans
        for a, b, entity, person in spans:
            ents, _ = found.setdefault((i + a, i + b), (set(), person))
            ents.add(entity)

    def _covered(self, words: list[Word], looks: list[Lookup], i: int, j: int,
                 text: str) -> tuple[tuple[int, int, int, bool], ...]:  # fmt: skip
        """(first, last relative to i, entity, person?) of each name the run holds."""
        key = tuple(looks[i : j + 1])
        woken = self._woken.get(key)
        if woken is None:
            if len(self._woken) >= WOKEN_CACHE:
                self._woken.clear()
            woken = self._woken[key] = self._wake_names(key)
        out = []
        for name in woken:
            entry = self.names[name]
            start = i
            while start <= j:  # a name may be written twice in one run ("Bank Rossiya and
                # later BANK ROSSIYA": stop words carry a run on): read on after each
                span = self.rules.covers(entry, words, looks, start, j, text)
                if span is None:
                    break
                out.append((span[0] - i, span[1] - i, entry[0], entry[1]))
                start = span[1] + 1
        return tuple(out)

    def _wake_names(self, run: tuple[Lookup, ...]) -> tuple[int, ...]:
        """The names a run of words with these lookups can hold (cached per run: runs such
        as "Vladimir Poutine" repeat): only names for which `Rules.covers` may not be None."""
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
        # a cheap check first: Rules.covers allows one missing part of three or more, and
        # an organisation's generic words when its one distinctive word is written alone
        generic = self.generic
        return tuple(n for n in woken if (req := reqs[n]) <= present
                     or (len(req) >= 3 and len(req - present) <= 1)
                     or req - present <= generic)  # fmt: skip


def _context(words: list[Word], i: int, j: int, text: str) -> tuple[str, int, int]:
    """What decides the names a run i..j holds: the text from the end of the word two
    before it to the end of the word two after it, and how many words there are before
    and after it (up to 2: the first word opens the text)."""
    n = len(words)
    start = words[i - 2].end if i >= 2 else 0
    end = words[j + 2].end if j + 2 < n else len(text)
    return text[start:end], min(i, 2), min(n - 1 - j, 2)
