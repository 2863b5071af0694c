"""ROUGE F-measures with percentile bootstrap intervals as a local `evaluate` module (load it by path, offline).

Scores come from ``rouge_score`` (Porter stemming on); for ``rougeLsum`` every sentence found by
``diplo_ml.text.split_sentences`` goes on its own line. Means are over examples; ``<name>_ci`` is the 95%
percentile interval of the mean over ``bootstrap`` resamples of the examples.
"""

import datasets
import evaluate

from diplo_ml.metrics.bootstrap import mean_interval
from diplo_ml.metrics.rouge_core import ROUGE_TYPES, per_example

_DESCRIPTION = "ROUGE-1/2/L/Lsum F-measures (mean over examples) with bootstrap confidence intervals."
_KWARGS = """
Args:
    predictions: list of generated summaries (strings).
    references: list of reference summaries (strings), same length.
    bootstrap: number of bootstrap resamples of the examples for the intervals (0 turns them off; default 1000).
    seed: seed of the resampling (default 0).
    return_per_example: also return the per-example F-measures under ``per_example``.
Returns:
    dict with rouge1, rouge2, rougeL, rougeLsum (mean F), n, and <name>_ci = [low, high] when bootstrap > 0.
"""


@evaluate.utils.file_utils.add_start_docstrings(_DESCRIPTION, _KWARGS)
class Rouge(evaluate.Metric):
    def _info(self):
        return evaluate.MetricInfo(
            description=_DESCRIPTION,
            citation="",
            inputs_description=_KWARGS,
            features=datasets.Features(
                {"predictions": datasets.Value("string"), "references": datasets.Value("string")}
            ),
        )

    def _compute(self, predictions, references, bootstrap=1000, seed=0, return_per_example=False):
        values = per_example(predictions, references)
        out = {"n": int(values.shape[0])}
        for j, name in enumerate(ROUGE_TYPES):
            out[name] = float(values[:, j].mean()) if len(values) else 0.0
        if bootstrap and len(values):
            intervals = mean_interval(values, int(bootstrap), int(seed))
            for j, name in enumerate(ROUGE_TYPES):
                out[f"{name}_ci"] = [float(intervals[j, 0]), float(intervals[j, 1])]
        if return_per_example:
            out["per_example"] = [dict(zip(ROUGE_TYPES, map(float, row))) for row in values]
        return out
