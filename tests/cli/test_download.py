"""`tamis update` without --from: real HTTP downloads, from a local server on 127.0.0.1.

The server serves copies of the shared data made in a temp dir at test time; the official
URLs are replaced per source with `TAMIS_SOURCE_URL_<SOURCE>`, as a user pointing at a
mirror would.
"""

from __future__ import annotations

import functools
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tamis.sources.update import env_name, remote_sources
from tests.cli.conftest import run


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def mirror(tmp_path: Path, shared_data: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/ serving un/consolidated.xml and ofac/{sdn,add,alt,...}.csv."""
    root = tmp_path / "mirror"
    shutil.copytree(shared_data / "un-sc-2026-02", root / "un")
    shutil.copytree(shared_data / "ofac-sdn-2021-07", root / "ofac")
    (root / "page.html").write_text("<html><body>This page has moved.</body></html>")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A local port nothing listens on: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env(**urls: str) -> dict[str, str]:
    return {env_name(source.replace("_", "-")): url for source, url in urls.items()}


def test_download_saves_publisher_files_in_a_dated_folder_and_loads(
    mirror: str, tmp_path: Path
) -> None:
    env = _env(un_sc=f"{mirror}/un/consolidated.xml", ofac_sdn=f"{mirror}/ofac/")
    result = run("update", "-s", "un-sc", "-s", "ofac-sdn", "--json", home=tmp_path, env=env)

    assert result.exit_code == 0, result.output
    statuses = {r["source"]: r["status"] for r in json.loads(result.stdout)["results"]}
    assert statuses == {"un-sc": "loaded", "ofac-sdn": "loaded"}
    [un_folder] = (tmp_path / "downloads" / "un-sc").iterdir()
    assert un_folder.name.endswith("Z") and (un_folder / "consolidated.xml").is_file()
    [sdn_folder] = (tmp_path / "downloads" / "ofac-sdn").iterdir()
    names = sorted(p.name for p in sdn_folder.iterdir())
    assert names == ["add.csv", "alt.csv", "sdn.csv", "sdn_comments.csv"]


def test_downloading_the_same_list_again_is_unchanged(mirror: str, tmp_path: Path) -> None:
    env = _env(un_sc=f"{mirror}/un/consolidated.xml")
    run("update", "--source", "un-sc", home=tmp_path, env=env)
    result = run("update", "--source", "un-sc", "--json", home=tmp_path, env=env)

    [un] = json.loads(result.stdout)["results"]
    assert (un["status"], un["version"]) == ("unchanged", 1)
    assert len(list((tmp_path / "downloads" / "un-sc").iterdir())) == 1  # no duplicate copy


def test_unreachable_server_is_one_clear_line_and_others_still_load(
    mirror: str, closed_port: int, tmp_path: Path
) -> None:
    dead = f"http://127.0.0.1:{closed_port}/consolidated.xml"
    env = _env(un_sc=dead, ofac_sdn=f"{mirror}/ofac/")
    result = run(
        "update", "-s", "un-sc", "-s", "ofac-sdn", "--timeout", "5", home=tmp_path, env=env
    )

    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: un-sc: cannot download {dead}: ")
    assert "refused" in line.lower()
    assert "ofac-sdn" in result.stdout and "loaded" in result.stdout
    assert not (tmp_path / "downloads" / "un-sc").exists() or not any(
        (tmp_path / "downloads" / "un-sc").iterdir()
    )


def test_http_error_status_is_reported(mirror: str, tmp_path: Path) -> None:
    env = _env(un_sc=f"{mirror}/un/missing.xml")
    result = run("update", "--source", "un-sc", home=tmp_path, env=env)
    assert result.exit_code == 1
    assert "HTTP 404" in result.stderr


def test_a_page_instead_of_the_list_is_reported(mirror: str, tmp_path: Path) -> None:
    env = _env(un_sc=f"{mirror}/page.html")  # what a moved publisher page looks like
    result = run("update", "--source", "un-sc", home=tmp_path, env=env)
    assert result.exit_code == 1
    assert "error: un-sc: the downloaded files are not a un-sc list" in result.stderr
    assert not any((tmp_path / "downloads" / "un-sc").iterdir())


def test_file_urls_serve_an_offline_mirror(tmp_path: Path, shared_data: Path) -> None:
    env = _env(bis_dpl=(shared_data / "bis-dpl-2019" / "dpl.txt").as_uri())
    result = run("update", "--source", "bis-dpl", "--json", home=tmp_path, env=env)
    assert result.exit_code == 0, result.output
    [dpl] = json.loads(result.stdout)["results"]
    assert (dpl["status"], dpl["version"]) == ("loaded", 1)


def test_unknown_source_is_a_usage_error(tmp_path: Path) -> None:
    result = run("update", "--source", "nonesuch", home=tmp_path)
    assert result.exit_code == 2
    assert "unknown source nonesuch" in result.output


def test_every_official_list_has_a_download_url() -> None:
    sources = remote_sources(environ={})
    assert set(sources) == {"ofac-sdn", "ofac-cons", "un-sc", "eu-fsf", "uk-sl", "bis-dpl"}
    sdn = [f.name for f in sources["ofac-sdn"].files]
    assert sdn == ["sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"]
    assert all(u.startswith("https://") for s in sources.values() for f in s.files for u in f.urls)


def test_env_override_names_files_after_the_publisher() -> None:
    env = {"TAMIS_SOURCE_URL_OFAC_SDN": "http://m/x/SDN.CSV http://m/x/ADD.CSV"}
    files = remote_sources(environ=env)["ofac-sdn"].files
    assert [(f.name, f.urls) for f in files] == [
        ("sdn.csv", ("http://m/x/SDN.CSV",)),
        ("add.csv", ("http://m/x/ADD.CSV",)),
    ]


def test_home_sources_file_replaces_a_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TAMIS_HOME", str(tmp_path))
    (tmp_path / "sources.yml").write_text(
        "un-sc:\n  files:\n    - name: consolidated.xml\n      url: https://mirror.example/un.xml\n"
    )
    [file] = remote_sources(environ={})["un-sc"].files
    assert file.urls == ("https://mirror.example/un.xml",)
