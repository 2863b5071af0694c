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
from diplo_ml.files import DIR_MODE

log = logging.getLogger(__name__)

SOURCE_FILE = "diplo_source.json"  # marker written last: what the folder was built from, with its sha256


def cache_dir(name: str) -> Path:
    """``$DIPLO_CACHE`` (or ``<project>/.cache``) / ``models`` / ``name``."""
    root = os.environ.get("DIPLO_CACHE")
    base = Path(root).expanduser() if root else PROJECT_ROOT / ".cache"
    return base / "models" / name


def is_ready(folder: Path, sha256: str) -> bool:
    """True when ``folder`` is a complete build from a source of checksum ``sha256``."""
    marker = folder / SOURCE_FILE
    if not marker.is_file() or not (folder / "config.json").is_file():
        return False
    try:
        meta = json.loads(marker.read_text())
    except (OSError, ValueError):
        return False
    return meta.get("sha256") == sha256 and any(folder.glob("*.safetensors"))


def build_once(target: Path, sha256: str, build: Callable[[Path], None], meta: dict[str, Any],
               force: bool = False) -> Path:
    """Run ``build(tmp)`` in a temporary sibling of ``target`` and rename it into place; return ``target``.

    An interrupted build never leaves a half-written ``target``; a concurrent process that finished first wins.
    """
    if not force and is_ready(target, sha256):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    tmp.chmod(DIR_MODE)  # mkdtemp makes it private; the cache is a normal folder
    try:
        start = time.perf_counter()
        build(tmp)
        (tmp / SOURCE_FILE).write_text(json.dumps({**meta, "sha256": sha256}, indent=2) + "\n")
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
