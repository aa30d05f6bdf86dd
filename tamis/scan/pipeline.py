"""`Scanner.scan(text)`: the listed parties an article names, each with all its mentions.

Steps: language (function words, else lingua); words with offsets; gazetteer candidates
(every listed name, any order, inflection-tolerant); NER spans where a spaCy pipeline for
the language is installed (not in `fast` mode); each candidate screened by the engine with
the article's countries as context (`link`); overlapping spans that name different
entities keep the better hit; short forms tied to the persons named in full (`coref`); a
rare surname with no full mention only when the article is about that person's country.
One `Party` per entity, with every mention of it. A `Scanner` holds the screener, gazetteer
and caches, so scanning many articles pays for loading once.
"""

from __future__ import annotations

import gc
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from tamis.match.commonness import frequency
from tamis.match.names import COMMON_NOTE, WHOLE_NOTE
from tamis.match.score import Match, weights
from tamis.match.screen import Screener, screener
from tamis.model.store import Store
from tamis.normalise import ORG
from tamis.normalise.exonyms import (
    PHRASE_WORDS,
    phrase_names,
    phrase_word,
    unspaced_names,
    word_names,
)
from tamis.normalise.legal_forms import split_legal_forms
from tamis.normalise.names import FAMILY
from tamis.normalise.tokens import WORD
from tamis.scan import coref, ner
from tamis.scan.gazetteer import Gazetteer
from tamis.scan.gazetteer_build import gazetteer
from tamis.scan.language import detect
from tamis.scan.link import (
    LINKED_BONUS,
    LINKED_FLOOR,
    Linker,
    article_countries,
    is_country,
    is_region,
    office_after,
    role_before,
)
from tamis.scan.reading import ACRONYM, acronym_like, kind_word, sentence_start
from tamis.scan.result import COREF, GAZETTEER, NER, Mention, Party, ScanResult
from tamis.scan.vocab import Lookup, clitics, variants
from tamis.scan.words import CACHE, Word, honorifics, hyphened, particles, words

__all__ = ["Scanner", "scan_text"]

CITED_CANDIDATES = 5  # the index's first proposals for a cited name: its rendering is listed
CITED_CACHE = 10_000
# start, end (characters), label, how, query name, entities the gazetteer found there
Span = tuple[int, int, str, str, str, frozenset[str] | None]
CRAFTS = frozenset({"Vessel", "Airplane"})  # schemata whose linked names `_crafts` reads
# a span no hit claimed, for the context steps: (start, end, label, query, entities), mention
_Waiting = tuple[tuple[int, int, str, str, frozenset[str]], Mention]
# a listed name's parts (number, text, a word?), their numbers, those of its words
_NameParts = tuple[list[tuple[int, str, bool]], frozenset[int], frozenset[int]]


