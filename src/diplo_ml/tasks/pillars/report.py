"""The tagging section of ``diplo-ml report``: per-label scores, PR curves, calibration, confusions, errors.

Scores are recomputed from ``predictions_test.jsonl`` with the task's own :meth:`score` and checked against
``metrics.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from diplo_ml.errors import DataError, DiploError
from diplo_ml.reports.render import colours, figure_uri, pyplot, read_numbered_rows, run_json
from diplo_ml.tasks.base import Task
from diplo_ml.tasks.pillars.tagger import is_probability
from diplo_ml.templating import fmt, render

NONE = "(none)"
N_BINS = 10
TOP = 10


def calibration_bins(scores: np.ndarray, truth: np.ndarray, n_bins: int = N_BINS) -> dict[str, np.ndarray | float]:
    """Equal-width bins: mean score, observed frequency and count per non-empty bin, and the ECE."""
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    which = np.clip(np.digitize(scores, edges[1:-1]), 0, n_bins - 1)
    conf, freq, count = [], [], []
    for b in range(n_bins):
        mask = which == b
        if mask.any():
            conf.append(float(scores[mask].mean()))
            freq.append(float(truth[mask].mean()))
            count.append(int(mask.sum()))
    conf_a, freq_a, count_a = np.array(conf), np.array(freq), np.array(count)
    ece = float((count_a * np.abs(conf_a - freq_a)).sum() / max(count_a.sum(), 1))
    return {"confidence": conf_a, "frequency": freq_a, "count": count_a, "ece": ece}


def cooccurrence(rows: Sequence[dict[str, Any]], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    """Counts of (gold label, predicted label) pairs per example; an empty set counts as ``(none)``."""
    names = [*labels, NONE]
    counts = {g: dict.fromkeys(names, 0) for g in names}
    for r in rows:
        for g in r["labels"] or [NONE]:
            for p in r["tags"] or [NONE]:
                counts[g][p] += 1
    return counts


def confident_errors(rows: Sequence[dict[str, Any]], labels: Sequence[str],
                     top: int = TOP) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The highest-scored false positives and the lowest-scored false negatives (label by label)."""
    fps, fns = [], []
    for r in rows:
        for label in labels:
            error = {"id": r.get("id"), "text": r["text"], "label": label, "score": float(r["scores"][label]),
                     "gold": r["labels"], "predicted": r["tags"]}
            if label in r["tags"] and label not in r["labels"]:
                fps.append(error)
            elif label in r["labels"] and label not in r["tags"]:
                fns.append(error)
    return sorted(fps, key=lambda e: -e["score"])[:top], sorted(fns, key=lambda e: e["score"])[:top]


def _pr_chart(y: np.ndarray, s: np.ndarray, labels: Sequence[str], thresholds: dict[str, float]) -> str:
    from sklearn.metrics import average_precision_score, precision_recall_curve

    plt = pyplot()
    palette = colours(labels)
    ncols = min(len(labels), 2)
    nrows = -(-len(labels) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.6 * ncols, 3.6 * nrows), squeeze=False)
    for ax, (j, label) in zip(axes.flat, enumerate(labels)):
        ax.set(xlim=(0, 1.02), ylim=(0, 1.05), xlabel="recall", ylabel="precision")
        ax.grid(alpha=0.3)
        ax.set_title(label)
        if not y[:, j].any():
            ax.text(0.5, 0.5, "no positive examples in test", ha="center", va="center", fontsize=9)
            continue
        precision, recall, _ = precision_recall_curve(y[:, j], s[:, j])
        ax.step(recall, precision, where="post", color=palette[label],
                label=f"AP {average_precision_score(y[:, j], s[:, j]):.3f}")
        t = thresholds.get(label, 0.5)
        pred = s[:, j] >= t
        tp = int((pred & (y[:, j] > 0)).sum())
        p_at, r_at = (tp / pred.sum() if pred.sum() else 0.0), tp / y[:, j].sum()
        ax.plot([r_at], [p_at], marker="*", markersize=14, color="#D55E00", linestyle="none",
                label=f"threshold {t:.2f}: P {p_at:.2f} R {r_at:.2f}")
        ax.legend(fontsize=8, loc="lower left")
    for ax in list(axes.flat)[len(labels):]:
        ax.axis("off")
    fig.tight_layout()
    return figure_uri(fig)


