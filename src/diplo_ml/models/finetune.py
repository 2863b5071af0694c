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
)

from diplo_ml.errors import DiploError
from diplo_ml.models import registry
from diplo_ml.models.batching import length_sorted_batches, pad_rows
from diplo_ml.models.sampling import BalancedLengthSampler, balanced_weights
from diplo_ml.models.training_args import train_resuming, training_arguments

log = logging.getLogger(__name__)
TRAINER_DEFAULTS = {"num_train_epochs": 3, "train_batch_size": 16, "logging_steps": 20}
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
        raise DiploError(f"unknown trainer.pos_weight '{mode}' (use auto, sqrt or none)")
    return torch.tensor(np.clip(ratio, 1.0, cap), dtype=torch.float32)


class BalancedTrainer(Trainer):
    """A Trainer whose epochs draw class-balanced rows (``trainer.label_sampling: balanced``)."""

    def __init__(self, *args: Any, row_weights: np.ndarray, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.row_weights = row_weights

    def _get_train_sampler(self, train_dataset: Dataset | None = None) -> BalancedLengthSampler:
        dataset = train_dataset if train_dataset is not None else self.train_dataset
        lengths = [len(ids) for ids in dataset["input_ids"]]
        return BalancedLengthSampler(self.row_weights, lengths, self.args.train_batch_size, self.args.seed)


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
        args = training_arguments(trainer_cfg, out_dir, seed, strategy=strategy, best_metric="macro_f1",
                                  eval_batch_size=self.eval_batch_size, defaults=TRAINER_DEFAULTS)
        extra = list(callbacks or [])
        patience = trainer_cfg.get("early_stopping_patience")
        if patience:
            extra.append(EarlyStoppingCallback(early_stopping_patience=int(patience)))
        sampling = trainer_cfg.get("label_sampling") or "none"
        if sampling not in ("none", "balanced"):
            raise DiploError(f"unknown trainer.label_sampling '{sampling}' (use none or balanced)")
        balanced = {"row_weights": balanced_weights(train_y)} if sampling == "balanced" else {}
        trainer = (BalancedTrainer if balanced else Trainer)(
            model=self.model,
            args=args,
            train_dataset=self._tokenize(train_texts, train_y),
            eval_dataset=self._tokenize(dev_texts, dev_y),
            data_collator=DataCollatorWithPadding(self.tokenizer),
            processing_class=self.tokenizer,
            compute_loss_func=compute_loss,
            compute_metrics=compute_metrics,
            callbacks=extra,
            **balanced,
        )
        self.best = train_resuming(trainer, out_dir, trainer_cfg)
        self.model = trainer.model.eval()
        self.log_history = list(trainer.state.log_history)

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
