"""What a scan returns: the listed parties an article names, each with its mentions.

The contract between the scanning pipeline (`tamis.scan.pipeline`), the file reader
(`tamis.scan.files`) and the renderers (terminal, JSON, HTML). `ScanResult.to_dict()` is
the `--json` document: `{"entities": [{"id", "caption", "score", "mentions": [{"text",
"start", "end"}], "explanation"}], "language": ...}`, one entry per listed party.
Offsets are character offsets into `ScanResult.text` (the text that was scanned: the
extracted article body for HTML).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Mention", "Party", "ScanResult"]

# How a mention was found.
NER, GAZETTEER, COREF = "ner", "gazetteer", "coref"


@dataclass(frozen=True)
class Mention:
    """A span of the text that names (or may name) a person or an organisation."""

    text: str
    start: int
    end: int
    label: str = "UNK"  # PER, ORG or UNK
    how: str = GAZETTEER  # ner, gazetteer or coref

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "label": self.label, "how": self.how}  # fmt: skip


@dataclass
class Party:
    """One listed entity the text names, once, with every mention of it."""

    id: str
    caption: str
    schema: str | None
    score: float
    mentions: list[Mention]
    explanation: dict[str, Any]  # the Match explanation of its best mention (to_dict form)
    source: str = ""  # the list it is on (ofac-sdn, un-sc, ...)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "caption": self.caption,
            "schema": self.schema,
            "source": self.source,
            "score": round(self.score, 4),
            "mentions": [m.to_dict() for m in self.mentions],
            "explanation": self.explanation,
        }


@dataclass
class ScanResult:
    """One article, scanned."""

    text: str
    language: str | None  # ISO 639-1 ("fr"), None when undetermined
    parties: list[Party] = field(default_factory=list)  # best first
    mentions: list[Mention] = field(default_factory=list)  # every span looked at
    source: str = "-"  # the file path, or "-" for stdin / a string
    format: str = "txt"  # txt, md, html
    truncated: bool = False  # True when the input was cut (see `notes`)
    notes: list[str] = field(default_factory=list)  # what a reader should know
    # the article's time: reading and extraction (files), scanning; never the one-time
    # load of an NER model (tamis.scan.ner.loading_seconds), which the first article meets
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "language": self.language,
            "entities": [p.to_dict() for p in self.parties],
            "mentions": [m.to_dict() for m in self.mentions],
            "truncated": self.truncated,
            "notes": list(self.notes),
            "seconds": round(self.seconds, 4),
        }
