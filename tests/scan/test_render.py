"""The terminal view of a scan, on results built here from real classes and text."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from tamis.scan.render import passages, render, spans, why_line
from tamis.scan.result import Mention, Party, ScanResult

TEXT = ("Le porte-parole du Kremlin, Dmitri Peskov, a annoncé mardi un accord minier. "
        "Le fonds RDIF y participera.\n\n"
        "Selon M. Peskov, le dossier est suivi au plus haut niveau. Jean Dupont, élu local, "
        "reste prudent.")  # fmt: skip

PESKOV_WHY: dict[str, Any] = {
    "score": 0.86, "threshold": 0.7, "match": True, "bias": -6.6,
    "name": {"query": "Dmitri Peskov", "candidate": "PESKOV, Dmitriy Sergeevich",
             "property": "name", "score": 0.93, "notes": [], "parts": [
                 {"query": "peskov", "candidate": "peskov", "kind": "exact", "rule": "exact",
                  "similarity": 1.0, "role": "family"},
                 {"query": "dmitri", "candidate": "dmitriy", "kind": "transliteration",
                  "rule": "spelling", "similarity": 0.95, "role": "given"},
                 {"query": None, "candidate": "sergeevich", "kind": "missing",
                  "rule": "missing", "similarity": 0.0, "role": "patronymic"}]},
    "features": [
        {"feature": "name", "value": 0.93, "weight": 9.1, "contribution": 8.4, "effect": 0.86,
         "kind": "strong", "reason": "'Dmitri Peskov' ~ 'PESKOV, Dmitriy Sergeevich' (name)"},
        {"feature": "country", "value": 1.0, "weight": 0.5, "contribution": 0.5,
         "effect": 0.04, "kind": "agree", "reason": "Kremlin: ru"}],
}  # fmt: skip


def mention(text: str, phrase: str, how: str = "ner", label: str = "PER", nth: int = 0) -> Mention:
    at = -1
    for _ in range(nth + 1):
        at = text.index(phrase, at + 1)
    return Mention(phrase, at, at + len(phrase), label, how)


def result(text: str = TEXT) -> ScanResult:
    peskov = [mention(text, "Dmitri Peskov"), mention(text, "M. Peskov", "coref")]
    rdif = [mention(text, "RDIF", "gazetteer", "ORG")]
    parties = [
        Party("ofac-sdn:34036", "RUSSIAN DIRECT INVESTMENT FUND", "Organization", 0.91, rdif,
              {"score": 0.91, "name": {"query": "RDIF", "candidate": "RDIF",
                                       "property": "alias", "score": 1.0, "parts": []}},
              "ofac-sdn"),
        Party("ofac-sdn:35320", "PESKOV, Dmitriy Sergeevich", "Person", 0.86, peskov,
              PESKOV_WHY, "ofac-sdn"),
    ]  # fmt: skip
    others = [*peskov, *rdif, mention(text, "Jean Dupont"), mention(text, "Peskov")]
    return ScanResult(text, "fr", parties, others, "article.txt", "txt", notes=["a note"])


def shown(r: ScanResult, width: int = 140, **options: Any) -> str:
    console = Console(record=True, width=width, color_system=None)
    render(r, console, **options)
    return console.export_text()


def test_linked_mentions_carry_their_party_marker() -> None:
    out = shown(result())
    assert "Dmitri Peskov[2], a annoncé" in out and "Selon M. Peskov[2], le" in out
    assert "Le fonds RDIF[1] y participera" in out


def test_a_name_found_but_not_listed_is_shown_apart() -> None:
    out = shown(result())
    assert "not listed: Jean Dupont" in out and "Jean Dupont[" not in out


def test_one_row_per_party_with_entry_list_score_mentions_and_why() -> None:
    out = shown(result())
    row = next(line for line in out.splitlines() if "ofac-sdn:35320" in line)
    assert "PESKOV, Dmitriy" in row and "ofac-sdn" in row and "0.860" in row
    assert "Dmitri Peskov, M. Peskov" in out and "(2)" in out
    assert "2 listed parties" in out and "a note" in out


def test_why_says_which_name_matched_which_and_the_facts() -> None:
    line = why_line(PESKOV_WHY)
    assert line.startswith("'Dmitri Peskov' ~ 'PESKOV, Dmitriy Sergeevich' 0.93")
    assert "peskov=peskov" in line and "dmitri~dmitriy translit" in line
    assert "no sergeevich" in line and "country agree +0.04" in line


def test_why_shows_context_the_scanner_adds() -> None:
    assert why_line({"context": ["porte-parole du Kremlin"]}) == "context: porte-parole du Kremlin"
    assert why_line({}) == "-"


def test_overlapping_spans_let_the_listed_party_win() -> None:
    marks = spans(result())
    assert (TEXT.index("Dmitri Peskov"), TEXT.index("Dmitri Peskov") + 13, 2) in marks
    peskov_alone = mention(TEXT, "Peskov")  # inside "Dmitri Peskov": dropped
    assert all(m[0] != peskov_alone.start for m in marks)
    assert [m[0] for m in marks] == sorted(m[0] for m in marks)


def test_spans_outside_the_text_are_ignored() -> None:
    r = result()
    r.parties[0].mentions.append(Mention("RDIF", len(TEXT) + 100, len(TEXT) + 104))
    assert all(e <= len(TEXT) for _, e, _ in spans(r))


def test_a_long_text_shows_the_passages_around_mentions() -> None:
    filler = "".join(f"Paragraphe de remplissage numéro {k} sans aucun nom.\n\n" for k in range(200))
    text = filler + TEXT + "\n\n" + filler
    out = shown(result(text))
    assert "Dmitri Peskov[2]" in out and "Jean Dupont" in out
    assert "numéro 3 " not in out and "…" in out


def test_a_long_paragraph_is_cut_to_a_window_around_the_mention() -> None:
    words = "mot " * 2000
    text = words + "Dmitri Peskov est là. " + words
    at = text.index("Dmitri Peskov")
    windows = passages(text, [(at, at + 13, 1)])
    assert len(windows) == 1 and windows[0][1] - windows[0][0] < 600
    assert windows[0][0] <= at and windows[0][1] >= at + 13


def test_without_text_only_the_parties_are_shown() -> None:
    out = shown(result(), text=False)
    assert "ofac-sdn:35320" in out and "a annoncé mardi" not in out


def test_an_article_naming_nobody_listed_says_so() -> None:
    out = shown(ScanResult("Il pleut sur Lyon depuis trois jours.", "fr", [], []))
    assert "no listed party named" in out and "Il pleut sur Lyon" in out


def test_a_narrow_terminal_gets_a_line_per_party_and_its_why_below() -> None:
    out = shown(result(), width=80)
    assert "[2] ofac-sdn:35320  PESKOV, Dmitriy Sergeevich  ofac-sdn  score 0.860" in out
    assert "    why: 'Dmitri Peskov' ~ 'PESKOV, Dmitriy Sergeevich' 0.93" in out
