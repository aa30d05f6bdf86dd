"""The HTML report: self-contained, escaped, mentions and party cards linked both ways."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

from tamis.scan.report import page_name, report_html, write_index, write_report
from tamis.scan.result import Mention, Party, ScanResult
from tests.scan.test_render import PESKOV_WHY, TEXT, result


class Links(HTMLParser):
    """Every id and every in-page link target of a page, and any external reference."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.targets: list[str] = []
        self.external: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for key, value in attrs:
            if key == "id" and value:
                self.ids.add(value)
            if key == "href" and value:
                (self.targets if value.startswith("#") else self.external).append(value)
            if key == "src" and value:
                self.external.append(value)


def parsed(page: str) -> Links:
    links = Links()
    links.feed(page)
    return links


def test_every_mention_links_to_its_card_and_back() -> None:
    links = parsed(report_html(result()))
    assert {"party1", "party2", "m1-1", "m2-1", "m2-2"} <= links.ids
    assert {"#party1", "#party2", "#m1-1", "#m2-1", "#m2-2"} <= set(links.targets)
    assert all(t[1:] in links.ids for t in links.targets)


def test_the_page_is_self_contained() -> None:
    page = report_html(result())
    links = parsed(page)
    assert not links.external and not {"link", "script", "img", "iframe"} & links.tags
    assert "<style>" in page and "@import" not in page


def test_everything_is_escaped() -> None:
    text = 'Un lecteur écrit <script>alert("x")</script> & Dmitri Peskov répond.'
    at = text.index("Dmitri Peskov")
    evil = Party("ofac-sdn:1", "<b>EVIL</b> & co", "Person", 0.9,
                 [Mention("Dmitri Peskov", at, at + 13)],
                 {"name": {"query": "<i>q</i>", "candidate": "c", "score": 1.0, "parts": []}},
                 "ofac-sdn")  # fmt: skip
    r = ScanResult(text, "fr", [evil], [Mention("<script>", 16, 24)], "<x>.txt", "txt",
                   notes=["<img src=x>"])  # fmt: skip
    page = report_html(r)
    assert "<script" not in page and "<img" not in page and "<b>EVIL" not in page
    assert "alert(&quot;x&quot;)&lt;/script&gt; &amp; " in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;EVIL&lt;/b&gt; &amp; co" in page and "&lt;x&gt;.txt" in page


def test_the_header_names_source_language_lists_and_date() -> None:
    when = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    page = report_html(result(), lists=["ofac-sdn v2 (2023-01-05)"], generated=when)
    header = page[page.index("<header>") : page.index("</header>")]
    for fact in ("article.txt", "fr", "ofac-sdn v2 (2023-01-05)", "2024-03-05 09:30 UTC"):
        assert fact in header


def test_a_card_explains_part_by_part() -> None:
    page = report_html(result())
    card = page[page.index('id="party2"') :]
    assert "PESKOV, Dmitriy Sergeevich" in card and "ofac-sdn:35320" in card
    assert "0.860" in card and "Mentions (2)" in card
    assert "dmitri~dmitriy translit, given 0.95" in card
    assert "+0.040 Kremlin: ru" in card


def test_names_not_listed_are_shown_apart() -> None:
    page = report_html(result())
    assert "Names found, not listed (1)" in page
    assert '<span class="name" title="not listed">Jean Dupont</span>' in page


def test_a_mention_past_the_kept_text_is_listed_without_a_link() -> None:
    r = result()
    r.parties[1].mentions.append(Mention("Dmitri Peskov", 10_000_000, 10_000_013))
    r.truncated = True
    page = report_html(r)
    assert "#m2-3" not in page and "characters 10,000,000–10,000,013" in page


def test_an_article_naming_nobody_says_so() -> None:
    page = report_html(ScanResult("Il pleut sur Lyon.", "fr", [], []))
    assert "No listed party is named" in page and "Il pleut sur Lyon." in page


def test_write_report_creates_the_folder(tmp_path: Path) -> None:
    path = write_report(result(), tmp_path / "out" / "scan.html", lists=["ofac-sdn v1"])
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_page_names_are_unique_and_safe() -> None:
    taken: set[str] = set()
    names = [page_name(s, taken) for s in ("a/x.txt", "b/x.txt", "-", "we ird<>.md", "index")]
    assert names == ["x.txt.html", "x.txt-2.html", "stdin.html", "we-ird-.md.html", "index-2.html"]


def test_the_index_lists_every_article_and_what_failed(tmp_path: Path) -> None:
    quiet = ScanResult("Rien.", "fr", [], [], "b.txt")
    path = write_index(tmp_path, [("a.html", result()), ("b.html", quiet)], ["c.txt: empty file"])
    page = path.read_text(encoding="utf-8")
    assert re.search(r'href="a.html">article.txt</a>.*PESKOV, Dmitriy Sergeevich', page)
    assert "c.txt: empty file" in page and 'href="b.html"' in page


def test_the_text_is_kept_in_paragraphs() -> None:
    page = report_html(result())
    second = TEXT.split("\n\n")[1]
    assert page.count("<p>") >= 2 and f"<p>{second[:6]}" in page
    assert PESKOV_WHY["name"]["candidate"] in page
