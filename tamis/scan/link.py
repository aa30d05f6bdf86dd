"""Linking: which listed entity a mention names, decided by the screening engine, with the
article as context.

Each mention is screened as a query (`Screener.screen`), so every rule of the engine
(transliteration, name order, missing patronymics, the cross-language tables) decides, and
the engine's default threshold (or the caller's) says what is a hit. The article adds what
a single name cannot: the countries it is about (country names in any language, via
`tamis.normalise.country_code`, and adjectives such as "russe", "российский", from
`scan_words.yml`). Among hits for the same mention (namesakes), one whose countries the
article speaks of comes first. Results are cached per distinct query for the scanner's
life: names repeat within an article and across a batch of articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from tamis.match.query import Prepared, prepare_query
from tamis.match.score import Match
from tamis.match.screen import Screener
from tamis.normalise import country_code, fold
from tamis.normalise.data import load_table
from tamis.normalise.names import FAMILY
from tamis.resources.countries import name_starts
from tamis.scan.vocab import stop_words, variants
from tamis.scan.words import Word

__all__ = ["CONTEXT_BONUS", "LINKED_BONUS", "LINKED_FLOOR", "Linker", "article_countries",
           "is_country", "is_region", "office_after", "role_before"]

TOP = 5  # hits looked at per mention
DIRECT = 24  # a gazetteer span naming at most this many entities scores them directly
CONTEXT_BONUS = 0.05  # rank boost of a hit whose country the article speaks of
# a name the engine scores just under the threshold for a listed party whose linked party
# (its group, its owner, a relative: the lists' own links) the article names too: the
# link is context an analyst would weigh ("Hafiz Saeed" beside Lashkar-e-Tayyiba)
LINKED_BONUS = 0.10
LINKED_FLOOR = 0.60  # ... but only a name that already agrees this well
MIN_COUNTRY_WORD = 4  # shorter capitalised words are too often codes or names ("US", "Ben")
CACHE = 50_000


@cache
def _country_words() -> dict[str, str]:
    table = load_table("scan_words.yml")["country_words"]
    return {fold(str(w)): str(code) for code, ws in table.items() for w in ws}


@cache
def _roles() -> dict[str, tuple[str, ...]]:
    """Folded occupation word -> the words a listed position naming it would contain."""
    table = load_table("scan_words.yml")["roles"]
    return {fold(str(w)): tuple(str(x) for x in spec["listed"])
            for spec in table.values() for w in spec["words"]}  # fmt: skip


def role_before(words: Sequence[Word], i: int) -> tuple[str, ...] | None:
    """The occupation written right before word i ("économiste Natalya Orlova"), as the
    words a listed position naming it would contain; None if there is none."""
    j = i - 1
    if j >= 0 and words[j].glue:  # an elided article: "l'économiste"
        j -= 1
    if j < 0 or not words[j].joined:
        return None
    return _roles().get(words[j].folded)


@cache
def _offices_after() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in load_table("scan_words.yml")["office_after"])


def office_after(words: Sequence[Word], last: int) -> bool:
    """Whether an office word follows word `last` ("Russian Finance Minister"): the words
    before it name the office's field, not an organisation."""
    k = last + 1
    return k < len(words) and words[last].joined and words[k].folded in _offices_after()


def article_countries(words: Iterable[Word]) -> frozenset[str]:
    """Countries the article names (names in any language, adjectives, capitals)."""
    found: set[str] = set()
    memo, pairs = _COUNTRY_OF, _COUNTRY_OF_TWO
    if len(memo) >= CACHE:
        memo.clear()
    if len(pairs) >= CACHE:
        pairs.clear()
    ws = words if isinstance(words, list) else list(words)
    starts = _starts()
    taken: set[int] = set()  # the words of two-word names ("North Korea" is not Korea)
    for i in [i for i, w in enumerate(ws) if w.folded in starts]:
        two = _two_words_country(ws, i)
        if two is not None:
            found.add(two)
            taken.update((i, i + 1))
    distinct = ({w.text: w for w in ws} if not taken  # words repeat: each read once
                else {w.text: w for i, w in enumerate(ws) if i not in taken})  # fmt: skip
    for text, w in distinct.items():
        code = memo.get(text, "")
        if code == "":
            code = _remembered(w)
        if code is not None:
            found.add(code)
    return frozenset(found)