class Scanner:
    """A loaded screener and gazetteer, ready to scan any number of articles."""

    def __init__(self, screener: Screener, gaz: Gazetteer) -> None:
        self.screener = screener
        self.gazetteer = gaz
        self._linkers: dict[float | None, Linker] = {}
        self._cited: dict[str, frozenset[str] | None] = {}  # cited name -> its entities
        self._parts: dict[str, list[_NameParts]] = {}  # linked person -> names' parts
        self._linked_names: dict[str, tuple[list[tuple[str, _NameParts]], frozenset[int]]] = {}
        self._craft: dict[str, list[tuple[str, ...]]] = {}  # linked vessel -> its names

    @classmethod
    def open(cls, store: Store | None = None) -> Scanner:
        """The scanner of a store's active lists (default: the one at `$TAMIS_HOME`)."""
        scr = screener(store)
        return cls(scr, gazetteer(scr))

    def _linker(self, threshold: float | None) -> Linker:
        linker = self._linkers.get(threshold)
        if linker is None:
            linker = self._linkers[threshold] = Linker(self.screener, threshold)
        return linker

    def scan(self, text: str, *, fast: bool = False, language: str | None = None,
             threshold: float | None = None) -> ScanResult:  # fmt: skip
        """Scan one text; `fast` = gazetteer only (no NER); `language` skips detection."""
        enabled = gc.isenabled()
        gc.disable()  # a scan makes thousands of short-lived, acyclic objects (the words,
        try:  # their lookups): collecting while it runs costs 15-30% of a fast scan
            return self._scan(text, fast, language, threshold)
        finally:
            if enabled:
                gc.enable()

    def _scan(self, text: str, fast: bool, language: str | None,
              threshold: float | None) -> ScanResult:  # fmt: skip
        began, loaded = time.perf_counter(), ner.loading_seconds()
        lang = language or detect(text, fast)
        ws = words(text)
        starts = [w.start for w in ws]  # for `_word_at`
        gaz, linker = self.gazetteer, self._linker(threshold)
        looks = gaz.lookups(ws, text)
        countries = article_countries(ws)
        spans = self._spans(text, ws, looks, lang, fast)
        parties: dict[str, _Party] = {}
        mentions = [Mention(text[a:b], a, b, label, how) for a, b, label, how, *_ in spans]
        fulls: list[coref.FullMention] = []
        waiting: list[_Waiting] = []
        named: dict[str, _Party] = {}  # entity -> the party it was found as (for context)
        for (a, b, label, _, query, ids), mention in _best_first(spans, mentions):
            hits = linker.found(query, label == "PER" if label in ("PER", "ORG") else None, ids)
            m = linker.pick(hits, countries)
            if m is None and ids:
                waiting.append(((a, b, label, query, ids), mention))
            if m is None or any(p.overlaps(a, b, m.id) for p in parties.values()):
                continue
            if m.schema != "Person" and office_after(ws, _word_at(starts, b - 1)):
                continue  # "Russian Finance Minister" is not RUSSIAN FINANCIAL CORPORATION
            role = role_before(ws, _word_at(starts, a)) if m.schema == "Person" else None
            if role and not linker.fits_role(m, role):
                continue  # "l'économiste Natalya Orlova" is not the Duma member
            single = _single_word(ws, starts, a, b)
            acronym = single is not None and acronym_like(single)
            if acronym and countries and linker.agrees(m, countries) is False:
                continue  # an acronym is ambiguous: not of a country the article is not about
            if countries and _respelt_own_word(m) and linker.agrees(m, countries) is False:
                continue  # "Alfa-Gruppe" in an article on Russia is not Belarus's KGB ALPHA
            if _described(m) and linker.agrees(m, countries) is False:
                continue  # "the Ministry of Defence" of London is not North Korea's
            spoken = countries | _SPOKEN_IN.get(lang or "", _NO_COUNTRY)
            if _common_whole(m) and linker.agrees(m, spoken) is False:
                continue  # a "Mohamed El-Amine" of Somalia is not the listed Lebanese
            if single is not None and is_region(single):
                continue  # "в Африку" (Africa) is not AFRIC
            if (single is not None and not acronym and (m.schema not in _NAMED_ALONE or (
                    m.schema == "Organization" and (b - a <= ACRONYM and text[a].isupper()
                                                    or _company_name(m))))
                    and m.id not in (self._cited.get(query) or ())
                    and linker.agrees(m, spoken) is False):  # fmt: skip
                continue  # "Alicante", "Constanta", "the Opera", German "Region" (AO GNPP
                # REGION): a place or a word first; not a name the press writes for the
                # party (names_exonyms.yml: "Huthi")
            party = parties.setdefault(m.id or "", _Party(m))
            if party.holds(a, b):  # "Роснефть" inside "Компания Роснефть": one mention,
                party.better(m)  # the better of the two scores
                continue
            party.add(mention, m)
            fulls.append((m.id or "", _word_at(starts, a), _word_at(starts, b - 1)))
            named.update((x.id or "", party) for x in hits)  # the same party on other lists
        if parties and self.screener.links:  # (`named` holds every party's own id too)
            waiting += self._vouched(text, ws, looks, named, mentions)

            def longer(a: int, b: int) -> bool:  # "Ali Hassan Mohamed" is not HASSAN, Mohamed
                return coref.longer_name(_word_at(starts, a), _word_at(starts, b - 1), ws,
                                         looks, self.gazetteer)  # fmt: skip

            for mention, m, by, kin in _linked(waiting, named, countries, linker, longer):
                parties.setdefault(m.id or "", _Party(m, linked=by, kin=kin)).add(mention, m)
                fulls.append((m.id or "", _word_at(starts, mention.start),
                              _word_at(starts, mention.end - 1)))  # fmt: skip
        self._coref(text, ws, starts, looks, parties, fulls, mentions, countries, linker)
        out = sorted((p.result(self.screener) for p in parties.values()),
                     key=lambda p: (-p.score, p.mentions[0].start))  # fmt: skip
        mentions.sort(key=lambda m: (m.start, -m.end))
        # a model's first load (seconds, once per process) is not this article's time
        seconds = time.perf_counter() - began - (ner.loading_seconds() - loaded)
        return ScanResult(text, lang, out, mentions, seconds=seconds)

    def _vouched(self, text: str, ws: list[Word], looks: list[Lookup],
                 parties: dict[str, _Party],
                 mentions: list[Mention]) -> list[_Waiting]:
        """Spans that write out a listed name of a person the lists link to an organisation
        the article names, for `_linked` to score; each a new mention. The gazetteer passes
        such names over when they are first names only, or a title and a surname ("Hafiz
        Saeed": a surname alone is for coreference), or a short form ("Masood Azhar")."""
        held = [(m.start, m.end) for p in parties.values() for m in p.mentions]
        out = self._crafts(text, ws, parties, held, mentions)
        members = [self._members(eid) for eid, p in parties.items()
                   if p.match.schema != "Person" and eid in self.screener.links]  # fmt: skip
        names = [(eid, name) for found, _ in members for eid, name in found
                 if eid not in parties]  # fmt: skip
        if not names:
            return out
        needed = frozenset().union(*(keys for _, keys in members))
        at: dict[int, list[int]] = {}  # part number -> the words that can be it
        for i in [i for i, look in enumerate(looks) if look[0] and not look[0].isdisjoint(needed)]:
            for k in looks[i][0] & needed:
                at.setdefault(k, []).append(i)
        written = at.keys()
        names = [(eid, name) for eid, name in names  # two words of it, or all of it
                 if not name[2].isdisjoint(written)
                 and (len(name[2] & written) >= 2 or name[1] <= written)]
        for eid, (parts, keys, _) in names:
            for a, b in _written_out(ws, looks, parts, [i for k in keys & written
                                                        for i in at[k]]):  # fmt: skip
                if (span := _waiting(text, a, b, "PER", eid, held, mentions)) is not None:
                    out.append(span)
        return out

    def _crafts(self, text: str, ws: list[Word], parties: dict[str, _Party],
                held: list[tuple[int, int]], mentions: list[Mention]) -> list[_Waiting]:
        """Spans that write out, in capitals, the name of a vessel or aircraft the lists link
        to a party the article names: "the Tango" beside Viktor Vekselberg, whose yacht
        it is (a name of one common word, which the gazetteer does not read alone)."""
        crafts = {x for eid in parties for x in self.screener.links.get(eid, ())
                  if x not in parties and self._craft_names(x)}  # fmt: skip
        if not crafts:
            return []
        at: dict[str, list[int]] = {}
        for i, w in enumerate(ws):
            if w.cap and not w.glue:
                at.setdefault(w.folded, []).append(i)
        out: list[_Waiting] = []
        for eid in sorted(crafts):
            for name in self._craft_names(eid):
                for i in at.get(name[0], ()):
                    j = i + len(name) - 1
                    if j >= len(ws) or any(not ws[k].joined or ws[k + 1].folded != part
                                           or not ws[k + 1].cap
                                           for k, part in zip(range(i, j), name[1:])):  # fmt: skip
                        continue
                    span = _waiting(text, ws[i].start, ws[j].end, "UNK", eid, held, mentions)
                    if span is not None:
                        out.append(span)
        return out

    def _craft_names(self, entity_id: str) -> list[tuple[str, ...]]:
        """A listed vessel's or aircraft's names as folded words; none for another party.
        Kept per scanner."""
        found = self._craft.get(entity_id)
        if found is None:
            pe = self.screener.get(entity_id)
            crafts = pe is not None and pe.schema in CRAFTS
            found = self._craft[entity_id] = [
                tuple(t.text for t in form.tokens) for form, _ in (pe.names if crafts else ())
                if form.tokens]  # fmt: skip
        return found

    def _members(self, entity_id: str) -> tuple[list[tuple[str, _NameParts]], frozenset[int]]:
        """The names of 2+ parts of the persons the lists link to an organisation, and all
        the keys their parts match by (`_name_parts`). Kept per scanner."""
        found = self._linked_names.get(entity_id)
        if found is None:
            names = [(x, name) for x in self.screener.links.get(entity_id, ())
                     for name in self._name_parts(x)]  # fmt: skip
            found = (names, frozenset().union(*(name[1] for _, name in names)))
            self._linked_names[entity_id] = found
        return found

    def _name_parts(self, entity_id: str) -> list[_NameParts]:
        """A listed person's names of 2+ parts as (number, text, a word?) per part, their
        part numbers, and those of its words (not particles or titles); none for an
        organisation. Kept per scanner."""
        found = self._parts.get(entity_id)
        if found is None:
            pe = self.screener.get(entity_id)
            found = []
            number = self.gazetteer.vocab.number
            for form, _ in pe.names if pe is not None and pe.schema == "Person" else ():
                if len(form.tokens) > 1:
                    parts = [(number.get(t.key, -1), t.text, t.kind == WORD)
                             for t in form.tokens]  # fmt: skip
                    # (a part no listed name spells has no number: it is matched as
                    # written, `_take_part`, and not counted here)
                    keys = frozenset(n for n, _, _ in parts if n >= 0)
                    words_ = frozenset(n for n, _, word in parts if word and n >= 0)
                    found.append((parts, keys, words_))
            self._parts[entity_id] = found
        return found

    def _cited_ids(self, name: str) -> frozenset[str] | None:
        """The entities a cited name (names_exonyms.yml: داعش, "Stato islamico", 金正恩)
        stands for: those of the few the index ranks first for it that the engine matches
        (its rendering is a listed name as written), found once per scanner; None: let the
        engine screen it in full."""
        if name not in self._cited:
            if len(self._cited) >= CITED_CACHE:
                self._cited.clear()
            try:
                found = self.screener.screen({"name": name}, CITED_CANDIDATES, None,
                                             CITED_CANDIDATES)  # fmt: skip
            except ValueError:  # QueryError: nothing comparable
                found = []
            self._cited[name] = frozenset(m.id for m in found if m.match and m.id) or None
        return self._cited[name]

    def _spans(self, text: str, ws: list[Word], looks: list[Lookup], lang: str | None,
               fast: bool) -> list[Span]:  # fmt: skip
        """Candidate spans: (start, end, label, how, query name, entities), gazetteer and
        NER; a gazetteer span inside a span NER calls a person is a person's."""
        out: dict[tuple[int, int], Span] = {}
        ids = self.screener.index.ids
        for c in self.gazetteer.find(ws, looks, text):
            first, last = c.first, c.last
            if first > 0 and _particle_of(ws, first, text, self.gazetteer.stop):
                first -= 1  # "al-Qaeda": the particle is part of the name
            if not c.person and _tail_of_name(ws, first, text):
                continue  # "Ahmed al-Charaa", "Hayat Tahrir al-Cham": not HARA, not CHAM
            while c.person and hyphened(ws, last, text):
                last += 1  # "Kim Min-jae": the syllable after the hyphen is his name too
            if not c.person:
                last += _legal_tail(ws, first, last, text)  # "... Holdings Public Company
                # Limited": the mention is the name as written, its legal form too
            while (c.person and last + 2 < len(ws) and ws[last].joined
                   and ws[last + 1].folded in particles() and ws[last + 1].joined
                   and ws[last + 2].text[:1].isupper()):  # fmt: skip
                last += 2  # "Izz al-Din al-Qassam": the name goes on; the engine judges
            if c.person and self._given_before(ws, looks, first, text):
                first -= 1  # "María Maduro Moros", "Rosalinda González Valencia": another
                # person of the family; the engine judges the whole name
            if c.person and self._second_surname(ws, looks, last, text, c.entities):
                last += 1  # "Nicolas Maduro Santos" is not MADURO MOROS: the engine judges
            a, b = ws[first].start, ws[last].end
            query = _query(ws, looks, first, last, text, c.person)
            ents = frozenset(ids[n] for n in c.entities)
            held = out.get((a, b))
            if held is not None and held[5] is not None and held[2] == ("PER" if c.person
                                                                        else "ORG"):
                ents |= held[5]  # a span widened onto another's: both's names are in it
            out[(a, b)] = (a, b, "PER" if c.person else "ORG", GAZETTEER, query, ents)
        cited = [(a, b, text[a:b]) for a, b in (_unspaced(ws) if _HAN.search(text) else ())]
        for a, b, query in cited + _known_words(ws):
            known = self._cited_ids(query)
            held = out.get((a, b))
            if held is None:
                out[(a, b)] = (a, b, "UNK", GAZETTEER, query, known)
            elif known and held[5] is not None:  # both readings: "Islamic Jihad" is the
                out[(a, b)] = (*held[:5], held[5] | known)  # PIJ as cited, and another
                # group's name in part: the engine's scores decide
        for a, b, query in _nicknamed(ws, looks, text, self.gazetteer.given):
            if (a, b) not in out:  # the engine screens the name without the nickname
                out[(a, b)] = (a, b, "PER", GAZETTEER, query, None)
        found = None
        if not fast and ner.model_name(lang):
            found = ner.entities(text, lang, self._unexplained(text, ws, looks, out))
        starts = ends = None
        for a, b, label in found or ():
            if label == "PER":
                for key, (x, y, lab, how, query, ents) in list(out.items()):
                    if a <= x and y <= b and lab == "ORG":
                        out[key] = (x, y, "PER", how, query, ents)
            if (a, b) in out:
                continue
            if starts is None:
                starts, ends = [w.start for w in ws], [w.end for w in ws]
            inside = range(bisect_left(starts, a), bisect_right(ends, b))  # words within
            named = [i for i in inside if ws[i].folded not in honorifics() and not ws[i].glue]
            if not any(looks[i][0] or looks[i][1] for i in named):
                continue  # no word of it is a listed name part
            if label == "PER" and len(named) < 2:
                continue  # a surname alone: coreference decides
            out[(a, b)] = (a, b, label, NER, text[a:b], None)
        return sorted(out.values(), key=lambda s: s[:4])

    def _given_before(self, ws: list[Word], looks: list[Lookup], p: int, text: str) -> bool:
        """Whether word p-1 is a given name written before a person's name that opens
        with none (the family names alone, "Maduro Moros"): a capitalised word a listed
        person has as a first name, a space before word p, no honorific or country. Then
        the name is that person's, who may be a relative: the whole name is screened. (In a
        script without case nothing says where a name begins.)"""
        q = p - 1
        if q < 0 or not ws[q].text[:1].isupper() or not ws[p].text[:1].isupper():
            return False
        given = self.gazetteer.given
        if not looks[q][0] & given or looks[p][0] & given:
            return False
        if text[ws[q].end : ws[p].start] != " " or ws[q].folded in self.gazetteer.stop:
            return False
        return ws[q].folded not in honorifics() and not is_country(ws[q])

    def _second_surname(self, ws: list[Word], looks: list[Lookup], p: int, text: str,
                        entities: frozenset[int]) -> bool:  # fmt: skip
        """Whether word p+1 is a second surname written after a name whose listed persons
        all have two (Spanish and Portuguese names: MADURO MOROS, Nicolas): a capitalised
        listed name part, written with it, not opening a sentence. The press drops the
        second surname; when it writes one, the whole name is the one to screen."""
        q = p + 1
        if q >= len(ws) or not ws[p].joined or not ws[q].text[:1].isupper() or not looks[q][0]:
            return False  # (in a script without case, nothing says where a name ends)
        if text[ws[p].end : ws[q].start] != " " or ws[q].folded in self.gazetteer.stop:
            return False
        if is_country(ws[q]) or sentence_start(ws, q, text):
            return False
        return bool(entities) and all(_two_surnames(self.screener.prepared(n))
                                      for n in entities)  # fmt: skip

    def _unexplained(self, text: str, ws: list[Word], looks: list[Lookup],
                     found: dict[tuple[int, int], Any]) -> list[tuple[int, int]]:  # fmt: skip
        """The passages NER should read: around each capitalised word that is a listed
        name part by its spelling (not only alike: a near part alone cannot carry a
        mention NER finds) and that no gazetteer candidate, country name, honorific or
        surname of a candidate explains. NER is the slow step; elsewhere it cannot add
        a span the engine would accept (a span needs a listed name part)."""
        starts = [w.start for w in ws]
        covered = {i for a, b in found
                   for i in range(bisect_left(starts, a), bisect_left(starts, b))}  # fmt: skip
        known: frozenset[int] = frozenset()
        for a, b in found:
            known |= looks[_word_at(starts, b - 1)][0] | looks[_word_at(starts, b - 1)][1]
        stop, titles = self.gazetteer.stop, honorifics()
        hot = []
        for i, w in enumerate(ws):
            if not w.cap or i in covered or w.folded in stop or w.folded in titles:
                continue
            kinds = looks[i][0]  # an exact listed part (near ones: too many to read)
            if kinds and not kinds <= known and not is_country(w):
                hot.append(w.start)
        return ner.windows(text, hot)  # the sentence around each such word

    def _coref(self, text: str, ws: list[Word], starts: list[int], looks: list[Lookup],
               parties: dict[str, _Party], fulls: list[coref.FullMention],
               mentions: list[Mention], countries: frozenset[str], linker: Linker) -> None:  # fmt: skip
        covered = {i for _, f, last in fulls for i in range(f, last + 1)}
        shorts = coref.short_forms(ws, looks, self.gazetteer, covered)
        surnames, seconds = {}, {}
        for eid, party in parties.items():
            pe = self.screener.get(eid)
            if pe is not None and pe.schema == "Person":
                written = [looks[last] for e, _, last in fulls if e == eid]
                surnames[eid] = coref.family_parts(self.gazetteer, pe.names, written)
                seconds[eid] = coref.second_surnames(self.gazetteer, pe.names)
        others = coref.namesakes(ws, looks, self.gazetteer, covered) if shorts else []
        tied = coref.attach(shorts, looks, surnames, fulls, ws, others, seconds)
        for i, eid in tied.items():
            w = ws[i]
            mention = Mention(w.text, w.start, w.end, "PER", COREF)
            mentions.append(mention)
            parties[eid].mentions.append(mention)
        orgs = {eid: coref.org_parts(self.gazetteer, pe.names) for eid in parties
                if (pe := self.screener.get(eid)) is not None and pe.schema != "Person"}  # fmt: skip
        for eid, first, last in fulls:  # the first word of a name written in full, alone
            look = looks[first]  # later ("Конкорд менеджмент и консалтинг" ... «Конкорд»):
            if eid in orgs and last > first and ws[first].cap and look[0] and not look[3] \
                    and look[0].isdisjoint(self.gazetteer.generic) and not is_country(ws[first]):
                orgs[eid][0].update(look[0])  # a word of its own, not one of meaning
        held = {i for p in parties.values() for m in p.mentions
                for i in range(_word_at(starts, m.start), _word_at(starts, m.end - 1) + 1)}  # fmt: skip
        short = coref.org_short_forms(ws, looks, self.gazetteer, held | set(tied), orgs)
        for i, eid in short.items():
            w = ws[i]
            mention = Mention(w.text, w.start, w.end, "ORG", COREF)
            mentions.append(mention)
            parties[eid].mentions.append(mention)
        nicks = {eid: parts for eid in parties if (pe := self.screener.get(eid)) is not None
                 and pe.schema == "Person" and (parts := coref.nickname_parts(self.gazetteer,
                                                                              pe.names))}  # fmt: skip
        for i, eid in coref.nicknames(ws, looks, self.gazetteer, held | set(tied) | set(short),
                                      nicks).items():  # fmt: skip
            w = ws[i]
            mention = Mention(w.text, w.start, w.end, "PER", COREF)
            mentions.append(mention)
            parties[eid].mentions.append(mention)
        initialled = set()
        for i, k in coref.initialled(ws, shorts, set(tied), text).items():
            query = " ".join([*(ws[p].text for p in range(k, i)), looks[i][2] or ws[i].folded])
            m = linker.link(query, True, countries)  # "V. Putin": the engine reads initials
            if m is None or not m.match or any(p.overlaps(ws[k].start, ws[i].end, m.id)
                                               for p in parties.values()):  # fmt: skip
                continue
            mention = Mention(text[ws[k].start : ws[i].end], ws[k].start, ws[i].end, "PER",
                              GAZETTEER)  # fmt: skip
            mentions.append(mention)
            parties.setdefault(m.id or "", _Party(m)).add(mention, m)
            initialled.add(i)
        for i, n in coref.rare_surnames(shorts, looks, self.gazetteer,
                                        set(tied) | initialled).items():  # fmt: skip
            pe = self.screener.prepared(n)
            if not pe.countries & countries:
                continue
            w = ws[i]
            m = linker.explain(pe.id or "", looks[i][2] or w.folded, countries)
            if not m.match:
                continue  # the engine's threshold is the rule, context or not
            mention = Mention(w.text, w.start, w.end, "PER", GAZETTEER)
            mentions.append(mention)
            party = parties.setdefault(pe.id or "", _Party(m, note=RARE_NOTE))
            party.add(mention, m)


