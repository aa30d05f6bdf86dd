"""The words organisation names are made of, across languages: one concept per meaning.

"Fonds russe d'investissement direct", "Российский фонд прямых инвестиций" and "Russian Direct
Investment Fund" share no spelling, but each word means one thing: fund, russia, investment,
direct. `tamis/resources/org_words.yml` lists the forms of each concept per language (native
script, transliterated at load time by `latin` so the keys are what a query produces) and, per
language, the inflection endings (and Arabic/Persian prefixes) that a word may carry on a stem
of at least `min_stem` letters. Stems are compared by their spelling key, so that
"rossiyskiy" and "rossiisky" (two romanisations) meet. No per-language code: all is in the table.

Also here: splitting German/Dutch compounds made wholly of table words, undoing elision
("d'investissement"), acronyms of the content words, the same initials as other languages
write them (`acronym_keys`: РФПИ = RDIF, CGRI = IRGC), and the function words of org names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from tamis.normalise.data import load_table, word_list
from tamis.normalise.text import latin, tokens
from tamis.normalise.translit import spelling_key

__all__ = [
    "ANY_ORDER",
    "acronym",
    "acronym_keys",
    "country_concepts",
    "derived_ending",
    "initial_letter",
    "initials_key",
    "is_function_word",
    "query_acronym_key",
    "same_kind",
    "skipped",
    "split_compound",
    "unelide",
    "word_concepts",
]

_EMPTY: frozenset[str] = frozenset()


def _latin_words(text: str) -> list[str]:
    """A table entry as the name parts a query would produce (may be several words)."""
    return [s for t in tokens(text.casefold()) for s in tokens(latin(t))]


def _latin_affix(text: str) -> str:
    """An ending or prefix in Latin letters (written in any script in the table)."""
    return "".join(_latin_words(text))


class _Language:
    """One language's stem rule: optional prefixes, endings, the shortest stem allowed."""

    __slots__ = ("ending_set", "ending_sizes", "endings", "forms", "key", "min_stem", "prefixes",
                 "stems", "wholes")  # fmt: skip

    def __init__(self, spec: dict) -> None:  # type: ignore[type-arg]
        self.min_stem = int(spec.get("min_stem", 4))
        # consonant skeletons (Arabic, Persian) are not folded: spelling rules made for
        # romanised names would make them collide with Latin words ("hyyt" -> "hit")
        self.key = spelling_key if spec.get("spelling_key", True) else str
        ends = {_latin_affix(str(e)) for e in spec.get("endings") or ()}
        pres = {_latin_affix(str(p)) for p in spec.get("prefixes") or ()}
        self.endings = tuple(sorted(ends - {""}, key=len, reverse=True))
        self.ending_set = frozenset(self.endings)  # the query side looks endings up by size
        self.ending_sizes = tuple(sorted({len(e) for e in self.endings}))
        self.prefixes = tuple(sorted(pres - {""}, key=len, reverse=True))
        self.stems: dict[str, set[str]] = {}  # spelling key of a stem -> concepts
        self.wholes: dict[str, set[str]] = {}  # spelling key of a whole form -> concepts
        self.forms: dict[str, set[str]] = {}  # forms as written (transliterated) -> concepts

    def add(self, form: str, concept: str, stemmed: bool) -> None:
        """The table side: the form, and its stem (longest prefix and ending taken off).

        Forms shorter than `min_stem`, and those marked "=", match only as written.
        """
        self.forms.setdefault(form, set()).add(concept)
        if not stemmed or len(form) < self.min_stem:
            return
        self.wholes.setdefault(self.key(form), set()).add(concept)
        for p in self.prefixes:
            if form.startswith(p) and len(form) - len(p) >= self.min_stem:
                form = form[len(p) :]
                self.wholes.setdefault(self.key(form), set()).add(concept)
                break
        for end in self.endings:
            if form.endswith(end) and len(form) - len(end) >= self.min_stem:
                form = form[: -len(end)]
                break
        self.stems.setdefault(self.key(form), set()).add(concept)

    def lookup(self, word: str) -> set[str]:
        """The query side: the word (less a prefix) as a whole form, or a stem plus an ending."""
        out: set[str] = set()
        heads = [word] + [word[len(p) :] for p in self.prefixes if word.startswith(p)]
        forms, wholes, stems, key_of = self.forms, self.wholes, self.stems, self.key
        for head in heads:
            out |= forms.get(head, _EMPTY) | wholes.get(key_of(head), _EMPTY)
            room = len(head) - self.min_stem
            for size in self.ending_sizes:
                if size > room:
                    break
                if head[-size:] in self.ending_set:
                    key = key_of(head[:-size])
                    out |= stems.get(key, _EMPTY) | wholes.get(key, _EMPTY)
        return out


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, _Language]]:
    """(exact word -> concepts, language -> its stem rule and stems)."""
    data = load_table("org_words.yml")
    langs = {str(code): _Language(spec or {}) for code, spec in data["languages"].items()}
    exact: dict[str, set[str]] = {}
    for section in ("concepts", "countries"):
        for concept, forms in data[section].items():
            for code, words in (forms or {}).items():
                for entry in words or ():
                    entry = str(entry)
                    stemmed = not entry.startswith("=")
                    parts = _latin_words(entry.lstrip("="))
                    # several words (each must be a table word on its own), or letters the
                    # transliteration cannot render (Arabic ع, ء): not a usable key
                    if len(parts) != 1 or "?" in latin(entry.lstrip("=").casefold()):
                        continue
                    exact.setdefault(parts[0], set()).add(str(concept))
                    langs[str(code)].add(parts[0], str(concept), stemmed)
    frozen = {w: frozenset(c) for w, c in exact.items()}
    return frozen, langs


