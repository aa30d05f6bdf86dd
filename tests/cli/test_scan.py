"""`tamis scan` on a store loaded from the real lists, with articles written here."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run, run_json

PESKOV, PUTIN, DMITRIEV, RDIF = "ofac-sdn:35320", "ofac-sdn:35096", "ofac-sdn:34336", "ofac-sdn:34036"

ARTICLE = """Le Kremlin prépare un accord sur les métaux stratégiques

Le porte-parole de la présidence russe, Dmitri Peskov, a déclaré jeudi que des discussions
étaient en cours avec plusieurs partenaires étrangers. M. Peskov n'a pas donné de date.

Selon un conseiller municipal de Lyon, Jean-Paul Martin, ces annonces restent floues.
"""

QUIET = "Il a plu toute la semaine sur la Bretagne ; les agriculteurs attendent le soleil.\n"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_scan_shows_the_text_and_the_listed_parties(loaded_home: Path, tmp_path: Path) -> None:
    result = run("scan", str(write(tmp_path, "a.txt", ARTICLE)), home=loaded_home)
    assert result.exit_code == 0, result.output
    assert "Dmitri Peskov[1]" in result.stdout and PESKOV in result.stdout
    assert "Jean-Paul Martin[" not in result.stdout


def test_scan_json_is_the_document_of_one_article(loaded_home: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", ARTICLE)
    doc = run_json("scan", str(path), home=loaded_home)
    assert doc["source"] == str(path) and doc["language"] == "fr" and doc["format"] == "txt"
    peskov = next(e for e in doc["entities"] if e["id"] == PESKOV)
    assert {"id", "caption", "score", "mentions", "explanation"} <= set(peskov)
    text = ARTICLE
    for m in peskov["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"] and "Peskov" in m["text"]
    assert len(peskov["mentions"]) == 2


def test_offsets_point_into_the_file_of_the_founding_example(loaded_home: Path,
                                                             examples: Path) -> None:  # fmt: skip
    """Which parties it names is the pipeline's test; here: the CLI keeps offsets true."""
    path = examples / "kremlin-rare-earths-fr.txt"
    doc = run_json("scan", str(path), home=loaded_home)
    text = path.read_text(encoding="utf-8")
    assert PESKOV in {e["id"] for e in doc["entities"]}
    assert {e["id"] for e in doc["entities"]} <= {PESKOV, PUTIN, DMITRIEV, RDIF}
    for entity in doc["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_several_articles_give_a_json_array(loaded_home: Path, tmp_path: Path) -> None:
    a, b = write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "b.md", "# Météo\n\n" + QUIET)
    docs = run_json("scan", str(a), str(b), "--fast", home=loaded_home)
    assert [d["source"] for d in docs] == [str(a), str(b)]
    assert docs[1]["entities"] == [] and docs[1]["format"] == "md"


def test_jsonl_gives_one_line_per_article_of_a_folder(loaded_home: Path, tmp_path: Path) -> None:
    write(tmp_path, "in/a.txt", ARTICLE)
    write(tmp_path, "in/sub/b.txt", QUIET)
    result = run("scan", str(tmp_path / "in"), "--jsonl", "--fast", home=loaded_home)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["source"]).name for d in lines] == ["a.txt", "b.txt"]


def test_a_bad_file_is_reported_and_the_others_scanned(loaded_home: Path, tmp_path: Path) -> None:
    good, empty = write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "empty.txt", "")
    binary = write(tmp_path, "b.txt", b"\x00\x01\x02\x03" * 64)
    result = run("scan", str(empty), str(good), str(binary), "--json", home=loaded_home)
    assert result.exit_code == 1
    assert [d["source"] for d in json.loads(result.stdout)] == [str(good)]
    assert "empty.txt: empty file" in result.stderr and "b.txt: binary" in result.stderr
    assert "Traceback" not in result.output


