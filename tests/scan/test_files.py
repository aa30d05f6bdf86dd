"""Reading articles: encodings, Markdown, HTML, folders, bad input and a 50 MB text."""

from __future__ import annotations

import codecs
import io
import os
import sys
import tracemalloc
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tamis.errors import TamisError
from tamis.scan import Scanner, files
from tamis.scan.files import DocumentError, expand_paths, read_document, scan_file, scan_paths
from tamis.scan.result import Mention, Party, ScanResult

FR = ("Le porte-parole du Kremlin, Dmitri Peskov, a confirmé mardi la visite. "
      "Selon M. Peskov, le fonds RDIF financera une partie du projet.")  # fmt: skip


class NameFinder:
    """A scanner that knows a few names exactly: enough to follow offsets through files."""

    NAMES: ClassVar[dict[str, str]] = {
        "Dmitri Peskov": "ofac-sdn:35320", "Kirill Dmitriev": "ofac-sdn:34336",
        "RDIF": "ofac-sdn:34036"}  # fmt: skip

    def __init__(self) -> None:
        self.calls = 0
        self.longest = 0

    def scan(self, text: str, *, fast: bool = False, language: str | None = None,
             threshold: float | None = None) -> ScanResult:  # fmt: skip
        self.calls += 1
        self.longest = max(self.longest, len(text))
        parties = []
        for name, entity_id in self.NAMES.items():
            found, at = [], text.find(name)
            while at >= 0:
                found.append(Mention(name, at, at + len(name), "PER", "gazetteer"))
                at = text.find(name, at + 1)
            if found:
                parties.append(Party(entity_id, name.upper(), "Person", 0.9, found, {}, "ofac-sdn"))
        mentions = [m for p in parties for m in p.mentions]
        return ScanResult(text, language or "fr", parties, mentions)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# -- text and encodings --------------------------------------------------------------------


