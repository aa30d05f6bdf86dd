"""Within-article coreference of short forms: "M. Peskov", "Peskov" is the "Dmitri Peskov"
the article named in full.

The press names a person in full once, then by surname. A surname alone is not a hit by
itself (many people share one), so a capitalised word joins a listed person's party only
when it is that person's surname, as the lists write it (its family-name part) or as the
article wrote it in the full mention, inflection and spelling tolerated as in the
gazetteer ("Путина", "Poutine"). When two listed persons of the article share the
surname, the nearest full mention before the short form wins (else the nearest after).
A surname the article wrote in a party's full mention is that party's, whoever else has
it ("the tennis player Daniil Medvedev" changes nothing for "Medvedev"); one written in full
only for someone unlisted is theirs ("Ortega" after "Daniel Ortega", when only Rosario
Murillo de Ortega is listed, refers to no party: `namesakes`).
A surname in a longer capitalised name ("Elena Peskova") is someone else's. Common
nouns ("le fonds", "the fund") are never short forms: they are not capitalised names.

With no full mention, a surname counts alone only when it is rare (exactly one listed
person has it, and it is nobody's first name) and the article is about that person's
country (`rare_surnames`).

An organisation named in full is then named short: by a one-word name of its own ("the
Wagner group" ... "Wagner") or by its initials, in the order of the article's language
(CGRI, РФПИ: `org_short_forms`). Such a word joins the party only when the article has
already flagged it: alone, initials in any order are too loose ("TASS").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tamis.normalise import NameForm
from tamis.normalise.names import FAMILY
from tamis.normalise.org_words import ANY_ORDER, query_acronym_key
from tamis.scan.gazetteer import Gazetteer
from tamis.scan.vocab import Lookup
from tamis.scan.words import Word, honorifics, kin_nouns, particles

__all__ = ["FullMention", "attach", "initialled", "longer_name", "namesakes", "org_parts",
           "org_short_forms", "rare_surnames", "second_surnames", "short_forms"]

FullMention = tuple[str, int, int]  # entity id, first word, last word
SHORT = 3  # letters up to which an organisation's one-word name is initials (in capitals)


def short_forms(words: Sequence[Word], looks: Sequence[Lookup], gaz: Gazetteer,
                covered: set[int]) -> list[int]:  # fmt: skip
    """Positions of capitalised words standing alone that could be a listed surname."""
    out = []
    for i in [i for i, look in enumerate(looks) if look[0] or look[1]]:  # name parts
        w = words[i]
        if i in covered or not w.cap or w.glue or w.folded in gaz.stop:
            continue
        if _in_longer_name(i, words, looks, gaz):
            continue
        out.append(i)
    return out


def namesakes(words: Sequence[Word], looks: Sequence[Lookup], gaz: Gazetteer,
              covered: set[int]) -> list[int]:  # fmt: skip
    """Positions of the surnames of people no party is, named in full: the last word of a
    longer name that no party's full mention holds ("the tennis player Daniil Medvedev",
    "President Daniel Ortega" when only Rosario Murillo de Ortega is listed)."""
    return [i for i in [i for i, look in enumerate(looks) if look[0] or look[1]]
            if i not in covered and words[i].cap and not words[i].glue
            and (i + 1 >= len(words) or not words[i].joined or not words[i + 1].cap)
            and _in_longer_name(i, words, looks, gaz)]  # fmt: skip


def _in_longer_name(i: int, words: Sequence[Word], looks: Sequence[Lookup],
                    gaz: Gazetteer) -> bool:  # fmt: skip
    """True when a neighbouring capitalised word that can be a name part is written with
    it ("Elena Peskova"), or a name particle and a capitalised word follow it ("Assaad
    al-Chaibani" is not al-Assad); an honorific ("M.", "Herr") is not such a word. In a script
    without capitals (Arabic) every word looks capitalised, so the neighbour counts only
    when the two can be parts of one listed name ("ماهر الأسد", not "وقال الأسد")."""
    k = i + 2  # "Assaad al-Chaibani": a particle and a capitalised name after the word
    if (words[i].text[:1].isupper() and k < len(words) and words[i].joined and words[i + 1].joined
            and words[i + 1].folded in particles() and words[k].cap):  # fmt: skip
        return True
    before = i - 1
    if before >= 0 and words[before].folded in particles() and words[before].joined:
        # "El Aissami" after "Tareck El Aissami": the particle is his surname's; the word
        # before it, if written with it, tells a longer name ("Ahmed al-Charaa")
        before = i - 2 if i >= 2 and words[i - 2].joined else -1
    return _named_beside(i, before, words, looks, gaz) or _named_beside(i, i + 1, words,
                                                                        looks, gaz)


def longer_name(first: int, last: int, words: Sequence[Word], looks: Sequence[Lookup],
                gaz: Gazetteer) -> bool:  # fmt: skip
    """Whether the name in words first..last is part of a longer one: a capitalised word
    that can be a name part is written before or after it ("Ali Hassan Mohamed" is not
    the listed HASSAN, Mohamed), or it ends on a particle whose word follows ("Abdel Amir
    al-Chammari" is not the listed ... AMIR ... ABDAL-RAHMAN)."""
    if (last + 1 < len(words) and words[last].folded in particles() and words[last].joined
            and words[last + 1].cap):  # fmt: skip
        return True
    return _named_beside(first, first - 1, words, looks, gaz) or _named_beside(
        last, last + 1, words, looks, gaz)


def _named_beside(i: int, j: int, words: Sequence[Word], looks: Sequence[Lookup],
                  gaz: Gazetteer) -> bool:  # fmt: skip
    """Whether word j, beside word i, is a name part written with it (an honorific
    before it is not; in a script without capitals, only a part of a listed name with
    it)."""
    if j < 0 or j >= len(words) or not words[min(i, j)].joined or not words[j].cap:
        return False
    if j < i and words[j].folded in honorifics():
        return False
    folded = words[j].folded
    if folded in kin_nouns() or (len(folded) == 1 and folded in gaz.stop):
        return False  # "Kadyrows Vater"; "С Дмитриевым" ("with"; an initial has its period)
    caseless = not words[i].text[:1].isupper()
    return bool(looks[j][0]) and (not caseless or gaz.named_together(looks[i], looks[j]))


def family_parts(gaz: Gazetteer, forms: Iterable[tuple[NameForm, str]],
                 written: Iterable[Lookup]) -> set[int]:  # fmt: skip
    """A person's surname as gazetteer parts: the lists' family-name parts, and the last
    word of each full mention as the article wrote it."""
    out: set[int] = set()
    for form, _ in forms:
        for tok, role in zip(form.tokens, form.roles):
            if role == FAMILY and (n := gaz.vocab.number.get(tok.key)) is not None:
                out.add(n)
    for exact, near, *_ in written:
        out |= exact | near
    return out


def second_surnames(gaz: Gazetteer, forms: Iterable[tuple[NameForm, str]]) -> set[int]:
    """A person's second family names as gazetteer parts (MURILLO of ORTEGA MURILLO,
    Camila): family parts after the first that are no name's first family part."""
    firsts: set[int] = set()
    later: set[int] = set()
    for form, _ in forms:
        family = [tok.key for tok, role in zip(form.tokens, form.roles) if role == FAMILY]
        for k, key in enumerate(family):
            if (n := gaz.vocab.number.get(key)) is not None:
                (later if k else firsts).add(n)
    return later - firsts


def attach(shorts: list[int], looks: Sequence[Lookup], surnames: dict[str, set[int]],
           fulls: list[FullMention], words: Sequence[Word] = (),
           others: Sequence[int] = (), seconds: dict[str, set[int]] | None = None,
           ) -> dict[int, str]:  # fmt: skip
    """Short-form position -> entity id of the listed person it refers to: the nearest
    full mention before it (else after it) of a listed person with that surname; those
    whose full mention wrote the word as the short form writes it first, and those whose
    first surname it is before those whose second surname it is (`seconds`: "Murillo" is
    Rosario Murillo, not her daughter Camila Ortega Murillo). With none such, an unlisted
    person's name written in full with it (`others`: `namesakes`) takes the word: "Ortega"
    is Daniel Ortega's, not Rosario Murillo's, though her listed name is MURILLO DE ORTEGA."""
    out: dict[int, str] = {}
    seconds = seconds or {}
    for i in shorts:
        parts = looks[i][0] | looks[i][1]
        owners = {eid for eid, fam in surnames.items() if parts & fam}
        if not owners:
            continue
        firsts = {eid for eid in owners if parts & (surnames[eid] - seconds.get(eid, set()))}
        if firsts:
            owners = firsts
        mentions: list[tuple[int, str, bool]] = [  # (position, entity or "", written so?)
            (first, eid, bool(words) and words[last].folded == words[i].folded)
            for eid, first, last in fulls if eid in owners]  # fmt: skip
        if words and _caseless(words[i]):  # in Arabic script, where every word looks like a
            # name, a surname alone is the one written in the full mention:
            # إشارة ("reference") shares consonants with شري but is no short form of it
            mentions = [m for m in mentions if m[2]]
            if not mentions:
                continue
        if any(written for *_, written in mentions):
            mentions = [m for m in mentions if m[2]]  # "Medvedev" for Dmitry Medvedev,
            # even with the tennis player Daniil Medvedev named too
        elif any(words[p].folded == words[i].folded for p in others):
            continue  # "Ortega": Daniel Ortega's as written, not Rosario Murillo's
        before = [m for m in mentions if m[0] < i]
        out[i] = max(before)[1] if before else min(mentions)[1]
    return out


def _caseless(word: Word) -> bool:
    """A word of a script without capitals (Arabic): every such word counts as capitalised."""
    return not word.text[:1].isupper()


def initialled(words: Sequence[Word], shorts: list[int], taken: set[int],
               text: str) -> dict[int, int]:  # fmt: skip
    """Short-form position -> position of the first of the initials written before it
    ("V. Putin", "В.В. Путин"): a surname with the initials of a first name is a name the
    engine can judge, full mention or not. An honorific ("M." in French) is no initial."""
    out: dict[int, int] = {}
    titles = honorifics()
    for i in [i for i in shorts if i not in taken]:
        k = i
        while (k > 0 and i - k < 3 and len(words[k - 1].text) == 1 and words[k - 1].text.isupper()
               and words[k - 1].folded not in titles
               and text[words[k - 1].end : words[k - 1].end + 1] == "."):  # fmt: skip
            k -= 1
        if k < i:
            out[i] = k
    return out


def rare_surnames(shorts: list[int], looks: Sequence[Lookup], gaz: Gazetteer,
                  taken: set[int]) -> dict[int, int]:  # fmt: skip
    """Short-form position -> screener entity number, for surnames exactly one listed
    person has and no listed person has as a first name (context is checked by the
    caller)."""
    out: dict[int, int] = {}
    for i in shorts:
        if i in taken:
            continue
        exact = looks[i][0]
        if not exact or exact & gaz.given:
            continue
        owners = {n for k in exact for n in gaz.surnames.get(k, ())}
        if len(owners) == 1:
            out[i] = owners.pop()
    return out


def org_parts(gaz: Gazetteer, forms: Iterable[tuple[NameForm, str]]) -> tuple[set[int], set[str]]:
    """An organisation's one-word names (its own, quoted, acronyms) as gazetteer parts, and
    its order-free initials ("0cgir")."""
    parts: set[int] = set()
    initials: set[str] = set()
    for form, _ in forms:
        if len(form.tokens) != 1:
            continue
        tok = form.tokens[0]
        if tok.text.startswith(ANY_ORDER):
            initials.add(tok.text)
        elif (n := gaz.vocab.number.get(tok.key)) is not None:
            parts.add(n)
    return parts, initials


def org_short_forms(words: Sequence[Word], looks: Sequence[Lookup], gaz: Gazetteer,
                    taken: set[int], owners: dict[str, tuple[set[int], set[str]]]
                    ) -> dict[int, str]:  # fmt: skip
    """Word position -> entity id of a flagged organisation the capitalised word names by
    one of its one-word names or initials (`org_parts`); a word two of them could be is
    left alone."""
    out: dict[int, str] = {}
    if not owners:
        return out
    every: set[int] = set().union(*(parts for parts, _ in owners.values()))
    keys = gaz.vocab.keys
    acronyms = any(initials for _, initials in owners.values())
    # the words that can be one: one-word name parts of a flagged organisation, and, if
    # one has initials, words in capitals
    places = {i for i, look in enumerate(looks) if look[0] and not every.isdisjoint(look[0])}
    if acronyms:
        places.update(i for i, w in enumerate(words) if w.upper)
    for i in sorted(places):
        w, look = words[i], looks[i]
        if i in taken or not w.cap or w.glue or (w.folded in gaz.stop and not w.upper):
            continue
        key = query_acronym_key(w.text) if w.upper else None
        exact = look[0]
        if not w.upper:  # a short one-word name is initials (FRD), written in capitals:
            exact = frozenset(k for k in exact if len(keys[k]) > SHORT)  # not فرض "imposed"
        hits = [eid for eid, (parts, initials) in owners.items()
                if (exact and exact & parts) or (key and key in initials)]  # fmt: skip
        if len(hits) == 1:
            out[i] = hits[0]
    return out


NICKNAME_MIN = 4  # letters of a one-word alias read alone


def nickname_parts(gaz: Gazetteer, forms: Iterable[tuple[NameForm, str]]) -> set[int]:
    """A listed person's one-word aliases as gazetteer parts ("Mencho" of OSEGUERA
    CERVANTES, Nemesio; EL CHAPO, its particle aside): a word of at least NICKNAME_MIN
    letters that is no part of the person's name (a surname alone is for `attach`)."""
    own = {t.key for form, prop in forms if prop == "name" for t in form.tokens}
    out: set[int] = set()
    for form, prop in forms:
        toks = [t for t in form.tokens if t.text not in particles()]  # EL CHAPO: Chapo
        if prop != "name" and len(toks) == 1:
            tok = toks[0]
            if len(tok.text) >= NICKNAME_MIN and tok.key not in own and (
                    n := gaz.vocab.number.get(tok.key)) is not None:  # fmt: skip
                out.add(n)
    return out


def nicknames(words: Sequence[Word], looks: Sequence[Lookup], gaz: Gazetteer, taken: set[int],
              owners: dict[str, set[int]]) -> dict[int, str]:  # fmt: skip
    """Word position -> id of a flagged person whose one-word alias (`nickname_parts`) the
    capitalised word is, written as a word of its own ("alias El Mencho", "El Mencho sigue
    prófugo": a name the article gave him); a word two persons could be is left alone."""
    out: dict[int, str] = {}
    if not owners:
        return out
    every: set[int] = set().union(*owners.values())
    for i, look in enumerate(looks):
        w = words[i]
        if i in taken or not look[0] or every.isdisjoint(look[0]) or not w.text[:1].isupper():
            continue
        if look[2] != w.folded:  # as the alias is written: "Los Chapitos" is his faction
            continue
        if w.folded in gaz.stop or _named_beside(i, i + 1, words, looks, gaz) or (
                i > 0 and words[i - 1].joined and words[i - 1].cap
                and words[i - 1].folded not in gaz.stop and words[i - 1].folded not in particles()
                and words[i - 1].folded not in honorifics()):  # fmt: skip
            continue  # part of a longer name ("Mencho" is not "Juan Mencho")
        hits = [eid for eid, parts in owners.items() if look[0] & parts]
        if len(hits) == 1:
            out[i] = hits[0]
    return out