def test_workers_scan_a_folder_as_one_process_does(loaded_home: Path, tmp_path: Path) -> None:
    for k in range(5):
        write(tmp_path, f"in/{k}.txt", ARTICLE if k % 2 else QUIET)
    write(tmp_path, "in/5.txt", "")

    def lines(workers: str) -> list[tuple[str, list[str]]]:
        result = run("scan", str(tmp_path / "in"), "--jsonl", "--fast", "--workers", workers,
                     home=loaded_home)  # fmt: skip
        assert result.exit_code == 1 and "5.txt: empty file" in result.stderr
        return [(Path(d["source"]).name, [e["id"] for e in d["entities"]])
                for d in map(json.loads, result.stdout.splitlines())]  # fmt: skip

    one = lines("1")
    assert one == lines("3")
    assert [name for name, _ in one] == ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt"]
    assert one[1][1] and not one[0][1]


def test_one_unreadable_file_is_one_error_line(loaded_home: Path, tmp_path: Path) -> None:
    result = run("scan", str(tmp_path / "nope.txt"), home=loaded_home)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"


def test_stdin_is_read_with_a_dash(loaded_home: Path) -> None:
    from typer.testing import CliRunner

    from tamis.cli.main import app

    result = CliRunner().invoke(app, ["scan", "-", "--json"], input=ARTICLE,
                                env={"TAMIS_HOME": str(loaded_home)})  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source"] == "-" and PESKOV in {e["id"] for e in doc["entities"]}


def test_html_report_for_one_article(loaded_home: Path, tmp_path: Path) -> None:
    page = write(tmp_path, "a.html", "<html><body><nav>Accueil · Monde · Abonnez-vous</nav>"
                 "<article><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></article>"
                 "<footer>Mentions légales</footer></body></html>")  # fmt: skip
    out = tmp_path / "report.html"
    result = run("scan", str(page), "--html", str(out), home=loaded_home)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert PESKOV in html and 'href="#party1"' in html and "ofac-sdn v" in html
    assert "Abonnez-vous" not in html and "Mentions légales" not in html


def test_html_reports_for_several_articles_go_in_a_folder(loaded_home: Path,
                                                          tmp_path: Path) -> None:  # fmt: skip
    a, b = write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "b.txt", QUIET)
    out = tmp_path / "reports"
    result = run("scan", str(a), str(b), "--html", str(out), "--fast", home=loaded_home)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.html", "b.txt.html", "index.html"]
    assert "2 of 2 articles scanned" in result.stdout


def test_a_large_file_is_scanned_in_chunks(loaded_home: Path, tmp_path: Path) -> None:
    big = write(tmp_path, "big.txt", (QUIET * 30 + "\n") * 500 + ARTICLE)  # ~1.2 MB
    doc = run_json("scan", str(big), "--fast", home=loaded_home)
    assert doc["truncated"] is True and "chunks" in " ".join(doc["notes"])
    peskov = next(e for e in doc["entities"] if e["id"] == PESKOV)
    assert peskov["mentions"][0]["start"] > 1_000_000


def test_no_lists_loaded_says_to_run_update(tmp_path: Path) -> None:
    result = run("scan", str(write(tmp_path, "a.txt", ARTICLE)), home=tmp_path / "home")
    assert result.exit_code == 1
    assert "no lists loaded: run tamis update" in result.stderr


def test_contradictory_options_are_refused(loaded_home: Path, tmp_path: Path) -> None:
    path = str(write(tmp_path, "a.txt", ARTICLE))
    assert "choose one" in run("scan", path, "--json", "--jsonl", home=loaded_home).stderr
    assert "two-letter" in run("scan", path, "--language", "french", home=loaded_home).stderr
    several = run("scan", path, path, "--html", str(tmp_path / "r.html"), home=loaded_home)
    assert several.exit_code == 1 and "give a folder" in several.stderr


def test_help_teaches_with_examples() -> None:
    result = run("scan", "--help")
    assert result.exit_code == 0
    assert "tamis scan page.html --html report.html" in result.stdout and "--jsonl" in result.stdout
