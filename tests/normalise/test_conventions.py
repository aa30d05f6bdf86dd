"""Romanisation conventions: a part written in another language's convention gets the key
the English-convention spelling of the lists has."""

from __future__ import annotations

import pytest

from tamis.normalise.conventions import agreement, convention_keys
from tamis.normalise.translit import spelling_key


def keys(part: str) -> set[str]:
    return {spelling_key(part)} | {k for k, _ in convention_keys(part)}


@pytest.mark.parametrize(
    "foreign, english, label",
    [
        ("poutine", "putin", "French"),
        ("khrouchtchev", "khrushchev", "French"),
        ("chostakovitch", "shostakovich", "French"),
        ("joukov", "zhukov", "French"),
        ("chruschtschow", "khrushchev", "German"),
        ("jelzin", "yeltsin", "German"),
        ("chodorkowski", "khodorkovski", "German"),
        ("sjuganow", "zyuganov", "German"),  # German writes з as s
        ("grosny", "grozny", "German"),
        ("jruschov", "khrushchev", "Spanish"),
        ("jamenei", "khamenei", "Spanish"),
        ("chruszczow", "khrushchev", "Polish"),
        ("miedwiediew", "medvedev", "Polish"),
        ("poetin", "putin", "Dutch"),
        ("tsjernov", "chernov", "Dutch"),
        ("gheddafi", "geddafi", "Italian"),
    ],
)
def test_european_press_spellings_meet_the_english_key(
    foreign: str, english: str, label: str
) -> None:
    hits = dict(convention_keys(foreign))
    key = spelling_key(english)
    assert key in hits and label in hits[key]


@pytest.mark.parametrize(
    "wade_giles, pinyin",
    [
        ("chang", "zhang"),
        ("chien", "jian"),
        ("hsi", "xi"),
        ("teng", "deng"),
        ("tse", "ze"),
        ("tung", "dong"),
        ("shih", "shi"),
        ("hsiao", "xiao"),
        ("chou", "zhou"),
    ],
)
def test_wade_giles_syllables_meet_their_pinyin(wade_giles: str, pinyin: str) -> None:
    assert spelling_key(pinyin) in keys(wade_giles)


@pytest.mark.parametrize(
    "other, listed",
    [("gim", "kim"), ("jeong", "jong"), ("eun", "un"), ("chong", "jong"), ("bak", "pak")],
)
def test_korean_romanisations_meet_the_lists_spelling(other: str, listed: str) -> None:
    assert spelling_key(listed) in keys(other)


@pytest.mark.parametrize(
    "a, b",
    [
        ("medwedew", "medvedev"),
        ("tschernow", "chernov"),
        ("dmitriy", "dmitrii"),
        ("abdel", "abdul"),
    ],
)
def test_variants_the_spelling_key_already_folds_need_no_convention_key(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)


def test_only_keys_other_than_the_parts_own_are_given() -> None:
    assert convention_keys("putin") == ()
    assert all(k != spelling_key("poutine") for k, _ in convention_keys("poutine"))


def test_different_names_do_not_meet() -> None:
    assert spelling_key("potanin") not in keys("poutine")
    assert spelling_key("putin") not in keys("potanin")


def test_conventions_apply_only_to_their_own_spellings() -> None:
    # a Dutch reading needs a Dutch spelling (oe, sj, tsj); a Korean one, a Korean syllable
    assert not any("Dutch" in label for _, label in convention_keys("najim"))
    assert not any("Korean" in label for _, label in convention_keys("leonid"))
    # short parts are too ambiguous for the European conventions
    assert not any("French" in label for _, label in convention_keys("chen"))


def test_agreement_names_the_convention_for_explanations() -> None:
    assert agreement("poutine", "putin") == "French transliteration"
    assert agreement("putin", "poutine") == "French transliteration"
    assert agreement("wladimir", "vladimir") == "German transliteration"
    assert agreement("potanin", "putin") is None
