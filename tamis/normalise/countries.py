"""Countries as lower-case ISO 3166 alpha-2 codes (FtM's form), from codes or names.

Delegates to the shared table of `tamis.resources.countries` (the same answers as
followthemoney's country cleaner, which knows codes, English and native names - "Russia",
"Russian Federation", "Россия" -> "ru" - but without its multi-second start-up cost).
"""

from __future__ import annotations

from tamis.resources.countries import country_code

__all__ = ["country_code"]