def _waiting(text: str, a: int, b: int, label: str, entity_id: str,
             held: list[tuple[int, int]], mentions: list[Mention]) -> _Waiting | None:  # fmt: skip
    """A new mention a..b of one listed party, for `_linked` to score, unless it overlaps
    a mention held already (then None); held and mentions take it."""
    if any(x < b and a < y for x, y in held):
        return None
    held.append((a, b))
    mention = Mention(text[a:b], a, b, label, GAZETTEER)
    mentions.append(mention)
    return (a, b, label, text[a:b], frozenset([entity_id])), mention


def _written_out(ws: list[Word], looks: list[Lookup], parts: list[tuple[int, str, bool]],
                 starts: list[int]) -> list[tuple[int, int]]:  # fmt: skip
    """(start, end) of each run of adjacent words, from one of `starts`, that are each a
    different part of the name, in any order (a word is a part by its number, or as
    written): the whole name ("Hafiz Saeed", a title and a surname) or two words of it or
    more ("Masood Azhar" of MOHAMMED MASOOD AZHAR ALVI), particles and titles not counted
    ("Ahmed al-" is no part of a name). The engine then judges it."""
    out = []
    for i in sorted(set(starts)):
        left = dict(enumerate(parts))
        words_ = _take_part(left, looks[i][0], ws[i].folded)
        if words_ is None:
            continue
        j = i
        while left and j + 1 < len(ws) and ws[j].joined:
            took = _take_part(left, looks[j + 1][0], ws[j + 1].folded)
            if took is None:
                break
            words_ += took
            j += 1
        if j > i and (not left or words_ >= 2) and any(w.cap for w in ws[i : j + 1]):
            out.append((ws[i].start, ws[j].end))
    return out


