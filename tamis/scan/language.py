"""The language of an article (ISO 639-1), with lingua, whose models ship in its wheel.

The detector is restricted to the languages a compliance team reads and the press names
listed parties in: fewer candidates make it steadier on short texts. It is built once per
process, on first use (lingua is imported then, not with `tamis.scan`), with its models
loaded at once, so a forked worker inherits them. A sample of the text is enough: an
article does not change language halfway, and lingua's time grows with the characters it
reads (about 1.5 ms per 1,000 measured), so the sample is short: 1,000 characters, 300 in
`fast` mode (each right on all the dev-set articles; 150 already were).

Before lingua, the sample's function words are counted (`resources/language_words.yml`): a
news article's first thousand characters hold dozens of "the", "der", "что", "في", and
when one language's words clearly outnumber every other's, that is the answer, at a
twentieth of lingua's cost. Anything less clear (a headline of names, a quotation in
another language, Spanish beside Portuguese) goes to lingua as before.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tamis.normalise.data import load_table

__all__ = ["LANGUAGES", "by_function_words", "detect", "function_words"]

LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "ru", "uk", "ar", "fa", "tr", "zh")
SAMPLE = 1000  # characters read (from the start)
FAST_SAMPLE = 300  # in fast mode
MIN_LETTERS = 12  # below this, no answer is better than a guess
MIN_CONFIDENCE = 0.5  # lingua's confidence below which the language is undetermined: a short
# text made mostly of names ("Vladimir Putin met Kim Jong Un") reads as Italian at 0.2
_LETTER = re.compile(r"[^\W\d_]")
# a language decides by its function words when it has at least this many in the sample
# and this many times as many as the next language (+1); else lingua decides
MIN_FUNCTION_WORDS = 8
FUNCTION_MARGIN = 4


@cache
def function_words() -> dict[str, str]:
    """Function word (lowercase) -> its language; words listed for two languages left out."""
    seen: dict[str, set[str]] = {}
    for lang, words in load_table("language_words.yml").items():
        for word in words:
            seen.setdefault(str(word).lower(), set()).add(lang)
    return {word: next(iter(langs)) for word, langs in seen.items() if len(langs) == 1}


def by_function_words(sample: str) -> str | None:
    """The language whose function words clearly dominate the sample, else None."""
    table = function_words()
    counts: dict[str, int] = {}
    for word in sample.lower().split():  # a word with punctuation beside it is skipped
        lang = table.get(word)
        if lang is not None:
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    best = ranked[0]
    runner = ranked[1] if len(ranked) > 1 else 0
    if best < MIN_FUNCTION_WORDS or best < FUNCTION_MARGIN * (runner + 1):
        return None
    return max(counts, key=counts.__getitem__)


@cache
def _detector() -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                 for code in LANGUAGES]  # fmt: skip
    builder = LanguageDetectorBuilder.from_languages(*languages)
    return builder.with_preloaded_language_models().build()


def detect(text: str, fast: bool = False) -> str | None:
    """"fr", "ru", ... or None when the text has too few letters, or too few words of any
    one language, to tell."""
    head = 4 * MIN_LETTERS  # enough letters there spares counting them all
    if len(_LETTER.findall(text, 0, head)) < MIN_LETTERS > len(_LETTER.findall(text, 0, SAMPLE)):
        return None
    found = by_function_words(text[:SAMPLE])
    if found is not None:
        return found
    sample = text[: FAST_SAMPLE if fast else SAMPLE]
    ranked = _detector().compute_language_confidence_values(sample)
    if not ranked or ranked[0].value < MIN_CONFIDENCE:
        return None
    return ranked[0].language.iso_code_639_1.name.lower()
