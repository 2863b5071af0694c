"""What wrote a partial ``predict -o`` output, so that ``--resume`` continues it only with the same checkpoint,
precision and inputs.

``OUT.partial.json`` (written beside ``OUT.partial`` before its first row) holds a sha256 of each checkpoint file,
the precision and a sha256 of each input; where a bad input line stopped the run,
also a hash of that input up to its last written row, so that the input mended there still resumes.
"""

from __future__ import annotations

import hashlib
import json
from itertools import islice
from pathlib import Path
from typing import Any

from diplo_ml.checkpoint import read_meta
from diplo_ml.errors import DiploError
from diplo_ml.files import read_json_object, sha256_file

RECORD_FORMAT = 1
STDIN = "-"


def checkpoint_identity(checkpoint: str | Path) -> dict[str, Any]:
    """What identifies a checkpoint: its resolved folder and a sha256 of every file in it but the card, so that a
    copy made without keeping times (``cp -r``) is the same checkpoint (hashing 0.4 GB of weights takes about a
    second, once per run)."""
    folder = read_meta(checkpoint)[0].resolve()
    files: dict[str, Any] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if not path.is_file() or path.name == "README.md" or any(p.startswith(".") for p in name.split("/")):
            continue
        files[name] = sha256_file(path)
    return {"folder": str(folder), "files": files}


def input_identity(item: str) -> dict[str, Any]:
    """An input as the record keeps it: its resolved path and a sha256 of its bytes (standard input: neither)."""
    if item == STDIN:
        return {"name": item, "path": STDIN, "sha256": None}
    return {"name": item, "path": str(Path(item).resolve()), "sha256": sha256_file(item)}


def run_origin(checkpoint: str | Path, inputs: list[str], precision: str) -> dict[str, Any]:
    """What produces a partial output's rows, written beside it and compared on ``--resume``."""
    return {"format": RECORD_FORMAT, "checkpoint": checkpoint_identity(checkpoint), "precision": precision,
            "inputs": [input_identity(i) for i in inputs]}


def lines_sha256(path: str | Path, lines: int) -> str:
    """sha256 of the first ``lines`` lines of a file (newlines included)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for line in islice(handle, lines):
            digest.update(line)
    return digest.hexdigest()


def cut_at(inputs: list[str], last_key: str | None) -> dict[str, Any] | None:
    """Where a run stopped on a bad input: the input its last written row came from and, for JSONL, a sha256 of
    the lines up to that row, so that a resume accepts the input once its bad line is mended (the later lines
    have given no row yet). None when the row's input cannot be told."""
    if last_key is None:
        return None
    source, line, _, _ = json.loads(last_key)
    matches = [n for n, item in enumerate(inputs) if item != STDIN and str(Path(item)) == source]
    if not matches:
        return None
    index = matches[0]  # the same file given twice: a bad line stops the run in its first copy
    jsonl = inputs[index].lower().endswith(".jsonl") and isinstance(line, int)
    return {"input": index, "lines": line if jsonl else None,
            "sha256": lines_sha256(inputs[index], line) if jsonl else None}


def _start_over(partial: Path) -> str:
    """The way out that every refusal to resume ends with."""
    return f"resume with the same checkpoint and inputs, or delete {partial} to start over"


def _names(items: list[dict[str, Any]], most: int = 3) -> str:
    """Recorded inputs in words: "a.jsonl, b.jsonl and 4 more"."""
    names = [str(i.get("name") or i.get("path")) for i in items]
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def _check_checkpoint(before: dict[str, Any], now: dict[str, Any], partial: Path) -> None:
    """The same checkpoint files (a moved or copied folder with the same files is the same checkpoint). A record
    written before weights were hashed holds their ``[size, mtime]``; those files are compared that way."""
    folder = Path(now["folder"])
    now = {**now, "files": {name: [(folder / name).stat().st_size, (folder / name).stat().st_mtime_ns]
                            if isinstance((before.get("files") or {}).get(name), list) else digest
                            for name, digest in now["files"].items()}}
    if before.get("files") == now["files"]:
        return
    if before.get("folder") != now["folder"]:
        raise DiploError(f"{partial} was written by checkpoint {before.get('folder')}, not {now['folder']}; "
                         f"{_start_over(partial)}")
    old = before.get("files") or {}
    changed = sorted(set(old) ^ set(now["files"]) | {k for k in old if old[k] != now["files"].get(k, old[k])})
    raise DiploError(f"checkpoint {now['folder']} changed since {partial} was written ({', '.join(changed[:3])}); "
                     f"{_start_over(partial)}")


def _input_unchanged(index: int, before: dict[str, Any], now: dict[str, Any], cut: dict[str, Any] | None) -> bool:
    """Input ``index`` still gives the rows already written: same bytes, or after the cut, or mended after it."""
    if before.get("sha256") == now["sha256"]:
        return True
    if cut is None:  # the run was stopped by a signal or a crash, not a bad line: its inputs must be as they were
        return False
    if index > cut["input"]:  # not reached when the run stopped: no row came from it yet
        return True
    lines = cut.get("lines")
    return index == cut["input"] and bool(lines) and lines_sha256(now["path"], lines) == cut.get("sha256")


def check_origin(recorded: dict[str, Any], current: dict[str, Any], partial: Path) -> None:
    """Refuse, with one line naming what differs, to continue a partial output written by another checkpoint,
    precision or inputs."""
    _check_checkpoint(recorded["checkpoint"], current["checkpoint"], partial)
    if recorded.get("precision") != current["precision"]:
        raise DiploError(f"{partial} was written with --precision {recorded.get('precision')}, not "
                         f"{current['precision']}; {_start_over(partial)}")
    before, now = recorded["inputs"], current["inputs"]
    if [i.get("path") for i in before] != [i["path"] for i in now]:
        raise DiploError(f"{partial} was written from {_names(before)}, not {_names(now)}; {_start_over(partial)}")
    for index, (old, new) in enumerate(zip(before, now)):
        if not _input_unchanged(index, old, new, recorded.get("cut")):
            raise DiploError(f"input {new['name']} changed since {partial} was written; {_start_over(partial)}")


def read_record(path: Path) -> dict[str, Any] | None:
    """The resume record beside a partial output, None when there is none; a damaged one is a one-line error."""
    if not path.exists():
        return None
    record = read_json_object(path, "resume record")
    if record.get("format") != RECORD_FORMAT:
        raise DiploError(f"{path}: resume record of format {record.get('format')!r}, this version reads "
                         f"{RECORD_FORMAT}; delete {path.with_suffix('')} to start over")
    cut = record.get("cut")
    valid = (isinstance(record.get("checkpoint"), dict) and isinstance(record["checkpoint"].get("files"), dict)
             and isinstance(record.get("inputs"), list) and all(isinstance(i, dict) for i in record["inputs"])
             and (cut is None or isinstance(cut, dict) and isinstance(cut.get("input"), int)
                  and (cut.get("lines") is None or isinstance(cut["lines"], int))))
    if not valid:
        raise DiploError(f"{path}: corrupt resume record; delete {path.with_suffix('')} to start over")
    return record