def _reliability_chart(y: np.ndarray, s: np.ndarray, labels: Sequence[str]) -> tuple[str, dict[str, float]]:
    plt = pyplot()
    palette = colours(labels)
    fig, (pooled_ax, label_ax) = plt.subplots(1, 2, figsize=(10, 4))
    pooled = calibration_bins(s.ravel(), y.ravel())
    eces = {"all labels": float(pooled["ece"])}
    twin = pooled_ax.twinx()
    twin.bar(pooled["confidence"], pooled["count"], width=0.8 / N_BINS, color="#cccccc", alpha=0.6)
    twin.set_ylabel("examples per bin", color="#777777")
    pooled_ax.set_zorder(twin.get_zorder() + 1)
    pooled_ax.patch.set_visible(False)
    pooled_ax.plot(pooled["confidence"], pooled["frequency"], marker="o", color="#0072B2", label="all labels")
    for j, label in enumerate(labels):
        bins = calibration_bins(s[:, j], y[:, j])
        eces[label] = float(bins["ece"])
        label_ax.plot(bins["confidence"], bins["frequency"], marker="o", color=palette[label], label=label)
    for ax, title in ((pooled_ax, "all labels pooled"), (label_ax, "per label")):
        ax.plot([0, 1], [0, 1], linestyle="--", color="#999999", label="perfect calibration")
        ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="mean predicted score (bin)", ylabel="observed frequency",
               title=title)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    return figure_uri(fig), eces


def _heat_cells(counts: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    peak = max((v for row in counts.values() for v in row.values()), default=0) or 1
    return [{"gold": g, "cells": [{"value": v, "alpha": 0.08 + 0.75 * v / peak if v else 0.0, "diagonal": g == p}
                                  for p, v in row.items()]} for g, row in counts.items()]


def _error_rows(errors: list[dict[str, Any]], thresholds: dict[str, float]) -> list[list[Any]]:
    return [[f"{e['score']:.3f}", e["label"], f"{thresholds.get(e['label'], 0.5):.3f}", e["text"],
             ", ".join(e["gold"]) or NONE, ", ".join(e["predicted"]) or NONE, e["id"]] for e in errors]


def check_rows(rows: list[tuple[int, dict[str, Any]]], labels: list[str], path: Path) -> None:
    """Every saved prediction names only the checkpoint's labels and scores each of them (a hand-edited file is a
    one-line error at its line, not a KeyError)."""
    for line, row in rows:
        scores = row.get("scores")
        if not isinstance(scores, dict) or not all(is_probability(scores.get(label)) for label in labels):
            raise DataError(f"{path}:{line}: 'scores' must give a number from 0 to 1 for each of {', '.join(labels)}")
        for key in ("labels", "tags"):
            names = row.get(key)
            if not isinstance(names, list) or any(name not in labels for name in names):
                raise DataError(f"{path}:{line}: '{key}' must be a list of the checkpoint's labels "
                                f"({', '.join(labels)}), not {names!r}")


def tagging_report(task: Task, run: Path, meta: dict[str, Any]) -> str:
    if not (run / "checkpoint" / "diplo_ml.json").is_file():
        raise DiploError(f"{run}: no checkpoint/diplo_ml.json (deleted to save space?): the report needs the "
                         "checkpoint's labels and thresholds")
    numbered = read_numbered_rows(run)
    rows = [row for _, row in numbered]
    labels, thresholds = task.saved_thresholds(run / "checkpoint", meta)  # type: ignore[attr-defined]  # checked
    check_rows(numbered, labels, run / "predictions_test.jsonl")
    examples = task.examples(rows, {})
    computed = task.quick_score(rows, examples)
    saved_test = run_json(run, "metrics.json").get("test", {})
    y = examples.targets
    s = np.array([[float(r["scores"][label]) for label in labels] for r in rows], dtype=np.float64)
    per = computed["per_label"]
    mismatch = [label for label in labels if saved_test.get("per_label", {}).get(label) and any(
        abs(saved_test["per_label"][label][k] - per[label][k]) > 1e-9 for k in ("precision", "recall", "f1"))]
    reliability, eces = _reliability_chart(y, s, labels)
    fps, fns = confident_errors(rows, labels)
    return render("report.html.j2", task.package, labels=labels, per=per, thresholds=thresholds, computed=computed,
                  fmt=fmt, mismatch=mismatch, has_saved=bool(saved_test), pr_chart=_pr_chart(y, s, labels, thresholds),
                  reliability=reliability, eces=eces, heat=_heat_cells(cooccurrence(rows, labels)),
                  names=[*labels, NONE], false_positives=_error_rows(fps, thresholds),
                  false_negatives=_error_rows(fns, thresholds), top=TOP, n_bins=N_BINS)
