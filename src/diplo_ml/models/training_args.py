"""One place that turns a ``trainer:`` config block into ``TrainingArguments``, and runs a ``Trainer`` with resume."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import torch
from transformers import Trainer, TrainingArguments
from transformers.trainer_utils import get_last_checkpoint

log = logging.getLogger(__name__)

# Used when neither the trainer config nor the model's own defaults name a value.
BASE_DEFAULTS: dict[str, Any] = {
    "num_train_epochs": 1,
    "learning_rate": 5e-5,
    "weight_decay": 0.01,
    "warmup_ratio": 0.1,
    "train_batch_size": 16,
    "logging_steps": 20,
}


def uses_cpu(trainer_cfg: dict[str, Any]) -> bool:
    """``trainer.use_cpu`` when set, otherwise CPU whenever no GPU is visible."""
    return bool(trainer_cfg.get("use_cpu", not torch.cuda.is_available()))


def ddp_backend(trainer_cfg: dict[str, Any]) -> str | None:
    """gloo for multi-process CPU training (torchrun/accelerate); None lets the Trainer choose otherwise."""
    from diplo_ml.distributed import is_distributed

    if trainer_cfg.get("ddp_backend"):
        return str(trainer_cfg["ddp_backend"])
    return "gloo" if uses_cpu(trainer_cfg) and is_distributed() else None


def training_arguments(trainer_cfg: dict[str, Any], out_dir: str | Path, seed: int, *, strategy: str,
                       best_metric: str | None, eval_batch_size: int, defaults: dict[str, Any] | None = None,
                       **extra: Any) -> TrainingArguments:
    """Arguments shared by all Trainer-based models; ``defaults`` are the model's, ``extra`` wins over all.

    ``strategy`` is the eval/save strategy (``"no"`` trains without evaluation); when evaluating, the best
    checkpoint by ``best_metric`` is restored at the end (higher is better unless the metric is a loss).
    """
    known = {**BASE_DEFAULTS, **(defaults or {})}

    def get(key: str) -> Any:
        return trainer_cfg.get(key, known[key])

    evaluating = strategy != "no"
    kwargs: dict[str, Any] = {
        "output_dir": str(out_dir),
        "eval_strategy": strategy,
        "save_strategy": strategy if evaluating else trainer_cfg.get("save_strategy", "no"),
        "eval_steps": trainer_cfg.get("eval_steps"),
        "save_steps": trainer_cfg.get("eval_steps") or 500,
        "num_train_epochs": float(get("num_train_epochs")),
        "max_steps": int(trainer_cfg.get("max_steps", -1)),
        "learning_rate": float(get("learning_rate")),
        "weight_decay": float(get("weight_decay")),
        "warmup_steps": float(get("warmup_ratio")),  # transformers 5: a value below 1 is a ratio of all steps
        "lr_scheduler_type": trainer_cfg.get("lr_scheduler_type", "linear"),
        "per_device_train_batch_size": int(get("train_batch_size")),
        "per_device_eval_batch_size": int(eval_batch_size),
        "gradient_accumulation_steps": int(trainer_cfg.get("gradient_accumulation_steps", 1)),
        "load_best_model_at_end": evaluating,
        "metric_for_best_model": best_metric if evaluating else None,
        "greater_is_better": (best_metric or "").removeprefix("eval_") != "loss",
        "save_total_limit": int(trainer_cfg.get("save_total_limit", 2)),
        "logging_steps": int(get("logging_steps")),
        "seed": seed,
        "data_seed": seed,
        "use_cpu": uses_cpu(trainer_cfg),
        "ddp_backend": ddp_backend(trainer_cfg),
        "ddp_find_unused_parameters": bool(trainer_cfg.get("ddp_find_unused_parameters", False)),
        "report_to": "none",
        "dataloader_num_workers": 0,
        "disable_tqdm": bool(trainer_cfg.get("disable_tqdm", False)),
        "train_sampling_strategy": trainer_cfg.get("sampling", "group_by_length"),
    }
    kwargs.update(extra)
    return TrainingArguments(**kwargs)


def train_resuming(trainer: Trainer, out_dir: str | Path, trainer_cfg: dict[str, Any],
                   can_resume: bool = True) -> dict[str, Any]:
    """``trainer.train()``, resuming from the last checkpoint in ``out_dir`` (unless ``trainer.resume`` is false).

    Returns the summary kept with the model: best metric and checkpoint, steps, and where it resumed from.
    """
    resume = None
    if can_resume and trainer_cfg.get("resume", True) and Path(out_dir).is_dir():
        resume = get_last_checkpoint(str(out_dir))
        if resume:
            log.info("resuming from %s", resume)
    trainer.train(resume_from_checkpoint=resume)
    state = trainer.state
    return {"metric": state.best_metric, "checkpoint": state.best_model_checkpoint,
            "global_step": state.global_step, "resumed_from": resume}
