"""The pillar-tagging task: schema, multi-hot targets, F1 scores, threshold tuning, rows, card and report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from omegaconf import DictConfig
from pydantic import Field, field_validator

from diplo_ml.data.examples import Examples, previous_in_document
from diplo_ml.data.schema import check_pillar_record
from diplo_ml.errors import DiploError
from diplo_ml.files import read_json_object
from diplo_ml.metrics import load_metric
from diplo_ml.metrics.bootstrap import f1_intervals
from diplo_ml.models.base import Model, TaggingModel, TaskSpec, load_model
from diplo_ml.tasks import register_task
from diplo_ml.tasks.base import Task, TaskOptions
from diplo_ml.tasks.pillars.tagger import Tagger

THRESHOLD_GRID = np.round(np.arange(0.01, 1.0, 0.005), 3)
DEFAULT_LABELS = ("economic", "cultural", "multilateral", "citizen_protection")


def multi_hot(rows: Sequence[Sequence[str]], labels: Sequence[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    y = np.zeros((len(rows), len(labels)), dtype=np.float32)
    for r, tags in enumerate(rows):
        for tag in tags:
            y[r, index[tag]] = 1.0
    return y


def tune_thresholds(scores: np.ndarray, y: np.ndarray, grid: np.ndarray = THRESHOLD_GRID) -> np.ndarray:
    """Per label, the threshold with the best dev F1 (ties: the one closest to 0.5; no positives: 0.5)."""
    thresholds = np.full(scores.shape[1], 0.5, dtype=np.float32)
    for j in range(scores.shape[1]):
        truth = y[:, j] > 0.5
        if not truth.any():
            continue
        pred = scores[:, j][None, :] >= grid[:, None]
        tp = (pred & truth).sum(1)
        fp = (pred & ~truth).sum(1)
        fn = (~pred & truth).sum(1)
        f1 = 2 * tp / np.maximum(2 * tp + fp + fn, 1)
        best = np.flatnonzero(np.isclose(f1, f1.max()))
        thresholds[j] = grid[best[np.argmin(np.abs(grid[best] - 0.5))]]
    return thresholds


def label_metrics(pred: np.ndarray, y: np.ndarray, labels: Sequence[str]) -> dict[str, Any]:
    """Per-label precision/recall/F1/support, micro/macro F1 and exact match."""
    return load_metric("multilabel_f1").compute(
        predictions=np.asarray(pred).astype(int).tolist(), references=np.asarray(y).astype(int).tolist(),
        label_names=list(labels))


class PillarsOptions(TaskOptions):
    """``task.labels``: the label names, each once (null or not given: the four pillars)."""

    labels: list[str] | None = Field(None, min_length=1, max_length=1000)

    @field_validator("labels")
    @classmethod
    def _named_once(cls, labels: list[str] | None) -> list[str] | None:
        if labels is None:
            return None
        if not all(label.strip() for label in labels):
            raise ValueError("a label name is empty")
        repeated = [label for label, n in Counter(labels).items() if n > 1]
        if repeated:
            raise ValueError(f"{', '.join(repr(label) for label in repeated)} listed more than once")
        return labels


@register_task
class PillarsTask(Task):
    name = "pillars"
    Options = PillarsOptions
    predictor_type = Tagger
    endpoint = "tag"
    endpoint_help = "Tags and per-label scores for each text (or each kept paragraph of an article)."
    model_type = TaggingModel
    headline_metrics = ("macro_f1", "micro_f1", "exact_match")
    descriptive = frozenset({"n"})
    data_format = "pillars"
    unit = "paragraph"
    echo_text = True
    package = Path(__file__).parent

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.cfg.get("labels") or DEFAULT_LABELS]

    @property
    def spec(self) -> TaskSpec:
        return replace(super().spec, labels=tuple(self.labels))

    # data ----------------------------------------------------------------------------------------------------
    def check_record(self, record: dict[str, Any], path: str, line: int, data_cfg: DictConfig) -> None:
        check_pillar_record(record, path, line, labels=self.labels)

    def examples(self, records: Sequence[dict[str, Any]], data_cfg: DictConfig) -> Examples:
        records = list(records)
        context = {"headline": [r.get("headline") for r in records], "previous": previous_in_document(records)}
        return Examples([r["text"] for r in records], multi_hot([r["labels"] for r in records], self.labels), records,
                        context)

    # scoring -------------------------------------------------------------------------------------------------
    def score(self, outputs: list[dict[str, Any]], examples: Examples, seed: int = 0) -> dict[str, Any]:
        """Per-label and averaged F1, with bootstrap 95% intervals of macro-F1 and of each label's F1."""
        predicted = multi_hot([o["tags"] for o in outputs], self.labels)
        metrics = self.quick_score(outputs, examples)
        if len(predicted):
            intervals = f1_intervals(predicted, np.asarray(examples.targets), seed=seed)
            for label, interval in zip(self.labels, intervals):
                metrics["per_label"][label]["f1_ci"] = [float(interval[0]), float(interval[1])]
            metrics["macro_f1_ci"] = [float(intervals[-1][0]), float(intervals[-1][1])]
        return metrics

    def quick_score(self, outputs: list[dict[str, Any]], examples: Examples) -> dict[str, Any]:
        return label_metrics(multi_hot([o["tags"] for o in outputs], self.labels), examples.targets, self.labels)

    # predictor -----------------------------------------------------------------------------------------------
    def make_predictor(self, model: Model, dev: Examples) -> tuple[Tagger, list[dict[str, Any]]]:
        """Thresholds tuned on the dev scores; the dev outputs come from those same scores."""
        assert isinstance(model, TaggingModel)
        dev_scores = model.scores(dev.inputs, dev.context)
        thresholds = dict(zip(self.labels, map(float, tune_thresholds(dev_scores, dev.targets))))
        tagger = Tagger(model, self.labels, thresholds)
        return tagger, tagger.rows(dev_scores, digits=6)

    def predict(self, predictor: Tagger, examples: Examples) -> list[dict[str, Any]]:  # type: ignore[override]
        return predictor.predict(examples.inputs, examples.context, digits=6)

    def load_predictor(self, folder: Path, meta: dict[str, Any]) -> Tagger:
        labels, thresholds = self.saved_thresholds(folder, meta)
        model = load_model(folder, meta["model"], replace(self.spec, labels=tuple(labels)), TaggingModel)
        return Tagger(model, labels, thresholds, meta)

    @staticmethod
    def saved_thresholds(folder: Path, meta: dict[str, Any]) -> tuple[list[str], dict[str, float]]:
        """Labels and per-label thresholds of a checkpoint, checked (a bad one is an error naming the file)."""
        where = folder / "diplo_ml.json"
        labels, thresholds = meta.get("labels"), meta.get("thresholds")
        if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
            raise DiploError(f"{where}: corrupt checkpoint description ('labels' must be a list of label names)")
        if repeated := sorted(x for x, n in Counter(labels).items() if n > 1):
            raise DiploError(f"{where}: corrupt checkpoint description ('labels' repeats {', '.join(repeated[:5])}"
                             f"{' …' if len(repeated) > 5 else ''})")
        if not isinstance(thresholds, dict):
            raise DiploError(f"{where}: corrupt checkpoint description (no 'thresholds')")
        for label in labels:
            value = thresholds.get(label)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise DiploError(f"{where}: corrupt checkpoint description (threshold of '{label}' must be a "
                                 f"number in [0, 1], got {value!r})")
        if extra := sorted(set(thresholds) - set(labels)):  # a renamed label: its threshold would apply to none
            raise DiploError(f"{where}: corrupt checkpoint description ('thresholds' names "
                             f"{', '.join(map(repr, extra[:5]))}, not among its labels {labels})")
        return labels, {label: float(thresholds[label]) for label in labels}

    def checkpoint_fields(self, predictor: Tagger) -> dict[str, Any]:  # type: ignore[override]
        return {"labels": predictor.labels,
                "thresholds": dict(zip(predictor.labels, map(float, predictor.thresholds)))}

    @classmethod
    def config_from_checkpoint(cls, where: Path, meta: dict[str, Any]) -> dict[str, Any] | None:
        """The checkpoint's labels, in its outputs' order."""
        labels = meta.get("labels")
        if labels is None:
            return None
        if not isinstance(labels, list) or not all(isinstance(x, str) and x for x in labels):
            raise DiploError(f"{where}: corrupt checkpoint description ('labels' must be a list of label names, "
                             f"got {labels!r})")
        return {"labels": labels} if labels else None

    def check_checkpoint(self, folder: Path, meta: dict[str, Any]) -> None:
        """The labels in ``diplo_ml.json`` are the model's outputs in the order its ``config.json`` names them; an
        edited or mixed-up checkpoint would otherwise tag 'economic' paragraphs as 'cultural' without a word."""
        labels = meta.get("labels")
        if not labels:
            return
        for path in sorted(folder.rglob("config.json")):
            id2label = read_json_object(path, "checkpoint file").get("id2label")
            if not isinstance(id2label, dict):
                continue
            named = [id2label.get(str(i)) for i in range(len(id2label))]
            if named == [f"LABEL_{i}" for i in range(len(named))]:
                continue  # an encoder's own config (zero-shot, embeddings): no classifier outputs to match
            if named != list(labels):
                raise DiploError(f"{folder / 'diplo_ml.json'}: labels {list(labels)} do not match the model's outputs "
                                 f"in {path} ({named}); the checkpoint was edited or mixed up")

    def prediction_row(self, examples: Examples, index: int, output: dict[str, Any]) -> dict[str, Any]:
        record = examples.records[index]
        source = {"source": record["source"]} if "source" in record else {}
        return {"id": record["id"], "doc_id": record.get("doc_id"), **source, "text": record["text"],
                "labels": record["labels"], **output}

    def article_units(self, article: Any) -> list[dict[str, Any]]:
        paragraphs = article.paragraphs
        return [{"doc": article.doc_id, "source": article.path, "paragraph_index": i, "question": p.question,
                 "text": p.text, "context": {"headline": article.headline,
                                             "previous": paragraphs[i - 1].text if i else None}}
                for i, p in enumerate(paragraphs)]

    # documents -----------------------------------------------------------------------------------------------
    def card_context(self, predictor: Tagger) -> dict[str, Any]:  # type: ignore[override]
        return {"labels": predictor.labels, **self.checkpoint_fields(predictor)}

    def report_section(self, run: Path, meta: dict[str, Any]) -> str:
        from diplo_ml.tasks.pillars.report import tagging_report

        return tagging_report(self, run, meta)
