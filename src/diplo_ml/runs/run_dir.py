"""Run folders: unique names, and the files every run leaves behind."""

from __future__ import annotations

import secrets
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from omegaconf import OmegaConf

from diplo_ml.files import atomic_write_json

CHECKPOINT = "checkpoint"
METRICS = "metrics.json"


@lru_cache(maxsize=1)
def process_uid() -> str:
    """A short random id, fixed for the life of the process (Hydra may resolve run.dir more than once)."""
    return secrets.token_hex(3)


def new_run_stamp() -> str:
    """``<YYYY-mm-dd_HH-MM-SS-micro>_<uid>``: the name of a fresh run (or sweep) folder."""
    return f"{datetime.now():%Y-%m-%d_%H-%M-%S-%f}_{process_uid()}"


def run_stamp() -> str:
    """The ``${run_stamp:}`` resolver: the stamp all ranks of a torchrun/accelerate job share, else a new one.

    Registered with ``use_cache=True``: the value is kept in the config, so Hydra launchers that copy the
    config into worker processes (joblib, submitit) put every job of a sweep under the same folder.
    """
    from diplo_ml.distributed import shared_stamp

    return shared_stamp() or new_run_stamp()


def absolute_path(path: str) -> str:
    """``${abspath:PATH}``: PATH made absolute against the working directory (for URIs such as sqlite:///)."""
    return str(Path(path).expanduser().resolve())


def register_resolvers() -> None:
    if not OmegaConf.has_resolver("uid"):
        OmegaConf.register_new_resolver("uid", process_uid)
    if not OmegaConf.has_resolver("abspath"):
        OmegaConf.register_new_resolver("abspath", absolute_path)
    if not OmegaConf.has_resolver("run_stamp"):
        OmegaConf.register_new_resolver("run_stamp", run_stamp, use_cache=True)


def write_metrics(run_dir: Path, metrics: dict[str, dict[str, Any]]) -> None:
    """``metrics.json`` holds every split; ``metrics_<split>.json`` one split each."""
    run_dir = Path(run_dir)
    for split, values in metrics.items():
        atomic_write_json(run_dir / f"metrics_{split}.json", values)
    atomic_write_json(run_dir / METRICS, metrics)  # last: its presence means every metric was written
