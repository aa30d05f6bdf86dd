"""Bytes to the text of an article: encodings, binary detection, Markdown and HTML.

Decoding: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM when its NUL
pattern shows it, a declared HTML charset, else the encoding charset-normalizer detects (said
in the notes). Markdown becomes its plain text (markup, link targets and heading hashes
dropped), HTML its article body (trafilatura; all the page text through lxml when it finds
none). Mention offsets are into the text returned here.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tamis.errors import SourceError

__all__ = ["DocumentError", "check_text", "convert", "decode", "detect_encoding",
           "html_text", "markdown_text", "sniff_format"]  # fmt: skip


MAGIC = {b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or DOCX/ODT)",
         b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
         b"\x1f\x8b": "a gzip archive", b"\xd0\xcf\x11\xe0": "an old Office document",
         b"\x7fELF": "a program"}  # fmt: skip

# On a tie, the encodings news text is most often in (short texts tie Western code pages).
COMMON = ("cp1252", "iso8859_15", "latin_1", "cp1251", "koi8_r", "cp1256", "iso8859_6",
          "cp1250", "iso8859_2", "gb18030", "big5", "shift_jis", "euc_kr", "cp1253", "cp1254")
_DECLARED = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)"
                       rb"|<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)  # fmt: skip


class DocumentError(SourceError):
    """An article that cannot be read as text: missing, binary, empty, undecodable."""

    def __init__(self, path: str | Path, message: str) -> None:
        super().__init__(path, message)


def _utf16_without_bom(head: bytes) -> str | None:
    """utf-16-le/be when NULs sit on one byte parity only (ASCII-heavy UTF-16 text)."""
    sample = head[: 1 << 16]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    if odd > 0.3 * half and even < 0.02 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.02 * half:
        return "utf-16-be"
    return None


def detect_encoding(head: bytes, name: str, complete: bool) -> tuple[str, list[str]]:
    """The codec of a file from its first bytes, and a note when it was not plain UTF-8."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32", ["decoded as UTF-32 (byte order mark)"]
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", []
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", ["decoded as UTF-16 (byte order mark)"]
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            raise DocumentError(name, f"binary file ({what}), not text: extract its text first")
    if b"\x00" in head[: 1 << 16]:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise DocumentError(name, "binary file (NUL bytes), not text")
        return utf16, [f"decoded as {utf16.upper()} (no byte order mark; guessed)"]
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8", []
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(head[:8192])
    if declared:
        encoding = (declared.group(1) or declared.group(2)).decode("ascii")
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=complete)
            return encoding, [f"decoded as {encoding} (declared in the file)"]
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(head[: 1 << 20]))
    if not results:
        raise DocumentError(name, "unknown encoding: not UTF-8 and no other encoding fits "
                                  "(convert it, e.g. iconv -f LATIN1 -t UTF-8)")  # fmt: skip
    tied = [r for r in results if (r.chaos, r.coherence) == (results[0].chaos,
                                                            results[0].coherence)]  # fmt: skip
    best = min(tied, key=lambda r: COMMON.index(r.encoding) if r.encoding in COMMON else 99)
    return best.encoding, [f"decoded as {best.encoding} (detected; not UTF-8)"]


def check_text(text: str, name: str) -> None:
    """Decoded binary shows as control characters: refuse rather than scan noise."""
    sample = text[: 1 << 16]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    if controls > max(4, len(sample) // 100):
        raise DocumentError(name, "binary content (control characters), not text")


def decode(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        at = f" at byte {exc.start}" if isinstance(exc, UnicodeDecodeError) else ""
        raise DocumentError(name, f"not valid {encoding}{at}: mixed or unknown encoding") from None
    check_text(text, name)
    return text


# -- formats -------------------------------------------------------------------------------

_HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)  # fmt: skip
_HTML_TAGS = re.compile(r"</(p|div|span|a|li|h[1-6]|td|article)>", re.IGNORECASE)
_MD_HINTS = re.compile(r"^#{1,6} \S|^```|^\s*[-*+] \S|\[[^\]\n]+\]\([^)\s]+\)|\*\*\S",
                       re.MULTILINE)
_BLOCKS = ("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
           "article", "section", "header", "footer", "blockquote", "pre", "table", "ul", "ol")


def sniff_format(text: str) -> str:
    """html, md or txt from the content (stdin, or a file without a known suffix)."""
    head = text[:8192]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "md" if len(_MD_HINTS.findall(head)) >= 2 else "txt"


def convert(text: str, fmt: str) -> tuple[str, list[str]]:
    """The text to scan, newlines normalised as Python reads text files, and notes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "md":
        return markdown_text(text), []
    if fmt == "html":
        return html_text(text)
    return text, []


def markdown_text(source: str) -> str:
    """Markdown's plain text: paragraphs, headings, list items, table rows, code; markup,
    link targets and raw HTML tags dropped (markdown-it-py, CommonMark)."""
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    row: list[str] | None = None
    for tok in MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(source):
        if tok.type == "inline":
            text = "".join(_inline(c) for c in tok.children or [])
            (row if row is not None else blocks).append(text)
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content)
        elif tok.type == "html_block":
            blocks.append(_page_text(tok.content, fragment=True))
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close" and row is not None:
            blocks.append(" | ".join(row))
            row = None
    return "\n\n".join(b.strip() for b in blocks if b.strip())


def _inline(tok: Any) -> str:
    if tok.type in ("text", "code_inline"):
        return str(tok.content)
    if tok.type in ("softbreak", "hardbreak"):
        return "\n"
    if tok.type == "image":  # its alt text
        return "".join(_inline(c) for c in tok.children or []) or str(tok.content)
    return ""  # emphasis and link marks, inline HTML tags


def html_text(source: str) -> tuple[str, list[str]]:
    """The article body of an HTML page (trafilatura: navigation, boilerplate, comments
    dropped), its title first; all the page's text (lxml) when it finds no body."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are ours to say
    try:
        doc: Any = trafilatura.bare_extraction(source, include_comments=False,
                                               include_tables=True, with_metadata=True)  # fmt: skip
    except Exception:  # noqa: BLE001 - an odd page: the lxml fallback below reads it
        doc = None
    if isinstance(doc, dict):
        doc = SimpleNamespace(**doc)
    body = str(getattr(doc, "text", None) or "")
    if body.strip():
        title = str(getattr(doc, "title", None) or "").strip()
        if title and not body.lstrip().startswith(title):
            body = f"{title}\n{body}"
        return _paragraphs(body), ["article body extracted from the HTML page (trafilatura)"]
    note = "no article body found in the HTML page: all its text was scanned (lxml)"
    return _paragraphs(_page_text(source)), [note]


def _page_text(source: str, fragment: bool = False) -> str:
    """All visible text of HTML, blocks on their own lines; "" when it does not parse."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        if fragment:
            root = lxml_html.fragment_fromstring(source, create_parent="div")
        else:
            try:
                root = lxml_html.document_fromstring(source)
            except ValueError:  # a str with an XML encoding declaration
                root = lxml_html.document_fromstring(source.encode("utf-8"))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return str(root.text_content())


def _paragraphs(text: str) -> str:
    """One paragraph per non-empty line, separated by a blank line, spaces collapsed."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)
