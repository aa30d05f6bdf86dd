"""Building the gazetteer from the screener's prepared entities, and keeping it on disk.

`build` numbers every listed name part by spelling key (with its variant groups, sound,
concepts and genericity) and reduces each name to its required and optional parts
(`_entry`); `gazetteer` returns the one of a screener's lists: in memory, else read from
`$TAMIS_HOME/index/scan-*.gaz` (marshal, keyed by the screener's fingerprint), else built
and saved.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

from tamis import settings
from tamis.match.screen import Screener
from tamis.normalise import PER, NameForm
from tamis.normalise.frequency import common_given_names
from tamis.normalise.names import FAMILY, GIVEN, MIDDLE, PATRONYMIC
from tamis.normalise.org_words import is_function_word
from tamis.normalise.scripts import is_abjad
from tamis.normalise.scripts import skeleton as abjad_skeleton
from tamis.normalise.text import latin, tokens
from tamis.normalise.tokens import INITIAL, WEAK
from tamis.scan.gazetteer import FORMAT, SKIP_ALONE_PROPS, SKIP_PROPS, Gazetteer
from tamis.scan.reading import Entry
from tamis.scan.vocab import Vocabulary

__all__ = ["build", "gazetteer"]


def build(screener: Screener) -> Gazetteer:
    """Every listed name of the screener's entities, by its required and optional parts,
    anchored on its rarest required part(s)."""
    keys: dict[str, int] = {}
    groups: dict[int, list[int]] = {}
    phon: dict[str, list[int]] = {}
    concepts: dict[str, list[int]] = {}
    respelt: dict[str, list[int]] = {}
    written: dict[int, list[str]] = {}  # part -> its ASCII forms unlike its key (sinwar)
    names: list[Entry] = []
    surnames: dict[int, list[int]] = {}
    given: set[int] = set()
    generic: set[int] = set()
    titled: set[int] = set()

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
            for alt, _ in tok.alts:  # type: ignore[attr-defined]
                respelt.setdefault(alt, []).append(k)
            if tok.generic:  # type: ignore[attr-defined]
                generic.add(k)
        text = tok.text  # type: ignore[attr-defined]
        if text != tok.key and text.isascii() and text not in written.get(k, ()):  # type: ignore[attr-defined]
            written.setdefault(k, []).append(text)  # the key folds w and y (sinvar, iahia)
        return k

    common = _common_given_skeletons()
    for n in range(len(screener)):
        pe = screener.prepared(n)
        seen: set[tuple[int, ...]] = set()
        for form, prop in pe.names:
            if prop in SKIP_PROPS:
                continue
            entry = _entry(n, form, pe.kind == PER, part)
            if entry is None or entry[2] in seen or (prop in SKIP_ALONE_PROPS
                                                     and len(entry[2]) == 1):  # fmt: skip
                continue
            seen.add(entry[2])
            names.append(entry)
            if prop == "name" and pe.schema == "Organization" and len(entry[2]) == 1 \
                    and not entry[3] and not form.legal:
                titled.add(entry[2][0])  # "HAMAS": a name, whatever case the press gives it
            given.update(part(t) for t, r in zip(form.tokens, form.roles) if r == GIVEN)
            # a name in an abjad has no roles: its parts that read as a common given name
            # (عبد الرحمن: abdul rhmn, Abdul Rahman) are first names too
            if pe.kind == PER:
                given.update(part(t) for t, f in zip(form.tokens, form.forms)
                             if is_abjad(f) and abjad_skeleton(t.text) in common)  # fmt: skip
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
        # one part of three or more may be missing: anchor on the two rarest
        rare = sorted(entry[2], key=df.__getitem__)[: 2 if len(entry[2]) >= 3 else 1]
        for k in rare:
            anchors.setdefault(k, []).append(i)
    vocab = Vocabulary(list(keys), groups, phon, concepts, respelt, written)
    return Gazetteer(vocab, names, anchors, surnames, sorted(given), sorted(generic),
                     sorted(titled))


def _common_given_skeletons() -> frozenset[str]:
    """The consonant skeletons of the common given names (`frequency.common_given_names`),
    three consonants or more (fewer say little: Ali, Omar)."""
    out = set()
    for name in common_given_names():
        for t in tokens(latin(name)):
            sk = abjad_skeleton(t)
            if len(sk) >= 3:
                out.add(sk)
    return frozenset(out)


def _entry(n: int, form: NameForm, person: bool, part: object) -> Entry | None:
    """A listed name as (entity, person?, required, optional, family) part numbers; an
    organisation's function words ("in", "of") are not parts."""
    sig = [(t, r) for t, r in zip(form.tokens, form.roles) if t.kind not in (WEAK, INITIAL)
           and (person or not is_function_word(t.text))]  # fmt: skip
    if not sig:
        return None
    family = tuple(part(t) for t, r in sig if r == FAMILY)  # type: ignore[operator]
    if family:
        # the first given part: after a weak word ("AL-JAWLANI, Abu Muhammad"), the next
        given = [t for t, r in sig if r in (GIVEN, MIDDLE)][:1]
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
