"""Reading articles for `tamis scan`: text, Markdown and HTML, from files, folders or stdin.

`read_document` gives one article's text (decoded and converted by `tamis.scan.decode`);
`scan_paths` scans files and folders, going on after a bad file (several files on a pool of
forked workers that share the loaded lists). Inputs above
`STREAM_BYTES` are scanned in paragraph-aligned chunks, offsets shifted and parties merged by
id, so memory stays bounded on a 50 MB text. Bad input is a `DocumentError` naming the file.
"""

from __future__ import annotations

import codecs
import gc
import multiprocessing as mp
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from tamis.errors import SourceError
from tamis.scan import ner
from tamis.scan.decode import (
    DocumentError,
    check_text,
    convert,
    decode,
    detect_encoding,
    sniff_format,
)
from tamis.scan.result import Mention, Party, ScanResult

__all__ = ["SUFFIXES", "Document", "DocumentError", "default_workers", "expand_paths",
           "read_document", "scan_file", "scan_paths"]  # fmt: skip

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
            ".html": "html", ".htm": "html", ".xhtml": "html"}  # fmt: skip
STREAM_BYTES = 1 << 20  # larger inputs are scanned chunk by chunk (NER models cap ~1M chars)
READ_LIMIT = 64 << 20  # `read_document` refuses more: it returns the whole text
HTML_LIMIT = 16 << 20  # extracting an article from a bigger page is not sensible
CHUNK_CHARS = 64 * 1024  # pieces scanned at once: the pipeline is fastest on small texts
KEEP_CHARS = 256 * 1024  # text a streamed result keeps for renderers
MAX_MENTIONS = 10_000  # per party, and unlinked, in a streamed result


@dataclass
class Document:
    """An article's text ready to scan, and how it was obtained."""

    text: str
    source: str
    format: str  # txt, md, html
    encoding: str
    notes: list[str] = field(default_factory=list)


class Scans(Protocol):
    def scan(self, text: str, *, fast: bool = False, language: str | None = None,
             threshold: float | None = None) -> ScanResult: ...  # fmt: skip


# -- reading ------------------------------------------------------------------


def _open(path: Path | str) -> tuple[BinaryIO, str, str | None]:
    """(binary stream, name shown, format from the suffix)."""
    if str(path) == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            raise DocumentError("-", "no standard input to read")
        return stdin, "-", None
    p = Path(path)
    if p.is_dir():
        raise DocumentError(p, "is a folder (tamis scan takes folders; read_document files)")
    try:
        return open(p, "rb"), str(p), SUFFIXES.get(p.suffix.lower())
    except FileNotFoundError:
        raise DocumentError(p, "no such file") from None
    except OSError as exc:
        raise DocumentError(p, f"cannot read: {exc.strerror or exc}") from None


def _read(fh: BinaryIO, size: int, name: str) -> bytes:
    try:
        return fh.read(size)
    except OSError as exc:
        raise DocumentError(name, f"cannot read: {exc.strerror or exc}") from None


def _document(data: bytes, name: str, fmt: str | None) -> Document:
    if not data:
        raise DocumentError(name, "empty file: nothing to scan")
    encoding, notes = detect_encoding(data, name, complete=True)
    raw = decode(data, encoding, name)
    if not raw.strip():
        raise DocumentError(name, "no text (only whitespace): nothing to scan")
    if fmt is None:
        fmt = sniff_format(raw)
        notes.append(f"read as {fmt} (from its content)")
    if fmt == "html" and len(data) > HTML_LIMIT:
        raise DocumentError(name, f"HTML page of {len(data) >> 20} MB: too large to extract an "
                                  "article from (save its text as .txt)")  # fmt: skip
    text, more = convert(raw, fmt)
    if not text.strip():
        raise DocumentError(name, f"no text found in this {fmt} file: nothing to scan")
    return Document(text, name, fmt, encoding, notes + more)


def read_document(path: Path | str) -> Document:
    """One article, decoded and converted ("-" = stdin); `DocumentError` when it can't be."""
    fh, name, fmt = _open(path)
    try:
        data = _read(fh, READ_LIMIT + 1, name)
    finally:
        if name != "-":
            fh.close()
    if len(data) > READ_LIMIT:
        raise DocumentError(name, f"larger than {READ_LIMIT >> 20} MB: too large to read whole "
                                  "(tamis scan streams it)")  # fmt: skip
    return _document(data, name, fmt)


# -- scanning ------------------------------------------------------------------------------


def expand_paths(paths: Iterable[Path | str],
                 on_error: Callable[[SourceError], None] | None = None) -> list[Path | str]:  # fmt: skip
    """Files as given; a folder becomes its article files (.txt, .md, .html...), sorted,
    subfolders included, hidden ones skipped. A folder without any: `on_error` or raise."""
    out: list[Path | str] = []
    for path in paths:
        p = Path(path)
        if str(path) != "-" and p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES
                           and f.is_file() and not any(part.startswith(".")
                                                       for part in f.relative_to(p).parts))  # fmt: skip
            if not found:
                error = DocumentError(p, "no .txt, .md or .html file in this folder")
                if on_error is None:
                    raise error
                on_error(error)
            out.extend(found)
        else:
            out.append(path)
    return out


