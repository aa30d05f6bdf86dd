"""What every dev-set builder shares: trivial name normalisation and the CSV shape.

A dev set is a CSV `query_name, schema, birth_date, country, expected_id, kind, script,
holdout_alias, similarity` (`expected_id` empty = must not match; `holdout_alias` = the
name to remove from the expected entity before screening, so a query never finds itself
verbatim; `similarity` = how close the held-out name is to the closest name left on its
entity, `spelling_similarity`, so results can be told apart for spelling variants and for
names that differ more).
`tamis.evaluate.read_labelled` reads it as it is.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from tamis.evaluate import detect_script

FIELDS = (
    "query_name", "schema", "birth_date", "country", "expected_id", "kind", "script",
    "holdout_alias", "similarity",
)
VARIANT = 80  # similarity from which a held-out alias counts as a spelling variant
NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "abbreviation")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def trivial(name: str) -> str:
    """Casefold, drop diacritics and punctuation, collapse spaces: 'Al-Qaida,' == 'AL QAIDA'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare).split())


def name_key(name: str) -> str:
    """`trivial` with the words sorted: 'SMITH, John' and 'John Smith' share a key."""
    return " ".join(sorted(trivial(name).split()))


def script_of(name: str) -> str:
    return detect_script(name)


def write_devset(path: Path, rows: Iterable[dict[str, str]]) -> int:
    """Write rows in the dev-set shape (missing columns empty); returns the count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k) or "" for k in FIELDS})
            n += 1
    return n


def read_devset(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# Words too generic for two organisation names to be "related" by sharing them.
GENERIC = frozenset(
    ["company", "companies", "trading", "trade", "group", "bank", "international", "limited", "ltd", "llc", "corporation", "corp", "inc", "incorporated", "industries", "industrial", "holding", "holdings", "establishment", "enterprise", "enterprises", "services", "general", "import", "export", "shipping", "airlines", "airline", "organization", "organisation", "foundation", "association", "front", "movement"]
)


def _tokens(name: str) -> list[str]:
    from rigour.text import ascii_text, is_stopword

    words = ascii_text(trivial(name)).split()
    return [w for w in words if len(w) >= 3 and not is_stopword(w) and w not in GENERIC]


def spelling_similarity(alias: str, names: Iterable[str]) -> int:
    """The best rapidfuzz token-sort ratio (0-100, default processor: case and punctuation
    folded, words sorted) of an alias with any of the names left on its entity.

    Scorer-independent: >= VARIANT means the alias is a spelling variant of a remaining name
    (transliteration, word order, a typo, a dropped legal form); lower, a partial or
    another name, which no screening engine can be expected to put first every time."""
    from rapidfuzz import fuzz, utils

    return round(max((fuzz.token_sort_ratio(alias, n, processor=utils.default_process)
                      for n in names), default=0))  # fmt: skip


def related(alias: str, names: Iterable[str], similarity: float = 0.85) -> bool:
    """Whether a held-out alias shares a name part with the names left on its entity.

    Scorer-independent, deliberately loose: some pair of parts (3+ letters, not stopwords
    or generic organisation words, ASCII-folded) with Jaro-Winkler >= 0.85, or the alias
    is the initials of a remaining name. An alias that is not related (a nom de guerre, a
    former company name) cannot be found from the name alone.
    """
    from rapidfuzz.distance import JaroWinkler

    mine = _tokens(alias)
    compact = trivial(alias).replace(" ", "")
    from rigour.text import is_stopword

    for name in names:
        words = trivial(name).split()
        initials = {"".join(w[0] for w in words),
                    "".join(w[0] for w in words if not is_stopword(w))}
        if len(words) > 1 and len(compact) >= 2 and compact in initials:
            return True
        theirs = _tokens(name)
        if any(JaroWinkler.similarity(a, b) >= similarity for a in mine for b in theirs):
            return True
    return False
