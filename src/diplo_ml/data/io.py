"""Read JSONL files strictly: every problem names the file and line; nothing is dropped."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from diplo_ml.errors import DataError, DiploError
from diplo_ml.files import FileSet, atomic_open, json_fault, not_a_file


class NotUnicode(ValueError):
    """A JSON string holds a lone surrogate: valid JSON, not valid Unicode text."""


SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]", re.ASCII)  # how a lone surrogate gets into JSON text


class RepeatedKey(ValueError):
    """A JSON object names a key twice: json.loads keeps the last value and drops the first without a word."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) < len(pairs):
        twice = next(key for key, count in Counter(key for key, _ in pairs).items() if count > 1)
        raise RepeatedKey(f"the key {twice!r} appears twice in one object (which value is meant?)")
    return record


def loads_strictly(text: str) -> Any:
    """``json.loads``, with what it raises besides ``JSONDecodeError`` (nesting too deep, a number of over 4,300
    digits) turned into ``ValueError`` messages a reader can show; and no lone surrogate ("\\ud83d", half an
    emoji) in any string, which no file or terminal can take later."""
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except (json.JSONDecodeError, RepeatedKey):
        raise
    except (RecursionError, ValueError) as exc:
        raise ValueError(json_fault(exc)) from None
    if SURROGATE_ESCAPE.search(text) and (where := lone_surrogate(data)):
        raise NotUnicode(f"{where} holds a lone surrogate, half of an emoji or another sign (not valid Unicode text)")
    return data


def lone_surrogate(data: Any, where: str = "the record") -> str | None:
    """Where in ``data`` a string (or key) holds a lone surrogate, as "'text'" or "'labels'[2]"; None if nowhere."""
    if isinstance(data, str):
        try:
            data.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"{where} at character {exc.start}"
        return None
    if isinstance(data, dict):
        for key, value in data.items():
            found = lone_surrogate(key, "a key") or lone_surrogate(value, repr(key) if where == "the record"
                                                                   else f"{where}[{key!r}]")
            if found:
                return found
    if isinstance(data, list):
        for i, value in enumerate(data):
            if found := lone_surrogate(value, f"{where}[{i}]"):
                return found
    return None


def parse_jsonl_lines(lines: Iterable[str], label: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, record)`` from text lines; ``label`` names the source in errors."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        line = raw.rstrip("\r\n")  # else a record cut short is reported at column 1 of the next line
        try:
            record = loads_strictly(line)
        except json.JSONDecodeError as exc:
            where = "the end of the line" if exc.pos >= len(line) else f"column {exc.colno}"
            raise DataError(f"{label}:{number}: malformed JSON ({exc.msg.removesuffix(' at')} at {where})") from None
        except NotUnicode as exc:
            raise DataError(f"{label}:{number}: {exc}") from None
        except ValueError as exc:
            raise DataError(f"{label}:{number}: unreadable JSON ({exc})") from None
        if not isinstance(record, dict):
            raise DataError(f"{label}:{number}: expected a JSON object, got {type(record).__name__}")
        yield number, record


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, record)``; blank lines are skipped, anything else must be a JSON object."""
    path = Path(path)
    if path.is_dir():
        raise DataError(f"{path}: is a folder, not a JSONL file")
    if not path.is_file():
        raise DataError(not_a_file(path))
    with open(path, "rb") as handle:
        yield from parse_jsonl_lines(_decoded(handle, str(path)), str(path))


def _decoded(lines: Iterable[bytes], label: str) -> Iterator[str]:
    """Lines as UTF-8 text (a BOM before the first allowed); a line that is not names its number."""
    for number, raw in enumerate(lines, start=1):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(f"{label}:{number}: not valid UTF-8 (byte {exc.start} of the line: "
                            f"{raw[exc.start:exc.start + 1]!r}); re-save it as UTF-8") from None


def read_jsonl(path: str | Path, check: Callable[[dict[str, Any], str, int], None] | None = None,
               seen_ids: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Read every record, run ``check(record, path, line)`` on each and refuse duplicate ids.

    ``seen_ids`` maps id -> "file:line" across several files (e.g. the splits of one data config).
    """
    seen = {} if seen_ids is None else seen_ids
    records = []
    for number, record in iter_jsonl(path):
        if check is not None:
            check(record, str(path), number)
        rid = str(record.get("id", ""))
        if rid:
            if rid in seen:
                raise DataError(f"{path}:{number}: duplicate id '{rid}' (first seen at {seen[rid]})")
            seen[rid] = f"{path}:{number}"
        records.append(record)
    if not records:
        raise DataError(f"{path}: no records")
    return records


def write_jsonl(path: str | Path, records: list[dict[str, Any]], batch: FileSet | None = None,
                replace: bool = True) -> None:
    """One JSON object per line, written atomically (a temporary sibling renamed over ``path``, or with the rest
    of ``batch`` when one is given; unless ``replace``, never over a file that appeared there meanwhile); missing
    parent folders are made."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DiploError(f"{path}: cannot make folder {path.parent} ({exc.strerror})") from None
    with (batch.open(path, replace=replace) if batch else atomic_open(path, replace=replace)) as handle:
        for record in records:
            handle.write(jsonl_line(record))


def jsonl_line(record: dict[str, Any]) -> str:
    """One record as :func:`write_jsonl` writes it."""
    return json.dumps(record, ensure_ascii=False) + "\n"