_COUNTRY_OF_TWO: dict[tuple[str, str], str | None] = {}  # two words -> the country they name


@cache
def _starts() -> frozenset[str]:
    """Words that can start a country name of two words, less the stop words and letters
    ("the" of "the Gambia": the last word alone names it)."""
    return frozenset(w for w in name_starts() - stop_words() if len(w) >= 3)


def _two_words_country(words: Sequence[Word], a: int) -> str | None:
    """The country words a and a+1 name together, written as one name (`_country_of_two`,
    kept per pair of words as written)."""
    b = a + 1
    if a < 0 or b >= len(words) or not words[a].joined or not (words[a].cap and words[b].cap):
        return None
    key = (words[a].text, words[b].text)
    two = _COUNTRY_OF_TWO.get(key, "")
    if two == "":
        two = _COUNTRY_OF_TWO[key] = _country_of_two(words[a], words[b])
    return two


def _country_of_two(a: Word, b: Word) -> str | None:
    """The country two capitalised words name together ("North Korea", "United States",
    "Saudi Arabia"), when that is not the country of either word alone."""
    if a.upper != b.upper:  # "NORTH KOREA" in a headline's capitals, not "KOREA Mining"
        return None
    code = country_code(f"{a.text} {b.text}")
    return code if code and code != country_code(b.text) else None


_COUNTRY_OF: dict[str, str | None] = {}  # word as written -> the country it names, or None


def _remembered(w: Word) -> str | None:
    """`_country_of`, kept per word as written (the memo `article_countries` reads)."""
    code = _COUNTRY_OF.get(w.text, "")
    if code == "":
        if len(_COUNTRY_OF) >= CACHE:
            _COUNTRY_OF.clear()
        code = _COUNTRY_OF[w.text] = _country_of(w)
    return code


@cache
def _not_countries() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in load_table("scan_words.yml")["not_countries"])


@cache
def _regions() -> frozenset[str]:
    return frozenset(fold(str(w)) for w in load_table("scan_words.yml")["regions"])


def is_region(w: Word) -> bool:
    """Whether a word is a continent (or the Arctic), as written or in a case."""
    regions = _regions()
    return w.folded in regions or any(f in regions for f in variants(w.folded)[1:])


def _country_of(w: Word) -> str | None:
    words = _country_words()
    code = words.get(w.folded)
    if code is None and len(w.folded) >= MIN_COUNTRY_WORD:  # an adjective or a city in a
        # case: "северокорейского" (of the North Korean), "в Пхеньяне" (in Pyongyang)
        code = next((words[f] for f in variants(w.folded)[1:] if f in words), None)
    if code is None and w.cap and len(w.folded) >= MIN_COUNTRY_WORD:  # ("IRAN" in capitals too)
        if w.folded in _not_countries():
            return None
        code = country_code(w.text) or _inflected_country(w.folded)
    return code


def _inflected_country(folded: str) -> str | None:
    """The country an inflected name is of: German genitive "Russlands", Russian cases
    "России", "Венесуэлы" (the forms `scan_words.yml` `inflection` gives: the stem, and
    the stem with a nominative's ending back, Росси-я, Венесуэл-а)."""
    if folded.endswith("я"):
        return None  # a nominative (Мария), not a country's oblique case
    for form in variants(folded)[1:]:
        code = country_code(form) if form not in _not_countries() else None
        if code:
            return code
    return None


def is_country(w: Word) -> bool:
    """A country name or adjective ("Russie", "russe"): context, never a party's name."""
    return _remembered(w) is not None


def in_country_name(words: Sequence[Word], p: int) -> bool:
    """Whether word p is one of two capitalised words that together name a country
    ("Hong Kong", "North Korea"): context too, as a one-word country is."""
    return any(_two_words_country(words, a) is not None for a in (p - 1, p))


MARRIED = "married name"  # the key of a married name's husband's surname (`Linker.kin`)


