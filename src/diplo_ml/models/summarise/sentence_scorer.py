"""A fine-tuned encoder that scores each sentence alone, trained on greedy ROUGE-oracle labels.

Each sentence is scored alone, prefixed with its position, e.g. ``"[3/12] The minister said ..."``; only the
first ``max_article_sentences`` sentences of an article are used, in training and at inference. To keep CPU
training short, each training article contributes its oracle sentences and at most ``negatives_per_positive``
times as many other sentences drawn at random (all of them when 0 or None), the word embeddings stay frozen
(``freeze_embeddings``) and so do the lowest ``freeze_layers`` layers. A short run under-learns the lead bias of
news, so ``lead_bonus`` is added to the first sentence's logit at selection; unless the config fixes it, it is
chosen on dev from ``lead_bonus_grid`` at each evaluation (reported as ``eval_lead_bonus``) and saved.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import torch
from datasets import Dataset
from pydantic import Field, model_validator
from transformers import DataCollatorWithPadding, set_seed

from diplo_ml.data.examples import Context, Examples, context_column
from diplo_ml.files import atomic_write_json, read_json_object
from diplo_ml.models import engine, weights
from diplo_ml.models.base import CardInfo, FitContext, ModelOptions, SummarisingModel, TaskSpec
from diplo_ml.models.encoding import (
    batched_forward,
    fits_layers,
    fits_positions,
    load_classifier,
    load_tokenizer,
    model_device,
    pad_values,
    tokenize_rows,
    within_positions,
)
from diplo_ml.models.summarise.selection import candidates, oracle_labels, select_in_order

log = logging.getLogger(__name__)
CONFIG_FILE = "summariser.json"
LEAD_BONUS_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


class SentenceScorerOptions(ModelOptions):
    pretrained: weights.PretrainedName = "minilm"
    max_length: int | None = Field(96, ge=8, le=8192)
    budget_words: int | None = Field(50, ge=1, le=10_000)
    max_sentences: int | None = Field(1, ge=1)
    max_article_sentences: int = Field(40, ge=1)
    oracle_max_sentences: int = Field(3, ge=1)
    negatives_per_positive: float | None = Field(2, ge=0)
    freeze_embeddings: bool = True
    freeze_layers: int = Field(2, ge=0)
    lead_bonus: float | None = None
    lead_bonus_grid: list[float] = Field(default_factory=lambda: list(LEAD_BONUS_GRID), min_length=1)
    eval_batch_size: int = Field(64, ge=1, le=4096)

    _fits_the_encoder = model_validator(mode="after")(fits_positions)
    _freezes_layers_it_has = model_validator(mode="after")(fits_layers)


def freeze(model: torch.nn.Module, layers: int, embeddings: bool) -> None:
    """Stop gradients into the word embeddings and (with ``layers`` > 0) all embeddings and the lowest layers."""
    base = model.base_model
    frozen: list[torch.nn.Module] = []
    if embeddings or layers > 0:
        frozen.append(base.embeddings if layers > 0 else base.embeddings.word_embeddings)
    frozen.extend(base.encoder.layer[:layers])
    for module in frozen:
        for param in module.parameters():
            param.requires_grad_(False)


def with_bonus(scores: np.ndarray, bonus: float) -> np.ndarray:
    """Scores with ``bonus`` added to the first sentence's (a tunable lead prior)."""
    if bonus and len(scores):
        scores = scores.copy()
        scores[0] += bonus
    return scores


