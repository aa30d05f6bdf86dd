"""Linking: the engine decides which listed entity a mention names; the article's
countries rank namesakes."""

from __future__ import annotations

import pytest

from tamis.scan import Scanner
from tamis.scan.link import Linker, article_countries, role_before
from tamis.scan.words import words


def test_countries_from_names_and_adjectives_in_several_languages() -> None:
    assert article_countries(words("Le président russe a visité la Syrie.")) == {"ru", "sy"}
    assert article_countries(words("Встреча прошла в Москве, сообщил Кремль.")) >= {"ru"}
    assert article_countries(words("the new bakery opened on Monday")) == frozenset()


def test_a_full_name_is_linked_by_the_engine(sdn_scanner: Scanner) -> None:
    linker = Linker(sdn_scanner.screener)
    m = linker.link("Vladimir Poutine", True, frozenset({"ru"}))
    assert m is not None and m.id == "ofac-sdn:35096" and m.match


def test_an_unlisted_name_is_not_linked(sdn_scanner: Scanner) -> None:
    assert Linker(sdn_scanner.screener).link("Donald Trump", True, frozenset()) is None


def test_a_threshold_above_the_score_links_nothing(sdn_scanner: Scanner) -> None:
    assert Linker(sdn_scanner.screener, threshold=0.99).link("Vladimir Putin", True,
                                                            frozenset()) is None  # fmt: skip


def test_a_rare_surname_alone_needs_the_country_and_the_threshold(sdn_scanner: Scanner) -> None:
    """The article's country is context, never a way round the engine's threshold."""
    russian = sdn_scanner.scan("Путин заявил в Москве, что Кремль готов к переговорам.")
    assert all(p.score >= 0.7 for p in russian.parties)
    elsewhere = sdn_scanner.scan("Putin, a chef from Lyon, opened a restaurant in Paris.")
    assert elsewhere.parties == []


def test_a_hit_of_the_other_kind_is_not_the_mention(sdn_scanner: Scanner) -> None:
    """NER's label is the schema: a person's name never links to a company."""
    linker = Linker(sdn_scanner.screener)
    assert linker.link("Vladimir Putin", False, frozenset()) is None


def test_the_engine_must_agree_with_the_gazetteer(sdn_scanner: Scanner) -> None:
    """A span links only to an entity whose name the gazetteer found in it."""
    linker = Linker(sdn_scanner.screener)
    assert linker.link("Vladimir Putin", True, frozenset(), frozenset({"ofac-sdn:35320"})) is None
    m = linker.link("Vladimir Putin", True, frozenset(), frozenset({"ofac-sdn:35096"}))
    assert m is not None and m.id == "ofac-sdn:35096"


@pytest.mark.parametrize(
    "text, role",
    [
        ("l'économiste Natalya Orlova", "economist"),
        ("Экономист Наталья Орлова", "economist"),
        ("the journalist Anna Smith", "journalist"),
        ("the minister Anna Smith", None),
    ],
)
def test_the_occupation_written_before_a_name(text: str, role: str | None) -> None:
    ws = words(text)
    first = next(i for i, w in enumerate(ws) if w.text in ("Natalya", "Наталья", "Anna"))
    found = role_before(ws, first)
    assert (found is not None and role in found) if role else found is None


@pytest.mark.parametrize(
    ("word", "code"),
    [("Russlands", "ru"), ("Irans", "ir"), ("России", "ru"), ("Венесуэлы", "ve"),
     ("Ирана", "ir"), ("Мария", None), ("Марии", None), ("Süden", None), ("Peters", None)],
)
def test_a_country_in_an_inflected_form(word: str, code: str | None) -> None:
    # German genitives and Russian cases name the country; a Russian first name ending in
    # -ия and the German word for south do not
    found = article_countries(words(f"Und {word} sagte."))
    assert found == (frozenset({code}) if code else frozenset())


@pytest.mark.parametrize(
    ("text", "codes"),
    [("Talks with North Korea stalled.", {"kp"}), ("Saudi Arabia and Sri Lanka signed.", {"sa", "lk"}),
     ("South Korea and the United States held drills.", {"kr", "us"}), ("Korea is divided.", {"kr"}),
     # a headline's or dateline's capitals name countries too
     ("NORTH KOREA FIRES MISSILE, IRAN PROTESTS", {"kp", "ir"})],
)
def test_a_country_named_in_two_words(text: str, codes: set[str]) -> None:
    # "North Korea" is not Korea (the South); "United States" names no country word by word
    assert article_countries(words(text)) == frozenset(codes)


def test_country_adjectives_and_cities_in_a_russian_case() -> None:
    assert article_countries(words("лидера северокорейского режима")) == {"kp"}
    assert article_countries(words("переговоры в Пхеньяне")) == {"kp"}
