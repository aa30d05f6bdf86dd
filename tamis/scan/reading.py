"""Reading rules: when the words of a run are a listed name, and not a description,
a common word, a first name alone, or a word of another name.

The gazetteer (`gazetteer.py`) finds runs of words that can be listed parts and wakes the
names anchored on them; these rules decide, per woken name, whether the run holds it:
which span, if any (`Rules.covers`). They read capitals (proper nouns), stop words, first
names and generic organisation words, and stay apart from the finding machinery so that
each can be read and changed alone.
"""

from __future__ import annotations

from functools import cache

from tamis.normalise import fold
from tamis.normalise.data import load_table
from tamis.scan.link import in_country_name, is_country
from tamis.scan.vocab import Lookup
from tamis.scan.words import Word, honorifics, hyphened, particles

__all__ = ["ACRONYM", "NEAR_SINGLE", "Entry", "Rules", "acronym_like", "after_particle",
           "position", "sentence_start"]

_LATIN_END = "\u024f"  # the last letter of the Latin blocks (Extended-B)
ACRONYM = 5  # a single-word name this short must be written in capitals ("RDIF")
NEAR_SINGLE = 8  # a single-word name this long may be spelt another way ("Hezbollah")
# (entity number, person?, required parts, optional parts, family parts)
Entry = tuple[int, bool, tuple[int, ...], tuple[int, ...], tuple[int, ...]]


@cache
def conjunctions() -> frozenset[str]:
    """Words that join two names ("and", "y", "и"), folded (`scan_words.yml`)."""
    return frozenset(fold(str(w)) for w in load_table("scan_words.yml")["conjunctions"])


@cache
def _kind_words() -> tuple[frozenset[str], tuple[str, ...]]:
    table = load_table("scan_words.yml")["kind_words"]
    return (frozenset(fold(str(w)) for w in table["words"]),
            tuple(fold(str(w)) for w in table["ends"]))  # fmt: skip


def kind_word(word: Word) -> bool:
    """Whether a word says what kind of thing the name after it is ("Jacht", "Ölkonzern",
    `scan_words.yml` `kind_words`): capitalised in German, yet no word of that name."""
    words, ends = _kind_words()
    folded = word.folded
    return folded in words or any(folded.endswith(e) and len(folded) >= len(e) + 2
                                  for e in ends)  # fmt: skip


def _between_conjunctions(words: list[Word], looks: list[Lookup], i: int,
                          j: int) -> list[tuple[int, int]]:  # fmt: skip
    """The stretches of run i..j between conjunctions: a word "and" ("y", "и"), or the
    Arabic و written onto a name (وأحمد "and Ahmad", read as أحمد)."""
    out = []
    start = i
    for p in range(i + 1, j + 1):
        w = words[p]
        if p < j and w.folded in conjunctions() and not w.cap:
            out.append((start, p - 1))
            start = p + 1
        elif w.folded[:1] == "\u0648" and looks[p][2] == w.folded[1:]:
            out.append((start, p - 1))
            start = p
    out.append((start, j))
    return out