def default_workers() -> int:
    """Processes for scanning many files: the cores this process may use, at most
    `MAX_WORKERS` (each forked worker shares the loaded lists; an NER model loads in each)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def scan_paths(paths: Iterable[Path | str], scanner: Scans, *, fast: bool = False,
               language: str | None = None, threshold: float | None = None,
               on_error: Callable[[SourceError], None] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               workers: int = 1) -> Iterator[ScanResult]:  # fmt: skip
    """Scan files and folders, results in the order of the files. A bad file calls
    `on_error` and the next goes on (without `on_error` it raises); `progress(done, total,
    name)` follows along. With `workers` > 1 and several files, the files are scanned by a
    pool of forked processes sharing `scanner` (where the platform can fork)."""
    files = expand_paths(paths, on_error)
    options: dict[str, Any] = {"fast": fast, "language": language, "threshold": threshold}
    parallel = (workers > 1 and len(files) >= MIN_PARALLEL and "-" not in map(str, files)
                and "fork" in mp.get_all_start_methods())  # fmt: skip
    outcomes = (_pooled(files, scanner, options, workers) if parallel
                else (_outcome(path, scanner, options) for path in files))
    for n, path in enumerate(files):
        if progress is not None:  # before the file's outcome is awaited: the one at work
            progress(n, len(files), str(path))
        outcome = next(outcomes)
        if isinstance(outcome, SourceError):
            if on_error is None:
                raise outcome
            on_error(outcome)
        else:
            yield outcome
    if progress is not None and files:
        progress(len(files), len(files), "")


MAX_WORKERS = 8
MIN_PARALLEL = 4  # fewer files are scanned in this process: a pool costs more than it gives
_POOLED: tuple[Scans, dict[str, Any]] | None = None  # what the forked workers inherit


def _outcome(path: Path | str, scanner: Scans, options: dict[str, Any]
             ) -> ScanResult | SourceError:  # fmt: skip
    """A file's result, or the error that stopped it (returned: it crosses processes)."""
    try:
        return scan_file(path, scanner, **options)
    except SourceError as exc:
        return exc


def _pooled_one(path: Path | str) -> ScanResult | SourceError:
    assert _POOLED is not None
    return _outcome(path, *_POOLED)


def _pooled(files: list[Path | str], scanner: Scans, options: dict[str, Any],
            workers: int) -> Iterator[ScanResult | SourceError]:  # fmt: skip
    """Outcomes in file order from a pool of forked workers that share the loaded scanner
    (out of the collector's sight, so the workers do not copy its pages by walking them)."""
    global _POOLED
    _POOLED = (scanner, options)
    gc.collect()
    gc.freeze()
    try:
        with mp.get_context("fork").Pool(min(workers, len(files))) as pool:
            yield from pool.imap(_pooled_one, files, chunksize=1)
    finally:
        gc.unfreeze()
        _POOLED = None


def scan_file(path: Path | str, scanner: Scans, *, fast: bool = False,
              language: str | None = None, threshold: float | None = None) -> ScanResult:  # fmt: skip
    """One article scanned; a long one in bounded chunks (over `STREAM_BYTES` of text: an
    HTML page is read whole up to `HTML_LIMIT`, as extraction needs the whole page)."""
    start, loaded = time.perf_counter(), ner.loading_seconds()
    options: dict[str, Any] = {"fast": fast, "language": language, "threshold": threshold}
    fh, name, fmt = _open(path)
    try:
        head = _read(fh, STREAM_BYTES + 1, name)
        big = len(head) > STREAM_BYTES
        if big and (fmt or sniff_format(head[:8192].decode("utf-8", "replace"))) == "html":
            head += _read(fh, HTML_LIMIT + 1 - len(head), name)
            big = False
        if big:
            result = _scan_stream(fh, head, name, fmt, scanner, options)
        else:
            doc = _document(head, name, fmt)
            if len(doc.text) > STREAM_BYTES:
                result = _scan_pieces(_split(doc.text), "", name, doc.format, scanner, options)
                result.notes[:0] = doc.notes
            else:
                result = scanner.scan(doc.text, **options)
                result.source, result.format = name, doc.format
                result.notes = doc.notes + list(result.notes)
    finally:
        if name != "-":
            fh.close()
    # the article's whole time (reading, decoding, extraction, scan), as in Scanner.scan
    # less a model's first load
    result.seconds = time.perf_counter() - start - (ner.loading_seconds() - loaded)
    return result


