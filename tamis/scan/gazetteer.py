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

Persisted beside the screening index (`$TAMIS_HOME/index/scan-*.gaz`, marshal), keyed by
the screener's fingerprint, and kept in memory per fingerprint.
"""

from __future__ import annotations

import marshal
import os
from dataclasses import dataclass
from pathlib import Path

from tamis import settings
from tamis.match.screen import Screener
from tamis.normalise import PER, NameForm
from tamis.normalise.names import FAMILY, GIVEN, PATRONYMIC
from tamis.normalise.tokens import INITIAL, WEAK
from tamis.scan.vocab import Lookup, Vocabulary, stop_words
from tamis.scan.words import Word

__all__ = ["Candidate", "Gazetteer", "gazetteer"]

FORMAT = 3
SKIP_PROPS = frozenset({"weakAlias"})  # OFAC's weak a.k.a.s: too loose to flag on
ACRONYM = 5  # a single-word name this short must be written in capitals ("RDIF")
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
                 surnames: dict[int, list[int]], given: list[int]) -> None:  # fmt: skip
        self.vocab = vocab
        self.names = names
        self.anchors = anchors
        self.surnames = surnames  # family part -> entity numbers of persons with it
        self.given = frozenset(given)  # parts some listed person has as a first name
        self.stop = stop_words()

    # -- building ------------------------------------------------------------------------

    @classmethod
    def build(cls, screener: Screener) -> Gazetteer:
        keys: dict[str, int] = {}
        groups: dict[int, list[int]] = {}
        phon: dict[str, list[int]] = {}
        concepts: dict[str, list[int]] = {}
        names: list[Entry] = []
        surnames: dict[int, list[int]] = {}
        given: set[int] = set()

        def part(tok: object) -> int:
            k = keys.get(tok.key)  # type: ignore[attr-defined]
            if k is None:
                k = keys[tok.key] = len(keys)  # type: ignore[attr-defined]
                for g in tok.groups:  # type: ignore[attr-defined]
                    groups.setdefault(g, []).append(k)
                if tok.phon:  # type: ignore[attr-defined]
                    phon.setdefault(tok.phon, []).append(k)  # type: ignore[attr-defined]
                for c in tok.concepts:  # type: ignore[attr-defined]
                    concepts.setdefault(c, []).append(k)
            return k

        for n in range(len(screener)):
            pe = screener.prepared(n)
            seen: set[tuple[int, ...]] = set()
            for form, prop in pe.names:
                if prop in SKIP_PROPS:
                    continue
                entry = _entry(n, form, pe.kind == PER, part)
                if entry is None or entry[2] in seen:
                    continue
                seen.add(entry[2])
                names.append(entry)
                given.update(part(t) for t, r in zip(form.tokens, form.roles) if r == GIVEN)
                for f in entry[4]:
                    owners = surnames.setdefault(f, [])
                    if not owners or owners[-1] != n:
                        owners.append(n)
        df: dict[int, int] = {}
        for entry in names:
            for k in entry[2]:
                df[k] = df.get(k, 0) + 1
        anchors: dict[int, list[int]] = {}
        for i, entry in enumerate(names):
            anchors.setdefault(min(entry[2], key=df.__getitem__), []).append(i)
        vocab = Vocabulary(list(keys), groups, phon, concepts)
        return cls(vocab, names, anchors, surnames, sorted(given))

    def state(self) -> dict[str, object]:
        v = self.vocab
        return {"format": FORMAT, "keys": v.keys, "groups": v.groups, "phon": v.phon,
                "concepts": v.concepts,
                "names": self.names, "anchors": self.anchors, "surnames": self.surnames,
                "given": sorted(self.given)}  # fmt: skip

    @classmethod
    def from_state(cls, s: dict) -> Gazetteer:  # type: ignore[type-arg]
        return cls(Vocabulary(s["keys"], s["groups"], s["phon"], s["concepts"]), s["names"],
                   s["anchors"],
                   s["surnames"], s["given"])  # fmt: skip

    # -- reading an article --------------------------------------------------------------

    def lookups(self, words: list[Word]) -> list[Lookup]:
        """What each word can be (glue words and lower-case stop words: nothing)."""
        look, stop = self.vocab.lookup, self.stop
        none: Lookup = (frozenset(), frozenset(), "")
        return [none if w.glue or (not w.cap and w.folded in stop) else look(w.folded)
                for w in words]  # fmt: skip

    def find(self, words: list[Word], looks: list[Lookup]) -> list[Candidate]:
        """Candidate spans of listed names, in text order, one per distinct span."""
        found: dict[tuple[int, int], tuple[set[int], bool]] = {}
        i, n = 0, len(words)
        while i < n:
            if not (looks[i][0] or looks[i][1]):
                i += 1
                continue
            j = i
            while j + 1 < n and words[j].joined and (looks[j + 1][0] or looks[j + 1][1]
                                                      or words[j + 1].glue):  # fmt: skip
                j += 1
            self._run(words, looks, i, j, found)
            i = j + 1
        return [Candidate(a, b, frozenset(ents), person)
                for (a, b), (ents, person) in sorted(found.items())]  # fmt: skip

    def _run(self, words: list[Word], looks: list[Lookup], i: int, j: int,
             found: dict[tuple[int, int], tuple[set[int], bool]]) -> None:  # fmt: skip
        woken: set[int] = set()
        for p in range(i, j + 1):
            for k in looks[p][0] | looks[p][1]:
                woken.update(self.anchors.get(k, ()))
        for name in woken:
            span = self._covers(self.names[name], words, looks, i, j)
            if span is not None:
                ents, _ = found.setdefault(span, (set(), self.names[name][1]))
                ents.add(self.names[name][0])

    def _covers(self, entry: Entry, words: list[Word], looks: list[Lookup], i: int,
                j: int) -> tuple[int, int] | None:  # fmt: skip
        """The span of the run where the name's required parts are, or None."""
        _, person, req, opt, family = entry
        used: dict[int, bool] = {}  # position -> matched exactly
        missing = 0
        for k in req:
            p = _position(k, looks, i, j, used)
            if p is None:
                if k in family:
                    return None
                missing += 1
        if len(req) == 1 and not missing:
            if person:
                return None  # a surname alone: coreference decides (coref.py)
            (p, exact), = used.items()
            return (p, p) if exact and self._single_ok(words[p]) else None
        if missing > (1 if len(req) >= 3 else 0) or len(used) < 2 or not any(used.values()):
            return None
        for k in opt:
            _position(k, looks, i, j, used)
        if not any(words[p].cap for p in used):
            return None  # no proper noun: "technologies modernes" is not a name
        first, last = min(used), max(used)
        filler = sum(1 for p in range(first, last + 1) if p not in used and not words[p].glue)
        return (first, last) if filler <= 1 else None

    def _single_ok(self, word: Word) -> bool:
        """A one-word name (acronym or single word) only as a proper noun, never a common
        word; a short one only in capitals."""
        if word.folded in self.stop or len(word.folded) < 3 or not word.cap:
            return False
        return word.upper or len(word.folded) > ACRONYM