@cache
def country_concepts() -> frozenset[str]:
    """The concepts that are countries (org_words.yml `countries`: "iran", "russia")."""
    return frozenset(str(c) for c in load_table("org_words.yml")["countries"])


@cache
def _kinds() -> dict[str, str]:
    return {str(c): str(kind) for kind, concepts in load_table("org_words.yml")["kinds"].items()
            for c in concepts}  # fmt: skip


def same_kind(a: frozenset[str], b: frozenset[str]) -> str | None:
    """The kind of body two words' concepts share ("group", "company": "firm"), if any."""
    kinds = _kinds()
    found = {kinds[c] for c in a if c in kinds} & {kinds[c] for c in b if c in kinds}
    return min(found) if found else None


@lru_cache(maxsize=100_000)
def word_concepts(part: str) -> frozenset[str]:
    """The concepts one ASCII lower-case name part stands for ("fonds" -> {"fund"}); may be empty."""
    exact, langs = _tables()
    found = exact.get(part)
    if found is not None:
        return found
    if len(part) < 3 or not part.isalpha():
        return _EMPTY
    out: set[str] = set()
    for lang in langs.values():
        out |= lang.lookup(part)
    return frozenset(out) if out else _EMPTY


@cache
def _derivations() -> tuple[int, frozenset[str]]:
    spec = load_table("org_words.yml")["derivations"]
    endings = {spelling_key(str(e)) for e in spec["endings"]} | {str(e) for e in spec["endings"]}
    return int(spec["min_stem"]), frozenset(endings)


def derived_ending(a: str, b: str) -> str | None:
    """The ending that makes one word of an organisation name the adjective or place name
    of the other ("amur" / "amursky": "sky"), compared by spelling key; None if neither is."""
    if len(a) > len(b):
        a, b = b, a
    min_stem, endings = _derivations()
    if len(a) < min_stem or not b.startswith(a):
        return None
    rest = b[len(a) :]
    return rest if rest in endings else None


@cache
def _function_words() -> frozenset[str]:
    words = load_table("org_words.yml")["function_words"]
    return frozenset(w for entry in words for w in _latin_words(str(entry)))


def is_function_word(part: str) -> bool:
    """An article, preposition or conjunction inside an organisation name (of, de, für, y, al)."""
    return part in _function_words()


@cache
def _compound_rule() -> tuple[tuple[_Language, ...], tuple[str, ...], int]:
    spec = load_table("org_words.yml")["compounds"]
    _, langs = _tables()
    chosen = tuple(langs[str(code)] for code in spec["languages"])
    links = tuple(sorted((str(s) for s in spec["links"]), key=len, reverse=True))
    return chosen, links, int(spec["min_piece"])


def _piece_known(piece: str) -> bool:
    """A compound piece: a word of the compound languages, as is or with a linking element."""
    langs, links, _ = _compound_rule()
    heads = [piece] + [piece[: -len(s)] for s in links if piece.endswith(s)]
    return any(lang.lookup(head) for head in heads for lang in langs)


@lru_cache(maxsize=100_000)
def split_compound(part: str) -> tuple[str, ...] | None:
    """A compound wholly made of table words -> its pieces, else None.

    "direktinvestitionsfonds" -> ("direkt", "investitions", "fonds"). Every piece has at
    least `min_piece` letters; the split with the fewest pieces wins.
    """
    _, _, min_piece = _compound_rule()
    n = len(part)
    if n < 2 * min_piece or not part.isalpha():
        return None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(min_piece, n + 1):
        for start in range(end - min_piece + 1):
            prev = best[start]
            if prev is None:
                continue
            piece = part[start:end]
            if _piece_known(piece):
                cand = prev + (piece,)
                if best[end] is None or len(cand) < len(best[end]):  # type: ignore[arg-type]
                    best[end] = cand
    pieces = best[n]
    return pieces if pieces is not None and len(pieces) >= 2 else None


