"""Pillar tagging: multi-label paragraph classification with per-label thresholds tuned on dev."""

from __future__ import annotations

import json
import logging
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from omegaconf import DictConfig, OmegaConf

from diplo_ml.cards.card import ModelCardCallback, write_card
from diplo_ml.checkpoint import write_meta
from diplo_ml.data.loader import LoadedData, load_splits
from diplo_ml.data.schema import check_pillar_record
from diplo_ml.distributed import is_main_process
from diplo_ml.errors import DiploError
from diplo_ml.inference import Tagger
from diplo_ml.metrics import load_metric
from diplo_ml.runs.manifest import RunRecorder

log = logging.getLogger(__name__)
THRESHOLD_GRID = np.round(np.arange(0.01, 1.0, 0.005), 3)


def _scorer_class(kind: str):
    if kind == "transformer":
        from diplo_ml.models.finetune import TransformerScorer

        return TransformerScorer
    if kind == "tfidf":
        from diplo_ml.models.tfidf import TfidfScorer

        return TfidfScorer
    if kind == "zeroshot":
        from diplo_ml.models.zeroshot import ZeroShotScorer

        return ZeroShotScorer
    raise DiploError(f"model kind '{kind}' does not tag pillars (use transformer, tfidf or zeroshot)")


def multi_hot(rows: list[list[str]], labels: list[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    y = np.zeros((len(rows), len(labels)), dtype=np.float32)
    for r, tags in enumerate(rows):
        for tag in tags:
            y[r, index[tag]] = 1.0
    return y


def tune_thresholds(scores: np.ndarray, y: np.ndarray, grid: np.ndarray = THRESHOLD_GRID) -> np.ndarray:
    """Per label, the threshold with the best dev F1 (ties: the one closest to 0.5; no positives: 0.5)."""
    thresholds = np.full(scores.shape[1], 0.5, dtype=np.float32)
    for j in range(scores.shape[1]):
        truth = y[:, j] > 0.5
        if not truth.any():
            continue
        pred = scores[:, j][None, :] >= grid[:, None]
        tp = (pred & truth).sum(1)
        fp = (pred & ~truth).sum(1)
        fn = (~pred & truth).sum(1)
        f1 = 2 * tp / np.maximum(2 * tp + fp + fn, 1)
        best = np.flatnonzero(np.isclose(f1, f1.max()))
        thresholds[j] = grid[best[np.argmin(np.abs(grid[best] - 0.5))]]
    return thresholds


def label_metrics(pred: np.ndarray, y: np.ndarray, labels: list[str]) -> dict[str, Any]:
    return load_metric("multilabel_f1").compute(
        predictions=pred.astype(int).tolist(), references=y.astype(int).tolist(), label_names=labels
    )


def write_predictions(path: Path, ds, labels: list[str], scores: np.ndarray, decided: np.ndarray,
                      with_source: bool = False) -> None:
    """One line per example: id, text, gold labels, predicted tags and per-label scores (for error analysis)."""
    with open(path, "w", encoding="utf-8") as handle:
        for row, sc, tags in zip(ds, scores, decided):
            handle.write(json.dumps({
                "id": row["id"], "doc_id": row.get("doc_id"), **({"source": row["source"]} if with_source else {}),
                "text": row["text"], "labels": row["labels"],
                "tags": [label for label, on in zip(labels, tags) if on],
                "scores": {label: round(float(v), 6) for label, v in zip(labels, sc)},
            }, ensure_ascii=False) + "\n")


def per_source_metrics(ds, pred: np.ndarray, y: np.ndarray, labels: list[str],
                       sources: list[str]) -> dict[str, dict[str, Any]]:
    """The metrics of each source's rows (a data config with several sources); sources without rows are left out."""
    if not sources:
        return {}
    column = np.array(ds["source"])
    return {name: label_metrics(pred[column == name], y[column == name], labels)
            for name in sources if (column == name).any()}


class PillarsTask:
    name = "pillars"

    def labels(self, cfg: DictConfig) -> list[str]:
        return [str(label) for label in cfg.task.labels]

    def load_data(self, cfg: DictConfig) -> LoadedData:
        return load_splits(cfg.data, partial(check_pillar_record, labels=self.labels(cfg)))

    def run(self, cfg: DictConfig, run_dir: Path, recorder: RunRecorder) -> dict[str, dict[str, Any]]:
        labels = self.labels(cfg)
        data = self.load_data(cfg)
        recorder.record(data={"config": str(cfg.data.name), "fingerprints": data.fingerprints,
                              "examples": data.counts, **({"sources": data.sources} if data.sources else {})})
        texts = {split: list(ds["text"]) for split, ds in data.splits.items()}
        ys = {split: multi_hot(list(ds["labels"]), labels) for split, ds in data.splits.items()}
        model_cfg = OmegaConf.to_container(cfg.model, resolve=True)
        scorer = _scorer_class(str(cfg.model.kind))(labels, model_cfg)
        card_callback = ModelCardCallback()
        log.info("fitting %s on %d paragraphs", cfg.model.name, len(texts["train"]))
        scorer.fit(
            texts["train"], ys["train"], seed=int(cfg.seed), dev_texts=texts["dev"], dev_y=ys["dev"],
            out_dir=run_dir / "trainer", trainer_cfg=OmegaConf.to_container(cfg.trainer, resolve=True),
            callbacks=[card_callback], metric_fn=lambda p, r: label_metrics(p, r, labels),
        )
        if not is_main_process():  # torchrun/accelerate: rank 0 tunes thresholds and writes the run files
            return {}
        dev_scores = scorer.scores(texts["dev"])
        thresholds = dict(zip(labels, map(float, tune_thresholds(dev_scores, ys["dev"]))))
        tagger = Tagger(scorer, labels, thresholds)
        several = sorted(data.sources) if len(data.sources) > 1 else []
        metrics, by_source = {}, {}
        for split in ("dev", "test"):
            scores = dev_scores if split == "dev" else tagger.scores(texts[split])
            decided = tagger.decide(scores)
            metrics[split] = label_metrics(decided, ys[split], labels)
            for name, values in per_source_metrics(data.splits[split], decided, ys[split], labels, several).items():
                by_source[f"{split}_{name}"] = values  # e.g. test_embedded: after dev and test in metrics.json
            write_predictions(run_dir / f"predictions_{split}.jsonl", data.splits[split], labels, scores,
                              decided, with_source=bool(several))
        metrics.update(by_source)

        folder = run_dir / "checkpoint"
        folder.mkdir(parents=True, exist_ok=True)
        scorer.save(folder)
        write_meta(folder, {
            "task": self.name, "kind": scorer.kind, "labels": labels, "thresholds": thresholds,
            "model": model_cfg, "data": {"config": str(cfg.data.name), "fingerprints": data.fingerprints},
            "run": run_dir.name,
        })
        write_card(folder, task=self.name, cfg=cfg, metrics=metrics, thresholds=thresholds,
                   data=data, training=card_callback.summary(), labels=labels,
                   run_name=run_dir.name, sources=data.sources)
        return metrics

    def evaluate(self, tagger: Tagger, cfg: DictConfig, split: str) -> dict[str, Any]:
        data = self.load_data(cfg)
        ds = data.splits[split]
        y = multi_hot(list(ds["labels"]), tagger.labels)
        decided = tagger.decide(tagger.scores(list(ds["text"])))
        metrics = label_metrics(decided, y, tagger.labels)
        if len(data.sources) > 1:  # data=pillars_all: each source's share of the split as well
            metrics["per_source"] = per_source_metrics(ds, decided, y, tagger.labels, sorted(data.sources))
        return {**metrics, "data": {"config": str(cfg.data.name), "split": split,
                                    "fingerprints": data.fingerprints}}

    def load_predictor(self, folder: Path, meta: dict[str, Any]) -> Tagger:
        scorer = _scorer_class(meta["kind"]).load(folder, meta["labels"], meta["model"])
        return Tagger(scorer, meta["labels"], meta["thresholds"], meta)