def _take_part(left: dict[int, tuple[int, str, bool]], exact: frozenset[int],
               folded: str) -> int | None:  # fmt: skip
    """Take from `left` the first name part (number, text, a word?) a word is: None if
    none, else 1 for a word, 0 for a particle or title."""
    for k, (number, written, word) in left.items():
        if number in exact or written == folded:
            del left[k]
            return int(word)
    return None


def _linked(waiting: list[_Waiting],
            parties: dict[str, _Party], countries: frozenset[str],
            linker: Linker,
            longer: Callable[[int, int], bool]) -> list[tuple[Mention, Match, list[tuple[str, str]], bool]]:  # fmt: skip
    """Of the spans no hit claimed, those whose name the engine scores just under the
    threshold (`LINKED_FLOOR`, within `LINKED_BONUS`) for a listed party that the lists
    link to a party the article names (`parties`: by every entity id it was found as):
    (the mention, the hit, (id, caption) of the named parties it is linked to). "Hafiz
    Saeed", a name of common parts, beside Lashkar-e-Tayyiba; not a span that `longer`
    says is part of a longer name."""
    limit = weights().threshold if linker.threshold is None else linker.threshold
    out = []
    taken: list[tuple[int, int]] = []
    families = linker.families(parties)
    for (a, b, label, query, ids), mention in waiting:
        near = {eid: (by, False) for eid, by in linker.linked(ids, parties).items()}
        for eid, by in linker.kin(ids, families).items():
            near.setdefault(eid, (by, True))  # a sibling, by a double surname
        if not near or any(x < b and a < y for x, y in taken) or longer(a, b):
            continue
        person = label == "PER" if label in ("PER", "ORG") else None
        best = None
        for eid, (by, kin) in sorted(near.items()):
            m = linker.context(eid, query, person, countries)
            if person is not None and (m.schema == "Person") != person:
                continue
            if m.score < LINKED_FLOOR or m.score + LINKED_BONUS < limit or _query_left(m):
                continue
            if best is None or m.score > best[0].score:
                best = (m, [(x, _caption(linker, x)) for x in by], kin)
        if best is None or any(p.overlaps(a, b, best[0].id) for p in parties.values()):
            continue
        taken.append((a, b))
        out.append((mention, *best))
    return out


