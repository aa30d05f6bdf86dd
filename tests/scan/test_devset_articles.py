"""The article dev set (bench/data/articles) is well formed, its ids are real list entries,
and its evaluator (bench.scan_eval) scores the way its documentation says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.scan_eval import (
    ARTICLES,
    Article,
    Flag,
    Party,
    evaluate,
    find_all,
    load_annotations,
    occurrences,
    render,
)
from tamis.model.store import Store
from tamis.sources import parse

LOADED = ("ofac-sdn-2023-01", "ofac-cons-2025-12", "un-sc-2026-02", "bis-dpl-2019")
REQUIRED_LANGUAGES = {"fr", "en", "de", "es", "it", "ru", "ar"}
CYRILLIC, ARABIC, HAN = (
    re.compile("[\u0400-\u04ff]"),
    re.compile("[\u0600-\u06ff]"),
    re.compile("[\u4e00-\u9fff]"),
)


@pytest.fixture(scope="module")
def annotations() -> dict[str, Article]:
    return load_annotations()


@pytest.fixture(scope="module")
def texts(annotations: dict[str, Article]) -> dict[str, str]:
    return {name: (ARTICLES / name).read_text(encoding="utf-8") for name in annotations}


@pytest.fixture(scope="module")
def store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A store holding the lists the dev set is annotated against."""
    url = f"sqlite:///{tmp_path_factory.mktemp('articles-store')}/t.db"
    store = Store(url=url)
    for folder in LOADED:
        store.load(parse(shared_data / folder))
    yield store
    store.close()


# -- the dev set ---------------------------------------------------------------------


def test_has_at_least_48_articles_in_at_least_7_languages(annotations: dict[str, Article]) -> None:
    assert len(annotations) >= 48
    languages = {a.language for a in annotations.values()}
    assert REQUIRED_LANGUAGES <= languages and len(languages) >= 7


def test_every_article_file_is_annotated_and_every_annotation_has_its_file(
    annotations: dict,
) -> None:
    assert {p.name for p in ARTICLES.glob("*.txt")} == set(annotations)


def test_articles_are_short_news_pieces(texts: dict[str, str]) -> None:
    for name, text in texts.items():
        size = len(HAN.findall(text)) if name.startswith("zh-") else len(text.split())
        assert 150 <= size <= 400 or (name.startswith("zh-") and 250 <= size <= 800), (name, size)


def test_russian_and_arabic_articles_are_in_their_scripts(texts: dict[str, str]) -> None:
    for name, text in texts.items():
        if name.startswith(("ru-", "uk-")):
            assert len(CYRILLIC.findall(text)) > 500, name
        if name.startswith("ar-"):
            assert len(ARABIC.findall(text)) > 500, name


def test_at_least_8_articles_name_no_listed_party(annotations: dict[str, Article]) -> None:
    assert sum(1 for a in annotations.values() if not a.parties) >= 8


def test_every_mention_and_trap_occurs_in_its_article(
    annotations: dict, texts: dict[str, str]
) -> None:
    for name, article in annotations.items():
        for party in article.parties:
            for mention in party.mentions:
                assert find_all(texts[name], mention), (name, mention)
        for trap in article.not_parties:
            assert find_all(texts[name], trap), (name, trap)


def test_every_mention_string_counts_at_least_once(
    annotations: dict, texts: dict[str, str]
) -> None:
    """No mention string is swallowed entirely by a longer one or by a trap."""
    for name, article in annotations.items():
        spans = occurrences(texts[name], article)
        for party, claimed in zip(article.parties, spans, strict=True):
            for mention in party.mentions:
                assert any(texts[name][a:b] == mention for a, b in claimed), (name, mention)


def test_no_party_is_annotated_twice_in_one_article(annotations: dict[str, Article]) -> None:
    for name, article in annotations.items():
        ids = [i for p in article.parties for i in p.ids]
        assert len(ids) == len(set(ids)), name


def test_every_id_exists_in_a_store_loaded_from_the_shared_data(
    annotations: dict, store: Store
) -> None:
    ids = {i for a in annotations.values() for p in a.parties for i in p.ids}
    missing = sorted(i for i in ids if store.get(i) is None)
    assert not missing


