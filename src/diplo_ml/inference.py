"""Load a checkpoint and run it: ``diplo_ml.load(path)`` gives a Tagger or a Summariser."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import numpy as np

from diplo_ml.checkpoint import read_meta


class Scorer(Protocol):
    labels: list[str]

    def scores(self, texts: list[str]) -> np.ndarray: ...


class Tagger:
    """Multi-label pillar tagger: per-label probabilities and tags above per-label thresholds."""

    task = "pillars"

    def __init__(self, scorer: Scorer, labels: list[str], thresholds: dict[str, float],
                 meta: dict[str, Any] | None = None) -> None:
        self.scorer = scorer
        self.labels = list(labels)
        self.thresholds = np.array([float(thresholds[label]) for label in self.labels], dtype=np.float32)
        self.meta = meta or {}

    def scores(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return self.scorer.scores(list(texts))

    def decide(self, scores: np.ndarray) -> np.ndarray:
        return (scores >= self.thresholds[None, :]).astype(int)

    def predict(self, texts: list[str]) -> list[dict[str, Any]]:
        """One dict per text: ``tags`` (label names, in label order) and ``scores`` (label -> probability)."""
        scores = self.scores(texts)
        decided = self.decide(scores)
        return [
            {
                "tags": [label for label, on in zip(self.labels, row_tags) if on],
                "scores": {label: round(float(s), 4) for label, s in zip(self.labels, row_scores)},
            }
            for row_scores, row_tags in zip(scores, decided)
        ]


def load(path: str | Path, task: str | None = None, quantize: bool = False):
    """Load a checkpoint (or a run folder); ``task`` refuses a checkpoint of another task.

    ``quantize=True`` runs a fine-tuned transformer tagger with int8 dynamic quantisation (CPU).
    """
    from diplo_ml.tasks import get_task

    folder, meta = read_meta(path, task)
    predictor = get_task(meta["task"]).load_predictor(folder, meta)
    if quantize:
        from diplo_ml.quantize import quantize_predictor

        quantize_predictor(predictor)
    return predictor


class Summariser:
    """Wraps a summarisation model; every summary comes with the entities it does not find in the source."""

    task = "summarise"

    def __init__(self, model: Any, meta: dict[str, Any] | None = None) -> None:
        self.model = model
        self.meta = meta or {}

    def summarise(self, texts: list[str]) -> list[dict[str, Any]]:
        from diplo_ml.faithfulness import unsupported_entities

        if not texts:
            return []
        summaries = self.model.summarise(list(texts))
        return [{"summary": s, "unsupported_entities": unsupported_entities(s, t)} for s, t in zip(summaries, texts)]
