"""Candidate retrieval: from a query's normalised names to the few list entries worth
scoring. Works on `tamis.normalise` name forms only (the scorer lives in `tamis.match`).

    builder = IndexBuilder(); builder.add("ofac-sdn:35096", forms); index = builder.build()
    index.search(query_forms, limit=40)   # -> [(entity number, pre-score), ...]
"""

from tamis.index.brute import Vocabulary, brute_force
from tamis.index.inverted import Index, IndexBuilder
from tamis.index.keys import name_keys, name_parts, query_groups, token_keys

__all__ = [
    "Index",
    "IndexBuilder",
    "Vocabulary",
    "brute_force",
    "name_keys",
    "name_parts",
    "query_groups",
    "token_keys",
]
