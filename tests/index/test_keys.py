"""Retrieval keys: which name parts can meet through the index."""

from __future__ import annotations

from tamis.index.keys import name_keys, query_groups, token_keys
from tamis.normalise import name_form, token


def keys_of(name: str, kind: str = "unk") -> set[str]:
    form = name_form(name, kind)
    assert form is not None
    return name_keys([form])


def query_keys(name: str, kind: str = "unk") -> set[str]:
    form = name_form(name, kind)
    assert form is not None
    return {key for group, _ in query_groups([form]) for key in group}


def test_a_number_is_a_key_of_its_own() -> None:
    assert "t:11420" in keys_of("11420 CORP.")
    assert token_keys(token("11420")) == ["t:11420"]


def test_a_legal_form_is_no_key() -> None:
    assert keys_of("11420 CORP.", "org") == {"t:11420"}


def test_transliteration_variants_share_the_spelling_key() -> None:
    assert keys_of("Dmitriy Peskov") & keys_of("Dmitry Peskov") >= {"k:" + token("dmitriy").key}


def test_other_scripts_are_keyed_in_latin_letters() -> None:
    assert "t:putin" in keys_of("Владимир Путин")


def test_a_one_letter_typo_shares_a_deletion_key() -> None:
    assert {k for k in keys_of("Vladimr") if k.startswith("d:")} & {
        k for k in keys_of("Vladimir") if k.startswith("d:")
    }


def test_parts_written_together_meet_the_joined_form() -> None:
    assert "t:abdulrahman" in keys_of("Abdul Rahman")
    assert "t:abdulrahman" in query_keys("Abdulrahman")


def test_an_initial_is_keyed_by_its_letter_and_met_by_first_letters() -> None:
    assert "i:v" in keys_of("V. Putin")
    assert keys_of("K. L. M.", "per") == {"i:k", "i:l", "i:m"}
    assert "i:k" in query_keys("Khalifa")


def test_a_part_repeated_in_the_query_is_one_group() -> None:
    form = name_form("Putin Putin", "per")
    assert form is not None
    assert len([g for g, joined in query_groups([form]) if not joined]) == 1
