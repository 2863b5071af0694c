"""Model folders built once from packaged files into the cache (written aside, then renamed into place)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from diplo_ml.config import PROJECT_ROOT
from diplo_ml.errors import DiploError
from diplo_ml.files import DIR_MODE, share_as_usual

log = logging.getLogger(__name__)

SOURCE_FILE = "diplo_source.json"  # marker written last: what the folder was built from, with its sha256


def cache_dir(name: str) -> Path:
    """``$DIPLO_CACHE`` (or ``<project>/.cache``) / ``models`` / ``name``."""
    root = os.environ.get("DIPLO_CACHE")
    base = Path(root).expanduser() if root else PROJECT_ROOT / ".cache"
    return base / "models" / name


def is_built(folder: Path, sha256: str) -> bool:
    """True when ``folder`` holds a finished build from a source of checksum ``sha256`` (its files unchecked)."""
    marker = folder / SOURCE_FILE
    if not marker.is_file() or not (folder / "config.json").is_file():
        return False
    try:
        meta = json.loads(marker.read_text())
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and meta.get("sha256") == sha256


MAX_HEADER = 100_000_000  # safetensors refuses longer headers too


def _declared_size(path: Path) -> int | None:
    """The length a safetensors file's header says the file has (8 + header + data), or None if unreadable."""
    with open(path, "rb") as handle:
        length = int.from_bytes(handle.read(8), "little")
        if not 0 < length <= MAX_HEADER:
            return None
        try:
            header = json.loads(handle.read(length))
            ends = [int(v["data_offsets"][1]) for k, v in header.items() if k != "__metadata__"]
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None
    return 8 + length + max(ends, default=0)


def _safetensors_fault(path: Path) -> str | None:
    """What makes a safetensors file unloadable, from its header alone (the weights are never read), or None."""
    from safetensors import SafetensorError, safe_open

    size, need = path.stat().st_size, _declared_size(path)
    if need is not None and size < need:
        return f"cut short ({size:,} bytes; its header needs {need:,})"
    try:
        with safe_open(str(path), "np"):
            return None
    except (SafetensorError, OSError) as exc:
        return f"not a loadable safetensors file ({str(exc).strip().splitlines()[0]})"


def _json_fault(path: Path) -> str | None:
    """Why a JSON file does not parse, or None."""
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return f"does not parse as JSON ({exc})"
    return None


EVERY_BUILD_WRITES = ["config.json", "tokenizer.json"]  # (with the weights) what every build here writes


def _built_files(folder: Path) -> list[str]:
    """The file names the build wrote, as its marker lists them; for a marker from before the list was kept, what
    every build writes (a cache that lost its tokenizer then was taken for ready)."""
    try:
        files = json.loads((folder / SOURCE_FILE).read_text()).get("files")
    except (OSError, ValueError, AttributeError):
        return []
    if files is None:
        return EVERY_BUILD_WRITES
    return [f for f in files if isinstance(f, str)] if isinstance(files, list) else []


def damage(folder: Path) -> tuple[Path, str] | None:
    """The first damaged file of a built folder and what is wrong with it (a file the build wrote that is gone, a
    safetensors file cut short, a JSON file that does not parse), or None. Cheap: headers and small files only."""
    for name in _built_files(folder):
        if not (folder / name).is_file():
            return folder / name, "missing (the build wrote it)"
    if not any(folder.glob("*.safetensors")):
        return folder / "model.safetensors", "missing (no weights file is left)"
    for path in sorted(folder.iterdir()):
        check = {".safetensors": _safetensors_fault, ".json": _json_fault}.get(path.suffix)
        try:
            fault = check(path) if check and path.is_file() else None
        except OSError as exc:
            fault = f"unreadable ({exc.strerror})"
        if fault:
            return path, fault
    return None


def is_ready(folder: Path, sha256: str) -> bool:
    """True when ``folder`` is a complete, undamaged build from a source of checksum ``sha256``."""
    return is_built(folder, sha256) and damage(folder) is None


def rebuild_hint(name: str) -> str:
    return f"diplo-ml models prepare {name} --force"


def damaged_file(folder: Path, sha256: str) -> str | None:
    """``FILE: what is wrong`` for a finished build with a damaged file, or None (ready, or not built yet)."""
    found = damage(folder) if is_built(folder, sha256) else None
    return f"{found[0]}: {found[1]}" if found else None


def ready_or_fail(folder: Path, sha256: str, name: str) -> bool:
    """True when ``folder`` is ready to load, False when it is not built yet; a damaged build is a one-line
    error naming the file and the fix (loading it would fail deep inside transformers)."""
    bad = damaged_file(folder, sha256)
    if bad:
        raise DiploError(f"damaged model cache: {bad}; rebuild it: {rebuild_hint(name)}")
    return is_built(folder, sha256)


def status(folder: Path, sha256: str, name: str) -> str | None:
    """What `diplo-ml models list` shows for a build: its folder, or the damage and fix; None when not built."""
    if not is_built(folder, sha256):
        return None
    bad = damaged_file(folder, sha256)
    return f"damaged: {bad} (rebuild it: {rebuild_hint(name)})" if bad else str(folder)


def build_once(target: Path, sha256: str, build: Callable[[Path], None], meta: dict[str, Any],
               force: bool = False) -> Path:
    """Run ``build(tmp)`` in a temporary sibling of ``target`` and rename it into place; return ``target``.

    An interrupted build never leaves a half-written ``target``; a concurrent process that finished first wins.
    """
    if not force and is_ready(target, sha256):
        return target
    bad = None if force else damaged_file(target, sha256)
    if bad:
        log.warning("damaged model cache (%s): rebuilding it", bad)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    tmp.chmod(DIR_MODE)  # mkdtemp makes it private; the cache is a normal folder
    try:
        start = time.perf_counter()
        build(tmp)
        files = sorted(p.name for p in tmp.iterdir() if p.is_file())  # each must stay (see damage)
        (tmp / SOURCE_FILE).write_text(json.dumps({**meta, "sha256": sha256, "files": files}, indent=2) + "\n")
        share_as_usual(tmp)  # some writers (safetensors) make their files owner-only; a cache may be shared
        if target.exists():
            if not force and is_ready(target, sha256):  # another process finished first
                return target
            stale = target.with_name(f"{tmp.name}.old")
            os.replace(target, stale)
            shutil.rmtree(stale, ignore_errors=True)
        try:
            os.replace(tmp, target)
        except OSError:
            if not is_ready(target, sha256):  # lost a race to a concurrent writer: accept it only if complete
                raise
        log.info("prepared %s in %.0f s", target, time.perf_counter() - start)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target
