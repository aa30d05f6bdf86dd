"""The gazetteer: listed names found in an article's words, any order, inflection and
spelling tolerated, common words never."""

from __future__ import annotations

from pathlib import Path

from tamis.scan import Scanner
from tamis.scan.gazetteer import Gazetteer, gazetteer
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
    from tamis.scan import gazetteer as module

    module._LOADED.clear()
    gazetteer(sdn_scanner.screener, tmp_path)
    assert list(tmp_path.glob("scan-*.gaz"))
    module._LOADED.clear()
    loaded = gazetteer(sdn_scanner.screener, tmp_path)
    assert loaded.names == built.names and loaded.vocab.keys == built.vocab.keys
