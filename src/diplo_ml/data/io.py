"""Read JSONL files strictly: every problem names the file and line; nothing is dropped."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from diplo_ml.errors import DataError, DiploError
from diplo_ml.files import FileSet, atomic_open, not_a_file


def parse_jsonl_lines(lines: Iterable[str], label: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, record)`` from text lines; ``label`` names the source in errors."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise DataError(f"{label}:{number}: malformed JSON ({exc.msg.removesuffix(' at')} at column "
                            f"{exc.colno})") from None
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


def write_jsonl(path: str | Path, records: list[dict[str, Any]], batch: FileSet | None = None) -> None:
    """One JSON object per line, written atomically (a temporary sibling renamed over ``path``, or with the rest
    of ``batch`` when one is given); missing parent folders are made."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DiploError(f"{path}: cannot make folder {path.parent} ({exc.strerror})") from None
    with (batch.open(path) if batch else atomic_open(path)) as handle:
        for record in records:
            handle.write(jsonl_line(record))


def jsonl_line(record: dict[str, Any]) -> str:
    """One record as :func:`write_jsonl` writes it."""
    return json.dumps(record, ensure_ascii=False) + "\n"