def _position(k: int, looks: list[Lookup], i: int, j: int, used: dict[int, bool]) -> int | None:
    """The first free position of the run that can be part `k` (exact before near)."""
    for which in (0, 1):
        for p in range(i, j + 1):
            if p not in used and k in looks[p][which]:
                used[p] = which == 0
                return p
    return None


def _entry(n: int, form: NameForm, person: bool, part: object) -> Entry | None:
    """A listed name as (entity, person?, required, optional, family) part numbers."""
    sig = [(t, r) for t, r in zip(form.tokens, form.roles) if t.kind not in (WEAK, INITIAL)]
    if not sig:
        return None
    family = tuple(part(t) for t, r in sig if r == FAMILY)  # type: ignore[operator]
    if family:
        given = [t for t, r in sig if r == GIVEN][:1]
        req = family + tuple(part(t) for t in given)  # type: ignore[operator]
    else:
        req = tuple(part(t) for t, r in sig if r != PATRONYMIC)  # type: ignore[operator]
    if not req:
        return None
    opt = tuple(k for k in (part(t) for t, _ in sig) if k not in req)  # type: ignore[operator]
    return (n, person, tuple(dict.fromkeys(req)), tuple(dict.fromkeys(opt)), family)


# -- one gazetteer per screener fingerprint, persisted --------------------------------------

_LOADED: dict[str, Gazetteer] = {}


def gazetteer(screener: Screener, folder: Path | None = None) -> Gazetteer:
    """The gazetteer of this screener's lists: in memory, else read, else built and saved."""
    fp = screener.fingerprint
    gaz = _LOADED.get(fp)
    if gaz is not None:
        return gaz
    path = (folder or settings.home() / "index") / f"scan-{fp[:24]}.gaz"
    gaz = _read(path) if fp else None
    if gaz is None:
        gaz = Gazetteer.build(screener)
        if fp:
            _write(path, gaz)
    if len(_LOADED) > 4:
        _LOADED.clear()
    _LOADED[fp] = gaz
    return gaz


def _read(path: Path) -> Gazetteer | None:
    try:
        with open(path, "rb") as fh:
            state = marshal.load(fh)
        if isinstance(state, dict) and state.get("format") == FORMAT:
            return Gazetteer.from_state(state)
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        pass
    return None


def _write(path: Path, gaz: Gazetteer) -> None:
    """Atomically, dropping gazetteers of older lists; a read-only home is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            marshal.dump(gaz.state(), fh)
        os.replace(tmp, path)
        for old in path.parent.glob("scan-*.gaz"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
