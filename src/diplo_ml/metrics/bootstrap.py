"""Percentile bootstrap intervals over examples, shared by every metric that reports a 95% interval."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def bootstrap_interval(statistic: Callable[[np.ndarray], np.ndarray], n: int, resamples: int = 1000, seed: int = 0,
                       level: float = 0.95) -> np.ndarray:
    """``(n_statistics, 2)`` percentile intervals of ``statistic`` over ``resamples`` resamples of ``n`` examples.

    ``statistic`` takes an ``(r, n)`` array of resampled example indices and returns ``(r, n_statistics)``.
    """
    rng = np.random.default_rng(seed)
    chunk = max(1, 2_000_000 // max(n, 1))  # bound the index matrix to ~2M entries
    values = [statistic(rng.integers(0, n, size=(min(chunk, resamples - start), n)))
              for start in range(0, resamples, chunk)]
    tail = (1.0 - level) / 2.0 * 100.0
    return np.percentile(np.concatenate(values), [tail, 100.0 - tail], axis=0).T


def mean_interval(values: np.ndarray, resamples: int, seed: int, level: float = 0.95) -> np.ndarray:
    """Intervals of the column means of ``values`` (n_examples, n_metrics) -> (n_metrics, 2)."""
    return bootstrap_interval(lambda idx: values[idx].mean(axis=1), values.shape[0], resamples, seed, level)


def f1_intervals(pred: np.ndarray, gold: np.ndarray, resamples: int = 1000, seed: int = 0) -> np.ndarray:
    """Intervals of each label's F1 and of their mean (macro-F1): ``(n_labels + 1, 2)``."""
    pred, gold = pred.astype(bool), gold.astype(bool)
    tp, fp, fn = (pred & gold).astype(float), (pred & ~gold).astype(float), (~pred & gold).astype(float)

    def statistic(idx: np.ndarray) -> np.ndarray:
        t, f, m = tp[idx].sum(axis=1), fp[idx].sum(axis=1), fn[idx].sum(axis=1)  # (r, labels)
        f1 = np.where(2 * t + f + m > 0, 2 * t / np.maximum(2 * t + f + m, 1), 0.0)
        return np.concatenate([f1, f1.mean(axis=1, keepdims=True)], axis=1)

    return bootstrap_interval(statistic, pred.shape[0], resamples, seed)
