"""Extractive summarisers: Lead-k, TextRank and a fine-tuned MiniLM sentence scorer trained on ROUGE-oracle labels.

All three share one interface (``kind``, ``fit``, ``summarise``, ``save``, ``load``); a summary is a handful of
the article's own sentences, chosen by score under a word budget and printed in document order.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Self

import joblib
import numpy as np
import torch
from datasets import Dataset
from rouge_score import rouge_scorer, tokenizers
from sklearn.feature_extraction.text import TfidfVectorizer
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainerCallback,
    set_seed,
)

from diplo_ml.models import registry
from diplo_ml.models.batching import length_sorted_batches
from diplo_ml.models.finetune import positive_weights
from diplo_ml.models.training_args import train_resuming, training_arguments
from diplo_ml.text import split_sentences

log = logging.getLogger(__name__)
TRAINER_DEFAULTS = {"num_train_epochs": 1, "learning_rate": 8e-5, "train_batch_size": 32}

_TOKENIZER = tokenizers.DefaultTokenizer(use_stemmer=True)  # the tokens rouge_score itself uses
CONFIG_FILE = "summariser.json"
LEAD_BONUS_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)  # logit bonuses for the first sentence tried on dev


# oracle and selection --------------------------------------------------------------------------
def _ngram_counts(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f_measure(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle_labels(sentences: Sequence[str], reference: str, max_sentences: int = 3) -> list[int]:
    """Greedy ROUGE oracle: 1 for the sentences whose union best matches ``reference``, else 0.

    Adds, one at a time, the sentence that most raises the mean of ROUGE-1 and ROUGE-2 F (stemmed tokens,
    n-grams counted per sentence); stops when no sentence raises it or ``max_sentences`` are chosen.
    """
    ref_tokens = _TOKENIZER.tokenize(reference)
    refs = [_ngram_counts(ref_tokens, n) for n in (1, 2)]
    grams = [[_ngram_counts(toks, n) for n in (1, 2)] for toks in map(_TOKENIZER.tokenize, sentences)]
    labels = [0] * len(sentences)
    chosen: list[Counter] = [Counter(), Counter()]
    best = 0.0
    while sum(labels) < max_sentences:
        pick, pick_score = -1, best
        for i, sentence_grams in enumerate(grams):
            if labels[i]:
                continue
            score = sum(_f_measure(chosen[k] + sentence_grams[k], refs[k]) for k in range(2)) / 2
            if score > pick_score:
                pick, pick_score = i, score
        if pick < 0:
            break
        labels[pick] = 1
        best = pick_score
        chosen = [chosen[k] + grams[pick][k] for k in range(2)]
    return labels


def select_in_order(sentences: Sequence[str], scores: Sequence[float] | np.ndarray,
                    budget_words: int | None = None, max_sentences: int | None = None) -> str:
    """The highest scoring sentences that fit ``budget_words`` (at most ``max_sentences``), in document order.

    Sentences that would overrun the budget are skipped, not cut; when even the best one is too long it is
    returned truncated to the budget, so a non-empty text never gives an empty summary. Non-finite scores
    mark sentences that may not be chosen; ties go to the earlier sentence.
    """
    values = np.asarray(scores, dtype=np.float64)
    order = [i for i in np.argsort(-values, kind="stable") if np.isfinite(values[i])]
    if not order:
        return ""
    limit = max_sentences if max_sentences and max_sentences > 0 else len(order)
    chosen: list[int] = []
    used = 0
    for i in order:
        if len(chosen) >= limit:
            break
        size = len(sentences[i].split())
        if budget_words and used + size > budget_words:
            continue
        chosen.append(int(i))
        used += size
    if not chosen:
        return " ".join(sentences[order[0]].split()[:budget_words])
    return " ".join(sentences[i] for i in sorted(chosen))


def _write_config(folder: Path, kind: str, cfg: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CONFIG_FILE).write_text(json.dumps({"kind": kind, "cfg": cfg}, indent=2, default=str))


# lead ----------------------------------------------------------------------------------------
class LeadSummariser:
    """The first ``k`` sentences (within ``budget_words``); nothing to train."""

    kind = "lead"

    def __init__(self, cfg: dict[str, Any], folder: Path | None = None) -> None:
        self.cfg = dict(cfg)
        self.k = int(cfg.get("k", 1))
        self.budget_words = cfg.get("budget_words", 50)

    def fit(self, train_texts: list[str], train_summaries: list[str], dev_texts: list[str],
            dev_summaries: list[str], seed: int, out_dir: Path, trainer_cfg: dict[str, Any],
            callbacks: list | None = None) -> None:
        """Nothing to learn."""

    def summarise(self, texts: list[str]) -> list[str]:
        out = []
        for text in texts:
            sentences = split_sentences(text)
            out.append(select_in_order(sentences, -np.arange(len(sentences), dtype=np.float64),
                                       self.budget_words, self.k))
        return out

    def save(self, folder: Path) -> None:
        _write_config(Path(folder), self.kind, self.cfg)

    @classmethod
    def load(cls, folder: Path, cfg: dict[str, Any]) -> Self:
        return cls(cfg, folder=Path(folder))


# textrank ------------------------------------------------------------------------------------
def pagerank(weights: np.ndarray, damping: float = 0.85, tol: float = 1e-6, max_iter: int = 200) -> np.ndarray:
    """PageRank of a weighted graph by power iteration; rows without edges spread their mass evenly."""
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1, keepdims=True)
    transition = np.where(out > 0, weights / np.where(out > 0, out, 1.0), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = (1.0 - damping) / n + damping * (rank @ transition)
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


class TextRankSummariser:
    """Unsupervised TextRank: PageRank over the TF-IDF cosine-similarity graph of an article's sentences.

    ``fit`` learns IDF weights from the training articles' sentences; an unfitted model fits them on each
    article's own sentences.
    """

    kind = "textrank"
    VECTORIZER_FILE = "tfidf.joblib"

    def __init__(self, cfg: dict[str, Any], folder: Path | None = None) -> None:
        self.cfg = dict(cfg)
        self.budget_words = cfg.get("budget_words", 50)
        self.max_sentences = cfg.get("max_sentences", 1)
        self.damping = float(cfg.get("damping", 0.85))
        self.vectorizer: TfidfVectorizer | None = None
        if folder is not None and (Path(folder) / self.VECTORIZER_FILE).is_file():
            self.vectorizer = joblib.load(Path(folder) / self.VECTORIZER_FILE)

    def _new_vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(lowercase=True, stop_words="english", sublinear_tf=True,
                               min_df=int(self.cfg.get("min_df", 1)))

    def fit(self, train_texts: list[str], train_summaries: list[str], dev_texts: list[str],
            dev_summaries: list[str], seed: int, out_dir: Path, trainer_cfg: dict[str, Any],
            callbacks: list | None = None) -> None:
        """Fit IDF weights on the training sentences (summaries are not used)."""
        sentences = [s for text in train_texts for s in split_sentences(text)]
        self.vectorizer = self._new_vectorizer().fit(sentences) if sentences else None

    def sentence_scores(self, sentences: list[str]) -> np.ndarray:
        """PageRank score of each sentence (uniform when the graph has no edges)."""
        if len(sentences) <= 1:
            return np.ones(len(sentences))
        try:
            vectorizer = self.vectorizer or self._new_vectorizer().fit(sentences)
            matrix = vectorizer.transform(sentences)
        except ValueError:  # only stop words: no vocabulary
            return np.ones(len(sentences))
        similarity = (matrix @ matrix.T).toarray()
        np.fill_diagonal(similarity, 0.0)
        return pagerank(similarity, self.damping)

    def summarise(self, texts: list[str]) -> list[str]:
        out = []
        for text in texts:
            sentences = split_sentences(text)
            out.append(select_in_order(sentences, self.sentence_scores(sentences), self.budget_words,
                                       self.max_sentences))
        return out

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        _write_config(folder, self.kind, self.cfg)
        if self.vectorizer is not None:
            joblib.dump(self.vectorizer, folder / self.VECTORIZER_FILE)

    @classmethod
    def load(cls, folder: Path, cfg: dict[str, Any]) -> Self:
        return cls(cfg, folder=Path(folder))


# supervised sentence scorer -----------------------------------------------------------------
class ExtractiveSummariser:
    """MiniLM fine-tuned as a binary sentence scorer on greedy-oracle labels (BCE with ``pos_weight``).

    Each sentence is scored alone, prefixed with its position, e.g. ``"[3/12] The minister said ..."``; only
    the first ``max_article_sentences`` sentences of an article are used, in training and at inference.
    To keep CPU training short, each training article contributes its oracle sentences and at most
    ``negatives_per_positive`` times as many other sentences drawn at random (all of them when 0 or None),
    the word embeddings stay frozen (``freeze_embeddings``) and so do the lowest ``freeze_layers`` layers.
    A short run under-learns the lead bias of news, so ``lead_bonus`` is added to the first sentence's logit
    at selection; unless the config fixes it, it is chosen on dev from ``lead_bonus_grid`` at each
    evaluation (reported as ``eval_lead_bonus``) and saved with the model.
    """

    kind = "extractive"

    def __init__(self, cfg: dict[str, Any], folder: Path | None = None) -> None:
        self.cfg = dict(cfg)
        self.folder = Path(folder) if folder is not None else None
        self.source = self.folder or registry.resolve(cfg.get("pretrained", "minilm"))
        self.tokenizer = AutoTokenizer.from_pretrained(str(self.source))
        self.model = self._build(self.source)
        self.max_length = int(cfg.get("max_length", 96))
        self.budget_words = cfg.get("budget_words", 50)
        self.max_sentences = cfg.get("max_sentences", 1)
        self.max_article_sentences = int(cfg.get("max_article_sentences", 40))
        self.oracle_max_sentences = int(cfg.get("oracle_max_sentences", 3))
        self.negatives_per_positive = cfg.get("negatives_per_positive", 2)
        bonus = cfg.get("lead_bonus")
        self.lead_bonus = float(bonus if bonus is not None else self._saved_cfg().get("lead_bonus") or 0.0)
        self.batch_size = int(cfg.get("eval_batch_size", 64))
        self.log_history: list[dict[str, Any]] = []
        self.best: dict[str, Any] = {}

    @staticmethod
    def _build(source: Path) -> torch.nn.Module:
        quiet = logging.getLogger("transformers.modeling_utils")
        level = quiet.level
        quiet.setLevel(logging.ERROR)  # the new scoring head is expected to be "newly initialised"
        try:
            return AutoModelForSequenceClassification.from_pretrained(str(source), num_labels=1)
        finally:
            quiet.setLevel(level)

    def _saved_cfg(self) -> dict[str, Any]:
        path = self.folder / CONFIG_FILE if self.folder is not None else None
        return json.loads(path.read_text())["cfg"] if path is not None and path.is_file() else {}

    def _freeze(self, layers: int, embeddings: bool) -> None:
        """Stop gradients into the word embeddings and (with ``layers`` > 0) all embeddings and the lowest layers."""
        base = self.model.base_model
        frozen: list[torch.nn.Module] = []
        if embeddings or layers > 0:
            frozen.append(base.embeddings if layers > 0 else base.embeddings.word_embeddings)
        frozen.extend(base.encoder.layer[:layers])
        for module in frozen:
            for param in module.parameters():
                param.requires_grad_(False)

    # data --------------------------------------------------------------------------------------
    def _inputs(self, text: str) -> tuple[list[str], list[str]]:
        """(all sentences, position-prefixed inputs for the first ``max_article_sentences``)."""
        sentences = split_sentences(text)
        n = len(sentences)
        return sentences, [f"[{i + 1}/{n}] {s}" for i, s in enumerate(sentences[: self.max_article_sentences])]

    def _examples(self, texts: list[str], summaries: list[str],
                  rng: np.random.Generator | None = None) -> tuple[list[str], list[float], list[int]]:
        """Inputs, oracle labels and the number of examples of each article (negatives sampled given ``rng``)."""
        inputs: list[str] = []
        labels: list[float] = []
        sizes: list[int] = []
        ratio = float(self.negatives_per_positive or 0)
        for text, summary in zip(texts, summaries):
            sentences, prefixed = self._inputs(text)
            picked = np.asarray(oracle_labels(sentences[: len(prefixed)], summary, self.oracle_max_sentences))
            keep = np.arange(len(prefixed))
            if rng is not None and ratio > 0:
                negatives = np.flatnonzero(picked == 0)
                n_neg = min(len(negatives), int(np.ceil(ratio * max(1, int(picked.sum())))))
                keep = np.sort(np.concatenate([np.flatnonzero(picked), rng.choice(negatives, n_neg, replace=False)]))
            inputs.extend(prefixed[i] for i in keep)
            labels.extend(float(picked[i]) for i in keep)
            sizes.append(len(keep))
        return inputs, labels, sizes

    def _dataset(self, inputs: list[str], labels: list[float]) -> Dataset:
        """Tokenised examples; ``labels`` rows are ``[label, example index]`` since the Trainer's length-grouped
        sampler also reorders evaluation batches and the dev metric must map logits back to articles."""
        ds = Dataset.from_dict({"text": inputs, "labels": [[y, float(i)] for i, y in enumerate(labels)]})
        return ds.map(lambda b: self.tokenizer(b["text"], truncation=True, max_length=self.max_length),
                      batched=True, remove_columns=["text"], desc="tokenising")

    # training ----------------------------------------------------------------------------------
    def fit(self, train_texts: list[str], train_summaries: list[str], dev_texts: list[str],
            dev_summaries: list[str], seed: int, out_dir: Path, trainer_cfg: dict[str, Any],
            callbacks: list[TrainerCallback] | None = None) -> None:
        """Train on oracle labels; with evaluation on, keeps the checkpoint with the best dev ROUGE.

        ``trainer_cfg['metric_for_best_model']`` picks the criterion: ``rouge_mean`` (mean of ROUGE-1/2/L F
        of the dev summaries, the default) or ``loss`` (dev BCE).
        """
        set_seed(seed)
        if self.folder is None:
            self.model = self._build(self.source)  # a seeded head, whatever happened before fit
        self._freeze(int(self.cfg.get("freeze_layers", 2)), bool(self.cfg.get("freeze_embeddings", True)))
        train_x, train_y, _ = self._examples(train_texts, train_summaries, np.random.default_rng(seed))
        dev_x, dev_y, dev_sizes = self._examples(dev_texts, dev_summaries)
        y = np.asarray(train_y, dtype=np.float32).reshape(-1, 1)
        log.info("extractive: %d training sentences (%.1f%% oracle positives), %d dev sentences",
                 len(train_x), 100.0 * float(y.mean()) if len(y) else 0.0, len(dev_x))
        pos_weight = positive_weights(y, trainer_cfg.get("pos_weight", "auto"),
                                      float(trainer_cfg.get("pos_weight_cap", 10.0)))
        loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)

        def compute_loss(outputs, labels, num_items_in_batch=None):
            return loss_fn(outputs.logits, labels[:, :1].to(outputs.logits.dtype))

        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
        dev_sentences = [split_sentences(t) for t in dev_texts]

        fixed_bonus = self.cfg.get("lead_bonus")
        grid = [float(fixed_bonus)] if fixed_bonus is not None else [float(b) for b in self.cfg.get(
            "lead_bonus_grid", LEAD_BONUS_GRID)]

        def compute_metrics(pred) -> dict[str, float]:
            """Dev ROUGE of the selected sentences, at the best lead bonus of the grid."""
            logits = np.zeros(len(dev_x), dtype=np.float32)
            logits[np.asarray(pred.label_ids)[:, 1].astype(int)] = np.asarray(pred.predictions).reshape(-1)
            starts = np.cumsum([0] + dev_sizes[:-1])
            best: dict[str, float] = {}
            for bonus in grid:
                values = []
                for sentences, reference, start, size in zip(dev_sentences, dev_summaries, starts, dev_sizes):
                    summary = select_in_order(sentences[:size], self._with_bonus(logits[start : start + size], bonus),
                                              self.budget_words, self.max_sentences)
                    scores = scorer.score(reference, summary)
                    values.append([scores[k].fmeasure for k in ("rouge1", "rouge2", "rougeL")])
                means = np.asarray(values).mean(axis=0) if values else np.zeros(3)
                if not best or means.mean() > best["rouge_mean"]:
                    best = {"rouge1": float(means[0]), "rouge2": float(means[1]), "rougeL": float(means[2]),
                            "rouge_mean": float(means.mean()), "lead_bonus": bonus}
            return best

        strategy = trainer_cfg.get("eval_strategy", "epoch")
        evaluating = strategy != "no" and bool(dev_x)
        best_metric = trainer_cfg.get("metric_for_best_model", "rouge_mean")
        args = training_arguments(trainer_cfg, out_dir, seed, strategy=strategy if evaluating else "no",
                                  best_metric=best_metric, eval_batch_size=self.batch_size,
                                  defaults=TRAINER_DEFAULTS)
        extra = list(callbacks or [])
        patience = trainer_cfg.get("early_stopping_patience")
        if patience and evaluating:
            extra.append(EarlyStoppingCallback(early_stopping_patience=int(patience)))
        trainer = Trainer(
            model=self.model,
            args=args,
            train_dataset=self._dataset(train_x, train_y),
            eval_dataset=self._dataset(dev_x, dev_y) if evaluating else None,
            data_collator=DataCollatorWithPadding(self.tokenizer),
            processing_class=self.tokenizer,
            compute_loss_func=compute_loss,
            compute_metrics=compute_metrics if evaluating else None,
            callbacks=extra,
        )
        self.best = train_resuming(trainer, out_dir, trainer_cfg)
        self.model = trainer.model.eval()
        self.log_history = list(trainer.state.log_history)
        self.lead_bonus = self._chosen_bonus(fixed_bonus)
        self.best["lead_bonus"] = self.lead_bonus

    def _chosen_bonus(self, fixed: float | None) -> float:
        """The lead bonus of the kept checkpoint's evaluation (the fixed one, or 0 without evaluation)."""
        if fixed is not None:
            return float(fixed)
        evals = [row for row in self.log_history if "eval_lead_bonus" in row]
        checkpoint = self.best.get("checkpoint")
        if checkpoint:
            step = int(Path(checkpoint).name.rsplit("-", 1)[-1])
            evals = [row for row in evals if row.get("step") == step] or evals
        return float(evals[-1]["eval_lead_bonus"]) if evals else 0.0

    @staticmethod
    def _with_bonus(scores: np.ndarray, bonus: float) -> np.ndarray:
        """Scores with ``bonus`` added to the first sentence's (a tunable lead prior)."""
        if bonus and len(scores):
            scores = scores.copy()
            scores[0] += bonus
        return scores

    # inference ---------------------------------------------------------------------------------
    @torch.inference_mode()
    def _score_inputs(self, inputs: list[str]) -> np.ndarray:
        self.model.eval()
        out = np.zeros(len(inputs), dtype=np.float32)
        device = next(self.model.parameters()).device
        for batch in length_sorted_batches([len(t) for t in inputs], self.batch_size):
            enc = self.tokenizer([inputs[i] for i in batch], padding=True, truncation=True,
                                 max_length=self.max_length, return_tensors="pt").to(device)
            out[batch] = self.model(**enc).logits[:, 0].float().cpu().numpy()
        return out

    def sentence_scores(self, texts: list[str]) -> list[tuple[list[str], np.ndarray]]:
        """Per text: its sentences and their logits (``-inf`` past ``max_article_sentences``)."""
        parsed = [self._inputs(text) for text in texts]
        flat = self._score_inputs([p for _, prefixed in parsed for p in prefixed])
        out = []
        start = 0
        for sentences, prefixed in parsed:
            scores = np.full(len(sentences), -np.inf, dtype=np.float32)
            scores[: len(prefixed)] = flat[start : start + len(prefixed)]
            start += len(prefixed)
            out.append((sentences, scores))
        return out

    def summarise(self, texts: list[str]) -> list[str]:
        return [select_in_order(sentences, self._with_bonus(scores, self.lead_bonus), self.budget_words,
                                self.max_sentences)
                for sentences, scores in self.sentence_scores(texts)]

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        self.model.save_pretrained(str(folder))
        self.tokenizer.save_pretrained(str(folder))
        _write_config(folder, self.kind, {**self.cfg, "lead_bonus": self.lead_bonus})

    @classmethod
    def load(cls, folder: Path, cfg: dict[str, Any]) -> Self:
        return cls(cfg, folder=Path(folder))


SUMMARISERS: dict[str, type] = {cls.kind: cls for cls in (LeadSummariser, TextRankSummariser, ExtractiveSummariser)}
__all__ = ["ExtractiveSummariser", "LeadSummariser", "SUMMARISERS", "TextRankSummariser", "oracle_labels",
           "pagerank", "select_in_order"]