class Rules:
    """The reading rules, with the word tables they need."""

    def __init__(self, stop: frozenset[str], given: frozenset[int],
                 generic: frozenset[int], titled: frozenset[int] = frozenset()) -> None:  # fmt: skip
        self.stop = stop  # stop words, folded
        self.given = given  # parts some listed person has as a first name
        self.generic = generic  # generic organisation words ("bank", "united")
        self.titled = titled  # parts that are the whole of an organisation's own name

    def covers(self, entry: Entry, words: list[Word], looks: list[Lookup], i: int,
               j: int, text: str) -> tuple[int, int] | None:  # fmt: skip
        """The span of the run where the name's required parts are, or None. A person
        needs one of their surnames (the press drops the second of a Spanish double
        surname) and their first name; an organisation all its significant words but one
        of three or more, and a part that is not a generic word matched by meaning only.
        A person's name never holds a conjunction: "Daniel Ortega y Rosario Murillo" is
        two names, read apart."""
        found = None if entry[1] else self._covers(entry, words, looks, i, j, text)
        if found is not None and len(_between_conjunctions(words, looks, found[0],
                                                           found[1])) > 1:  # fmt: skip
            segments = _between_conjunctions(words, looks, i, j)
            # ... but not collected across an "and" when one side holds it all: in
            # "Myanma Economic Holdings et Myanmar Economic Corporation" the second is MEC
            whole = [span for a, b in segments if a <= b and _holds(entry, looks, a, b)
                     and (span := self._covers(entry, words, looks, a, b, text))]  # fmt: skip
            if whole:
                return whole[0]
        if found is None:  # (an organisation's name may hold "and": read whole first)
            segments = _between_conjunctions(words, looks, i, j)
            if len(segments) > 1:  # the segment where most of the name is written: in
                # "Iván Archivaldo Guzmán Salazar y Jesús Alfredo Guzmán Salazar", Jesús
                # Alfredo's name is the second, not the surnames of the first; "el Cártel
                # de Sinaloa y el Cártel de Jalisco Nueva Generación": two names
                spans = [span for a, b in segments if a <= b
                         and (span := self._covers(entry, words, looks, a, b, text))]  # fmt: skip
                return max(spans, key=lambda s: s[1] - s[0], default=None)
            if entry[1]:
                found = self._covers(entry, words, looks, i, j, text)
        return found

    def _covers(self, entry: Entry, words: list[Word], looks: list[Lookup], i: int,
                j: int, text: str) -> tuple[int, int] | None:  # fmt: skip
        _, person, req, opt, family = entry
        used: dict[int, int] = {}  # position -> part
        missing = 0
        for k in req:
            if position(k, looks, i, j, used) is None:
                missing += 1
        if family and not any(k in family for k in used.values()):
            return None
        if len(req) == 1 and not missing:
            if person:
                return None  # a surname alone: coreference decides (coref.py)
            ((p, k),) = used.items()
            return (p, p) if self.single_ok(words, looks, p, k, text) else None
        if not person and len(used) == 1 and missing:
            ((p, k),) = used.items()  # "VTB" for VTB BANK: the one distinctive word of an
            # organisation's name, the rest generic, written alone as an acronym
            if (acronym_like(words[p]) and k not in self.generic and k in looks[p][0]
                    and all(x in self.generic for x in req if x != k)):  # fmt: skip
                return (p, p) if self.single_ok(words, looks, p, k, text) else None
        if missing > (1 if len(req) >= 3 else 0) or len(used) < 2:
            return None
        if not any(k in looks[p][0] for p, k in used.items()):
            return None  # every part only spelt alike
        for k in opt:
            position(k, looks, i, j, used)
        if not any(words[p].cap for p in used):
            return None  # no proper noun: "technologies modernes" is not a name
        if not person and not self.org_ok(entry, words, looks, used, missing):
            return None
        if person and not family and all(k in self.given for k in used.values()):
            return None  # first names only ("Abdur Rehman"): not a name by itself
        first, last = min(used), max(used)
        filler = sum(1 for p in range(first, last + 1) if p not in used and not words[p].glue
                     and not (words[p].folded in self.stop and not words[p].cap)
                     and words[p].folded not in particles())  # fmt: skip
        # (a name's particles are its own: "l'association Al-Qard Al-Hassan")
        return (first, last) if filler <= 1 else None

    def distinct(self, look: Lookup, k: int) -> bool:
        """Part k read from its own spelling (not only by meaning), and not generic."""
        return k in look[0] and k not in look[3] and k not in self.generic

    def org_ok(self, entry: Entry, words: list[Word], looks: list[Lookup],
               used: dict[int, int], missing: int) -> bool:  # fmt: skip
        """An organisation name found by a distinctive part, or written in full as a
        proper name ("Bank of Russia", "Fondo Ruso de Inversión Directa"): some of its
        generic words alone ("Iranian tanker") are a description, not a name. A generic
        word only spelt like the name's is another word ("Interior Minister" is a title,
        not the MINISTRY OF INTERIOR)."""
        if any(k in self.generic and k not in looks[p][0] for p, k in used.items()):
            return False
        if any(self.distinct(looks[p], k) and words[p].cap and not is_country(words[p])
               and not in_country_name(words, p) for p, k in used.items()):  # fmt: skip
            return True  # ("Hong Kong" is a place, not HONG KONG ELECTRONICS)
        if missing or not words[min(used)].cap:
            return False
        if len(used) < 3 and all(k in looks[p][3] and (k in self.generic or is_country(words[p]))
                                 for p, k in used.items()):  # fmt: skip
            return False  # kinds and countries all in other words describe: "Russian Banks",
            # "BANQUES RUSSES" (a headline's capitals) are not BANK ROSSIYA ("Banque Melli",
            # "Банка России" are names: a word as the list writes it)
        # French and Spanish capitalise only a name's first word ("Fonds russe
        # d'investissement direct"): three words of the name in full are enough
        return len(used) >= 3 or all(words[p].cap for p in used)

    def single_ok(self, words: list[Word], looks: list[Lookup], p: int, k: int,
                  text: str) -> bool:  # fmt: skip
        """A one-word name (acronym or single word) only as a proper noun, never a common
        or generic word nor a first name; a short one only in capitals, or capitalised inside
        a sentence when it is an organisation's whole name ("die Hamas"); spelt another way
        only when long; not a word of a longer name ("Andreï Roublev", "Markus Söder")."""
        word, look = words[p], looks[p]
        if word.folded in self.stop or len(word.folded) < 3 or not word.text[:1].isupper():
            return False  # in a script without case, nothing marks one word as a name
        if is_country(word):
            return False  # "IRAN" in a headline's capitals is no IRAN INSURANCE COMPANY
        acronym = acronym_like(word)
        if not (acronym or len(word.folded) > ACRONYM or after_particle(words, p, text)
                or (len(word.folded) >= 4 and k in self.titled and k in look[0]
                    and not sentence_start(words, p, text))):  # fmt: skip
            return False
        if k in look[1] and len(word.folded) < NEAR_SINGLE:
            return False
        if k in look[3] or k in self.generic or (look[0] & self.given and not acronym):
            return False
        if acronym:
            return True
        if self.named_with(words, p - 1, p, text) and not (
            sentence_start(words, p - 1, text) and not looks[p - 1][0] & self.given
        ) and not kind_word(words[p - 1]):  # a sentence's first word has a capital whatever
            return False  # it is ("Глава Сбербанка"), and so has German "die Jacht Dilbar"
        return not self.named_with(words, p, p + 1, text) or self.person_follows(
            words, looks, p, text)

    def person_follows(self, words: list[Word], looks: list[Lookup], p: int,
                       text: str) -> bool:  # fmt: skip
        """Whether a person's first name and another name follow word p, which is not a
        first name: "глава Роснефти Игорь Сечин", "chief of Rosneft Igor Sechin" - the
        organisation, then who heads it, not one longer name."""
        q = p + 1
        return (bool(looks[q][0] & self.given) and not looks[p][0] & self.given
                and self.named_with(words, q, q + 1, text))  # fmt: skip

    def named_with(self, words: list[Word], a: int, b: int, text: str) -> bool:
        """Whether words a and b are written as one name: both capitalised (in a script
        with case), separated by a space, neither a stop word, honorific nor acronym."""
        if a < 0 or b >= len(words) or not words[a].joined:
            return False
        if text and text[words[a].end : words[b].start] != " ":
            return False  # a hyphenated compound ("Hamas-Chef") is the name and a noun
        if (words[a].text[0] <= _LATIN_END) != (words[b].text[0] <= _LATIN_END):
            return False  # "Усманова Dilbar": a name is written in one script
        titles = honorifics()
        for w in (words[a], words[b]):
            if not w.text[:1].isupper() or w.folded in self.stop or w.folded in titles:
                return False
            if w.upper or is_country(w):
                return False
        return True