def _cut(text: str, size: int) -> int:
    """Where to end a chunk of about `size` characters: a paragraph, line, sentence or word
    boundary in its second half, else `size`."""
    for sep in ("\n\n", "\n", ". ", " "):
        at = text.rfind(sep, size // 2, size)
        if at >= 0:
            return at + len(sep)
    return size


def _split(text: str) -> Iterator[str]:
    """A text already in memory, in chunks of about CHUNK_CHARS cut at boundaries."""
    while text:
        cut = _cut(text, CHUNK_CHARS) if len(text) > CHUNK_CHARS else len(text)
        yield text[:cut]
        text = text[cut:]


def _pieces(fh: BinaryIO, head: bytes, encoding: str, name: str,
            stats: Counter[str]) -> Iterator[str]:  # fmt: skip
    """The decoded text in chunks of about CHUNK_CHARS, cut at boundaries, CRLF normalised;
    undecodable bytes become U+FFFD (counted in `stats`)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending, data = "", head
    while True:
        final = not data
        pending += decoder.decode(data, final=final)
        while len(pending) > CHUNK_CHARS or (final and pending):
            cut = _cut(pending, CHUNK_CHARS) if len(pending) > CHUNK_CHARS else len(pending)
            if pending[cut - 1 : cut + 1] == "\r\n":
                cut += 1
            piece = pending[:cut].replace("\r\n", "\n")
            stats["replaced"] += piece.count("\ufffd")
            yield piece
            pending = pending[cut:]
        if final:
            return
        data = _read(fh, 1 << 20, name)


def _scan_stream(fh: BinaryIO, head: bytes, name: str, fmt: str | None, scanner: Scans,
                 options: dict[str, Any]) -> ScanResult:  # fmt: skip
    """A file too long to hold: decoded, converted and scanned piece by piece."""
    encoding, notes = detect_encoding(head, name, complete=False)
    check_text(head[: 1 << 16].decode(encoding, errors="replace"), name)
    fmt = fmt or sniff_format(head[:8192].decode(encoding, errors="replace"))
    stats: Counter[str] = Counter()
    pieces = _pieces(fh, head, encoding, name, stats)
    texts = (convert(p, fmt)[0] for p in pieces) if fmt == "md" else pieces
    result = _scan_pieces(texts, "\n\n" if fmt == "md" else "", name, fmt, scanner, options)
    result.notes[:0] = notes
    if stats["replaced"]:
        result.notes.append(f"{stats['replaced']:,} undecodable bytes replaced by U+FFFD")
    return result


def _scan_pieces(texts: Iterable[str], sep: str, name: str, fmt: str, scanner: Scans,
                 options: dict[str, Any]) -> ScanResult:  # fmt: skip
    """Scan piece by piece, shifting offsets and merging parties by id; keep little text.
    The whole text is the pieces joined by `sep`."""
    parties: dict[str, Party] = {}
    mentions: list[Mention] = []
    languages: Counter[str] = Counter()
    found_notes: dict[str, None] = {}
    kept: list[str] = []
    offset = kept_len = chunks = scanned = dropped = 0
    for text in texts:
        chunks += 1
        if text.strip():
            scanned += 1
            r = scanner.scan(text, **options)
            languages[r.language or ""] += len(text)
            found_notes.update((n, None) for n in r.notes[:20] if len(found_notes) < 20)
            dropped += _merge(parties, mentions, r, offset)
        if kept_len < KEEP_CHARS:
            kept.append((text + sep)[: KEEP_CHARS - kept_len])
            kept_len += len(kept[-1])
        offset += len(text) + len(sep)
    if not scanned:
        raise DocumentError(name, "no text (only whitespace): nothing to scan")
    total = offset - len(sep)
    note = (f"long text ({total:,} characters): scanned in {chunks} chunks of about "
            f"{CHUNK_CHARS // 1024} K characters; `text` holds its first {kept_len:,} "
            "characters, mention offsets are into the whole text; short forms are only "
            "resolved within a chunk")  # fmt: skip
    notes = [note]
    if dropped:
        notes.append(f"{dropped:,} further mentions not kept (at most {MAX_MENTIONS:,} each)")
    language = languages.most_common(1)[0][0] or None
    return ScanResult("".join(kept), language, sorted(parties.values(), key=lambda p: -p.score),
                      mentions, name, fmt, True, notes + list(found_notes))  # fmt: skip


def _merge(parties: dict[str, Party], mentions: list[Mention], r: ScanResult,
           offset: int) -> int:  # fmt: skip
    """Add a chunk's parties and mentions, shifted; returns how many mentions were dropped."""
    dropped = 0

    def shift(items: list[Mention], room: int) -> list[Mention]:
        nonlocal dropped
        dropped += max(0, len(items) - room)
        return [replace(m, start=m.start + offset, end=m.end + offset) for m in items[:room]]

    for p in r.parties:
        have = parties.get(p.id)
        if have is None:
            parties[p.id] = replace(p, mentions=shift(p.mentions, MAX_MENTIONS))
            continue
        have.mentions.extend(shift(p.mentions, MAX_MENTIONS - len(have.mentions)))
        if p.score > have.score:
            have.score, have.explanation, have.caption = p.score, p.explanation, p.caption
    mentions.extend(shift(r.mentions, MAX_MENTIONS - len(mentions)))
    return dropped
