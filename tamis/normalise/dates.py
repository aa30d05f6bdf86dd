"""Dates of birth (or incorporation) as written by people and lists, to comparable parts.

Accepts ISO dates, full or partial ("1975-04-12", "1975-04", "1975"), list styles
("12 Apr 1975", "Apr 1975", "April 12, 1975", "12.04.1975", "12/04/1975" day first unless
that is impossible), "circa 1975", and ranges ("1960 to 1962", "1960-1962") which stand for
every year in them. A `DatePart` keeps what is known: year, and month and day when given.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["DatePart", "parse_dates"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:t.*)?$")
_DMY_TEXT = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?[ -]{_MONTH_RE}[ ,-]+(\d{{4}})$")
_MDY_TEXT = re.compile(rf"^{_MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})$")
_MY_TEXT = re.compile(rf"^{_MONTH_RE}[ ,-]+(\d{{4}})$")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_RANGE = re.compile(r"^(\d{4})\s*(?:to|-|–|/)\s*(\d{4})$")
_CIRCA = re.compile(r"^(?:circa|ca\.?|c\.|approximately|approx\.?|about)\s*")


class DatePart(NamedTuple):
    """A possibly partial date: month and day are 0 when unknown."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def _make(year: int, month: int = 0, day: int = 0) -> DatePart | None:
    if not 1000 <= year <= 2999 or not 0 <= month <= 12 or not 0 <= day <= 31:
        return None
    if day and not month:
        return None
    return DatePart(year, month, day)


def parse_dates(text: str) -> list[DatePart]:
    """Every date a text may mean (one for a date, several for a range); [] if unreadable."""
    value = " ".join(text.strip().lower().split())
    value = _CIRCA.sub("", value)
    if m := _ISO.match(value):
        d = _make(int(m[1]), int(m[2] or 0), int(m[3] or 0))
        return [d] if d else []
    if m := _RANGE.match(value):
        start, end = int(m[1]), int(m[2])
        if start <= end <= start + 20:
            return [DatePart(y) for y in range(start, end + 1)]
        return []
    if m := _DMY_TEXT.match(value):
        d = _make(int(m[3]), _MONTHS[m[2]], int(m[1]))
    elif m := _MDY_TEXT.match(value):
        d = _make(int(m[3]), _MONTHS[m[1]], int(m[2]))
    elif m := _MY_TEXT.match(value):
        d = _make(int(m[2]), _MONTHS[m[1]])
    elif m := _NUMERIC.match(value):
        first, second = int(m[1]), int(m[2])
        if first <= 12 < second:  # must be month first
            first, second = second, first
        d = _make(int(m[3]), second, first)
    else:
        return []
    return [d] if d else []
