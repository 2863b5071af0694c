"""Choosing a summariser's setting on dev, over all of dev and for each data source."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from diplo_ml.metrics.rouge_core import ROUGE_TYPES, per_example
from diplo_ml.models.base import TaskSpec


def dev_measure(spec: TaskSpec) -> tuple[str, ...]:
    """The ROUGE measure a summariser makes its dev choices by: the task's selection metric (ROUGE-L, the one its
    presets are compared on), or ROUGE-L when the task names none that is a ROUGE F-measure."""
    return (spec.selection_metric,) if spec.selection_metric in ROUGE_TYPES else ("rougeL",)


def choose_per_source(candidates: Sequence[Sequence[str]], references: Sequence[str],
                      sources: Sequence[str | None], measures: Sequence[str] = ("rougeL",),
                      ) -> tuple[int, dict[str, int], np.ndarray]:
    """The setting chosen on dev, over all of dev and for each data source: the earliest (most preferred) setting
    whose mean score is within one standard error of the best one's (the one-standard-error rule: a dev gain smaller
    than the noise of its paired per-article differences is a tie, so a plainer setting is not given up for it, and
    a small change to the training data does not flip the choice).

    ``candidates`` holds one list of dev summaries per setting, the preferred settings first. An example's score is
    the mean of its ``measures`` (ROUGE F-measures). Returns the index chosen over all of dev, the index chosen for
    each named source, and each setting's mean score over all of dev."""
    columns = [ROUGE_TYPES.index(m) for m in measures]
    scores = np.stack([per_example(list(c), list(references))[:, columns].mean(axis=1) for c in candidates])

    def best(index: list[int]) -> int:
        means = scores[:, index].mean(axis=1)
        top = int(np.argmax(means))
        for setting in range(top):
            gaps = scores[top, index] - scores[setting, index]
            noise = gaps.std(ddof=1) / np.sqrt(len(index)) if len(index) > 1 else 0.0
            if means[top] - means[setting] <= noise:
                return setting
        return top

    by_source = {str(s): best([i for i, own in enumerate(sources) if own == s])
                 for s in sorted({s for s in sources if s is not None})}
    return best(list(range(len(references)))), by_source, scores.mean(axis=1)
