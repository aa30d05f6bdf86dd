"""FollowTheMoney JSON lines: OpenSanctions' `entities.ftm.json` and `targets.nested.json`.

One JSON object per line (`id`, `schema`, `properties`, and OpenSanctions' extras such as
`datasets`, `caption`, `referents`, `target`, `first_seen`, `last_seen`, `last_change`,
which the tamis model has no place for and are not kept). A line may also hold a JSON
array of entities. In the nested shape, a property value can be a whole entity object:
it is read as an entity of its own and replaced by its id; nested entities under reverse
(stub) properties such as `sanctions` point back at their parent themselves, so the
stub is dropped. In a nested file (named `*nested*`, or once a nested entity shows up)
an entity seen twice (a Family nested under both relatives) is emitted once.

Each entity is validated by followthemoney itself (`model.get_proxy(..., cleaned=False)`,
FtM 4.x): unknown schema, unknown property, and any value FtM would drop while cleaning
are problems of that line; ids are kept as they are.

Source name: the dataset when the first entity names exactly one in `datasets`; else the
file name without its `.ftm.json`/`.json`/`.gz`... suffixes, unless that is generic
(`entities`, `targets`...); then the parent folder (`.../sanctions/entities.ftm.json` ->
`sanctions`); else `ftm`. The choice is made from the first line, so a file whose later
entities name other datasets still loads as one source.

`publisher_date` is None: the lines carry only per-entity crawl times (`last_seen`,
`last_change`), which say when OpenSanctions looked, not when the file was issued, and
their maximum is known only after the whole file has streamed.

Streaming: the file (plain or gzip) is read line by line; memory stays flat, except in
nested files, whose ids are kept to drop repeats.
"""

from __future__ import annotations

import codecs
import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from tamis.errors import SourceError, SourceErrors
from tamis.model.entity import Entity
from tamis.sources.base import ParsedSource, Parser, Problems
from tamis.sources.ftm_values import lost_values

__all__ = ["FORMAT", "PARSER", "source_name"]

FORMAT = "ftm-json"
GZIP_MAGIC = b"\x1f\x8b"
MAX_LINE = 64 << 20  # a longer line is reported and skipped, never held in memory
SUFFIXES = (".gz", ".json", ".jsonl", ".ndjson", ".ftm", ".nested", ".delta")
GENERIC_NAMES = {"", "entities", "targets", "topics", "statements", "export", "data", "ftm"}


def _open(path: Path) -> IO[bytes]:
    with open(path, "rb") as fh:
        magic = fh.read(2)
    return gzip.open(path, "rb") if magic == GZIP_MAGIC else open(path, "rb")


def _lines(fh: IO[bytes], problems: Problems, stop: bool = False) -> Iterator[tuple[int, str]]:
    """(line number, text) of each non-blank line; unreadable lines become problems."""
    lineno = 0
    try:
        while (raw := fh.readline(MAX_LINE)) and not (stop and problems.errors):
            lineno += 1
            if len(raw) >= MAX_LINE and not raw.endswith(b"\n"):
                while (rest := fh.readline(MAX_LINE)) and not rest.endswith(b"\n"):
                    pass
                problems.add(f"line longer than {MAX_LINE >> 20} MB, skipped", lineno)
                continue
            if b"\x00" in raw:
                problems.add("binary content (NUL bytes), not FollowTheMoney JSON", lineno)
                return
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.add(
                    f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {exc.start + 1}", lineno
                )
                continue
            if text.strip():
                yield lineno, text
    except (OSError, EOFError, zlib.error) as exc:  # truncated or corrupt gzip, I/O error
        problems.add(f"cannot read on: {exc}", lineno + 1)


def _json_error(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg} at column {exc.colno}"
    return "invalid JSON: nested too deeply"


def _first(path: Path) -> tuple[int, Any]:
    """The first non-blank line, decoded; `SourceErrors` if there is none or it is not JSON."""
    problems = Problems(path)
    try:
        with _open(path) as fh:
            for lineno, text in _lines(fh, problems, stop=True):
                try:
                    return lineno, json.loads(text)
                except (ValueError, RecursionError) as exc:
                    problems.add(_json_error(exc), lineno)
                    break
    except OSError as exc:
        why = f"cannot read: {exc.strerror or exc}"
        raise SourceErrors(path, [SourceError(path, why)]) from None
    for error in problems.errors:
        error.message = f"not FollowTheMoney JSON: {error.message}"
    problems.raise_if_any()
    raise SourceErrors(path, [SourceError(path, "empty file: no FollowTheMoney entity in it")])


def _sample(obj: Any) -> dict[str, Any] | None:
    """The first entity of a decoded line, if it looks like FtM (id, schema, properties)."""
    if isinstance(obj, list) and obj:
        obj = obj[0]
    if (
        isinstance(obj, dict)
        and "id" in obj
        and isinstance(obj.get("schema"), str)
        and isinstance(obj.get("properties"), dict)
    ):
        return obj
    return None


def source_name(path: Path, first: dict[str, Any]) -> str:
    """The source a file loads as; the rule is in the module docstring."""
    datasets = first.get("datasets")
    if isinstance(datasets, list) and len(datasets) == 1 and isinstance(datasets[0], str):
        name = datasets[0].strip()
        if name:
            return name
    stem = path.name
    while stem.lower().endswith(SUFFIXES):
        stem = stem[: stem.rindex(".")]
    if stem.lower() not in GENERIC_NAMES:
        return stem
    folder = Path(path).absolute().parent.name
    if folder.lower() not in GENERIC_NAMES | {"latest"}:
        return folder
    return "ftm"


