"""A fine-tuned transformer encoder with a sigmoid/BCE multi-label head (MiniLM, mpnet or any local folder)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch
from pydantic import Field, model_validator
from transformers import DataCollatorWithPadding

from diplo_ml.data.augment import augment_examples
from diplo_ml.data.examples import Context, Examples
from diplo_ml.models import engine, weights
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, TaggingModel, TaskSpec
from diplo_ml.models.encoding import (
    batched_forward,
    fits_positions,
    load_classifier,
    load_tokenizer,
    model_device,
    pad_values,
    tokenize_rows,
    within_positions,
)

log = logging.getLogger(__name__)


class FineTunedTaggerOptions(ModelOptions):
    pretrained: weights.PretrainedName = "minilm"  # registered weights or a local folder
    max_length: int | None = Field(256, ge=8, le=8192)
    eval_batch_size: int = Field(32, ge=1, le=4096)        # Trainer evaluation
    inference_batch_size: int = Field(16, ge=1, le=4096)   # scores(): Tagger, predict
    context: Literal["none", "headline", "previous"] = "none"  # a second segment: the headline or previous paragraph
    augment: float = Field(0.0, ge=0, le=4)                # noisy copies of the train split, as a share of it

    _fits_the_encoder = model_validator(mode="after")(fits_positions)


class FineTunedTagger(TaggingModel):
    """Encoder + linear head, trained with BCE; the best epoch by dev macro-F1 (threshold 0.5) is kept."""

    Options = FineTunedTaggerOptions
    uses_trainer = True
    options: FineTunedTaggerOptions

    def __init__(self, options: FineTunedTaggerOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        source = self.folder or weights.resolve(options.pretrained)
        self.labels = list(spec.labels)
        self.tokenizer = load_tokenizer(source)
        self.model = load_classifier(source, saved=self.folder is not None, num_labels=len(self.labels),
                                     problem_type="multi_label_classification",
                                     id2label=dict(enumerate(self.labels)),
                                     label2id={label: i for i, label in enumerate(self.labels)})
        self.max_length = within_positions(int(options.max_length or 256), self.model.config)
        self.batch_size = options.inference_batch_size

    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        def compute_metrics(pred: Any) -> dict[str, float]:
            # the Trainer may reorder evaluation rows (length grouping): score against the labels it returns
            logits, refs = pred
            decided = 1.0 / (1.0 + np.exp(-logits)) >= 0.5
            rows = [{"tags": [label for label, on in zip(self.labels, row) if on]} for row in decided]
            scores = context.score(rows, Examples([""] * len(rows), np.asarray(refs)))
            return {"macro_f1": scores["macro_f1"], "micro_f1": scores["micro_f1"]}

        if self.options.augment:
            train = augment_examples(train, self.options.augment, context.seed)
        y = np.asarray(train.targets, dtype=np.float32)
        job = engine.TrainJob(
            model=self.model, tokenizer=self.tokenizer,
            train=engine.tokenized(self.tokenizer, train.inputs, self.max_length, y.tolist(),
                                   self._pairs(train.context)),
            dev=engine.tokenized(self.tokenizer, dev.inputs, self.max_length,
                                 np.asarray(dev.targets, dtype=np.float32).tolist(), self._pairs(dev.context)),
            collator=DataCollatorWithPadding(self.tokenizer), eval_batch_size=self.options.eval_batch_size,
            best_metric="macro_f1", loss=engine.bce_loss(y, context.trainer), metrics=compute_metrics,
            balanced_labels=y)
        self.model, self.training = engine.train(job, context)

    def _forward(self, inputs: dict[str, torch.Tensor]) -> torch.Tensor:
        device = model_device(self.model)
        return torch.sigmoid(self.model(**{key: value.to(device) for key, value in inputs.items()}).logits)

    def _pairs(self, context: Context | None) -> list[str | None] | None:
        """The second segments this model reads (None: it reads the paragraph alone)."""
        kind = self.options.context
        if kind == "none":
            return None
        return list((context or {}).get(kind) or [])

    def encode(self, texts: list[str], context: Context | None = None) -> list[dict[str, list[int]]]:
        """Token rows for ``texts`` as this model reads them (with its second segment when it uses context); the
        rows every inference path (``scores``, bench's ONNX path and cost model) runs."""
        pairs = self._pairs(context)
        if pairs is not None and len(pairs) != len(texts):
            pairs = [None] * len(texts)  # no context given: the paragraph alone, as a first paragraph would be
        return tokenize_rows(self.tokenizer, texts, self.max_length, pairs)

    def scores(self, texts: list[str], context: Context | None = None) -> np.ndarray:
        self.model.eval()
        return batched_forward(self.encode(texts, context), self.batch_size, self._forward, len(self.labels),
                               pad_values(self.tokenizer), padding_side=self.tokenizer.padding_side, desc="tagging")

    def torch_modules(self) -> list[Any]:
        return [self.model]

    def map_torch(self, change: Callable[[Any], Any]) -> None:
        self.model = change(self.model)

    def save(self, folder: Path) -> None:
        self.model.save_pretrained(str(folder))
        self.tokenizer.save_pretrained(str(folder))

    def use_batch_size(self, size: int) -> bool:
        self.batch_size = size
        return True

    def card(self) -> CardInfo:
        return CardInfo(
            f"Pretrained encoder `{self.options.pretrained}` fine-tuned end to end with a sigmoid/BCE multi-label "
            f"head (inputs cut at {self.max_length} tokens); the epoch with the best dev macro-F1 at threshold 0.5 "
            "is kept, then one threshold per label is tuned on dev.", library="transformers", uses_trainer=True)