class Linker:
    """Screens mention names against one screener, with a per-query cache."""

    def __init__(self, screener: Screener, threshold: float | None = None) -> None:
        self.screener = screener
        self.threshold = threshold
        self._cache: dict[tuple[str, str | None], list[Match]] = {}
        self._direct: dict[tuple[str, str | None, frozenset[str]], list[Match]] = {}
        self._explained: dict[tuple[str, str, str | None, frozenset[str]], Match] = {}
        self._queries: dict[tuple[str, str | None], Prepared | None] = {}
        self._kin: dict[str, frozenset[tuple[str, ...]]] = {}  # person -> double surnames

    def hits(self, name: str, schema: str | None) -> list[Match]:
        """The engine's hits (at the threshold) for a name, best first."""
        key = (fold(name), schema)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= CACHE:
                self._cache.clear()
            pq = self._query(name, schema)
            found = [] if pq is None else [
                m for m in self.screener.screen(pq, TOP, self.threshold) if m.match]
            self._cache[key] = found
        return found

    def _query(self, name: str, schema: str | None) -> Prepared | None:
        """The mention's name prepared as a query, once per name and schema (a name is
        screened and scored against the gazetteer's entities alike); None: nothing in it
        to compare."""
        key = (name, schema)
        if key in self._queries:
            return self._queries[key]
        if len(self._queries) >= CACHE:
            self._queries.clear()
        query = {"name": name, "schema": schema} if schema else {"name": name}
        try:
            pq: Prepared | None = prepare_query(query)
        except ValueError:  # QueryError: nothing comparable in the name
            pq = None
        self._queries[key] = pq
        return pq

    def scored(self, name: str, schema: str | None, ids: frozenset[str]) -> list[Match]:
        """The entities `ids` scored for a name, those at the threshold, best first."""
        key = (fold(name), schema, ids)
        found = self._direct.get(key)
        if found is None:
            if len(self._direct) >= CACHE:
                self._direct.clear()
            pq = self._query(name, schema)
            found = [] if pq is None else [
                m for m in (self.screener.explain(i, pq, self.threshold) for i in sorted(ids))
                if m.match]  # fmt: skip
            found.sort(key=lambda m: (-m.score, m.id or ""))
            self._direct[key] = found
        return found

    def link(self, name: str, person: bool | None, countries: frozenset[str],
             ids: frozenset[str] | None = None) -> Match | None:  # fmt: skip
        """The best hit for a mention, namesakes ranked by the article's countries.
        `person`: what NER or the gazetteer says the mention is (None: unknown), a hit of
        the other kind is not this mention's; `ids`: the entities whose names the
        gazetteer found in the span - the engine must agree on one of them."""
        return self.pick(self.found(name, person, ids), countries)

    def found(self, name: str, person: bool | None,
              ids: frozenset[str] | None = None) -> list[Match]:  # fmt: skip
        """Every hit at the threshold for a mention, best first (see `link`)."""
        schema = "Person" if person else None
        if ids is not None and len(ids) <= DIRECT:
            found = self.scored(name, schema, ids)
        else:
            found = self.hits(name, schema)
            if ids is not None:
                found = [m for m in found if m.id in ids]
        if person is not None:
            found = [m for m in found if (m.schema == "Person") == person]
        return found

    def pick(self, found: list[Match], countries: frozenset[str]) -> Match | None:
        """The mention's hit among `found`: namesakes ranked by the article's countries."""
        if len(found) > 1 and countries:
            return max(found, key=lambda m: m.score + CONTEXT_BONUS * self._agrees(m, countries))
        return found[0] if found else None

    def fits_role(self, m: Match, listed: tuple[str, ...]) -> bool:
        """Whether the listed person may hold the occupation the article gives: yes when
        the lists give no position, or a position naming it; an economist quoted in the
        press is not the Duma member of the same name."""
        pe = self.screener.get(m.id or "")
        if pe is None or not pe.positions:
            return True
        return any(word in position for word in listed for position in pe.positions)

    def agrees(self, m: Match, countries: frozenset[str]) -> bool | None:
        """Whether the article speaks of a country of the hit (None: it has none)."""
        pe = self.screener.get(m.id or "")
        if pe is None or not pe.countries:
            return None
        return bool(pe.countries & countries)

    def _agrees(self, m: Match, countries: frozenset[str]) -> bool:
        pe = self.screener.get(m.id or "")
        return pe is not None and bool(pe.countries & countries)

    def linked(self, entity_ids: Iterable[str], found: Iterable[str]) -> dict[str, list[str]]:
        """Of `entity_ids`, those linked in the lists to a party already `found`, with
        the found parties they are linked to."""
        links, flagged = self.screener.links, frozenset(found)
        out = {}
        for eid in entity_ids:
            near = [x for x in links.get(eid, ()) if x in flagged]
            if near:
                out[eid] = near
        return out

    def families(self, found: Iterable[str]) -> dict[tuple[str, ...], list[str]]:
        """The family names of two parts or more that the persons `found` bear, with who
        bears each: built once per article for `kin`."""
        named: dict[tuple[str, ...], list[str]] = {}
        for x in found:
            for family in self._families(x):
                if family[0] != MARRIED:
                    named.setdefault(family, []).append(x)
            for first in self._first_families(x):  # whose wife a married name may say
                named.setdefault((MARRIED, first), []).append(x)
        return named

    def kin(self, entity_ids: Iterable[str],
            named: dict[tuple[str, ...], list[str]]) -> dict[str, list[str]]:  # fmt: skip
        """Of `entity_ids`, the persons with two family names or more (Spanish: RODRIGUEZ
        GOMEZ) that a person already found bears too (`named`: `families`), with those
        found: the lists do not link siblings, an article on Delcy Rodríguez names her
        brother Jorge; and the persons whose married name holds the first family name of a
        person found (FLORES DE MADURO, Cilia beside Nicolás Maduro)."""
        out = {}
        for eid in entity_ids:
            near = sorted({x for f in self._families(eid) for x in named.get(f, ()) if x != eid})
            if near:
                out[eid] = near
        return out

    def _families(self, entity_id: str) -> frozenset[tuple[str, ...]]:
        """A listed person's family names of two parts or more, as keys, and (MARRIED,
        surname) for a Spanish married name's "de" + surname (FLORES DE MADURO, Cilia: the
        wife of a Maduro); kept per linker."""
        found = self._kin.get(entity_id)
        if found is None:
            out: set[tuple[str, ...]] = set()
            for keys in self._family_keys(entity_id):
                if len(keys) >= 2:
                    out.add(keys)
                out.update((MARRIED, keys[k + 1]) for k in range(1, len(keys) - 1)
                           if keys[k] == "de")  # fmt: skip
            found = self._kin[entity_id] = frozenset(out)
        return found

    def _first_families(self, entity_id: str) -> frozenset[str]:
        """A listed person's first family names (a husband's, in his wife's married name)."""
        return frozenset(keys[0] for keys in self._family_keys(entity_id))

    def _family_keys(self, entity_id: str) -> list[tuple[str, ...]]:
        """The family-name parts of each of a listed person's names, as keys."""
        pe = self.screener.get(entity_id)
        names = pe.names if pe is not None and pe.schema == "Person" else ()
        return [keys for form, _ in names
                if (keys := tuple(t.key for t, r in zip(form.tokens, form.roles) if r == FAMILY))]

    def context(self, entity_id: str, name: str, person: bool | None,
                countries: frozenset[str]) -> Match:  # fmt: skip
        """One entity scored for a name; for a person, the article's countries that are
        theirs as facts (an article speaks of many countries: those that are not the
        person's say nothing against them)."""
        pe = self.screener.get(entity_id)
        agree = pe.countries & countries if person is not False and pe is not None else None
        if agree:
            return self._score(entity_id, name, "Person", agree)
        return self._score(entity_id, name, "Person" if person else None, frozenset())

    def explain(self, entity_id: str, name: str, countries: frozenset[str]) -> Match:
        """One entity scored for a person's name with the article's countries as facts
        (kept: a surname recurs across articles about one country)."""
        return self._score(entity_id, name, "Person", countries)

    def _score(self, entity_id: str, name: str, schema: str | None,
               countries: frozenset[str]) -> Match:  # fmt: skip
        """One entity scored for a name, a schema and countries as facts; kept per query."""
        key = (entity_id, name, schema, countries)
        found = self._explained.get(key)
        if found is None:
            if len(self._explained) >= CACHE:
                self._explained.clear()
            query: dict[str, object] = {"name": name}
            if schema:
                query["schema"] = schema
            if countries:
                query["country"] = sorted(countries)
            found = self._explained[key] = self.screener.explain(entity_id, query,
                                                                 self.threshold)  # fmt: skip
        return found
