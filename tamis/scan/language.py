"""The language of an article (ISO 639-1), with lingua, whose models ship in its wheel.

The detector is restricted to the languages a compliance team reads and the press names
listed parties in: fewer candidates make it steadier on short texts. It is built once per
process, on first use (lingua is imported then, not with `tamis.scan`), with its models
loaded at once, so a forked worker inherits them. A sample of the text is enough: an
article does not change language halfway, and lingua's time grows with the characters it
reads (about 1.5 ms per 1,000 measured), so the sample is short: 1,000 characters, 300 in
`fast` mode (each right on all the dev-set articles; 150 already were).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["LANGUAGES", "detect"]

LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "ru", "uk", "ar", "fa", "tr", "zh")
SAMPLE = 1000  # characters read (from the start)
FAST_SAMPLE = 300  # in fast mode
MIN_LETTERS = 12  # below this, no answer is better than a guess
MIN_CONFIDENCE = 0.5  # lingua's confidence below which the language is undetermined: a short
# text made mostly of names ("Vladimir Putin met Kim Jong Un") reads as Italian at 0.2
_LETTER = re.compile(r"[^\W\d_]")


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
    sample = text[: FAST_SAMPLE if fast else SAMPLE]
    head = 4 * MIN_LETTERS  # enough letters there spares counting them all
    if len(_LETTER.findall(sample, 0, head)) < MIN_LETTERS > len(_LETTER.findall(sample)):
        return None
    ranked = _detector().compute_language_confidence_values(sample)
    if not ranked or ranked[0].value < MIN_CONFIDENCE:
        return None
    return ranked[0].language.iso_code_639_1.name.lower()
