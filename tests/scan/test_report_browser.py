"""The HTML scan report in a real browser (headless Chromium): the page an analyst opens
shows the article with every mention highlighted, each linked to its listed party's card
and back, and loads nothing from elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tamis.scan import Scanner, ScanResult
from tamis.scan.report import write_report

PARTIES = {"ofac-sdn:35320", "ofac-sdn:34336", "ofac-sdn:34036", "ofac-sdn:35096"}


@pytest.fixture(scope="module")
def scanned(sdn_scanner: Scanner, kremlin_article: str) -> ScanResult:
    result = sdn_scanner.scan(kremlin_article)
    assert {p.id for p in result.parties} == PARTIES
    return result


@pytest.fixture(scope="module")
def page(browser: Any, scanned: ScanResult, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The browser, showing the example article's report (written to a file, opened from it)."""
    path = write_report(scanned, tmp_path_factory.mktemp("report") / "kremlin.html")
    browser.get(Path(path).resolve().as_uri())
    return browser


def test_the_report_shows_a_card_per_listed_party(page: Any) -> None:
    from selenium.webdriver.common.by import By

    cards = page.find_elements(By.CSS_SELECTOR, "article.card")
    assert len(cards) == 4 and all(c.is_displayed() for c in cards)
    text = " ".join(c.text for c in cards)
    for caption in ("PESKOV", "DMITRIEV", "RUSSIAN DIRECT INVESTMENT FUND", "PUTIN"):
        assert caption in text


def test_every_mention_is_highlighted_and_linked_to_its_party(page: Any,
                                                             scanned: ScanResult) -> None:  # fmt: skip
    from selenium.webdriver.common.by import By

    marks = page.find_elements(By.CSS_SELECTOR, "section.article mark")
    mentions = sum(len(p.mentions) for p in scanned.parties)
    assert len(marks) == mentions == 14
    for mark in marks:
        assert mark.is_displayed()
        colour = mark.value_of_css_property("background-color")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), colour  # really highlighted
        target = mark.find_element(By.TAG_NAME, "a").get_attribute("href").split("#")[1]
        assert page.find_element(By.ID, target).tag_name == "article"


def test_clicking_a_mention_goes_to_its_card_and_back(page: Any) -> None:
    from selenium.webdriver.common.by import By

    first = page.find_element(By.CSS_SELECTOR, "section.article mark a")
    card_id = first.get_attribute("href").split("#")[1]
    first.click()
    assert page.execute_script("return location.hash") == "#" + card_id
    card = page.find_element(By.ID, card_id)
    assert page.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;",
        card,
    )
    back = card.find_element(By.CSS_SELECTOR, "li a")
    back.click()
    mark_id = page.execute_script("return location.hash").lstrip("#")
    assert page.find_element(By.ID, mark_id).tag_name == "mark"


def test_the_page_loads_nothing_from_elsewhere_and_logs_no_error(page: Any) -> None:
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
