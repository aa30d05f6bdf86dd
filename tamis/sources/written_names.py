"""One name field as the names it holds: lists write several names, and notes, in one field.

The UN list writes an alias field as "Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original
script); Hay’at Tahrir al-Sham; Hayat Tahrir al-Sham; ...)", "Qasim Soleimani; Qasem
Sulaimani", "BUTEMBO AIRLINES (BAL)", "Encep Nurjaman (birth name)" or "(Sheikh) Musa Hilal".
Taken whole, such a field is one name of dozens of words that no query meets. Split, it is
the names a reader sees in it:

- names are separated by ";" (and by "a)", "b)" enumerations) outside parentheses;
- a group in parentheses after a name holds more names: an acronym ("HTS"), the name in
  another script, a list of spellings (split on ";" and ","), each read the same way in turn
  (groups nest);
- a group that is a note is dropped: it is written in lower case ("birth name", "third",
  "martyrs"), holds a digit (a document number), or is a note of `name_notes`
  (`un_values.yml`: "COMBAT NAME"); "original script:" before a name is dropped;
- a group that qualifies the name stays in it: a country or place ("AL-HARAMAIN FOUNDATION
  (PAKISTAN)", "Leader (Hong Kong) International") or a phrase of `name_qualifiers` ("BRANCH
  LOCATED IN ...");
- a group written before the name is a title ("(Sheikh) Musa Hilal"): dropped;
- one capitalised word after a name of several words is another spelling of its last word
  ("Lom-ali Butayev (Butaev)" is also "Lom-ali Butaev").

Pure functions of the text; the parser decides which name is the entity's `name`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["split_names"]

_ENUM = re.compile(r"(?:^|\s)[a-h]\)\s")  # "a) ... b) ..." enumerations of names
_SCRIPT = re.compile(r"^(?:arabic(?: script)?|original script)\s*:\s*", re.IGNORECASE)
_BORN = re.compile(r",\s*born\b.*$", re.IGNORECASE)  # "Safia ... Al-Hadad, born 1 Jan. 1953"
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,7}(?:[-/][A-Z]{1,4})?$")  # HTS, JuA, ISIL-K, LRM/A


def split_names(text: str, notes: frozenset[str] = frozenset(),
                qualifiers: tuple[str, ...] = (),
                place: Callable[[str], bool] = lambda _: False) -> list[str]:  # fmt: skip
    """The names a written name field holds, the main one first, each once. `notes`:
    group texts (lower case) that are notes; `qualifiers`: first words (lower case) of a
    group that qualifies the name; `place`: whether a group names a country or place."""
    out: list[str] = []
    for name in _names(text, notes, qualifiers, place):
        name = " ".join(name.split()).strip(" ,;")
        if _LETTER.search(name) and name not in out:
            out.append(name)
    return out


def _names(text: str, notes: frozenset[str], qualifiers: tuple[str, ...],
           place: Callable[[str], bool]) -> list[str]:  # fmt: skip
    out: list[str] = []
    for segment in _split_outside(_ENUM.sub(" ; ", text), ";"):
        head, groups = _groups(segment)
        head_text = "".join(
            piece if kind == "text" else f"({piece})" if kind == "kept" else " "
            for kind, piece in _classified(head, groups, notes, qualifiers, place)
        )
        head_text = _BORN.sub("", " ".join(head_text.split()))
        last_words = head_text.split()
        out.append(head_text)
        for kind, piece in _classified(head, groups, notes, qualifiers, place):
            if kind == "names":
                for item in _split_outside(piece, ";,"):
                    item = _SCRIPT.sub("", item.strip())
                    if not item:
                        continue
                    item = _note_suffix(item, notes)
                    if (" " not in item and item[:1].isupper() and not item.isupper()
                            and len(last_words) >= 2 and last_words[-1][:1].isupper()):  # fmt: skip
                        out.append(" ".join([*last_words[:-1], item]))  # "(Butaev)"
                    else:
                        out.extend(_names(item, notes, qualifiers, place))
    return out


def _note_suffix(item: str, notes: frozenset[str]) -> str:
    """The item without a trailing " - note" ("Ansar al-Mujahideen Network - sub-unit
    name")."""
    name, sep, tail = item.rpartition(" - ")
    return name.strip() if sep and tail.strip().lower() in notes else item


def _classified(head: list[str], groups: list[tuple[int, str]], notes: frozenset[str],
                qualifiers: tuple[str, ...], place: Callable[[str], bool]
                ) -> list[tuple[str, str]]:  # fmt: skip
    """The segment as ("text", piece) and its groups as ("kept" | "names" | "dropped", inner),
    in order."""
    out: list[tuple[str, str]] = []
    at = {i: inner for i, inner in groups}
    for i, piece in enumerate(head):
        out.append(("text", piece))
        if i in at:
            inner = at[i]
            first = not "".join(head[: i + 1]).strip()
            inside = bool("".join(head[i + 1 :]).strip(" -"))  # more of the name follows
            out.append((_kind(inner, first, inside, notes, qualifiers, place), inner))
    return out


def _kind(inner: str, first: bool, inside: bool, notes: frozenset[str],
          qualifiers: tuple[str, ...], place: Callable[[str], bool]) -> str:  # fmt: skip
    text = " ".join(inner.split())
    low = text.lower()
    if first:
        return "dropped"  # "(Sheikh) Musa Hilal": a title before the name
    if low in notes or _DIGIT.search(text) or (text == low and text != text.upper()):
        return "dropped"  # "(birth name)", "(KPE.018)", "(third)", "(martyrs)"
    if low.startswith(qualifiers) or (len(text) > 3 and place(text)):
        return "kept"  # "(PAKISTAN)", "(Hong Kong)", "(BRANCH LOCATED IN ...)"
    if _ACRONYM.match(text):
        return "names"  # "(HTS)", "UGANDA COMMERCIAL IMPEX (UCI) LTD"
    return "kept" if inside else "names"  # "華信船務(香港)有限公司"


def _groups(segment: str) -> tuple[list[str], list[tuple[int, str]]]:
    """The text outside top-level parentheses, as pieces, and each group's inner text with
    the index of the piece it follows. An unmatched parenthesis is text."""
    pieces, groups = [""], []
    depth, start = 0, 0
    for i, ch in enumerate(segment):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((len(pieces) - 1, segment[start + 1 : i]))
                pieces.append("")
        elif depth == 0:
            pieces[-1] += ch
    if depth:  # unclosed: the rest is text
        pieces[-1] += segment[start:]
    return pieces, groups


def _split_outside(text: str, seps: str) -> list[str]:
    """`text` split on any of `seps` found outside parentheses."""
    out, depth, current = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        if ch in seps and depth == 0:
            out.append(current)
            current = ""
        else:
            current += ch
    out.append(current)
    return [s for s in (x.strip() for x in out) if s]