def _company_name(m: Match) -> bool:
    """Whether the listed name a hit used carries a legal form (AO GNPP REGION: a company's
    name, unlike a group's, is often a common word once its legal form is off)."""
    found = m.name_alignment()
    return found is not None and bool(found[0].candidate.legal)


def _query_left(m: Match) -> bool:
    """Whether a word of the mention has no counterpart in the listed name the hit used
    ("Hassan Sheikh Mohamud" for HASSAN, Mohamed): then the name is another's."""
    found = m.name_alignment()
    return found is None or any(i >= 0 and j < 0 for i, j, *_ in found[0].pairs)


RARE_NOTE = ("surname alone: the only listed person with this surname, and the article "
             "names their country")


def _caption(linker: Linker, entity_id: str) -> str:
    pe = linker.screener.get(entity_id)
    return pe.caption if pe is not None else entity_id


class _Party:
    """A party being assembled: the best hit so far and every mention; `linked`: the
    parties named in the article whose link to this one is its context (its score gets
    LINKED_BONUS)."""

    def __init__(self, match: Match, note: str | None = None,
                 linked: list[tuple[str, str]] | None = None, kin: bool = False) -> None:  # fmt: skip
        self.match = match
        self.note = note  # why the scan flags it, beyond the engine's score
        self.linked = linked or []
        self.kin = kin  # `linked` by a shared double surname, not by the lists
        self.mentions: list[Mention] = []

    def add(self, mention: Mention, match: Match) -> None:
        self.mentions.append(mention)
        self.better(match)

    def better(self, match: Match) -> None:
        """Keep the best-scoring hit of the party's mentions."""
        if match.score > self.match.score:
            self.match = match

    def holds(self, a: int, b: int) -> bool:
        """Whether a mention of this party already covers [a, b)."""
        return any(m.start <= a and b <= m.end for m in self.mentions)

    def overlaps(self, a: int, b: int, entity_id: str | None) -> bool:
        """Whether another entity already holds a span overlapping [a, b)."""
        return self.match.id != entity_id and any(m.start < b and a < m.end
                                                  for m in self.mentions)  # fmt: skip

    def result(self, scr: Screener) -> Party:
        m = self.match
        explanation: dict[str, Any] = m.explanation.to_dict()
        if self.note:
            explanation["scan"] = self.note
        score = m.score
        if self.linked:  # a name that matches alone needs no bonus (a linked vessel's)
            named = "; ".join(f"{caption} ({eid})" for eid, caption in self.linked)
            said = (f"shares family names with {named}, named in the article" if self.kin
                    else f"linked in the lists to {named}, named in the article")
            if m.match:
                explanation["scan"] = said
            else:
                score = min(1.0, m.score + LINKED_BONUS)
                explanation["scan"] = f"score {m.score:.2f} + {LINKED_BONUS:.2f}: {said}"
            explanation["linked"] = [eid for eid, _ in self.linked]
        pe = scr.get(m.id or "")
        source = (m.id or "").split(":", 1)[0]
        self.mentions.sort(key=lambda x: x.start)
        return Party(m.id or "", m.caption, m.schema or (pe.schema if pe else None), score,
                     list(self.mentions), explanation, source)  # fmt: skip


