"""Dates, countries and identifiers in comparable form."""

from __future__ import annotations

import pytest

from tamis.normalise import DatePart, clean_id, country_code, id_shape, ids_match, parse_dates


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1952-10-07", DatePart(1952, 10, 7)),
        ("1952-10", DatePart(1952, 10)),
        ("1952", DatePart(1952)),
        ("07 Oct 1952", DatePart(1952, 10, 7)),
        ("12 April 1975", DatePart(1975, 4, 12)),
        ("Apr 1975", DatePart(1975, 4)),
        ("April 12, 1975", DatePart(1975, 4, 12)),
        ("12.04.1975", DatePart(1975, 4, 12)),
        ("04/25/1975", DatePart(1975, 4, 25)),
        ("circa 1960", DatePart(1960)),
    ],
)
def test_dates_as_people_and_lists_write_them(text: str, expected: DatePart) -> None:
    assert parse_dates(text) == [expected]


def test_a_range_stands_for_every_year_in_it() -> None:
    assert parse_dates("1960 to 1962") == [DatePart(1960), DatePart(1961), DatePart(1962)]


@pytest.mark.parametrize("text", ["sometime", "1975-13-01", "32 Jan 1975", ""])
def test_unreadable_dates_give_nothing(text: str) -> None:
    assert parse_dates(text) == []


@pytest.mark.parametrize(
    "text, code",
    [("ru", "ru"), ("RU", "ru"), ("Russia", "ru"), ("Russian Federation", "ru"), ("Россия", "ru"),
     ("United Kingdom", "gb"), ("iran", "ir")],
)  # fmt: skip
def test_countries_from_codes_or_names(text: str, code: str) -> None:
    assert country_code(text) == code


def test_unknown_country_is_none() -> None:
    assert country_code("Narnia") is None


def test_identifiers_fold_to_letters_and_digits() -> None:
    assert clean_id("IMO 9116412") == "9116412"
    assert clean_id("7703-425-673") == "7703425673"
    assert clean_id("a-1") is None


def test_identifier_shapes_and_matching() -> None:
    assert id_shape("AB1234567") == "A2D7"
    assert ids_match("RU721123760", "721123760")
    assert not ids_match("123", "9123")
