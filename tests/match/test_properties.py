"""Property tests: the name score does not depend on order, case or diacritics."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tamis.match import compare

WORDS = ["vladimir", "putin", "dmitriy", "peskov", "maria", "gonzalez", "jose", "muller",
         "ahmed", "hassan", "olga", "ivanova", "bank", "melli", "acme", "john", "smith"]  # fmt: skip
DIACRITICS = {"a": "á", "e": "é", "o": "ö", "u": "ü", "i": "í", "n": "ñ", "c": "ç", "s": "š"}

names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4, unique=True)


def _score(a: str, b: str) -> float:
    return compare({"name": a}, {"name": b}).score


@settings(max_examples=60, deadline=None)
@given(names, names, st.randoms(use_true_random=False))
def test_name_order_does_not_matter(a: list[str], b: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(a)
    rnd.shuffle(shuffled)
    assert abs(_score(" ".join(a), " ".join(b)) - _score(" ".join(shuffled), " ".join(b))) < 1e-9


@settings(max_examples=60, deadline=None)
@given(names, names, st.lists(st.booleans(), min_size=40, max_size=40))
def test_case_does_not_matter(a: list[str], b: list[str], flips: list[bool]) -> None:
    text = " ".join(a)
    cased = "".join(c.upper() if f else c for c, f in zip(text, flips * 4))
    assert abs(_score(text, " ".join(b)) - _score(cased, " ".join(b))) < 1e-9


@settings(max_examples=60, deadline=None)
@given(names, names, st.lists(st.booleans(), min_size=40, max_size=40))
def test_diacritics_do_not_matter(a: list[str], b: list[str], flips: list[bool]) -> None:
    text = " ".join(a)
    marked = "".join(DIACRITICS.get(c, c) if f else c for c, f in zip(text, flips * 4))
    assert abs(_score(text, " ".join(b)) - _score(marked, " ".join(b))) < 1e-9


@settings(max_examples=60, deadline=None)
@given(names)
def test_a_name_matches_itself_exactly(a: list[str]) -> None:
    assert _score(" ".join(a), " ".join(a)) > 0.9
