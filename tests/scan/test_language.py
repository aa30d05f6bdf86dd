"""Language detection: ISO 639-1 codes for the languages the press names parties in."""

from __future__ import annotations

import pytest

from tamis.scan.language import detect

TEXTS = {
    "fr": "Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine.",
    "en": "The minister said on Tuesday that the talks would resume next week in the capital.",
    "de": "Der Minister sagte am Dienstag, die Gespräche würden nächste Woche fortgesetzt.",
    "es": "El ministro dijo el martes que las negociaciones se reanudarían la próxima semana.",
    "it": "Il ministro ha detto martedì che i negoziati riprenderanno la prossima settimana.",
    "ru": "Министр заявил во вторник, что переговоры возобновятся на следующей неделе.",
    "ar": "قال الوزير يوم الثلاثاء إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_each_main_language_is_recognised(code: str) -> None:
    assert detect(TEXTS[code]) == code
    assert detect(TEXTS[code], fast=True) == code


def test_too_little_text_has_no_language() -> None:
    assert detect("") is None
    assert detect("12 345 -- !") is None


def test_a_short_text_made_of_names_has_no_language() -> None:
    assert detect("Vladimir Putin met Kim Jong Un in Pyongyang.") is None
