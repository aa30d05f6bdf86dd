"""Named-entity recognition with spaCy, where a trained pipeline for the language is installed.

NER finds the spans that name people and organisations whatever the lists hold, so names
the gazetteer cannot see (another spelling, an organisation named in the article's own
language) still reach the screening engine. Only the components NER needs are loaded,
once per language and process: ner, and the shared tok2vec only if ner listens to it
(fr_core_news_md's ner embeds its own; running the shared one cost 40% of NER's time for
nothing). spaCy is imported on first use only. With no pipeline installed for a language, NER is skipped (the
gazetteer still runs). thinc's default CPU matrix product (blis) is several times
slower than numpy's on the machines measured, and matrix products are most of NER's
time: the pipeline is loaded with numpy's product (same results, checked in tests).
NER's matrices are small: OpenBLAS's threads cost more than they save (measured: one
thread takes 2.3 times less CPU and less wall time than two on a French article), and
the scan runs one worker per core anyway, so BLAS is held to one thread while NER runs.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import time
from functools import cache
from typing import Any

__all__ = ["MODELS", "entities", "model_name", "windows"]

# Official spaCy pipelines per language, preferred first (md: the best speed/quality).
_KINDS = {"fr": "news", "en": "web", "de": "news", "es": "news", "it": "news", "pt": "news",
          "ru": "news", "uk": "news", "zh": "web"}
MODELS = {lang: tuple(f"{lang}_core_{kind}_{size}" for size in ("md", "sm", "lg"))
          for lang, kind in _KINDS.items()}  # fmt: skip
LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "MISC": "UNK"}
KEEP = {"tok2vec", "ner"}
CHUNK = 100_000  # characters per spaCy call (spaCy refuses texts beyond its max_length)


@cache
def model_name(lang: str | None) -> str | None:
    """The installed pipeline for a language, or None."""
    for name in MODELS.get(lang or "", ()):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def _fast_ops() -> Any:
    import numpy
    from thinc.api import NumpyOps

    class MatmulOps(NumpyOps):  # type: ignore[misc]
        """NumpyOps with numpy's matrix product (OpenBLAS) instead of blis."""

        name = "numpy"

        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False,
                 trans2: bool = False) -> Any:  # fmt: skip
            x = x.T if trans1 else x
            y = y.T if trans2 else y
            if out is None:
                return numpy.matmul(x, y)
            numpy.matmul(x, y, out=out)
            return out

    return MatmulOps()


_LOADING = [0.0]  # seconds spent loading pipelines in this process


def loading_seconds() -> float:
    """Seconds this process has spent loading NER pipelines (once per language): a scan's
    `seconds` leaves them out, so a first article does not look slow."""
    return _LOADING[0]


@cache
def _pipeline(name: str) -> Any:
    began = time.perf_counter()
    try:
        return _load(name)
    finally:
        _LOADING[0] += time.perf_counter() - began


def _load(name: str) -> Any:
    import spacy
    from thinc.api import get_current_ops, set_current_ops

    previous = get_current_ops()
    set_current_ops(_fast_ops())
    try:
        info = spacy.info(name)
        exclude = [p for p in info.get("components", info.get("pipeline", [])) if p not in KEEP]
        nlp = spacy.load(name, exclude=exclude)
    finally:
        set_current_ops(previous)
    shared = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
    if shared is not None and "ner" not in getattr(shared, "listening_components", ["ner"]):
        nlp.remove_pipe("tok2vec")  # ner embeds its own: the shared one would run for nothing
    return nlp


@cache
def _blas() -> Any:
    """threadpoolctl's controller of the loaded BLAS libraries, or None without it."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


def _one_thread() -> Any:
    """A context holding BLAS to one thread (a no-op without threadpoolctl)."""
    ctl = _blas()
    return contextlib.nullcontext() if ctl is None else ctl.limit(limits=1, user_api="blas")


def entities(text: str, lang: str | None,
             parts: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]] | None:  # fmt: skip
    """(start, end, label PER/ORG/UNK) of every person or organisation span NER finds;
    None when no pipeline is installed for the language. `parts`: only these (start,
    end) ranges of the text are read (NER is local: a paragraph reads the same alone)."""
    name = model_name(lang)
    if name is None:
        return None
    nlp = _pipeline(name)
    if parts is None:
        pieces = _chunks(text)
    else:
        pieces = [(a + off, piece) for a, b in parts for off, piece in _chunks(text[a:b])]
    out: list[tuple[int, int, str]] = []
    with _one_thread():
        docs = list(nlp.pipe([p for _, p in pieces]))
    for (offset, _), doc in zip(pieces, docs):
        for ent in doc.ents:
            label = LABELS.get(ent.label_)
            if label is not None:
                out.append((offset + ent.start_char, offset + ent.end_char, label))
    return out


_SENTENCE_END = re.compile(r"(?<=\w\w[.!?…])[\"»”’)]?\s+(?=[\"«“(]?[^\W\d_])|\n")
REACH = 200  # characters at most on either side of the word that asks for NER


def windows(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """The (start, end) ranges NER should read to judge the words at `offsets`: each
    one's sentence (a full stop after a word of two letters or fewer, "M." or "V.", does
    not end one), at most REACH characters either side, cut at spaces; overlapping
    ranges merged. NER reads a few words of context either way (spaCy's CNN: four
    tokens), so a sentence reads as it does in its paragraph, at a fraction of the cost."""
    out: list[tuple[int, int]] = []
    for at in sorted(offsets):
        if out and at < out[-1][1]:
            continue
        lo, hi = max(0, at - REACH), min(len(text), at + REACH)
        starts = [m.end() for m in _SENTENCE_END.finditer(text, lo, at)]
        a = starts[-1] if starts else (0 if lo == 0 else text.find(" ", lo, at) + 1 or lo)
        end = _SENTENCE_END.search(text, at, hi)
        b = end.start() if end else (hi if hi == len(text) else text.rfind(" ", at, hi))
        b = hi if b <= at else b
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _chunks(text: str) -> list[tuple[int, str]]:
    """The text cut at paragraph (else line) breaks into pieces spaCy accepts."""
    out, start = [], 0
    while len(text) - start > CHUNK:
        cut = text.rfind("\n\n", start, start + CHUNK)
        if cut <= start:
            cut = text.rfind("\n", start, start + CHUNK)
        if cut <= start:
            cut = start + CHUNK
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out
