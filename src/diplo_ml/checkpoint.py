"""The checkpoint contract: a folder with model files plus ``diplo_ml.json`` saying what it is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diplo_ml import __version__
from diplo_ml.errors import DiploError

META = "diplo_ml.json"


def write_meta(folder: Path, meta: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    payload = {"format": 1, "diplo_ml_version": __version__, **meta}
    (folder / META).write_text(json.dumps(payload, indent=2) + "\n")


def resolve_folder(path: str | Path) -> Path:
    """Accept a checkpoint folder or a run folder (whose ``checkpoint/`` is used)."""
    path = Path(path)
    if not path.exists():
        raise DiploError(f"{path}: no such checkpoint folder")
    if (path / "checkpoint" / META).is_file():
        return path / "checkpoint"
    if not (path / META).is_file():
        raise DiploError(f"{path}: not a diplo-ml checkpoint (no {META}; pass RUN/checkpoint/ or the run folder)")
    return path


def read_meta(path: str | Path, task: str | None = None) -> tuple[Path, dict[str, Any]]:
    """Return (folder, meta); refuse a checkpoint of another task with a clear message."""
    folder = resolve_folder(path)
    meta = json.loads((folder / META).read_text())
    if task is not None and meta.get("task") != task:
        raise DiploError(
            f"{folder}: this is a '{meta.get('task')}' checkpoint; this command needs a '{task}' checkpoint"
        )
    return folder, meta
