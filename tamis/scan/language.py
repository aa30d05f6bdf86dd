"""The language of an article (ISO 639-1), with lingua, whose models ship in its wheel.

The detector is restricted to the languages a compliance team reads and the press names
listed parties in: fewer candidates make it faster and steadier on short texts. It is
built once per process, on first use (lingua is imported then, not with `tamis.scan`).
A sample of the text is enough: an article does not change language halfway.
"""

from __future__ import annotations

from functools import cache
from typing import Any

__all__ = ["LANGUAGES", "detect"]

LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "ru", "uk", "ar", "fa", "tr", "zh")
SAMPLE = 1500  # characters read (from the start); fast mode reads a third of it
MIN_LETTERS = 12  # below this, no answer is better than a guess


@cache
def _detector() -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                 for code in LANGUAGES]  # fmt: skip
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect(text: str, fast: bool = False) -> str | None:
    """"fr", "ru", ... or None when the text has too few letters to tell."""
    sample = text[: SAMPLE // 3 if fast else SAMPLE]
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS:
        return None
    found = _detector().detect_language_of(sample)
    return None if found is None else found.iso_code_639_1.name.lower()
