"""The summarisation section of ``diplo-ml report``: scores with CIs, ROUGE distribution, lengths, best/worst."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from diplo_ml.errors import DataError
from diplo_ml.faithfulness import segments
from diplo_ml.metrics.rouge_core import ROUGE_TYPES, per_example
from diplo_ml.reports.render import figure_uri, pyplot, read_rows, run_json
from diplo_ml.tasks.base import Task
from diplo_ml.templating import fmt, render

EXTRA = ("unsupported_entity_rate", "novel_unigram_ratio", "pred_len_mean", "ref_len_mean", "compression")


def _rouge_chart(values: np.ndarray) -> str:
    plt = pyplot()
    fig, (hist_ax, box_ax) = plt.subplots(1, 2, figsize=(10, 3.6))
    rouge_l = values[:, 2]
    hist_ax.hist(rouge_l, bins=np.linspace(0, 1, 21), color="#0072B2", edgecolor="white")
    hist_ax.axvline(float(np.mean(rouge_l)), color="#D55E00", linestyle="--", label=f"mean {np.mean(rouge_l):.3f}")
    hist_ax.set(xlabel="ROUGE-L F (per example)", ylabel="examples", title="ROUGE-L distribution")
    hist_ax.legend(fontsize=8)
    box_ax.boxplot([values[:, j] for j in range(len(ROUGE_TYPES))], tick_labels=list(ROUGE_TYPES))
    box_ax.set(ylim=(0, 1), ylabel="F-measure", title="per-example ROUGE")
    for ax in (hist_ax, box_ax):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return figure_uri(fig)


def _length_chart(pred_words: list[int], ref_words: list[int]) -> str:
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(7, 3.4))
    top = max([*pred_words, *ref_words, 1])
    bins = np.linspace(0, top + 1, min(30, top + 2))
    ax.hist(ref_words, bins=bins, alpha=0.55, color="#009E73", label=f"reference (mean {np.mean(ref_words):.1f})")
    ax.hist(pred_words, bins=bins, alpha=0.55, color="#E69F00", label=f"predicted (mean {np.mean(pred_words):.1f})")
    ax.set(xlabel="words", ylabel="examples", title="summary length")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return figure_uri(fig)


def summarise_report(task: Task, run: Path, meta: dict[str, Any]) -> str:
    rows = read_rows(run)
    for number, r in enumerate(rows, start=1):
        if not isinstance(r.get("summary"), str) or not isinstance(r.get("reference"), str):
            raise DataError(f"{run / 'predictions_test.jsonl'}:{number}: needs 'summary' and 'reference' strings")
    predictions = [r["summary"] for r in rows]
    references = [r["reference"] for r in rows]
    values = per_example(predictions, references)
    saved = run_json(run, "metrics.json").get("test", {})
    scores = [(name, fmt(saved.get(name, float(values[:, j].mean()))),
               " – ".join(fmt(v) for v in saved[f"{name}_ci"]) if f"{name}_ci" in saved else "–")
              for j, name in enumerate(ROUGE_TYPES)]
    scores += [(name, fmt(saved.get(name)), "–") for name in EXTRA if name in saved]
    order = sorted(range(len(rows)), key=lambda i: -values[i, 2])
    k = min(5, len(rows))

    def example(i: int) -> dict[str, Any]:
        unsupported = list(rows[i].get("unsupported_entities") or [])
        return {"id": rows[i].get("id"), "rouge_l": fmt(float(values[i, 2])), "reference": rows[i]["reference"],
                "segments": segments(rows[i]["summary"], unsupported), "unsupported": unsupported}

    return render("report.html.j2", task.package, scores=scores, n=len(rows), rouge_chart=_rouge_chart(values),
                  length_chart=_length_chart([len(p.split()) for p in predictions],
                                             [len(r.split()) for r in references]),
                  groups=[(f"Best {k} by ROUGE-L", [example(i) for i in order[:k]]),
                          (f"Worst {k} by ROUGE-L", [example(i) for i in order[::-1][:k]])])