class SentenceScorerSummariser(SummarisingModel):
    """Binary sentence scorer (BCE with ``pos_weight``) on oracle labels; top sentences in document order."""

    Options = SentenceScorerOptions
    uses_trainer = True
    keeps_checkpoint_by = frozenset({"loss", "rouge_mean"})  # rouge_mean: ROUGE-1/2/L of dev summaries
    options: SentenceScorerOptions

    def __init__(self, options: SentenceScorerOptions, spec: TaskSpec, folder: Path | None = None) -> None:
        super().__init__(options, spec, folder)
        self.inference_batch_size: int | None = None  # --batch-size
        self.source = self.folder or weights.resolve(options.pretrained)
        self.tokenizer = load_tokenizer(self.source)
        self.model = load_classifier(self.source, saved=self.folder is not None, num_labels=1)
        self.max_length = within_positions(int(options.max_length or 96), self.model.config)
        saved = read_json_object(self.folder / CONFIG_FILE, "summariser settings") if self.folder else {}
        bonus = options.lead_bonus if options.lead_bonus is not None else saved.get("lead_bonus")
        self.lead_bonus = float(bonus or 0.0)

    # data ------------------------------------------------------------------------------------------------------
    def _inputs(self, text: str, headline: str | None = None) -> tuple[list[str], list[str]]:
        """(all sentences, position-prefixed inputs for the first ``max_article_sentences``; the ``headline``
        only decides which sentences are candidates)."""
        sentences, allowed = candidates(text, headline)
        n = len(sentences)
        return sentences, [f"[{i + 1}/{n}] {s}" if allowed[i] else ""
                           for i, s in enumerate(sentences[: self.options.max_article_sentences])]

    def _examples(self, split: Examples, rng: np.random.Generator | None = None
                  ) -> tuple[list[str], list[float], list[np.ndarray]]:
        """Inputs, oracle labels and the sentence positions of each article's examples (negatives sampled given
        ``rng``; only statements are examples)."""
        inputs: list[str] = []
        labels: list[float] = []
        positions: list[np.ndarray] = []
        ratio = float(self.options.negatives_per_positive or 0)
        headlines = context_column(split.context, "headline", len(split))
        for text, headline, summary in zip(split.inputs, headlines, split.targets):
            sentences, prefixed = self._inputs(text, headline)
            picked = np.asarray(oracle_labels([s if p else "" for s, p in zip(sentences, prefixed)], summary,
                                              self.options.oracle_max_sentences))
            keep = np.array([i for i, p in enumerate(prefixed) if p], dtype=int)
            if rng is not None and ratio > 0:
                negatives = np.array([i for i in keep if picked[i] == 0], dtype=int)
                n_neg = min(len(negatives), int(np.ceil(ratio * max(1, int(picked.sum())))))
                keep = np.sort(np.concatenate([np.flatnonzero(picked), rng.choice(negatives, n_neg, replace=False)
                                               ])).astype(int)
            inputs.extend(prefixed[i] for i in keep)
            labels.extend(float(picked[i]) for i in keep)
            positions.append(keep)
        return inputs, labels, positions

    def _dataset(self, inputs: list[str], labels: list[float]) -> Dataset:
        """``labels`` rows are ``[label, example index]``: the Trainer's length-grouped sampler also reorders
        evaluation batches, and the dev metric must map logits back to articles."""
        return engine.tokenized(self.tokenizer, inputs, self.max_length,
                                [[y, float(i)] for i, y in enumerate(labels)])

    # training --------------------------------------------------------------------------------------------------
    def fit(self, train: Examples, dev: Examples, context: FitContext) -> None:
        """Train on oracle labels; with evaluation on, keeps the checkpoint with the best dev ROUGE
        (``trainer.metric_for_best_model``: ``rouge_mean``, the default, or ``loss``)."""
        o = self.options
        set_seed(context.seed)
        if self.folder is None:
            self.model = load_classifier(self.source, num_labels=1)  # a seeded head, whatever happened before fit
        freeze(self.model, o.freeze_layers, o.freeze_embeddings)
        train_x, train_y, _ = self._examples(train, np.random.default_rng(context.seed))
        dev_x, dev_y, dev_positions = self._examples(dev)
        y = np.asarray(train_y, dtype=np.float32).reshape(-1, 1)
        log.info("sentence scorer: %d training sentences (%.1f%% oracle positives), %d dev sentences",
                 len(train_x), 100.0 * float(y.mean()) if len(y) else 0.0, len(dev_x))
        dev_sentences = [candidates(t)[0] for t in dev.inputs]  # the sentences alone: no headline needed
        grid = [float(o.lead_bonus)] if o.lead_bonus is not None else [float(b) for b in o.lead_bonus_grid]

        def compute_metrics(pred: Any) -> dict[str, float]:
            """Dev ROUGE of the selected sentences, at the best lead bonus of the grid."""
            logits = np.zeros(len(dev_x), dtype=np.float32)
            logits[np.asarray(pred.label_ids)[:, 1].astype(int)] = np.asarray(pred.predictions).reshape(-1)
            starts = np.cumsum([0] + [len(p) for p in dev_positions[:-1]])
            article_scores = []
            for sentences, start, where in zip(dev_sentences, starts, dev_positions):
                scores = np.full(len(sentences), -np.inf, dtype=np.float32)
                scores[where] = logits[start:start + len(where)]
                article_scores.append(scores)
            best: dict[str, float] = {}
            for bonus in grid:
                summaries = [select_in_order(sentences, with_bonus(scores, bonus), o.budget_words, o.max_sentences)
                             for sentences, scores in zip(dev_sentences, article_scores)]
                scores = context.score([{"summary": s} for s in summaries], dev)
                means = np.array([scores["rouge1"], scores["rouge2"], scores["rougeL"]])
                if not best or means.mean() > best["rouge_mean"]:
                    best = {"rouge1": float(means[0]), "rouge2": float(means[1]), "rougeL": float(means[2]),
                            "rouge_mean": float(means.mean()), "lead_bonus": bonus}
            return best

        job = engine.TrainJob(
            model=self.model, tokenizer=self.tokenizer, train=self._dataset(train_x, train_y),
            dev=self._dataset(dev_x, dev_y) if dev_x else None, collator=DataCollatorWithPadding(self.tokenizer),
            eval_batch_size=o.eval_batch_size, best_metric=context.trainer.metric_for_best_model or "rouge_mean",
            loss=engine.bce_loss(y, context.trainer, columns=1), metrics=compute_metrics)
        self.model, self.training = engine.train(job, context)
        self.lead_bonus = self._chosen_bonus(o.lead_bonus)
        self.training["lead_bonus"] = self.lead_bonus

    def _chosen_bonus(self, fixed: float | None) -> float:
        """The lead bonus of the kept checkpoint's evaluation (the fixed one, or 0 without evaluation)."""
        if fixed is not None:
            return float(fixed)
        evals = [row for row in self.training.get("log_history", []) if "eval_lead_bonus" in row]
        checkpoint = self.training.get("checkpoint")
        if checkpoint:
            step = int(Path(checkpoint).name.rsplit("-", 1)[-1])
            evals = [row for row in evals if row.get("step") == step] or evals
        return float(evals[-1]["eval_lead_bonus"]) if evals else 0.0

    # inference -------------------------------------------------------------------------------------------------
    def _forward(self, inputs: dict[str, torch.Tensor]) -> torch.Tensor:
        device = model_device(self.model)
        return self.model(**{k: v.to(device) for k, v in inputs.items()}).logits[:, 0]

    def sentence_scores(self, texts: list[str], headlines: list[str | None] | None = None
                        ) -> list[tuple[list[str], np.ndarray]]:
        """Per text: its sentences and their logits (``-inf`` past ``max_article_sentences`` and for sentences that
        are no candidates)."""
        self.model.eval()
        parsed = [self._inputs(text, headline) for text, headline in zip(texts, headlines or [None] * len(texts))]
        flat_inputs = [p for _, prefixed in parsed for p in prefixed]
        rows = tokenize_rows(self.tokenizer, flat_inputs, self.max_length)
        size = self.inference_batch_size or self.options.eval_batch_size
        flat = batched_forward(rows, size, self._forward, 1, pad_values(self.tokenizer),
                               lengths=[len(t) for t in flat_inputs], desc="scoring sentences")[:, 0]
        out = []
        start = 0
        for sentences, prefixed in parsed:
            scores = np.full(len(sentences), -np.inf, dtype=np.float32)
            scores[: len(prefixed)] = np.where([bool(p) for p in prefixed], flat[start : start + len(prefixed)],
                                               -np.inf)
            start += len(prefixed)
            out.append((sentences, scores))
        return out

    def summarise(self, texts: list[str], context: Context | None = None) -> list[str]:
        return [select_in_order(sentences, with_bonus(scores, self.lead_bonus), self.options.budget_words,
                                self.options.max_sentences)
                for sentences, scores in self.sentence_scores(texts, context_column(context, "headline", len(texts)))]

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        self.model.save_pretrained(str(folder))
        self.tokenizer.save_pretrained(str(folder))
        atomic_write_json(folder / CONFIG_FILE, {**self.option_dict(), "lead_bonus": self.lead_bonus})

    def use_batch_size(self, size: int) -> bool:
        self.inference_batch_size = size  # for predict; the option (at most 4096) stays the checkpoint's
        return True

    def card(self) -> CardInfo:
        o = self.options
        return CardInfo(
            f"`{o.pretrained}` fine-tuned as a binary sentence scorer on greedy ROUGE-oracle labels (each sentence "
            f"scored alone with its position); the top sentences within {o.budget_words} words (at most "
            f"{o.max_sentences}) are printed in document order; first-sentence bonus {self.lead_bonus:g} "
            "(chosen on dev unless fixed).", library="transformers", uses_trainer=True)
