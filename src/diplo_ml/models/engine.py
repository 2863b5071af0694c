"""The one fine-tuning engine: every Trainer-based model (tagger, sentence scorer, document scorer, LoRA) runs here.

A model describes its job (module, tokenised datasets, collator, loss, the dev metric that keeps a checkpoint);
:func:`train` turns the ``trainer:`` options into ``TrainingArguments``, adds early stopping and class-balanced
sampling when asked, resumes from the last checkpoint in the run's ``trainer/`` folder, and returns what the
model card reports (best metric and checkpoint, steps, log history).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from datasets import Dataset
from transformers import EarlyStoppingCallback, Trainer, TrainingArguments
from transformers.trainer_utils import get_last_checkpoint

from diplo_ml.files import atomic_write_json
from diplo_ml.models.base import FitContext
from diplo_ml.models.encoding import encode_texts
from diplo_ml.models.sampling import BalancedLengthSampler, ResumableLengthSampler, Resumed, balanced_weights
from diplo_ml.options import TrainerOptions
from diplo_ml.runs import interrupt
from diplo_ml.runs.stop_on_signal import StopOnSignal

log = logging.getLogger(__name__)


def positive_weights(y: np.ndarray, mode: str | None, cap: float = 10.0) -> torch.Tensor | None:
    """``neg/pos`` per label (``mode='auto'``), its square root (``'sqrt'``), or None; capped at ``cap``."""
    if not mode or mode == "none":
        return None
    pos = y.sum(axis=0).clip(min=1.0)
    ratio = (y.shape[0] - pos) / pos
    if mode == "sqrt":
        ratio = np.sqrt(ratio)
    return torch.tensor(np.clip(ratio, 1.0, cap), dtype=torch.float32)


def bce_loss(y: np.ndarray, trainer: TrainerOptions, columns: int | None = None) -> Callable[..., torch.Tensor]:
    """Binary cross-entropy with the configured positive weights; ``columns`` keeps only the first columns of the
    label tensor (extra columns can carry example indices)."""
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=positive_weights(y, trainer.pos_weight, trainer.pos_weight_cap))

    def compute_loss(outputs: Any, labels: torch.Tensor, num_items_in_batch: Any = None) -> torch.Tensor:
        target = labels if columns is None else labels[:, :columns]
        return loss_fn(outputs.logits, target.to(outputs.logits.dtype))

    return compute_loss


def uses_cpu(trainer: TrainerOptions) -> bool:
    """``trainer.use_cpu`` when set, otherwise CPU whenever no GPU is visible."""
    return bool(trainer.use_cpu if trainer.use_cpu is not None else not torch.cuda.is_available())


def _ddp_backend(trainer: TrainerOptions) -> str | None:
    from diplo_ml.distributed import is_distributed

    if trainer.ddp_backend:
        return trainer.ddp_backend
    return "gloo" if uses_cpu(trainer) and is_distributed() else None


@dataclass
class TrainJob:
    """What a model hands the engine."""

    model: torch.nn.Module
    tokenizer: Any
    train: Dataset
    dev: Dataset | None
    collator: Any
    eval_batch_size: int
    best_metric: str | None = None               # dev metric that picks the kept checkpoint (a loss: lower wins)
    loss: Callable[..., torch.Tensor] | None = None
    metrics: Callable[[Any], dict[str, float]] | None = None
    balanced_labels: np.ndarray | None = None    # multi-hot train labels when trainer.label_sampling=balanced
    can_resume: bool = True
    arguments: dict[str, Any] = field(default_factory=dict)  # extra TrainingArguments, over everything else


def training_arguments(trainer: TrainerOptions, out_dir: Path, seed: int, job: TrainJob) -> TrainingArguments:
    """Arguments shared by every Trainer-based model, from the ``trainer:`` options (a model's own settings are
    its trainer YAML's, chosen by its experiment preset)."""
    strategy = trainer.eval_strategy if job.dev is not None else "no"
    evaluating = strategy != "no"
    best = ("loss" if trainer.metric_for_best_model == "loss" else job.best_metric) if evaluating else None
    kwargs: dict[str, Any] = {
        "output_dir": str(out_dir),
        "eval_strategy": strategy,
        "save_strategy": strategy if evaluating else (trainer.save_strategy or "no"),
        "eval_steps": trainer.eval_steps,
        "save_steps": trainer.eval_steps or 500,
        "num_train_epochs": float(trainer.num_train_epochs),
        "max_steps": int(trainer.max_steps),
        "learning_rate": float(trainer.learning_rate),
        "weight_decay": float(trainer.weight_decay),
        "warmup_steps": float(trainer.warmup_ratio),  # transformers 5: a value below 1 is a ratio of all steps
        "lr_scheduler_type": trainer.lr_scheduler_type,
        "per_device_train_batch_size": int(trainer.train_batch_size),
        "per_device_eval_batch_size": int(trainer.eval_batch_size or job.eval_batch_size),
        "gradient_accumulation_steps": int(trainer.gradient_accumulation_steps),
        "load_best_model_at_end": evaluating,
        "metric_for_best_model": best,
        "greater_is_better": (best or "").removeprefix("eval_") != "loss",
        "save_total_limit": trainer.save_total_limit,
        "logging_steps": int(trainer.logging_steps),
        "seed": seed,
        "data_seed": seed,
        "use_cpu": uses_cpu(trainer),
        "ddp_backend": _ddp_backend(trainer),
        "ddp_find_unused_parameters": trainer.ddp_find_unused_parameters,
        "report_to": "none",
        "dataloader_num_workers": 0,
        "disable_tqdm": trainer.disable_tqdm,
        "train_sampling_strategy": trainer.sampling,
        "bf16": bool(trainer.bf16),  # on CPUs with AMX or AVX512-BF16 this is where the speed is
    }
    kwargs.update(job.arguments)
    return TrainingArguments(**kwargs)


ORDER_FILE = "train_order.json"  # in a Trainer checkpoint: its epoch and, mid-epoch, that epoch's row order


class _Trainer(Trainer):
    """A Trainer whose length-grouped or class-balanced (``trainer.label_sampling: balanced``) epochs survive a
    resume: each checkpoint notes its epoch (and, in the middle of one, the epoch's row order), and a resumed run
    goes on with them, so it ends where an uninterrupted run ends."""

    def __init__(self, *args: Any, row_weights: np.ndarray | None = None, resumed: Resumed | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.row_weights = row_weights
        self.resumed = resumed
        self.epochs: BalancedLengthSampler | ResumableLengthSampler | None = None

    def _get_train_sampler(self, train_dataset: Dataset | None = None) -> Any:
        dataset = train_dataset if train_dataset is not None else self.train_dataset
        grouped = self.args.train_sampling_strategy == "group_by_length"
        if self.row_weights is None and not (grouped and isinstance(dataset, Dataset)
                                             and "input_ids" in dataset.column_names):
            if grouped:
                log.info("no input_ids to group by length: transformers' sampler, whose order a mid-epoch resume "
                         "does not repeat")
            return super()._get_train_sampler(train_dataset)  # random order: seeded per epoch by accelerate
        lengths = [len(ids) for ids in dataset["input_ids"]]
        self.epochs = BalancedLengthSampler(self.row_weights, lengths, self.args.train_batch_size, self.args.seed,
                                            self.resumed) if self.row_weights is not None else \
            ResumableLengthSampler(lengths, self.args.train_batch_size * self.args.gradient_accumulation_steps,
                                   self.resumed)
        return self.epochs

    def _save_checkpoint(self, model: Any, trial: Any) -> None:
        if self.epochs is not None and self.epochs.order:  # written first: a checkpoint never lacks it
            folder = Path(self._get_output_dir(trial=trial)) / f"checkpoint-{self.state.global_step}"
            folder.mkdir(parents=True, exist_ok=True)
            done = int(self.state.epoch or 0.0)
            note = {"epoch": done - 1, "order": None} if interrupt.at_epoch_end(self.state.epoch) else \
                {"epoch": done, "order": self.epochs.order, "draw": self.epochs.DRAW}  # (a boundary: drawn afresh)
            atomic_write_json(folder / order_file(self.args.process_index, self.args.world_size), note)
        super()._save_checkpoint(model, trial)


def order_file(process: int, processes: int) -> str:
    """One file per process in a distributed run (each draws from its own generator), as transformers' RNG states."""
    return ORDER_FILE if processes <= 1 else ORDER_FILE.replace(".json", f"_{process}.json")


def read_order(path: Path) -> Resumed:
    """An order file as the engine wrote it: ``{"epoch": e >= 0, "order": null or one row index per training row,
    "draw": "permutation" or "with replacement"}`` (every index an integer from 0 to the number of rows - 1, each
    once in a permutation); ``ValueError`` saying what is wrong otherwise."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(saved, dict) or not {"epoch", "order"} <= set(saved):
        raise ValueError("not an object with 'epoch' and 'order'")
    epoch, order = saved["epoch"], saved["order"]
    if not isinstance(epoch, int) or isinstance(epoch, bool) or epoch < 0:
        raise ValueError(f"'epoch' is {epoch!r}, not a whole number from 0")
    if order is None:
        return epoch, None
    if not isinstance(order, list) or not order:
        raise ValueError("'order' is neither null nor a list of row indices")
    wrong = next((i for i, row in enumerate(order) if not isinstance(row, int) or isinstance(row, bool)
                  or not 0 <= row < len(order)), None)
    if wrong is not None:
        raise ValueError(f"'order'[{wrong}] is {order[wrong]!r}, not a row index from 0 to {len(order) - 1}")
    draw = saved.get("draw", "with replacement")  # (files from before 'draw' was noted: not checked further)
    if draw not in ("permutation", "with replacement"):
        raise ValueError(f"'draw' is {draw!r}, not 'permutation' or 'with replacement'")
    repeated = next(((row, n) for row, n in Counter(order).items() if n > 1), None) if draw == "permutation" else None
    if repeated:
        raise ValueError(f"'order' holds row {repeated[0]} {repeated[1]} times; a permutation of the rows holds "
                         "each once")
    return epoch, order


def saved_order(checkpoint: str | None, process: int = 0, processes: int = 1) -> Resumed | None:
    """The epoch (and mid-epoch row order) a Trainer checkpoint noted; None when it noted none or the file is
    unreadable (`resume` refuses such a file before it starts): the resumed run then draws its epochs afresh."""
    path = Path(checkpoint) / order_file(process, processes) if checkpoint else None
    if path is None or not path.is_file():
        return None
    try:
        return read_order(path)
    except (OSError, ValueError) as exc:
        log.warning("%s: unreadable (%s); the resumed run draws its epochs afresh", path, exc)
        return None


def train(job: TrainJob, context: FitContext) -> tuple[torch.nn.Module, dict[str, Any]]:
    """Run the job (resuming when a checkpoint exists); return the trained module (best epoch) and its summary."""
    trainer_opts = context.trainer
    args = training_arguments(trainer_opts, context.out_dir, context.seed, job)
    callbacks = [*context.callbacks, StopOnSignal()]
    if trainer_opts.early_stopping_patience and args.eval_strategy != "no":
        callbacks.append(EarlyStoppingCallback(early_stopping_patience=int(trainer_opts.early_stopping_patience)))
    balanced = trainer_opts.label_sampling == "balanced" and job.balanced_labels is not None
    resume = None
    if job.can_resume and trainer_opts.resume and Path(context.out_dir).is_dir():
        resume = get_last_checkpoint(str(context.out_dir))
        if resume:
            log.info("resuming from %s", resume)
    trainer = _Trainer(
        model=job.model, args=args, train_dataset=job.train,
        eval_dataset=job.dev if args.eval_strategy != "no" else None,
        data_collator=job.collator, processing_class=job.tokenizer, compute_loss_func=job.loss,
        compute_metrics=job.metrics if args.eval_strategy != "no" else None, callbacks=callbacks,
        row_weights=balanced_weights(job.balanced_labels) if balanced else None,
        resumed=saved_order(resume, args.process_index, args.world_size))
    with interrupt.training():  # SIGINT/SIGTERM: save a checkpoint, stop, then raise RunInterrupted
        trainer.train(resume_from_checkpoint=resume)
    state = trainer.state
    summary = {"metric": state.best_metric, "checkpoint": state.best_model_checkpoint,
               "global_step": state.global_step, "resumed_from": resume,
               "log_history": list(state.log_history)}
    return trainer.model.eval(), summary


def tokenized(tokenizer: Any, texts: list[str], max_length: int, labels: list[Any] | None = None,
              pairs: list[str | None] | None = None) -> Dataset:
    """A Dataset of tokenised texts (with their optional second segment) and optional ``labels``."""
    data: dict[str, Any] = {"text": texts}
    if pairs is not None:
        data["pair"] = [p or "" for p in pairs]
    if labels is not None:
        data["labels"] = labels
    ds = Dataset.from_dict(data)

    def encode(batch: dict[str, list[Any]]) -> Any:
        return encode_texts(tokenizer, batch["text"], max_length, batch.get("pair"))

    return ds.map(encode, batched=True, remove_columns=[c for c in ("text", "pair") if c in data], desc="tokenising")