def test_annotations_reject_duplicate_keys_and_unknown_fields(tmp_path: Path) -> None:
    bad = tmp_path / "annotations.yml"
    entry = "  language: en\n  parties: []\n  not_parties: []\n  notes: x\n"
    bad.write_text("en-01-a.txt:\n" + entry + "en-01-a.txt:\n" + entry, encoding="utf-8")
    with pytest.raises(Exception, match="duplicate"):
        load_annotations(bad)
    bad.write_text("en-01-a.txt:\n" + entry + "  extra: 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="keys"):
        load_annotations(bad)


def test_annotations_reject_a_malformed_id(tmp_path: Path) -> None:
    bad = tmp_path / "annotations.yml"
    bad.write_text("en-01-a.txt:\n  language: en\n  parties:\n    - ids: [putin]\n      mentions: [Putin]\n"
                   "  not_parties: []\n  notes: x\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(ValueError, match="malformed"):
        load_annotations(bad)


# -- the evaluator -------------------------------------------------------------------

TEXT = "Dmitry Medvedev spoke. Medvedev, not Daniil Medvedev, met Peskov. RDIF too."
ARTICLE = Article(
    "en-01-x.txt", "en",
    (Party(("ofac-sdn:36407",), ("Dmitry Medvedev", "Medvedev")),
     Party(("ofac-sdn:35320",), ("Peskov",)),
     Party(("ofac-sdn:34036", "un-sc:XX.1"), ("RDIF",))),
    ("Daniil Medvedev",),
)  # fmt: skip


def spans_of(*words: str) -> tuple[tuple[int, int], ...]:
    return tuple(find_all(TEXT, w)[0] for w in words)


def run(flags: list[Flag]) -> object:
    return evaluate({ARTICLE.file: ARTICLE}, {ARTICLE.file: TEXT}, {ARTICLE.file: flags})


def test_occurrences_skip_the_trap_and_count_the_longest_string_once() -> None:
    medvedev, peskov, rdif = occurrences(TEXT, ARTICLE)
    assert [TEXT[a:b] for a, b in medvedev] == ["Dmitry Medvedev", "Medvedev"]
    assert len(peskov) == 1 and len(rdif) == 1


def test_all_parties_found_gives_perfect_scores() -> None:
    report = run([Flag("ofac-sdn:36407", ((0, 15), (23, 31))),
                  Flag("ofac-sdn:35320", spans_of("Peskov")), Flag("un-sc:XX.1", spans_of("RDIF"))])  # fmt: skip
    t = report.total
    assert (t.precision, t.recall, t.f1, t.mention_recall) == (1.0, 1.0, 1.0, 1.0)
    assert not report.misses and not report.false_alerts


def test_a_party_counts_once_whichever_and_however_many_of_its_ids_are_flagged() -> None:
    report = run([Flag("ofac-sdn:34036"), Flag("un-sc:XX.1")])
    assert report.total.found == 1 and report.total.false_alerts == 0


def test_a_missed_party_lowers_recall_and_is_listed() -> None:
    report = run([Flag("ofac-sdn:36407"), Flag("ofac-sdn:35320")])
    assert report.total.recall == pytest.approx(2 / 3)
    assert report.misses == [("en-01-x.txt", ARTICLE.parties[2])]


def test_a_flagged_id_of_no_annotated_party_is_a_false_alert() -> None:
    report = run([Flag("ofac-sdn:36407"), Flag("ofac-sdn:35320"), Flag("ofac-sdn:34036"),
                  Flag("ofac-sdn:99999", spans_of("Daniil Medvedev"), "MEDVEDEV, Daniil")])  # fmt: skip
    assert report.total.false_alerts == 1 and report.total.precision == pytest.approx(3 / 4)
    assert report.total.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_mention_recall_counts_overlapping_spans_of_the_right_party_only() -> None:
    report = run([Flag("ofac-sdn:36407", ((0, 6),)), Flag("ofac-sdn:35320", spans_of("RDIF"))])
    assert report.total.mentions == 4 and report.total.mentions_found == 1
    assert {t for _, t, _ in report.missed_mentions} == {"Medvedev", "Peskov", "RDIF"}


def test_report_aggregates_per_language_and_renders_misses_and_false_alerts() -> None:
    other = Article("fr-01-y.txt", "fr", (), ("poutine",))
    report = evaluate({ARTICLE.file: ARTICLE, other.file: other},
                      {ARTICLE.file: TEXT, other.file: "la poutine"},
                      {other.file: [Flag("ofac-sdn:35096", ((3, 10),), "PUTIN, Vladimir", 0.8)]})  # fmt: skip
    assert report.by_language["fr"].false_alerts == 1 and report.by_language["en"].found == 0
    text = render(report, {ARTICLE.file: TEXT, other.file: "la poutine"}, "t")
    assert "| **all** | 2 | 3 | 0 | 1 |" in text
    assert "ofac-sdn:35096 'PUTIN, Vladimir' score 0.80 on ['poutine']" in text
    assert "`en-01-x.txt`: ofac-sdn:34036, un-sc:XX.1 (RDIF)" in text


def test_speed_bench_documents_are_about_5kb_of_one_language_each() -> None:
    from bench.scan_speed import documents

    docs = documents(60)
    sizes = [len(text.encode("utf-8")) for _, text in docs]
    assert min(sizes) >= 5000 and max(sizes) < 6500
    assert {lang for lang, _ in docs} >= REQUIRED_LANGUAGES
    assert len({text for _, text in docs}) >= 0.9 * len(docs)  # few pt/zh paragraphs repeat
