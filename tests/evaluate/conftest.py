"""A tiny real screen for the evaluation tests: rapidfuzz token-sort over a few list names.

The names are real list entries (OFAC SDN, UN); the scorer is deliberately naive, so the
tests are about counting, not about matching quality.
"""

from __future__ import annotations

from typing import Any

import pytest
from rapidfuzz import fuzz, utils

LIST = {
    "ofac-sdn:35096": ["PUTIN, Vladimir Vladimirovich"],
    "ofac-sdn:35105": ["PESKOV, Dmitry Sergeyevich"],
    "ofac-sdn:306": ["BANCO NACIONAL DE CUBA", "BNC"],
    "un-sc:IQi.001": ["SADDAM HUSSEIN AL-TIKRITI"],
}


def rapidfuzz_screen(query: dict[str, Any]) -> list[tuple[str, float]]:
    """Every entity scored by its best name's token-sort ratio, in [0, 1], best first."""
    scored = [
        (ident, max(fuzz.token_sort_ratio(query["name"], n, processor=utils.default_process)
                    for n in names) / 100)
        for ident, names in LIST.items()
    ]
    return sorted(scored, key=lambda p: -p[1])


@pytest.fixture
def screen() -> Any:
    return rapidfuzz_screen


@pytest.fixture
def write(tmp_path: Any) -> Any:
    """Write a labelled CSV (text or bytes) and return its path."""

    def _write(content: str | bytes, name: str = "labelled.csv") -> Any:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
