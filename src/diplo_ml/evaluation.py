"""`diplo-ml evaluate`: re-score a saved checkpoint on any data config and split."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diplo_ml.checkpoint import read_meta
from diplo_ml.config import compose_config
from diplo_ml.inference import load
from diplo_ml.tasks import get_task


def evaluate_checkpoint(checkpoint: str | Path, data: str | None = None, split: str = "test",
                        overrides: list[str] | None = None) -> dict[str, Any]:
    folder, meta = read_meta(checkpoint)
    data_name = data or meta["data"]["config"]
    cfg = compose_config([f"task={meta['task']}", f"data={data_name}", *(overrides or [])])
    predictor = load(folder)
    metrics = get_task(meta["task"]).evaluate(predictor, cfg, split)
    metrics["checkpoint"] = str(folder)
    return metrics
