"""The local multilabel_f1 module and threshold tuning against values computed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from diplo_ml.metrics import load_metric
from diplo_ml.tasks.pillars.task import multi_hot, tune_thresholds


def test_multilabel_f1_by_hand():
    # label a: tp=1 fp=1 fn=1 -> P=R=F1=0.5 ; label b: tp=2 fp=0 fn=0 -> 1.0
    refs = [[1, 0], [1, 1], [0, 1]]
    preds = [[1, 0], [0, 1], [1, 1]]
    out = load_metric("multilabel_f1").compute(predictions=preds, references=refs, label_names=["a", "b"])
    assert out["per_label"]["a"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert out["per_label"]["b"]["f1"] == 1.0
    assert out["macro_f1"] == pytest.approx(0.75)
    assert out["micro_f1"] == pytest.approx(2 * 3 / (2 * 3 + 1 + 1))  # tp=3 fp=1 fn=1
    assert out["exact_match"] == pytest.approx(1 / 3)


def test_tune_thresholds_finds_separating_value():
    scores = np.array([[0.9, 0.2], [0.7, 0.3], [0.4, 0.35], [0.1, 0.1]], dtype=np.float32)
    y = np.array([[1, 0], [1, 1], [0, 1], [0, 0]], dtype=np.float32)
    th = tune_thresholds(scores, y)
    assert 0.4 < th[0] <= 0.7        # anything in (0.4, 0.7] separates label 0
    assert 0.1 < th[1] <= 0.3        # label 1 positives score 0.3 and 0.35, negatives 0.2 and 0.1
    assert ((scores >= th).astype(int) == y).all()


def test_label_without_positives_keeps_half():
    th = tune_thresholds(np.array([[0.8], [0.1]]), np.array([[0.0], [0.0]]))
    assert th[0] == 0.5


def test_multi_hot():
    y = multi_hot([["b"], [], ["a", "b"]], ["a", "b"])
    assert y.tolist() == [[0, 1], [0, 0], [1, 1]]