def sniff(path: Path, head: bytes) -> str | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(GZIP_MAGIC) and not text.startswith((b"{", b"[")):
        return None
    try:
        _, first = _first(path)
    except SourceError:
        return None
    sample = _sample(first)
    return source_name(path, sample) if sample is not None else None


def _flatten(item: Any) -> Iterator[Any]:
    """The entity and, depth first, every entity nested in its properties (by id)."""
    from followthemoney import model

    props = item.get("properties") if isinstance(item, dict) else None
    if not isinstance(props, dict) or not any(
        isinstance(v, dict) or (isinstance(v, list) and any(isinstance(x, dict) for x in v))
        for v in props.values()
    ):
        yield item
        return
    schema = model.get(item.get("schema") or "") if isinstance(item.get("schema"), str) else None
    flat: dict[str, list[Any]] = {}
    children: list[Any] = []
    for name, values in props.items():
        prop = schema.properties.get(name) if schema is not None else None
        kept = []
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict):
                children.append(value)
                if prop is not None and prop.stub:
                    continue  # the nested entity holds the forward reference
                value = value.get("id")
            kept.append(value)
        if kept:
            flat[name] = kept
    yield {**item, "properties": flat}
    for child in children:
        yield from _flatten(child)


def _to_entity(data: Any, source: str, problems: Problems, lineno: int) -> Entity | None:
    """Validate one flat entity dict with FtM; problems are recorded, not raised."""
    from followthemoney import model
    from followthemoney.exc import InvalidData

    if not isinstance(data, dict):
        problems.add(f"not an FtM entity: a JSON {type(data).__name__}, not an object", lineno)
        return None
    entity_id = data.get("id")
    if isinstance(entity_id, bool) or not isinstance(entity_id, (str, int)):
        entity_id = None
    entity_id = str(entity_id).strip() if entity_id is not None else ""
    if not entity_id:
        problems.add("entity without an id", lineno, field="id")
        return None
    name = data.get("schema")
    schema = model.get(name) if isinstance(name, str) and name else None
    if schema is None:
        problems.add(f"{entity_id}: unknown FtM schema {name!r}", lineno, field="schema")
        return None
    props = data.get("properties") or {}
    if not isinstance(props, dict):
        problems.add(f"{entity_id}: properties is not a JSON object", lineno, field="properties")
        return None
    raw: dict[str, Any] = {}
    unknown = [p for p in props if p not in schema.properties]
    for prop_name in unknown:
        problems.add(
            f"{entity_id}: {schema.name} has no property {prop_name!r}", lineno, field=prop_name
        )
    if unknown:
        return None
    for prop_name, values in props.items():
        if not schema.properties[prop_name].stub:  # reverse links: the other side holds them
            raw[prop_name] = values
    try:
        proxy = model.get_proxy({"id": entity_id, "schema": schema.name, "properties": raw}, False)
    except InvalidData as exc:
        problems.add(f"{entity_id}: {exc}", lineno)
        return None
    lost = lost_values(proxy, raw)
    for prop_name, value, why in lost:
        problems.add(f"{entity_id}: {value!r} {why}", lineno, field=prop_name)
    if lost:
        return None
    return Entity(entity_id, schema.name, proxy.properties, source)


@dataclass
class _Run:
    """State of one pass over a file: its problems, and the ids kept to drop repeats."""

    source: str
    problems: Problems
    dedupe: bool  # on for nested files, where one entity can appear under several targets
    seen: set[str] = field(default_factory=set)


def _line_entities(text: str, lineno: int, run: _Run) -> list[Entity]:
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError) as exc:
        run.problems.add(_json_error(exc), lineno)
        return []
    out: list[Entity] = []
    for item in obj if isinstance(obj, list) else [obj]:
        # one "{" on the line: a flat entity, no need to look for nested ones
        flat = list(_flatten(item)) if text.count("{") > 1 else [item]
        run.dedupe = run.dedupe or len(flat) > 1
        for data in flat:
            if run.dedupe and isinstance(data, dict):
                key = str(data.get("id"))
                if key in run.seen:
                    continue
                run.seen.add(key)
            entity = _to_entity(data, run.source, run.problems, lineno)
            if entity is not None:
                out.append(entity)
    return out


def _entities(path: Path, source: str) -> Iterator[Entity]:
    run = _Run(source, Problems(path), dedupe="nested" in path.name.lower())
    try:
        with _open(path) as fh:
            for lineno, text in _lines(fh, run.problems):
                try:
                    batch = _line_entities(text, lineno, run)
                except Exception as exc:  # noqa: BLE001 - FtM choking on odd input: a line problem
                    run.problems.add(f"cannot read entity: {type(exc).__name__}: {exc}", lineno)
                    continue
                yield from batch
    except OSError as exc:
        run.problems.add(f"cannot read: {exc.strerror or exc}")
    run.problems.raise_if_any()


def parse(path: Path) -> ParsedSource:
    """Check the first line now (empty, binary or not FtM fails here); stream the rest."""
    path = Path(path)
    lineno, first = _first(path)
    sample = _sample(first)
    if sample is None:
        why = "not FollowTheMoney JSON: no entity object with id, schema and properties"
        raise SourceErrors(path, [SourceError(path, why, lineno)])
    source = source_name(path, sample)
    return ParsedSource(
        source=source, format=FORMAT, path=path, files=[path], entities=_entities(path, source)
    )


PARSER = Parser(format=FORMAT, sniff=sniff, parse=parse)
