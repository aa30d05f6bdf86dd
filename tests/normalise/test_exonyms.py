"""Exonyms: well-known names whose renderings no rule derives."""

from __future__ import annotations

from tamis.normalise.exonyms import exonyms, word_names
from tamis.normalise.text import fold


def test_a_korean_name_in_chinese_characters_has_its_korean_rendering() -> None:
    assert exonyms(fold("金正恩")) == ("Kim Jong Un",)


def test_the_russian_rendering_of_a_korean_name_is_known() -> None:
    assert exonyms(fold("Ким Чен Ын")) == ("Kim Jong Un",)


def test_full_names_compose_from_known_pieces() -> None:
    assert exonyms(fold("弗拉基米尔·普京")) == ("Vladimir Putin",)
    assert exonyms(fold("ウラジーミル・プーチン")) == ("Vladimir Putin",)


def test_a_surname_the_press_writes_alone_stands_for_the_person() -> None:
    assert exonyms(fold("普京")) == ("Vladimir Putin",)
    assert exonyms(fold("弗拉基米尔·普京")) == ("Vladimir Putin",)  # not "Vladimir Vladimir Putin"
    from tamis.normalise.exonyms import unspaced_names

    assert "普京" in unspaced_names()  # two characters, but found inside Chinese text


def test_unknown_names_have_no_exonym() -> None:
    assert exonyms(fold("Vladimir Putin")) == ()
    assert exonyms(fold("普京 未知")) == ()


def test_names_without_spaces_for_scanning_chinese_text() -> None:
    from tamis.normalise.exonyms import unspaced_names

    names = unspaced_names()
    assert "金正恩" in names and "本" not in names
    assert list(names) == sorted(names, key=len, reverse=True)


def test_one_word_names_are_known_as_words_in_scripts_with_spaces() -> None:
    assert {"داعش", "daech", "daesh"} <= word_names()
    assert "普京" not in word_names()  # Han: found inside unspaced text instead
    assert "ким чен ын" not in word_names()  # several words
