"""The pillar tagger: a tagging model plus one threshold per label."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from diplo_ml.data.examples import Context
from diplo_ml.errors import DiploError
from diplo_ml.models.base import TaggingModel
from diplo_ml.tasks.base import Predictor, as_texts


def is_probability(value: object) -> bool:
    """A score as a tagger makes it: a number from 0 to 1, give or take float rounding (NaN, infinity and true/false
    are not)."""
    return isinstance(value, int | float | np.floating) and not isinstance(value, bool) \
        and -1e-6 <= float(value) <= 1.0 + 1e-6


class Tagger(Predictor):
    """Multi-label pillar tagger: per-label probabilities and tags above per-label thresholds."""

    def __init__(self, model: TaggingModel, labels: Sequence[str], thresholds: dict[str, float],
                 meta: dict[str, Any] | None = None) -> None:
        self.model = model
        self.labels = list(labels)
        self.thresholds = np.array([float(thresholds[label]) for label in self.labels], dtype=np.float32)
        self.meta = meta or {}

    def scores(self, texts: Sequence[str], context: Context | None = None) -> np.ndarray:
        """Per-label probabilities; ``context`` (kind -> one text per input) feeds models that read one."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        scores = self.model.scores(list(texts), context)
        if not np.isfinite(scores).all():  # never written out as NaN (not JSON) or silently untagged
            raise DiploError("the model gave non-finite scores (NaN or infinity): its weights are damaged or its "
                             "training diverged")
        if scores.size and not (is_probability(scores.min()) and is_probability(scores.max())):  # reports expect it
            raise DiploError(f"the model {type(self.model).__name__} gave scores outside 0-1 ({scores.min():.4g} to "
                             f"{scores.max():.4g}): a tagging model's scores are probabilities")
        return scores

    def decide(self, scores: np.ndarray) -> np.ndarray:
        return (scores >= self.thresholds[None, :]).astype(int)

    def rows(self, scores: np.ndarray, digits: int = 4) -> list[dict[str, Any]]:
        """``tags`` (label names, in label order) and ``scores`` (label -> probability) per row of ``scores``."""
        decided = self.decide(scores)
        return [{"tags": [label for label, on in zip(self.labels, row_tags) if on],
                 "scores": {label: round(float(s), digits) for label, s in zip(self.labels, row_scores)}}
                for row_scores, row_tags in zip(scores, decided)]

    def predict(self, texts: Sequence[str], context: Context | None = None,
                digits: int = 4) -> list[dict[str, Any]]:
        """One dict per text: ``tags`` and ``scores`` (rounded to ``digits``)."""
        return self.rows(self.scores(as_texts(texts), context), digits)
