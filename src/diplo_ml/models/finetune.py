"""Fine-tune a packaged encoder with a sigmoid/BCE multi-label head using the transformers Trainer."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import torch
from datasets import Dataset
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainerCallback,
    TrainingArguments,
)
from transformers.trainer_utils import get_last_checkpoint

from diplo_ml.models import registry
from diplo_ml.models.batching import length_sorted_batches, pad_rows

log = logging.getLogger(__name__)
INFERENCE_BATCH_SIZE = 16  # fastest on CPU with token-length sorting (docs/benchmarks.md)


def positive_weights(y: np.ndarray, mode: str | None, cap: float = 10.0) -> torch.Tensor | None:
    """``neg/pos`` per label (``mode='auto'``), its square root (``'sqrt'``), or None; capped at ``cap``."""
    if not mode or mode == "none":
        return None
    pos = y.sum(axis=0).clip(min=1.0)
    ratio = (y.shape[0] - pos) / pos
    if mode == "sqrt":
        ratio = np.sqrt(ratio)
    elif mode != "auto":
        raise ValueError(f"unknown pos_weight mode '{mode}' (use auto, sqrt or none)")
    return torch.tensor(np.clip(ratio, 1.0, cap), dtype=torch.float32)


def _ddp_backend(trainer_cfg: dict[str, Any]) -> str | None:
    """gloo for multi-process CPU training (torchrun/accelerate); None lets the Trainer choose otherwise."""
    from diplo_ml.distributed import is_distributed

    cpu = bool(trainer_cfg.get("use_cpu", not torch.cuda.is_available()))
    return "gloo" if cpu and is_distributed() else None


class TransformerScorer:
    kind = "transformer"

    def __init__(self, labels: list[str], cfg: dict[str, Any], folder: Path | None = None) -> None:
        self.labels = labels
        self.cfg = cfg
        source = folder or registry.resolve(cfg["pretrained"])
        self.tokenizer = AutoTokenizer.from_pretrained(str(source))
        quiet = logging.getLogger("transformers.modeling_utils")
        level = quiet.level
        quiet.setLevel(logging.ERROR)  # the new classification head is expected to be "newly initialised"
        try:
            self.model = AutoModelForSequenceClassification.from_pretrained(
                str(source),
                num_labels=len(labels),
                problem_type="multi_label_classification",
                id2label=dict(enumerate(labels)),
                label2id={label: i for i, label in enumerate(labels)},
            )
        finally:
            quiet.setLevel(level)
        self.max_length = int(cfg.get("max_length", 256))
        self.eval_batch_size = int(cfg.get("eval_batch_size", 32))  # Trainer evaluation
        self.batch_size = int(cfg.get("inference_batch_size", INFERENCE_BATCH_SIZE))  # scores(): Tagger, predict
        self.log_history: list[dict[str, Any]] = []
        self.best: dict[str, Any] = {}

    # training ------------------------------------------------------------------------------
    def _tokenize(self, texts: list[str], y: np.ndarray | None) -> Dataset:
        data: dict[str, Any] = {"text": texts}
        if y is not None:
            data["labels"] = y.astype(np.float32).tolist()
        ds = Dataset.from_dict(data)
        return ds.map(lambda b: self.tokenizer(b["text"], truncation=True, max_length=self.max_length),
                      batched=True, remove_columns=["text"], desc="tokenising")

    def fit(self, train_texts: list[str], train_y: np.ndarray, seed: int, dev_texts: list[str],
            dev_y: np.ndarray, out_dir: Path, trainer_cfg: dict[str, Any],
            callbacks: list[TrainerCallback] | None = None, metric_fn=None) -> None:
        """Train with the Trainer; keeps the best epoch by dev macro-F1 (at threshold 0.5)."""
        pos_weight = positive_weights(train_y, trainer_cfg.get("pos_weight", "auto"),
                                      float(trainer_cfg.get("pos_weight_cap", 10.0)))
        loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)

        def compute_loss(outputs, labels, num_items_in_batch=None):
            return loss_fn(outputs.logits, labels.to(outputs.logits.dtype))

        def compute_metrics(pred) -> dict[str, float]:
            logits, refs = pred
            probs = 1.0 / (1.0 + np.exp(-logits))
            scores = metric_fn((probs >= 0.5).astype(int), refs.astype(int))
            return {"macro_f1": scores["macro_f1"], "micro_f1": scores["micro_f1"]}

        strategy = trainer_cfg.get("eval_strategy", "epoch")
        args = TrainingArguments(
            output_dir=str(out_dir),
            eval_strategy=strategy,
            save_strategy=strategy,
            eval_steps=trainer_cfg.get("eval_steps"),
            save_steps=trainer_cfg.get("eval_steps") or 500,
            num_train_epochs=float(trainer_cfg.get("num_train_epochs", 3)),
            max_steps=int(trainer_cfg.get("max_steps", -1)),
            learning_rate=float(trainer_cfg.get("learning_rate", 5e-5)),
            weight_decay=float(trainer_cfg.get("weight_decay", 0.01)),
            warmup_steps=float(trainer_cfg.get("warmup_ratio", 0.1)),
            lr_scheduler_type=trainer_cfg.get("lr_scheduler_type", "linear"),
            per_device_train_batch_size=int(trainer_cfg.get("train_batch_size", 16)),
            per_device_eval_batch_size=self.eval_batch_size,
            gradient_accumulation_steps=int(trainer_cfg.get("gradient_accumulation_steps", 1)),
            load_best_model_at_end=True,
            metric_for_best_model="macro_f1",
            greater_is_better=True,
            save_total_limit=int(trainer_cfg.get("save_total_limit", 2)),
            logging_steps=int(trainer_cfg.get("logging_steps", 20)),
            seed=seed,
            data_seed=seed,
            use_cpu=bool(trainer_cfg.get("use_cpu", not torch.cuda.is_available())),
            ddp_backend=trainer_cfg.get("ddp_backend") or _ddp_backend(trainer_cfg),
            ddp_find_unused_parameters=bool(trainer_cfg.get("ddp_find_unused_parameters", False)),
            report_to="none",
            dataloader_num_workers=0,
            disable_tqdm=bool(trainer_cfg.get("disable_tqdm", False)),
            train_sampling_strategy=trainer_cfg.get("sampling", "group_by_length"),
        )
        extra = list(callbacks or [])
        patience = trainer_cfg.get("early_stopping_patience")
        if patience:
            extra.append(EarlyStoppingCallback(early_stopping_patience=int(patience)))
        trainer = Trainer(
            model=self.model,
            args=args,
            train_dataset=self._tokenize(train_texts, train_y),
            eval_dataset=self._tokenize(dev_texts, dev_y),
            data_collator=DataCollatorWithPadding(self.tokenizer),
            processing_class=self.tokenizer,
            compute_loss_func=compute_loss,
            compute_metrics=compute_metrics,
            callbacks=extra,
        )
        resume = None
        if trainer_cfg.get("resume", True):
            resume = get_last_checkpoint(str(out_dir)) if Path(out_dir).is_dir() else None
            if resume:
                log.info("resuming from %s", resume)
        trainer.train(resume_from_checkpoint=resume)
        self.model = trainer.model.eval()
        self.log_history = list(trainer.state.log_history)
        self.best = {"metric": trainer.state.best_metric, "checkpoint": trainer.state.best_model_checkpoint,
                     "global_step": trainer.state.global_step, "resumed_from": resume}

    # inference -----------------------------------------------------------------------------
    @torch.inference_mode()
    def scores(self, texts: list[str]) -> np.ndarray:
        self.model.eval()
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        device = next(self.model.parameters()).device
        # one tokenizer call for every text, then batches sorted by token count: the least padding
        enc = self.tokenizer(list(texts), truncation=True, max_length=self.max_length)
        rows = [{key: enc[key][i] for key in enc.keys()} for i in range(len(texts))]
        pad = {"input_ids": self.tokenizer.pad_token_id or 0,
               "token_type_ids": getattr(self.tokenizer, "pad_token_type_id", 0)}
        for batch in length_sorted_batches([len(row["input_ids"]) for row in rows], self.batch_size):
            inputs = pad_rows([rows[i] for i in batch], pad, self.tokenizer.padding_side)
            logits = self.model(**{key: value.to(device) for key, value in inputs.items()}).logits
            out[batch] = torch.sigmoid(logits).float().cpu().numpy()
        return out

    def save(self, folder: Path) -> None:
        self.model.save_pretrained(str(folder))
        self.tokenizer.save_pretrained(str(folder))

    @classmethod
    def load(cls, folder: Path, labels: list[str], cfg: dict[str, Any]) -> TransformerScorer:
        return cls(labels, cfg, folder=Path(folder))
