"""`diplo-ml report RUN`: a self-contained ``RUN/report.html`` for error analysis of a finished run.

Tagging runs: per-label P/R/F1 (recomputed from ``predictions_test.jsonl``, equal to ``metrics.json``),
precision-recall curves with the saved thresholds marked, reliability diagrams, gold x predicted label
counts, and the most confident false positives and false negatives. Summarisation runs: the per-example
ROUGE distribution, predicted vs reference lengths, and the best and worst summaries beside their references.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from diplo_ml.checkpoint import META
from diplo_ml.data.io import iter_jsonl
from diplo_ml.errors import DataError, DiploError
from diplo_ml.metrics import load_metric
from diplo_ml.reports.brief import segments
from diplo_ml.reports.render import Raw, colours, esc, figure_uri, fmt, img, page, pyplot, table, write_text

NONE = "(none)"
N_BINS = 10
TOP = 10


# ---------------------------------------------------------------------------------------------- run folder
def read_run(run_dir: str | Path) -> tuple[Path, str, dict[str, Any]]:
    """(folder, task, checkpoint meta) of a run folder; the task comes from the checkpoint or config.yaml."""
    run = Path(run_dir)
    if not run.is_dir():
        raise DiploError(f"{run}: no such run folder")
    meta_path = run / "checkpoint" / META
    meta = json.loads(meta_path.read_text()) if meta_path.is_file() else {}
    task = meta.get("task")
    if task is None and (run / "config.yaml").is_file():
        from omegaconf import OmegaConf

        task = OmegaConf.select(OmegaConf.load(run / "config.yaml"), "task.name")
    if task is None:
        raise DiploError(f"{run}: not a run folder (no checkpoint/{META} or config.yaml naming the task)")
    if not (run / "predictions_test.jsonl").is_file():
        raise DiploError(f"{run}: no predictions_test.jsonl (is the run finished?)")
    return run, str(task), meta


def _json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.is_file() else {}


def _rows(run: Path) -> list[dict[str, Any]]:
    rows = [record for _, record in iter_jsonl(run / "predictions_test.jsonl")]
    if not rows:
        raise DataError(f"{run / 'predictions_test.jsonl'}: no predictions")
    return rows


def _header(run: Path, task: str, meta: dict[str, Any]) -> str:
    manifest = _json(run / "manifest.json")
    model = (meta.get("model") or {}).get("name") or meta.get("kind") or "?"
    data = (meta.get("data") or {}).get("config") or (manifest.get("data") or {}).get("config") or "?"
    git = manifest.get("git") or {}
    facts = [f"task: {task}", f"model: {model}", f"data: {data}", f"status: {manifest.get('status', '?')}",
             f"started: {manifest.get('started', '?')}", f"wall time: {manifest.get('wall_time_s', '?')} s",
             f"commit: {str(git.get('commit', '?'))[:10]}{' (dirty)' if git.get('dirty') else ''}"]
    return (f"<h1>Run report: {esc(run.name)}</h1><div class=\"meta\">{' · '.join(esc(f) for f in facts)}<br>"
            f'<span class="muted">{esc(run.resolve())} · test split</span></div>')


# ---------------------------------------------------------------------------------------------- tagging
def _multi_hot(sets: Sequence[Sequence[str]], labels: Sequence[str]) -> np.ndarray:
    return np.array([[int(label in s) for label in labels] for s in sets], dtype=int).reshape(len(sets), len(labels))


def tagging_metrics(rows: Sequence[dict[str, Any]], labels: Sequence[str]) -> dict[str, Any]:
    """P/R/F1 per label, micro/macro F1 and exact match from gold ``labels`` vs predicted ``tags``."""
    return load_metric("multilabel_f1").compute(
        predictions=_multi_hot([r["tags"] for r in rows], labels).tolist(),
        references=_multi_hot([r["labels"] for r in rows], labels).tolist(), label_names=list(labels))


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
        if not y[:, j].any():
            ax.set_title(label)
            ax.text(0.5, 0.5, "no positive examples in test", ha="center", va="center", fontsize=9)
            continue
        precision, recall, _ = precision_recall_curve(y[:, j], s[:, j])
        ap = average_precision_score(y[:, j], s[:, j])
        ax.step(recall, precision, where="post", color=palette[label], label=f"AP {ap:.3f}")
        t = thresholds.get(label, 0.5)
        pred = s[:, j] >= t
        tp = int((pred & (y[:, j] > 0)).sum())
        p_at, r_at = (tp / pred.sum() if pred.sum() else 0.0), tp / y[:, j].sum()
        ax.plot([r_at], [p_at], marker="*", markersize=14, color="#D55E00", linestyle="none",
                label=f"threshold {t:.2f}: P {p_at:.2f} R {r_at:.2f}")
        ax.set_title(label)
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
    width = 1.0 / N_BINS
    twin = pooled_ax.twinx()
    twin.bar(pooled["confidence"], pooled["count"], width=width * 0.8, color="#cccccc", alpha=0.6)
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


def cooccurrence(rows: Sequence[dict[str, Any]], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    """Counts of (gold label, predicted label) pairs per example; an empty set counts as ``(none)``."""
    names = [*labels, NONE]
    counts = {g: dict.fromkeys(names, 0) for g in names}
    for r in rows:
        for g in r["labels"] or [NONE]:
            for p in r["tags"] or [NONE]:
                counts[g][p] += 1
    return counts


def _heat_table(counts: dict[str, dict[str, int]]) -> str:
    names = list(counts)
    peak = max((v for row in counts.values() for v in row.values()), default=0) or 1
    head = "".join(f"<th>{esc(n)}</th>" for n in names)
    body = []
    for g in names:
        cells = []
        for p in names:
            v = counts[g][p]
            alpha = 0.08 + 0.75 * v / peak if v else 0.0
            border = "outline:2px solid #333;" if g == p else ""
            cells.append(f'<td class="n" style="background:rgba(0,114,178,{alpha:.2f});{border}'
                         f'color:{"#fff" if alpha > 0.5 else "#000"}">{v}</td>')
        body.append(f"<tr><th>{esc(g)}</th>{''.join(cells)}</tr>")
    return (f"<table><thead><tr><th>gold ↓ / predicted →</th>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
            "</table>")


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


def _error_table(errors: list[dict[str, Any]], thresholds: dict[str, float]) -> str:
    if not errors:
        return '<p class="muted">None in the test split.</p>'
    rows = [(f"{e['score']:.3f}", e["label"], f"{thresholds.get(e['label'], 0.5):.3f}", e["text"],
             ", ".join(e["gold"]) or NONE, ", ".join(e["predicted"]) or NONE, e["id"]) for e in errors]
    return table(["score", "label", "threshold", "text", "gold", "predicted", "id"], rows, numeric=[0, 2])


def tagging_report(run: Path, meta: dict[str, Any]) -> str:
    rows = _rows(run)
    labels = list(meta.get("labels") or rows[0]["scores"])
    saved = meta.get("thresholds") or {}
    thresholds = {label: float(saved.get(label, 0.5)) for label in labels}
    computed = tagging_metrics(rows, labels)
    saved_test = _json(run / "metrics.json").get("test", {})
    y = _multi_hot([r["labels"] for r in rows], labels)
    s = np.array([[float(r["scores"][label]) for label in labels] for r in rows], dtype=np.float64)

    parts = ["<h2>Scores per label (test)</h2>"]
    per = computed["per_label"]
    parts.append(table(["label", "precision", "recall", "F1", "support", "threshold"],
                       [(label, fmt(per[label]["precision"]), fmt(per[label]["recall"]), fmt(per[label]["f1"]),
                         per[label]["support"], f"{thresholds[label]:.3f}") for label in labels],
                       numeric=[1, 2, 3, 4, 5]))
    parts.append(f"<p>micro-F1 {fmt(computed['micro_f1'])} · macro-F1 {fmt(computed['macro_f1'])} · "
                 f"exact match {fmt(computed['exact_match'])} · {computed['n']} paragraphs</p>")
    mismatch = [label for label in labels if saved_test.get("per_label", {}).get(label) and any(
        abs(saved_test["per_label"][label][k] - per[label][k]) > 1e-9 for k in ("precision", "recall", "f1"))]
    if mismatch:
        parts.append(f'<p class="warn">metrics.json differs from the saved predictions for: {esc(", ".join(mismatch))}'
                     "</p>")
    elif not saved_test:
        parts.append('<p class="muted">No metrics.json test scores to check these against.</p>')
    parts.append("<h2>Precision-recall curves</h2><p class=\"muted\">Star: the threshold tuned on dev and saved "
                 "with the checkpoint, applied to test.</p>")
    parts.append(img(_pr_chart(y, s, labels, thresholds), "precision-recall curves per label"))
    chart, eces = _reliability_chart(y, s, labels)
    parts.append("<h2>Calibration</h2><p class=\"muted\">Reliability diagram: scores binned in "
                 f"{N_BINS} equal-width bins; a calibrated model lies on the diagonal. ECE = expected calibration "
                 "error (count-weighted mean gap).</p>")
    parts.append(img(chart, "reliability diagram"))
    parts.append(table(["labels", "ECE"], [(k, fmt(v)) for k, v in eces.items()], numeric=[1]))
    parts.append("<h2>Gold vs predicted labels</h2><p class=\"muted\">For every test paragraph, each gold label "
                 "(or (none)) is counted against each predicted label (or (none)); off-diagonal cells are "
                 "confusions, including co-occurring labels.</p>")
    parts.append(_heat_table(cooccurrence(rows, labels)))
    fps, fns = confident_errors(rows, labels)
    parts.append(f"<h2>Most confident false positives (top {TOP})</h2>{_error_table(fps, thresholds)}")
    parts.append(f"<h2>Most confident false negatives (top {TOP})</h2><p class=\"muted\">Gold labels the model "
                 f"scored lowest.</p>{_error_table(fns, thresholds)}")
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------- summarisation
def _rouge_chart(per_example: list[dict[str, float]]) -> str:
    plt = pyplot()
    fig, (hist_ax, box_ax) = plt.subplots(1, 2, figsize=(10, 3.6))
    rouge_l = [p["rougeL"] for p in per_example]
    hist_ax.hist(rouge_l, bins=np.linspace(0, 1, 21), color="#0072B2", edgecolor="white")
    hist_ax.axvline(float(np.mean(rouge_l)), color="#D55E00", linestyle="--", label=f"mean {np.mean(rouge_l):.3f}")
    hist_ax.set(xlabel="ROUGE-L F (per example)", ylabel="examples", title="ROUGE-L distribution")
    hist_ax.legend(fontsize=8)
    names = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    box_ax.boxplot([[p[n] for p in per_example] for n in names], tick_labels=names)
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


def _marked_summary(summary: str, unsupported: list[str]) -> Raw:
    text = "".join(f'<mark class="unsupported" title="not found in the article">{esc(t)}</mark>' if flag else esc(t)
                   for t, flag in segments(summary, unsupported))
    note = f'<br><span class="warn">⚠ not in the article: {esc(", ".join(unsupported))}</span>' if unsupported else ""
    return Raw(text + note)


def summarise_report(run: Path, meta: dict[str, Any]) -> str:
    rows = _rows(run)
    for number, r in enumerate(rows, start=1):
        if not isinstance(r.get("summary"), str) or not isinstance(r.get("reference"), str):
            raise DataError(f"{run / 'predictions_test.jsonl'}:{number}: needs 'summary' and 'reference' strings")
    predictions = [r["summary"] for r in rows]
    references = [r["reference"] for r in rows]
    rouge = load_metric("rouge").compute(predictions=predictions, references=references, bootstrap=0,
                                         return_per_example=True)
    per_example = rouge["per_example"]
    saved = _json(run / "metrics.json").get("test", {})

    parts = ["<h2>Scores (test)</h2>"]
    score_rows = [(name, fmt(saved.get(name, rouge[name])),
                   " – ".join(fmt(v) for v in saved[f"{name}_ci"]) if f"{name}_ci" in saved else "–")
                  for name in ("rouge1", "rouge2", "rougeL", "rougeLsum")]
    score_rows += [(name, fmt(saved.get(name)), "–") for name in ("unsupported_entity_rate", "novel_unigram_ratio",
                                                                  "pred_len_mean", "ref_len_mean", "compression")
                   if name in saved]
    parts.append(table(["metric", "value", "95% CI"], score_rows, numeric=[1]))
    parts.append(f'<p class="muted">{len(rows)} test articles; per-example scores recomputed from '
                 "predictions_test.jsonl with the project's ROUGE module.</p>")
    parts.append(f"<h2>ROUGE distribution</h2>{img(_rouge_chart(per_example), 'ROUGE distribution')}")
    pred_words = [len(p.split()) for p in predictions]
    ref_words = [len(r.split()) for r in references]
    parts.append(f"<h2>Length</h2>{img(_length_chart(pred_words, ref_words), 'summary length histogram')}")
    order = sorted(range(len(rows)), key=lambda i: -per_example[i]["rougeL"])
    k = min(5, len(rows))
    for title, picked in ((f"Best {k} by ROUGE-L", order[:k]), (f"Worst {k} by ROUGE-L", order[::-1][:k])):
        table_rows = [(rows[i].get("id"), fmt(per_example[i]["rougeL"]),
                       _marked_summary(rows[i]["summary"], list(rows[i].get("unsupported_entities") or [])),
                       rows[i]["reference"]) for i in picked]
        parts.append(f"<h2>{esc(title)}</h2>" + table(["id", "ROUGE-L", "summary", "reference"], table_rows,
                                                       numeric=[1]))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------- entry point
def build_report(run_dir: str | Path) -> str:
    """The HTML report of a finished run (tagging or summarisation)."""
    run, task, meta = read_run(run_dir)
    if task == "pillars":
        body = tagging_report(run, meta)
    elif task == "summarise":
        body = summarise_report(run, meta)
    else:
        raise DiploError(f"{run}: no report for task '{task}' (pillars or summarise)")
    return page(f"Run report: {run.name}", _header(run, task, meta) + "\n" + body)


def write_report(run_dir: str | Path) -> Path:
    """Write ``RUN/report.html`` and return its path."""
    html_text = build_report(run_dir)
    return write_text(Path(run_dir) / "report.html", html_text)
