"""Download the official list files, exactly as published, into a dated folder per source.

Where each list lives is data (`tamis/resources/sources.yml`), overridable per source by
`$TAMIS_HOME/sources.yml` or the env `TAMIS_SOURCE_URL_<SOURCE>`, so a team can point at a
mirror, and tests at a local server. A download lands in
`$TAMIS_HOME/downloads/<source>/<UTC timestamp>/` under the publisher's file names, written
`*.part` first: a failed download leaves nothing behind and never half a list.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tamis import __version__, settings
from tamis.errors import ConfigError, TamisError

__all__ = [
    "DEFAULT_TIMEOUT",
    "DownloadError",
    "RemoteFile",
    "RemoteSource",
    "download",
    "env_name",
    "remote_sources",
]

DEFAULT_TIMEOUT = 60.0  # seconds without a byte before a download is given up
CHUNK = 1 << 16
USER_AGENT = f"tamis/{__version__} (sanctions list updater)"

# (file name, bytes done, bytes expected or None)
ByteProgress = Callable[[str, int, "int | None"], None]


class DownloadError(TamisError):
    """An official list could not be fetched (network, HTTP status, incomplete body)."""


@dataclass(frozen=True)
class RemoteFile:
    """One published file: the name it is saved under and the URLs to try, in order."""

    name: str
    urls: tuple[str, ...]


@dataclass(frozen=True)
class RemoteSource:
    """One official list: its source name, a title for people, and its files."""

    name: str
    title: str
    files: tuple[RemoteFile, ...]


def env_name(source: str) -> str:
    """`ofac-sdn` -> `TAMIS_SOURCE_URL_OFAC_SDN`."""
    return "TAMIS_SOURCE_URL_" + "".join(c if c.isalnum() else "_" for c in source.upper())


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML: {exc}".splitlines()[0]) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of source name to files")
    return data


def _source_from(name: str, entry: Any, where: str) -> RemoteSource:
    if not isinstance(entry, dict) or not isinstance(entry.get("files"), list):
        raise ConfigError(f"{where}: source {name!r} needs a `files` list")
    files = []
    for item in entry["files"]:
        item = item if isinstance(item, dict) else {}
        urls = item.get("urls") or [item.get("url")]
        urls = [urls] if isinstance(urls, str) else urls
        if not item.get("name") or not isinstance(urls, list) or not all(urls):
            raise ConfigError(f"{where}: each file of {name!r} needs a `name` and a `url`")
        files.append(RemoteFile(str(item["name"]), tuple(str(u) for u in urls)))
    return RemoteSource(name, str(entry.get("title") or name), tuple(files))


def _from_env(source: RemoteSource, value: str) -> RemoteSource:
    """Apply a `TAMIS_SOURCE_URL_*` value: URLs of files, or folders (ending in `/`)."""
    known = {f.name.lower(): f.name for f in source.files}
    files: list[RemoteFile] = []
    urls = value.replace(",", " ").split()
    for url in urls:
        if url.endswith("/"):
            files.extend(RemoteFile(f.name, (url + f.name,)) for f in source.files)
            continue
        segment = urllib.parse.unquote(urllib.parse.urlparse(url).path.rsplit("/", 1)[-1])
        if len(source.files) == 1 and len(urls) == 1:  # one file: keep the publisher's name
            name = source.files[0].name
        else:
            name = known.get(segment.lower(), segment)
        if not name:
            raise ConfigError(f"{env_name(source.name)}: cannot name the file of {url}")
        files.append(RemoteFile(name, (url,)))
    if not files:
        raise ConfigError(f"{env_name(source.name)} is set but holds no URL")
    return RemoteSource(source.name, source.title, tuple(files))


def remote_sources(environ: Mapping[str, str] | None = None) -> dict[str, RemoteSource]:
    """Every downloadable source, packaged URLs overridden by the user's file and env."""
    environ = os.environ if environ is None else environ
    packaged = resources.files("tamis.resources").joinpath("sources.yml").read_text("utf-8")
    entries = _read_yaml(packaged, "tamis/resources/sources.yml")
    sources = {n: _source_from(n, e, "tamis/resources/sources.yml") for n, e in entries.items()}
    user_file = settings.home() / "sources.yml"
    if user_file.is_file():
        for name, entry in _read_yaml(user_file.read_text("utf-8"), str(user_file)).items():
            sources[name] = _source_from(name, entry, str(user_file))
    for name, source in list(sources.items()):
        value = environ.get(env_name(name), "").strip()
        if value:
            sources[name] = _from_env(source, value)
    return sources


def _reason(exc: BaseException, timeout: float) -> str:
    """A short human reason for a failed request."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        if not isinstance(exc.reason, BaseException):
            return str(exc.reason)
        exc = exc.reason
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve the host name ({exc.strerror or exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _fetch(url: str, target: Path, timeout: float, progress: ByteProgress | None) -> None:
    """Stream one URL to `target`; raises `OSError`/`urllib.error.URLError`/`DownloadError`."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        length = response.headers.get("Content-Length")
        expected = int(length) if length and length.isdigit() else None
        done = 0
        with open(target, "wb") as out:
            while chunk := response.read(CHUNK):
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(target.name.removesuffix(".part"), done, expected)
    if expected is not None and done != expected:
        raise DownloadError(f"incomplete download: {done:,} of {expected:,} bytes")
    if done == 0:
        raise DownloadError("the server sent an empty file")


def _new_folder(root: Path) -> Path:
    """A fresh `<UTC timestamp>` folder under `root` (suffixed if two runs share a second)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder, n = root / stamp, 1
    while folder.exists():
        n += 1
        folder = root / f"{stamp}-{n}"
    folder.mkdir(parents=True)
    return folder


def download(
    source: RemoteSource,
    timeout: float = DEFAULT_TIMEOUT,
    progress: ByteProgress | None = None,
    root: Path | None = None,
) -> Path:
    """Fetch every file of `source` into a new dated folder and return it.

    All or nothing: on any failure the folder is removed and a one-line `DownloadError`
    names the source, the URL and why.
    """
    base = (root or settings.home() / "downloads") / source.name
    folder = _new_folder(base)
    try:
        for remote in source.files:
            _fetch_one(source.name, remote, folder, timeout, progress)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        if not any(base.iterdir()):
            base.rmdir()
        raise
    return folder


def _fetch_one(
    source: str, remote: RemoteFile, folder: Path, timeout: float, progress: ByteProgress | None
) -> None:
    """Try each URL of one file in turn; the last failure is the one reported."""
    if Path(remote.name).name != remote.name or remote.name in ("", ".", ".."):
        raise ConfigError(f"{source}: file name {remote.name!r} must be a plain name")
    part = folder / (remote.name + ".part")
    error = ""
    for url in remote.urls:
        try:
            _fetch(url, part, timeout, progress)
        except ValueError as exc:  # unknown URL scheme, malformed URL
            raise ConfigError(f"{source}: bad URL {url!r}: {exc}") from None
        except DownloadError as exc:
            error = f"{source}: cannot download {url}: {exc}"
        except (OSError, http.client.HTTPException) as exc:  # URLError is an OSError
            error = f"{source}: cannot download {url}: {_reason(exc, timeout)}"
        else:
            part.rename(folder / remote.name)
            return
    if len(remote.urls) > 1:
        error += f" (tried {len(remote.urls)} URLs, all failed)"
    raise DownloadError(error)
