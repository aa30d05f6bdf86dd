"""The gazetteer: listed names found in an article's words, any order, inflection and
spelling tolerated, common words never."""

from __future__ import annotations

from pathlib import Path

from tamis.scan import Scanner
from tamis.scan.gazetteer import Gazetteer
from tamis.scan.gazetteer_build import gazetteer
from tamis.scan.words import words

PUTIN, PESKOV, RDIF = "ofac-sdn:35096", "ofac-sdn:35320", "ofac-sdn:34036"


def _found(scanner: Scanner, text: str) -> dict[str, set[str]]:
    gaz, ids = scanner.gazetteer, scanner.screener.index.ids
    ws = words(text)
    out: dict[str, set[str]] = {}
    for c in gaz.find(ws, gaz.lookups(ws)):
        span = text[ws[c.first].start : ws[c.last].end]
        out[span] = {ids[n] for n in c.entities}
    return out


def test_a_name_in_either_order_and_another_spelling(sdn_scanner: Scanner) -> None:
    assert PUTIN in _found(sdn_scanner, "a dit Vladimir Poutine.")["Vladimir Poutine"]
    assert PUTIN in _found(sdn_scanner, "said Putin Vladimir.")["Putin Vladimir"]
    assert PESKOV in _found(sdn_scanner, "sagte Dmitri Peskow.")["Dmitri Peskow"]


def test_russian_case_endings_are_tolerated(sdn_scanner: Scanner) -> None:
    assert PUTIN in _found(sdn_scanner, "встреча Владимира Путина")["Владимира Путина"]
    assert PESKOV in _found(sdn_scanner, "с Дмитрием Песковым")["Дмитрием Песковым"]


def test_an_acronym_only_in_capitals(sdn_scanner: Scanner) -> None:
    assert RDIF in _found(sdn_scanner, "according to RDIF officials")["RDIF"]
    assert _found(sdn_scanner, "according to rdif officials") == {}


def test_a_surname_or_a_first_name_alone_is_no_candidate(sdn_scanner: Scanner) -> None:
    assert _found(sdn_scanner, "M. Peskov a parlé. Vladimir aussi.") == {}


def test_common_words_do_not_trigger(sdn_scanner: Scanner) -> None:
    text = "les entreprises et les technologies modernes de la ville sont dans le fonds"
    assert _found(sdn_scanner, text) == {}


def test_persisted_and_read_back(sdn_scanner: Scanner, tmp_path: Path) -> None:
    built = Gazetteer.build(sdn_scanner.screener)
    from tamis.scan import gazetteer_build as module

    module._LOADED.clear()
    gazetteer(sdn_scanner.screener, tmp_path)
    assert list(tmp_path.glob("scan-*.gaz"))
    module._LOADED.clear()
    loaded = gazetteer(sdn_scanner.screener, tmp_path)
    assert loaded.names == built.names and loaded.vocab.keys == built.vocab.keys


def test_a_generic_word_alone_is_no_name(sdn_scanner: Scanner) -> None:
    """Words compared by meaning ("Banque" = bank) need a distinctive part beside them."""
    assert _found(sdn_scanner, "Les Banque et Investitionen des United") == {}


def test_a_description_of_generic_words_is_no_name(sdn_scanner: Scanner) -> None:
    assert _found(sdn_scanner, "the Iranian tanker sailed") == {}


def test_a_second_surname_may_be_left_out(sdn_scanner: Scanner) -> None:
    """The press writes "Nicolás Maduro" for MADURO MOROS, Nicolas."""
    assert "ofac-sdn:22790" in _found(sdn_scanner, "dijo Nicolás Maduro ayer")["Nicolás Maduro"]


def test_stop_words_inside_a_name(sdn_scanner: Scanner) -> None:
    assert "ofac-sdn:26367" in _found(sdn_scanner, "la Petróleos de Venezuela")[
        "Petróleos de Venezuela"
    ]


def test_vowels_of_a_transliteration_may_differ(sdn_scanner: Scanner) -> None:
    found = _found(sdn_scanner, "sagte Alexander Lukaschenko heute")
    assert "ofac-sdn:9760" in found["Alexander Lukaschenko"]


def test_a_single_word_of_a_longer_name_is_not_that_name(sdn_scanner: Scanner) -> None:
    """"Andreï Roublev" is a person, not the bank RUBLEV."""
    ws_text = "le joueur Andreï Roublev a gagné"
    ws = words(ws_text)
    gaz = sdn_scanner.gazetteer
    assert not gaz.find(ws, gaz.lookups(ws), ws_text)