def _holds(entry: Entry, looks: list[Lookup], i: int, j: int) -> bool:
    """Whether words i..j can be every required part of a listed name."""
    used: dict[int, int] = {}
    return all(position(k, looks, i, j, used) is not None for k in entry[2])


def position(k: int, looks: list[Lookup], i: int, j: int, used: dict[int, int]) -> int | None:
    """The first free position of the run that can be part `k`: by its spelling, then by
    meaning only ("oil" for PETROLEOS: "oil company Petróleos de Venezuela" is the name at
    "Petróleos"), then spelt alike."""
    for p in range(i, j + 1):
        if p not in used and k in looks[p][0] and k not in looks[p][3]:
            used[p] = k
            return p
    for which in (0, 1):
        for p in range(i, j + 1):
            if p not in used and k in looks[p][which]:
                used[p] = k
                return p
    return None


_SENTENCE_END = frozenset(".!?\u2026:;\n\"\u00ab\u201c\u201e(")


_VOWELS = frozenset("aeiouyаеёиоуыэюяіїє")


def acronym_like(word: Word) -> bool:
    """An acronym: written in capitals ("VTB"), or a short capitalised word with no vowel,
    which no language pronounces as a word (Italian writes "Vtb", "Sberbank e Vtb")."""
    return word.upper or (word.text[:1].isupper() and 2 < len(word.folded) <= ACRONYM
                          and _VOWELS.isdisjoint(word.folded) and word.folded.isalpha()
                          and word.folded not in honorifics())  # fmt: skip


def sentence_start(words: list[Word], p: int, text: str) -> bool:
    """Whether word p opens a sentence, a line or a quotation, where any word has a
    capital."""
    before = text[words[p - 1].end : words[p].start] if p else text[: words[p].start]
    return p == 0 or not text or any(c in _SENTENCE_END for c in before)


def after_particle(words: list[Word], p: int, text: str) -> bool:
    """Whether a name particle is hyphenated to the word ("al-Qaeda", "el-Nusra"), or
    capitalised before it ("Al Qaeda"): a short word so written is a proper name, not a
    common word in capitals."""
    if p == 0 or not words[p - 1].joined or words[p - 1].folded not in particles():
        return False
    if hyphened(words, p - 1, text):
        return True
    return text[words[p - 1].end : words[p].start] == " " and words[p - 1].text[:1].isupper()

