"""Language detection: ISO 639-1 codes for the languages the press names parties in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.scan.language import SAMPLE, _detector, by_function_words, detect, function_words

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


# -- function words: the cheap first answer ----------------------------------------------

ARTICLES = Path(__file__).resolve().parents[2] / "bench" / "data" / "articles"


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_function_words_name_each_dev_article_as_lingua_does(path: Path) -> None:
    """Where the function words decide, they say what lingua says, and what the article is
    written in (its file name starts with its language)."""
    text = path.read_text(encoding="utf-8")
    found = by_function_words(text[:SAMPLE])
    lingua = _detector().compute_language_confidence_values(text[:SAMPLE])[0]
    assert found in (None, lingua.language.iso_code_639_1.name.lower())
    assert detect(text) == detect(text, fast=True) == path.stem[:2]


def test_function_words_decide_most_articles() -> None:
    decided = [p for p in ARTICLES.glob("*.txt")
               if by_function_words(p.read_text(encoding="utf-8")[:SAMPLE])]  # fmt: skip
    assert len(decided) >= 0.9 * len(list(ARTICLES.glob("*.txt")))


def test_too_few_function_words_leave_it_to_lingua() -> None:
    assert by_function_words("Vladimir Putin met Kim Jong Un in Pyongyang.") is None
    assert by_function_words(TEXTS["en"]) is None  # 3 function words: not enough alone
    assert detect(TEXTS["en"]) == "en"  # lingua answers


def test_two_languages_side_by_side_leave_it_to_lingua() -> None:
    en = "The minister said that the talks were over and that the ban was lifted for the firms."
    de = "Der Minister sagte, dass die Gespräche mit den Firmen auf der Stelle und nicht im Mai enden."
    assert by_function_words(en) == "en" and by_function_words(de) == "de"
    assert by_function_words(en + " " + de) is None


def test_a_word_of_two_languages_counts_for_neither() -> None:
    table = function_words()
    for shared in ("das", "entre", "sobre"):  # German and Portuguese; Spanish and Portuguese
        assert shared not in table
    assert table["der"] == "de" and table["что"] == "ru" and table["що"] == "uk"
