"""Linking: the engine decides which listed entity a mention names; the article's
countries rank namesakes."""

from __future__ import annotations

from tamis.scan import Scanner
from tamis.scan.link import Linker, article_countries
from tamis.scan.words import words


def test_countries_from_names_and_adjectives_in_several_languages() -> None:
    assert article_countries(words("Le président russe a visité la Syrie.")) == {"ru", "sy"}
    assert article_countries(words("Встреча прошла в Москве, сообщил Кремль.")) >= {"ru"}
    assert article_countries(words("the new bakery opened on Monday")) == frozenset()


def test_a_full_name_is_linked_by_the_engine(sdn_scanner: Scanner) -> None:
    linker = Linker(sdn_scanner.screener)
    m = linker.link("Vladimir Poutine", "Person", frozenset({"ru"}))
    assert m is not None and m.id == "ofac-sdn:35096" and m.match


def test_an_unlisted_name_is_not_linked(sdn_scanner: Scanner) -> None:
    assert Linker(sdn_scanner.screener).link("Donald Trump", "Person", frozenset()) is None


def test_a_threshold_above_the_score_links_nothing(sdn_scanner: Scanner) -> None:
    assert Linker(sdn_scanner.screener, threshold=0.99).link("Vladimir Putin", "Person",
                                                            frozenset()) is None  # fmt: skip


def test_a_rare_surname_alone_needs_the_country_in_the_article(sdn_scanner: Scanner) -> None:
    russian = sdn_scanner.scan("Путин заявил в Москве, что Кремль готов к переговорам.")
    assert [p.id for p in russian.parties] == ["ofac-sdn:35096"]
    assert "scan" in russian.parties[0].explanation
    elsewhere = sdn_scanner.scan("Putin, a chef from Lyon, opened a restaurant in Paris.")
    assert elsewhere.parties == []