_HAN = re.compile("[\u3400-\u9fff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _known_words(ws: list[Word]) -> list[tuple[int, int, str]]:
    """(start, end, query) of words that are a cited name by themselves (داعش, Daech:
    `names_exonyms.yml`), an Arabic clitic on them included in the span (وداعش), and of
    runs of two to five words that are one ("Stato islamico")."""
    phrases = phrase_names()
    out = []
    hot = _hot_ascii()  # an ASCII word is a cited name, or a phrase's first word, or not
    for i in [i for i, w in enumerate(ws) if w.folded in hot or not w.folded.isascii()]:
        w = ws[i]
        first, name = _word_reading(w.folded, w.cap)
        # "Stato islamico": 2-5 words, one name (a phrase needs a capital somewhere:
        # "le groupe Wagner", not "stato islamico")
        if first:
            for size in range(PHRASE_WORDS, 1, -1):
                key = (first, *(phrase_word(x.folded) for x in ws[i + 1 : i + size]))
                if (len(key) == size and key in phrases
                        and any(x.cap for x in ws[i : i + size])):  # fmt: skip
                    out.append((w.start, ws[i + size - 1].end, phrases[key]))
                    break
        if name:
            out.append((w.start, w.end, name))
    return out


@lru_cache(maxsize=CACHE)
def _word_reading(folded: str, cap: bool) -> tuple[str, str]:
    """What one word is to `_known_words` (words repeat: found once per distinct word):
    the cited phrase it may begin (its key's first word: alefs unified, an Arabic clitic
    off, as in لحزب الله "of Hizballah"), and the cited name it is by itself (as written,
    a Russian case's stem: «Ростеха» is «Ростех», or without an Arabic clitic: وداعش);
    "" for none."""
    names, prefixes = word_names(), clitics()
    firsts, heads = _first_letters()
    first = folded if folded.isascii() else phrase_word(folded) if cap else ""
    if first and first not in firsts and first[:1] in heads:
        first = next((first[len(p) :] for p in prefixes
                      if first.startswith(p) and first[len(p) :] in firsts), first)  # fmt: skip
    first = first if first in firsts else ""
    if folded in names:
        return first, folded
    if cap and _CYRILLIC.match(folded):
        stem = next((v for v in variants(folded)[1:] if v in names), None)
        if stem is not None:
            return first, stem
    if folded[:1] in heads:
        for p in prefixes:
            if folded.startswith(p) and folded[len(p) :] in names:
                return first, folded[len(p) :]
    return first, ""


@cache
def _first_letters() -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the cited phrases, and the first letters of the clitics: a word
    that is neither is looked up no further."""
    return frozenset(k[0] for k in phrase_names()), frozenset(p[0] for p in clitics())


@cache
def _hot_ascii() -> frozenset[str]:
    """The ASCII words `_known_words` reads further: a cited name by itself, or a cited
    phrase's first word (no Arabic clitic or Cyrillic case applies to the others)."""
    return frozenset(w for w in word_names() | _first_letters()[0] if w.isascii())


LEGAL_TAIL = 4  # words of a legal form written after an organisation's name, at most


def _legal_tail(ws: list[Word], first: int, last: int, text: str) -> int:
    """How many words after an organisation's name found in words first..last are its
    legal form ("Public Company Limited", "Corporation", "LLC"): words written with it that
    the legal-form reading takes off the name again, leaving exactly its words."""
    name = [w.folded for w in ws[first : last + 1]]
    bare: list[str] | None = None  # the name's own parts, read once if a tail needs them
    for n in range(min(LEGAL_TAIL, len(ws) - 1 - last), 0, -1):
        tail = ws[last + 1 : last + 1 + n]
        if not all(w.joined for w in ws[last : last + n]) or not tail[0].cap:
            continue
        if any(text[ws[k].end : ws[k + 1].start].strip(" ,.") for k in range(last, last + n)):
            continue  # only spaces, commas and dots between: "Co., Ltd."
        parts, forms = split_legal_forms(" ".join(name + [w.folded for w in tail]))
        if not forms:
            continue
        if bare is None:
            bare = split_legal_forms(" ".join(name))[0]
        if parts == bare:
            return n
    return 0


SYLLABLE = 5  # letters of a syllable of a hyphenated given name (Heung-min, Jong-un)


def _query(ws: list[Word], looks: list[Lookup], first: int, last: int, text: str,
           person: bool) -> str:  # fmt: skip
    """The name words first..last say, for the engine: each word as the gazetteer read it
    (de-inflected); a person's hyphenated given name of short syllables is one name
    ("Son Heung-min" -> "son heungmin": not the listed "Son Min" by its last syllable;
    "Kim Jong-un" -> "kim jongun" still meets KIM, Jong Un, one part written as two)."""
    out: list[str] = []
    glued = False
    for i in range(first, last + 1):
        if ws[i].glue:
            continue
        word = looks[i][2] or ws[i].folded
        if glued:
            out[-1] += word
        else:
            out.append(word)
        glued = (person and i < last and hyphened(ws, i, text)
                 and len(ws[i].folded) <= SYLLABLE >= len(ws[i + 1].folded)
                 and ws[i].folded not in particles())  # fmt: skip
    return " ".join(out)


_OPEN_QUOTES = frozenset('"“«‘\'„')
_CLOSE_QUOTES = frozenset('"”»’\'“')
NICKNAME_WORDS = 3  # words a quoted nickname holds at most


def _nicknamed(ws: list[Word], looks: list[Lookup], text: str,
               given: frozenset[int]) -> list[tuple[int, int, str]]:  # fmt: skip
    """(start, end, query) of a person's name written with a quoted nickname between the
    first name and the surname (Ismael "El Mayo" Zambada, Joaquín «El Chapo» Guzmán):
    the span holds the nickname, the query the name without it. The first name must be a
    listed person's, and the surname a listed name part."""
    out = []
    n = len(ws)
    for i in [i for i, look in enumerate(looks) if look[0] and i < n - 2]:
        w = ws[i]
        if not (w.cap and looks[i][0] & given) or text[w.end : ws[i + 1].start].strip() not in _OPEN_QUOTES:
            continue
        for m in range(i + 1, min(i + 1 + NICKNAME_WORDS, n - 1)):
            after = text[ws[m].end : ws[m + 1].start]
            if after.strip() in _CLOSE_QUOTES and after.endswith(" "):
                last = k = m + 1
                while (last + 1 < n and text[ws[last].end : ws[last + 1].start] == " "
                       and ws[last + 1].cap and (looks[last + 1][0] or looks[last + 1][1])):  # fmt: skip
                    last += 1
                if ws[k].cap and (looks[k][0] or looks[k][1]):
                    parts = [i, *range(k, last + 1)]
                    out.append((w.start, ws[last].end,
                                " ".join(looks[p][2] or ws[p].folded for p in parts)))  # fmt: skip
                break
            if after != " ":
                break  # a nickname is a few words in quotes, nothing else
    return out


def _unspaced(ws: list[Word]) -> list[tuple[int, int]]:
    """Spans of known names inside runs of Han characters (Chinese writes no spaces, so
    金正恩 is found inside 普京与金正恩会晤): the cited renderings of `names_exonyms.yml`."""
    out: list[tuple[int, int]] = []
    for w in ws:
        if w.text.isascii() or not _HAN.search(w.text):
            continue
        taken: list[tuple[int, int]] = []
        for name in unspaced_names():  # longest first: a longer name wins its characters
            i = w.text.find(name)
            while i >= 0:
                a, b = w.start + i, w.start + i + len(name)
                if not any(x < b and a < y for x, y in taken):
                    taken.append((a, b))
                i = w.text.find(name, i + 1)
        out += taken
    return out


def _best_first(spans: list[Any], mentions: list[Mention]) -> list[tuple[Any, Mention]]:
    """Spans to link, longest first: a full name claims its words before a part of it."""
    pairs = list(zip(spans, mentions))
    pairs.sort(key=lambda p: (-(p[0][1] - p[0][0]), p[0][0]))
    return pairs


# schemas whose one-word names the press writes alone for them (Hamas, Taliban, the yacht
# Dilbar): a company's one word is as often a place or a word (Alicante, Constanta,
# Aquarius), and so is any short one (OPERA), so these need the article to be about one of
# the entity's countries
_NAMED_ALONE = frozenset({"Organization", "Person", "Vessel", "Airplane"})
# ... where the article's language is itself about a country: Russian writes of Russia's
# companies ("глава Роснефти"), and names them without saying "Russian"
# (Arabic: the Arab League's members, the Arabic press's own region)
_SPOKEN_IN = {"ru": frozenset({"ru"}), "uk": frozenset({"ua"}), "fa": frozenset({"ir"}),
              "zh": frozenset({"cn"}),
              "ar": frozenset({"dz", "bh", "km", "dj", "eg", "iq", "jo", "kw", "lb", "ly", "mr",
                               "ma", "om", "ps", "qa", "sa", "so", "sd", "sy", "tn", "ae",
                               "ye"})}  # fmt: skip
_NO_COUNTRY: frozenset[str] = frozenset()


def _described(m: Match) -> bool:
    """Whether the hit holds by a name any such body has ("MINISTRY OF DEFENCE", "NATIONAL
    BANK": words of the tables of generic and translated words only) or by initials derived
    from its name (NASA for NARANJO ABAJO, S.A.): the article must then be about one of
    the entity's countries."""
    found = m.name_alignment()
    if found is None:
        return False
    al, prop = found
    if prop == "acronym":
        return True
    form = al.candidate
    return form.kind == ORG and all(t.kind != WORD or t.generic or t.concepts for t in form.tokens)


def _respelt_own_word(m: Match) -> bool:
    """Whether an organisation's hit holds by an alias of one word of its own beside words
    of a kind, spelt otherwise than listed: "Alfa Group" (Fridman's, Russian) is not
    Belarus's KGB ALPHA, a.k.a. ALPHA GROUP; an article that names other countries is about
    another. (Its own name respelt, "Konzern Kalaschnikow", is the party.)"""
    found = m.name_alignment()
    if found is None or found[1] != "alias" or found[0].candidate.kind != ORG:
        return False
    al = found[0]
    own = [i for i, t in enumerate(al.query.tokens) if t.kind == WORD and not t.generic]
    return (len(own) == 1 and len(al.query.tokens) > 1
            and any(i == own[0] and j >= 0 and sim < 1.0 for i, j, sim, *_ in al.pairs))


def _common_whole(m: Match) -> bool:
    """Whether the hit holds by a name of common parts: capped as such, or whole ("Maria
    Zakharova", "Mohamed El-Amine") and not alerting were it not whole (distinctiveness
    below the cap's `cap_common`): an alert in a screening, but many people in the news
    bear such a name, so the article must be about one of the entity's countries (or be
    written in its language: Russian names Russians without saying so)."""
    found = m.name_alignment()
    if found is None:
        return False
    if any(n.startswith(COMMON_NOTE) for n in found[0].notes):
        return True  # capped: only common parts agree ("Mohammed bin Salman", SALMAN,
        # Muhammad of Syria, in an article on the Gulf)
    if found[0].distinct >= frequency().cap_common:
        return False  # distinctive enough that the name alerts capped or not (نعيم قاسم)
    return any(n.startswith(WHOLE_NOTE) for n in found[0].notes)


def _particle_of(ws: list[Word], p: int, text: str, stop: frozenset[str]) -> bool:
    """Whether the word before p is a name particle written with it: "al-Qaeda", "Al
    Qaeda"; one that is also a common word ("as", "at", Spanish "al") only hyphenated or
    capitalised inside a sentence ("as-Sahab", not "known as PDVSA" nor "As PDVSA said")."""
    w = ws[p - 1]
    if not w.joined or w.folded not in particles():
        return False
    if w.folded not in stop or hyphened(ws, p - 1, text):
        return True
    return w.text[:1].isupper() and not sentence_start(ws, p - 1, text)


def _two_surnames(pe: Any) -> bool:
    """Whether a listed person's name, as the list orders it, has two family parts."""
    return any(sum(r == FAMILY for r in form.roles) >= 2 for form, prop in pe.names
               if prop == "name")  # fmt: skip


def _tail_of_name(ws: list[Word], p: int, text: str) -> bool:
    """Whether word p is a name particle ending a longer name: a capitalised word, not
    opening a sentence nor a country's name, is written just before it ("Ahmed al-Charaa")."""
    if p == 0 or ws[p].folded not in particles() or not ws[p - 1].joined:
        return False
    w = ws[p - 1]
    return (w.text[:1].isupper() and not sentence_start(ws, p - 1, text)
            and not is_country(w) and w.folded not in honorifics()
            and not kind_word(w))  # fmt: skip  # "die Organisation al-Qard al-Hassan"


def _single_word(ws: list[Word], starts: list[int], a: int, b: int) -> Word | None:
    """The word, when the span [a, b) is one word ("RDIF" in capitals, "Alicante")."""
    w = ws[_word_at(starts, a)]
    return w if w.end >= b else None


def _word_at(starts: list[int], offset: int) -> int:
    """The index of the word containing a character offset (or the nearest before it),
    from the words' start offsets."""
    return max(bisect_right(starts, offset) - 1, 0)


_SCANNERS: dict[str, Scanner] = {}


def scan_text(text: str, store: Store | None = None, **kw: Any) -> ScanResult:
    """Scan one text with a scanner cached per store (reopened when its lists change)."""
    scr = screener(store)
    cached = _SCANNERS.get(scr.fingerprint)
    if cached is None or cached.screener is not scr:
        _SCANNERS.clear()
        cached = _SCANNERS[scr.fingerprint] = Scanner(scr, gazetteer(scr))
    return cached.scan(text, **kw)