def test_a_utf8_text_is_read_as_is(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.txt", FR))
    assert doc.text == FR and doc.format == "txt" and doc.encoding == "utf-8" and not doc.notes


def test_a_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.txt", codecs.BOM_UTF8 + FR.encode("utf-8")))
    assert doc.text == FR


def test_utf16_with_a_byte_order_mark_is_decoded_and_said(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.txt", FR.encode("utf-16")))
    assert doc.text == FR and "UTF-16" in doc.notes[0]


def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.txt", FR.encode("utf-16-le")))
    assert doc.text == FR and "guessed" in doc.notes[0]


def test_a_western_code_page_is_detected_and_said(tmp_path: Path) -> None:
    text = "À Genève, le ministre a reçu les délégués étrangers près du lac, où était prévu un dîner."
    doc = read_document(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert doc.text == text and "cp1252" in doc.notes[0]


def test_a_cyrillic_code_page_is_detected(tmp_path: Path) -> None:
    text = "Пресс-секретарь президента Дмитрий Песков заявил во вторник журналистам в Москве."
    doc = read_document(write(tmp_path, "a.txt", text.encode("cp1251")))
    assert doc.text == text and "cp1251" in doc.notes[0]


def test_windows_line_ends_read_as_python_reads_text(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.txt", "Dmitri Peskov.\r\n\r\nRDIF.\r\n"))
    assert doc.text == "Dmitri Peskov.\n\nRDIF.\n"


def test_stdin_is_read_and_its_format_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    page = "<!DOCTYPE html><html><body><article><p>" + FR + "</p></article></body></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.encode("utf-8"))))
    doc = read_document("-")
    assert doc.source == "-" and doc.format == "html" and "Dmitri Peskov" in doc.text
    assert "<p>" not in doc.text


# -- Markdown and HTML ---------------------------------------------------------------------


MARKDOWN = """# Le **Kremlin** et les terres rares

Le porte-parole [Dmitri Peskov](https://example.org/peskov "fiche") a parlé *mardi*.
Le fonds `RDIF` suit ![le logo du fonds](logo.png) le dossier.

- premier point
- second point

| nom | rôle |
|-----|------|
| Kirill Dmitriev | directeur |
"""


def test_markdown_keeps_the_text_and_drops_the_markup(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.md", MARKDOWN))
    assert doc.format == "md"
    assert doc.text.startswith("Le Kremlin et les terres rares\n\n")
    assert "Le porte-parole Dmitri Peskov a parlé mardi." in doc.text
    assert "Le fonds RDIF suit le logo du fonds le dossier." in doc.text
    assert "Kirill Dmitriev | directeur" in doc.text
    for markup in ("#", "**", "](", "https://", "`", "*mardi*", "|---"):
        assert markup not in doc.text


PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Terres rares | Le Quotidien</title><script>var tracker = "Vladimir Putin";</script></head>
<body><nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/abo">Abonnez-vous pour un euro</a></li></ul></nav>
<main><article><h1>Le Kremlin mise sur les terres rares</h1>
<p>Le porte-parole de la présidence, Dmitri Peskov, a indiqué mardi que plusieurs projets
miniers étaient à l'étude dans l'Extrême-Orient, avec des partenaires asiatiques.</p>
<p>Le fonds souverain, dirigé par Kirill Dmitriev, serait prêt à financer une partie des
travaux. Aucun calendrier n'a été donné, mais le sujet est jugé stratégique pour l'industrie.</p>
<p>Des analystes restent prudents : la production reste faible et les coûts élevés dans des
régions isolées, loin des grands ports.</p></article></main>
<aside><h3>Les plus lus</h3><ul><li><a href="/t">La tarte aux pommes de grand-mère</a></li></ul></aside>
<footer><p>© Le Quotidien · Mentions légales · Politique de confidentialité</p></footer>
</body></html>"""


def test_html_keeps_the_article_body_without_the_boilerplate(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "a.html", PAGE))
    assert doc.format == "html" and "trafilatura" in doc.notes[0]
    assert doc.text.startswith("Le Kremlin mise sur les terres rares\n\n")
    assert "Dmitri Peskov" in doc.text and "Kirill Dmitriev" in doc.text
    for boilerplate in ("Accueil", "Abonnez-vous", "tarte aux pommes", "Mentions légales",
                        "tracker", "Vladimir Putin"):  # fmt: skip
        assert boilerplate not in doc.text


def test_html_without_an_article_body_falls_back_to_all_its_text(tmp_path: Path) -> None:
    page = "<html><body><footer><p>Dmitri Peskov à Pékin.</p></footer><script>x()</script>"
    doc = read_document(write(tmp_path, "a.htm", page + "</body></html>"))
    assert doc.text == "Dmitri Peskov à Pékin." and "lxml" in doc.notes[0]


def test_an_html_page_declaring_its_charset_is_decoded_with_it(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="windows-1251"></head><body><article><p>'
            "Дмитрий Песков заявил во вторник журналистам в Москве.</p></article></body></html>")  # fmt: skip
    doc = read_document(write(tmp_path, "a.html", page.encode("cp1251")))
    assert "Дмитрий Песков" in doc.text and "declared" in doc.notes[0]


def test_a_file_without_a_known_suffix_is_sniffed(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "article", PAGE)).format == "html"
    assert read_document(write(tmp_path, "notes", MARKDOWN)).format == "md"
    assert read_document(write(tmp_path, "plain", FR)).format == "txt"


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty file"),
    (b"  \n\t\r\n ", "only whitespace"),
    (b"\x00\x01\x02\x03binary\x00\xff" * 100, "binary"),
    (b"\x00\x01\x02binary\xff" * 100, "binary file (NUL bytes)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (bytes(range(128, 256)) * 40, "unknown encoding"),
    (b"texte\x01\x02\x03\x04\x05\x06\x07\x08" * 50, "control characters"),
])  # fmt: skip
def test_bad_input_is_one_clear_error_naming_the_file(tmp_path: Path, data: bytes,
                                                      message: str) -> None:  # fmt: skip
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(TamisError) as caught:
        read_document(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_a_missing_file_or_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="is a folder"):
        read_document(tmp_path)


def test_an_html_page_with_no_text_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no text found"):
        read_document(write(tmp_path, "a.html", "<html><body><script>x()</script></body></html>"))


# -- several files -------------------------------------------------------------------------


def test_a_folder_gives_its_articles_sorted_subfolders_included(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "sub/c.html", "notes.csv", ".hidden/d.txt", "e.TXT"):
        write_to = tmp_path / name
        write_to.parent.mkdir(exist_ok=True)
        write_to.write_text(FR, encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]  # type: ignore[union-attr]
    assert found == ["a.txt", "b.md", "e.TXT", "sub/c.html"]


def test_scanning_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    good, empty = write(tmp_path, "a.txt", FR), write(tmp_path, "b.txt", "")
    errors: list[str] = []
    results = list(scan_paths([empty, tmp_path / "missing.txt", good], NameFinder(),
                              on_error=lambda e: errors.append(str(e))))  # fmt: skip
    assert [r.source for r in results] == [str(good)]
    assert [p.id for p in results[0].parties] == ["ofac-sdn:35320", "ofac-sdn:34036"]
    assert "b.txt: empty file" in errors[0] and "missing.txt: no such file" in errors[1]


def test_a_folder_without_articles_is_reported_and_the_others_scanned(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    good = write(tmp_path, "a.txt", FR)
    errors: list[str] = []
    results = list(scan_paths([tmp_path / "empty", good], NameFinder(), on_error=lambda e:
                              errors.append(str(e))))  # fmt: skip
    assert len(results) == 1 and "no .txt, .md or .html file in this folder" in errors[0]


class PidFinder(NameFinder):
    """NameFinder that notes which process scanned each article."""

    def scan(self, text: str, **options: Any) -> ScanResult:
        result = super().scan(text, **options)
        result.notes.append(f"pid {os.getpid()}")
        return result


def test_several_files_are_scanned_by_worker_processes_in_file_order(tmp_path: Path) -> None:
    files = [write(tmp_path, f"{k}.txt", FR if k % 2 else "Kirill Dmitriev") for k in range(6)]
    files.insert(3, write(tmp_path, "bad.txt", b"\x00" * 10))
    errors: list[str] = []
    results = list(scan_paths(files, PidFinder(), workers=2, on_error=lambda e:
                              errors.append(str(e))))  # fmt: skip
    assert [r.source for r in results] == [str(f) for f in files if f.name != "bad.txt"]
    assert [[p.id for p in r.parties] for r in results][:2] == [
        ["ofac-sdn:34336"], ["ofac-sdn:35320", "ofac-sdn:34036"]]
    assert len(errors) == 1 and "bad.txt: binary file" in errors[0]  # crossed back whole
    pids = {n for r in results for n in r.notes if n.startswith("pid ")}
    assert f"pid {os.getpid()}" not in pids and len(pids) >= 1


def test_progress_names_each_file_before_its_result_in_a_pool_too(tmp_path: Path) -> None:
    files = [write(tmp_path, f"{k}.txt", FR) for k in range(5)]
    seen: list[tuple[int, str]] = []
    for workers in (1, 2):
        seen.clear()
        results = scan_paths(files, NameFinder(), workers=workers,
                             progress=lambda done, total, name: seen.append((done, name)))  # fmt: skip
        first = next(results)
        assert seen == [(0, str(files[0]))] and first.source == str(files[0])
        list(results)
        assert seen[-1] == (5, "") and [d for d, _ in seen] == [0, 1, 2, 3, 4, 5]


def test_a_pool_finds_what_one_process_finds(tmp_path: Path, sdn_scanner: Any,
                                             kremlin_article: str) -> None:  # fmt: skip
    texts = [kremlin_article, FR, "Rien à signaler ici.", kremlin_article[:2000], FR + " RDIF."]
    files = [write(tmp_path, f"{k}.txt", t) for k, t in enumerate(texts)]

    def found(workers: int) -> list[list[tuple[str, list[int]]]]:
        return [[(p.id, [m.start for m in p.mentions]) for p in r.parties]
                for r in scan_paths(files, sdn_scanner, fast=True, workers=workers)]  # fmt: skip

    one = found(1)
    assert one == found(2)
    assert {p for p, _ in one[0]} == {"ofac-sdn:35320", "ofac-sdn:34336", "ofac-sdn:34036",
                                      "ofac-sdn:35096"}  # fmt: skip


def test_without_an_error_handler_a_bad_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        list(scan_paths([write(tmp_path, "a.txt", b"\x00" * 10)], NameFinder()))


def test_a_scan_says_where_its_text_came_from(tmp_path: Path) -> None:
    result = scan_file(write(tmp_path, "a.html", PAGE), NameFinder())
    assert result.source.endswith("a.html") and result.format == "html"
    assert result.notes[0].startswith("article body extracted") and result.seconds > 0
    start = result.text.index("Dmitri Peskov")
    assert result.parties[0].mentions[0].start == start


def test_a_large_html_page_is_read_whole_for_its_article(tmp_path: Path) -> None:
    """News pages often weigh megabytes of scripts: the article is still extracted."""
    script = "<script>var data = [" + ",".join(["1234567890"] * 120_000) + "];</script>"
    page = PAGE.replace("</head>", script + "</head>")
    assert len(page) > files.STREAM_BYTES
    result = scan_file(write(tmp_path, "big.html", page), NameFinder())
    assert not result.truncated and result.format == "html"
    assert {p.id for p in result.parties} == {"ofac-sdn:35320", "ofac-sdn:34336"}


# -- a huge file ---------------------------------------------------------------------------


def test_a_50_mb_text_is_scanned_in_bounded_chunks(tmp_path: Path) -> None:
    """Offsets stay exact across chunks, parties merge by id, memory stays far below 50 MB."""
    path = tmp_path / "huge.txt"
    filler = ("Les marchés ont peu réagi à la nouvelle, selon plusieurs courtiers de la place "
              "qui attendent des chiffres plus précis avant la fin du trimestre. ") * 3 + "\n\n"  # fmt: skip
    expected_peskov: list[int] = []
    expected_dmitriev = -1
    size = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        n = 0
        while size < 50 * 1024 * 1024:
            if n % 5000 == 0:
                para = f"Dmitri Peskov a répondu aux questions, paragraphe {n}.\n\n"
                expected_peskov.append(size)
            elif n == 60_001:
                para = "Le fonds de Kirill Dmitriev a réagi.\n\n"
                expected_dmitriev = size + len("Le fonds de ")
            else:
                para = filler
            fh.write(para)
            size += len(para)  # ASCII and French accents: count characters, not bytes
            n += 1
    scanner = NameFinder()
    tracemalloc.start()
    try:
        result = scan_file(path, scanner)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    by_id = {p.id: p for p in result.parties}
    assert [m.start for m in by_id["ofac-sdn:35320"].mentions] == expected_peskov
    assert [m.start for m in by_id["ofac-sdn:34336"].mentions] == [expected_dmitriev]
    assert result.truncated and len(result.text) <= files.KEEP_CHARS
    assert "chunks" in result.notes[0] and "first" in result.notes[0]
    assert scanner.calls > 150 and scanner.longest <= files.CHUNK_CHARS
    assert peak < 30 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_a_large_file_is_cut_at_paragraphs_not_inside_names(tmp_path: Path) -> None:
    text = ("Kirill Dmitriev était là. " * 20 + "\n\n") * 2000  # ~1.1 MB: streamed
    result = scan_file(write(tmp_path, "big.txt", text), NameFinder())
    party = result.parties[0]
    assert len(party.mentions) == files.MAX_MENTIONS  # of 40,000: kept bounded, and said
    assert all(result.text[m.start : m.end] == "Kirill Dmitriev" for m in party.mentions[:3000])
    assert any("further mentions not kept" in note for note in result.notes)


def test_an_articles_seconds_leave_out_a_models_first_load(tmp_path: Path,
                                                          sdn_scanner: Scanner) -> None:  # fmt: skip
    import time

    from tamis.scan import ner

    ner._pipeline.cache_clear()  # the French model loads again, inside this scan
    path = tmp_path / "article.txt"
    path.write_text("Le porte-parole Dmitri Peskov a répondu mardi aux questions.", encoding="utf-8")
    before = ner.loading_seconds()
    began = time.perf_counter()
    result = scan_file(path, sdn_scanner)
    wall = time.perf_counter() - began
    loading = ner.loading_seconds() - before
    assert loading > 0.1
    assert result.seconds <= wall - loading + 0.01
    assert [p.id for p in result.parties] == ["ofac-sdn:35320"]
