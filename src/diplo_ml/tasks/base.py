"""The Task contract: what a task adds to the shared harness (data, fit, score, export)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from omegaconf import DictConfig

from diplo_ml.runs.manifest import RunRecorder


class Task(Protocol):
    name: str

    def run(self, cfg: DictConfig, run_dir: Path, recorder: RunRecorder) -> dict[str, dict[str, Any]]:
        """Load data, fit, score every split, export ``run_dir/checkpoint``; return metrics per split."""

    def evaluate(self, predictor: Any, cfg: DictConfig, split: str) -> dict[str, Any]:
        """Score a loaded predictor on one split of a data config."""

    def load_predictor(self, folder: Path, meta: dict[str, Any]) -> Any:
        """Rebuild the predictor saved in a checkpoint folder."""
