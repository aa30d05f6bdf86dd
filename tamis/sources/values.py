"""Small value cleaners every parser shares, without importing followthemoney.

followthemoney takes 1-3 s to import (it builds its whole schema model), more than
parsing most lists; these give the same cleaned forms for the values lists carry:
ISO dates (`1975-04-12`, `1975-04`, `1975`) and FtM genders.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["clean_date", "clean_gender"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_GENDERS = {
    "male": "male", "m": "male", "man": "male",
    "female": "female", "f": "female", "woman": "female",
    "other": "other", "diverse": "other", "x": "other",
}


def clean_date(text: str | None) -> str | None:
    """An ISO date or prefix of one (`2012-12-31T00:00:00` -> `2012-12-31`), validated."""
    if text is None:
        return None
    m = _ISO.match(text.strip())
    if m is None:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not 1000 <= int(year) <= 2999:
        return None
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return year
    if day is None:
        return f"{year}-{int(month):02d}"
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return f"{year}-{int(month):02d}"


def clean_gender(text: str | None) -> str | None:
    if text is None:
        return None
    return _GENDERS.get(text.strip().lower())
