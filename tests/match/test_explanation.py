"""Explanations: which parts matched which, of what kind, and what each fact did."""

from __future__ import annotations

import json

from tamis.match import FEATURES, compare
from tamis.model.entity import Entity


def _parts(match):  # type: ignore[no-untyped-def]
    return {(p.query, p.candidate): p for p in match.explanation.name.parts}


def test_name_parts_are_aligned_with_their_kind(putin: Entity) -> None:
    m = compare({"name": "V. Putin"}, putin)
    parts = _parts(m)
    assert parts[("putin", "putin")].kind == "exact"
    assert parts[("v", "vladimir")].kind == "initial"
    assert parts[(None, "vladimirovich")].kind == "missing"
    assert parts[(None, "vladimirovich")].role == "patronymic"


def test_script_and_spelling_transliterations_are_named(putin: Entity, peskov: Entity) -> None:
    parts = _parts(compare({"name": "Владимир Путин"}, putin))
    putin_part = parts[("путин", "putin")]
    assert (putin_part.kind, putin_part.rule, putin_part.query_latin) == (
        "transliteration",
        "script",
        "putin",
    )
    dmitri = _parts(compare({"name": "Dmitri Peskov"}, peskov))[("dmitri", "dmitriy")]
    assert (dmitri.kind, dmitri.rule) == ("transliteration", "spelling")


def test_variant_typo_and_phonetic_kinds() -> None:
    entity = Entity("t:1", "Person", {"name": ["HUSSEIN, Mohammed Abdullah"]})
    parts = _parts(compare({"name": "Muhammad Abdulah Husein"}, entity))
    assert parts[("muhammad", "mohammed")].rule == "variant"
    assert parts[("abdulah", "abdullah")].kind in ("transliteration", "typo", "phonetic")
    assert parts[("husein", "hussein")].kind in ("transliteration", "typo", "phonetic")


def test_joined_parts_are_recognised() -> None:
    entity = Entity("t:2", "Person", {"name": ["ABDULRAHMAN, Khalid"]})
    m = compare({"name": "Khalid Abdul Rahman"}, entity)
    assert m.match
    kinds = {p.kind for p in m.explanation.name.parts}
    assert "joined" in kinds


def test_facts_report_their_effect_on_the_score(putin: Entity) -> None:
    m = compare({"name": "Vladimir Putin", "birth_date": "1960", "country": "ru"}, putin)
    effects = {f.feature: f for f in m.explanation.features}
    assert effects["birth_date"].effect < 0 < effects["country"].effect
    assert "1960" in effects["birth_date"].reason
    assert set(effects) <= set(FEATURES)


def test_explanation_is_json_and_readable(putin: Entity) -> None:
    m = compare({"name": "Владимир Путин", "birth_date": "1952"}, putin)
    data = json.loads(json.dumps(m.to_dict(), ensure_ascii=False))
    assert data["id"] == "ofac-sdn:35096"
    assert data["match"] is True
    assert data["explanation"]["name"]["parts"][0]["kind"] == "transliteration"
    text = m.explanation.render()
    assert "MATCH" in text and "путин (putin)" in text and "birth_date" in text
    assert str(m.explanation) == text


def test_an_unrelated_name_lists_every_part_as_missing(acme: Entity) -> None:
    m = compare({"name": "Vladimir Putin"}, acme)
    kinds = {p.kind for p in m.explanation.name.parts}
    assert kinds == {"missing"}
