"""Reading a user's labelled queries: one CSV row per query, with the list id it must find.

A compliance team brings its own test evidence: names it knows are listed (with the list
id they must hit) and names it knows are not (expected id left empty). Columns, in any
order, header required (case-insensitive):

    query (or query_name, name)   required: the name to screen
    expected_id (or expected)     the list id(s) it must find, `;` or `|` between several;
                                  empty = must not match anything
    schema, birth_date, country   optional facts passed to the screen
    list, script, kind            optional labels to group the report by

Bad input is reported as `SourceErrors` naming file, line and column, all at once.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tamis.errors import SourceError
from tamis.sources.base import Problems, read_text

__all__ = ["SCHEMATA", "LabelledRow", "detect_script", "read_labelled"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "query": ("query", "query_name", "name"),
    "expected_id": ("expected_id", "expected", "expected_ids"),
    "schema": ("schema",),
    "birth_date": ("birth_date", "birthdate", "dob"),
    "country": ("country",),
    "list": ("list",),
    "script": ("script",),
    "kind": ("kind",),
}
REQUIRED = ("query", "expected_id")
SCHEMATA = frozenset(
    {"Person", "Organization", "Company", "LegalEntity", "Vessel", "Airplane", "Aircraft",
     "PublicBody"}
)
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ID_SPLIT = re.compile(r"[;|]")
NOT_LISTED = "(not listed)"

# First word of a letter's Unicode name -> the script name reports use.
_SCRIPT_WORDS = {
    "LATIN": "Latin", "CYRILLIC": "Cyrillic", "ARABIC": "Arabic", "GREEK": "Greek",
    "HEBREW": "Hebrew", "CJK": "Han", "HIRAGANA": "Kana", "KATAKANA": "Kana",
    "HANGUL": "Hangul", "GEORGIAN": "Georgian", "ARMENIAN": "Armenian",
    "DEVANAGARI": "Devanagari", "THAI": "Thai", "BENGALI": "Bengali", "TAMIL": "Tamil",
    "SYRIAC": "Syriac", "THAANA": "Thaana", "ETHIOPIC": "Ethiopic", "KHMER": "Khmer",
    "MYANMAR": "Myanmar", "LAO": "Lao", "TIBETAN": "Tibetan", "MONGOLIAN": "Mongolian",
}


def detect_script(text: str) -> str:
    """The script most of a name's letters are written in (`Latin`, `Arabic`, `Han`...)."""
    counts: Counter[str] = Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        word = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
        counts[_SCRIPT_WORDS.get(word, word.title())] += 1
    if not counts:
        return "Unknown"
    return counts.most_common(1)[0][0]


@dataclass(frozen=True)
class LabelledRow:
    """One labelled query: what to screen, and which list ids it must find (none = no hit)."""

    query: str
    expected: tuple[str, ...] = ()
    schema: str | None = None
    birth_date: str | None = None
    country: str | None = None
    list: str | None = None
    script: str | None = None
    kind: str | None = None
    line: int | None = None

    @property
    def is_positive(self) -> bool:
        return bool(self.expected)

    def to_query(self) -> dict[str, Any]:
        """The mapping `tamis.screen` takes (`name` and the facts given)."""
        query: dict[str, Any] = {"name": self.query}
        for key in ("schema", "birth_date", "country"):
            value = getattr(self, key)
            if value:
                query[key] = value
        return query

    def group(self, dimension: str) -> str:
        """The row's label for a report breakdown: list, schema, script or kind."""
        if dimension == "list":
            if self.list:
                return self.list
            if self.expected:
                head = self.expected[0]
                return head.split(":", 1)[0] if ":" in head else "(no prefix)"
            return NOT_LISTED
        if dimension == "script":
            return self.script or detect_script(self.query)
        value = getattr(self, dimension)
        return value or "(none)"


def _header_map(header: list[str], problems: Problems) -> dict[str, int]:
    """Canonical column name -> position; unknown columns are ignored, duplicates are errors."""
    found: dict[str, int] = {}
    for pos, raw in enumerate(header):
        name = raw.strip().lstrip("\ufeff").lower()
        for canon, names in COLUMNS.items():
            if name in names:
                if canon in found:
                    problems.add(f"column {canon!r} given twice", line=1, field=raw.strip())
                found[canon] = pos
    for canon in REQUIRED:
        if canon not in found:
            names = " or ".join(repr(n) for n in COLUMNS[canon])
            problems.add(f"missing required column {names}", line=1, field=canon)
    return found


def _row(values: list[str], cols: dict[str, int], line: int, problems: Problems) -> LabelledRow | None:
    def get(canon: str) -> str | None:
        pos = cols.get(canon)
        if pos is None or pos >= len(values):
            return None
        return " ".join(values[pos].split()) or None

    before = len(problems.errors)
    query = get("query")
    if not query:
        problems.add("empty query name", line=line, field="query")
    expected = tuple(x.strip() for x in ID_SPLIT.split(get("expected_id") or "") if x.strip())
    schema = get("schema")
    if schema and schema not in SCHEMATA:
        problems.add(
            f"unknown schema {schema!r} (one of {', '.join(sorted(SCHEMATA))})",
            line=line, field="schema",
        )
    birth_date = get("birth_date")
    if birth_date and not DATE.match(birth_date):
        problems.add(
            f"birth date {birth_date!r} is not YYYY, YYYY-MM or YYYY-MM-DD",
            line=line, field="birth_date",
        )
    if len(problems.errors) > before or not query:
        return None
    return LabelledRow(
        query=query, expected=expected, schema=schema, birth_date=birth_date,
        country=get("country"), list=get("list"), script=get("script"), kind=get("kind"),
        line=line,
    )


def read_labelled(path: str | Path) -> list[LabelledRow]:
    """Parse a labelled CSV (comma, semicolon or tab separated; UTF-8 or cp1252)."""
    path = Path(path)
    text = read_text(path)
    if not text.strip():
        raise SourceError(path, "empty file: expected a header row with 'query' and 'expected_id'")
    first = text.splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    problems = Problems(path)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    rows: list[LabelledRow] = []
    try:
        header = next(reader)
        cols = _header_map(header, problems)
        problems.raise_if_any()
        for values in reader:
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                problems.add(
                    f"{len(values)} fields but the header has {len(header)}", line=line
                )
                continue
            row = _row(values, cols, line, problems)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        problems.add(f"malformed CSV: {exc}", line=reader.line_num)
    problems.raise_if_any()
    if not rows:
        raise SourceError(path, "no labelled rows after the header", line=2)
    return rows
