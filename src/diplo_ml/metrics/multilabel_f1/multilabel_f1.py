"""Multi-label classification scores as a local `evaluate` module (load it by path, offline).

Inputs are multi-hot rows: ``predictions`` and ``references`` of shape (n_examples, n_labels).
Returns per-label precision, recall, F1 and support, micro and macro F1 and the exact-match ratio.
"""

import datasets
import evaluate
import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support

_DESCRIPTION = "Per-label precision/recall/F1 with support, micro/macro F1 and exact match for multi-label tags."
_KWARGS = """
Args:
    predictions: list of multi-hot lists (0/1), one per example.
    references: list of multi-hot lists (0/1), same shape.
    label_names: optional list of label names, used as keys of the per-label scores.
Returns:
    dict with micro_f1, macro_f1, exact_match, and per_label {name: {precision, recall, f1, support}}.
"""


@evaluate.utils.file_utils.add_start_docstrings(_DESCRIPTION, _KWARGS)
class MultilabelF1(evaluate.Metric):
    def _info(self):
        return evaluate.MetricInfo(
            description=_DESCRIPTION,
            citation="",
            inputs_description=_KWARGS,
            features=datasets.Features(
                {
                    "predictions": datasets.Sequence(datasets.Value("int32")),
                    "references": datasets.Sequence(datasets.Value("int32")),
                }
            ),
        )

    def _compute(self, predictions, references, label_names=None):
        pred = np.asarray(predictions, dtype=int)
        ref = np.asarray(references, dtype=int)
        n_labels = ref.shape[1]
        names = list(label_names) if label_names is not None else [str(i) for i in range(n_labels)]
        precision, recall, f1, support = precision_recall_fscore_support(ref, pred, average=None, zero_division=0)
        per_label = {
            name: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
            for name, p, r, f, s in zip(names, precision, recall, f1, support)
        }
        return {
            "micro_f1": float(f1_score(ref, pred, average="micro", zero_division=0)),
            "macro_f1": float(f1_score(ref, pred, average="macro", zero_division=0)),
            "exact_match": float(np.mean(np.all(pred == ref, axis=1))),
            "n": int(ref.shape[0]),
            "per_label": per_label,
        }