@cache
def _elisions() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every elided particle, and each particle's rule ("table" or "any")."""
    rules = {
        str(e["prefix"]).casefold(): str(e.get("rest", "table"))
        for e in load_table("org_words.yml")["elisions"]
    }
    alts = "|".join(re.escape(p) for p in sorted(rules, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])({alts})(?=[^\W\d_])"), rules


def unelide(folded: str) -> str:
    """Folded text with elided particles split off when the rest of the word is a table word.

    "fonds russe d'investissement direct" -> "fonds russe investissement direct"; "o'brien"
    and "d'souza" stay (the rest is not a table word).
    """
    pattern, rules = _elisions()

    def repl(match: re.Match[str]) -> str:
        rest = folded[match.end() :].split(" ", 1)[0]
        words = tokens(rest)
        if not words or len(words[0]) < 2:
            return match.group(0)
        word = latin(words[0])
        if rules[match.group(1)] == "any" or word_concepts(word) or is_function_word(word):
            return " "
        return match.group(0)

    return " ".join(pattern.sub(repl, folded).split())


@cache
def _legal_words() -> frozenset[str]:
    return word_list("org_words.yml", "acronym_skip")


def skipped(part: str) -> bool:
    """A legal form or other word initials leave out (llc, jsc, gmbh)."""
    return part in _legal_words()


def acronym(parts: Sequence[str]) -> str | None:
    """Initials of the content words of an org name with at least 3 of them, else None.

    ("russian", "direct", "investment", "fund") -> "rdif"; function words and legal forms
    ("of", "the", "llc") are left out.
    """
    skip = _legal_words()
    content = [
        p for p in parts if p and p[0].isalpha() and not is_function_word(p) and p not in skip
    ]
    if len(content) < 3:
        return None
    return "".join(p[0] for p in content)


# Initials in any order are written "0" + sorted letters: a part with a digit is a number-kind
# part, which agrees only with the same text, never with a word or a real acronym ("cgir").
ANY_ORDER = "0"


def initial_letter(word: str) -> str:
    """The first letter of a word in ASCII Latin letters ("Фонд" -> "f", "Частный" -> "ch")."""
    for ch in word.casefold():
        if ch.isalpha():
            return "".join(c for c in latin(ch).casefold() if c.isascii() and c.isalpha())
    return ""


def initials_key(letters: Iterable[str]) -> str:
    """Initials as one order-free key: ("r", "f", "p", "i") -> "0fipr"."""
    return ANY_ORDER + "".join(sorted(letters))


@cache
def _acronym_rule() -> tuple[dict[str, dict[str, str]], tuple[str, ...], int, int]:
    """(concept -> language -> initial of its first form there, languages, min, max words)."""
    data = load_table("org_words.yml")
    spec = data["acronyms"]
    langs = tuple(str(code) for code in spec["languages"])
    initials: dict[str, dict[str, str]] = {}
    for section in ("concepts", "countries"):
        for concept, forms in data[section].items():
            for code, words in (forms or {}).items():
                if str(code) in langs and words:
                    letter = initial_letter(str(words[0]).lstrip("="))
                    if letter:
                        initials.setdefault(str(concept), {})[str(code)] = letter
    return initials, langs, int(spec["min"]), int(spec["max"])


def acronym_keys(words: Sequence[tuple[str, frozenset[str]]]) -> set[str]:
    """The order-free initials of a name as each language would write them.

    `words`: (the word's own initial, its concepts) per content word. A word with concepts
    takes, per language, the initial of its concept's first form there (fund: "f" in
    English, "ф" -> "f" in Russian); a word without (a proper name) keeps its own initial;
    a language missing one of the concepts gives no key. [russia, direct, investment, fund]
    -> {"0dfir" (en, fr), "0fipr" (ru: РФПИ), ...}.
    """
    initials, langs, low, high = _acronym_rule()
    if not low <= len(words) <= high or not all(own for own, _ in words):
        return set()
    out = set()
    for lang in langs:
        letters = []
        for own, concepts in words:
            found = sorted(initials[c][lang] for c in concepts if lang in initials.get(c, {}))
            if concepts and not found:
                break
            letters.append(found[0] if found else own)
        else:
            out.add(initials_key(letters))
    return out


def query_acronym_key(written: str) -> str | None:
    """The order-free key of a word written in capitals as an acronym ("РФПИ" -> "0fipr",
    "CGRI" -> "0cgir"); None for other words and for lengths outside the table's range."""
    _, _, low, high = _acronym_rule()
    if not (low <= len(written) <= high and written.isalpha() and written.isupper()):
        return None
    letters = [initial_letter(ch) for ch in written]
    return initials_key(letters) if all(letters) else None
