"""`diplo-ml predict`: run a checkpoint over raw articles, JSONL files or standard input.

Inputs are read lazily and predicted in batches, so memory is bounded by the batch, not the input. Every output
row carries the input's ``id`` (or its line number when there is none) and where it came from.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from diplo_ml.checkpoint import load, read_meta
from diplo_ml.data.ingest import SUFFIXES, ingest_document, ingest_path
from diplo_ml.data.io import iter_jsonl, parse_jsonl_lines
from diplo_ml.errors import DataError
from diplo_ml.tasks import get_task
from diplo_ml.tasks.base import Predictor, Task

Unit = dict[str, Any]  # one thing to predict: "text" plus the fields its output row carries
DEFAULT_CHUNK = 256    # units predicted per call


def _jsonl_units(records: Iterable[tuple[int, dict[str, Any]]], label: str, echo_text: bool) -> Iterator[Unit]:
    count = 0
    for number, record in records:
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{label}:{number}: missing or empty 'text'")
        context = record.get("context") if isinstance(record.get("context"), str) else None
        headline = record.get("headline") if isinstance(record.get("headline"), str) else None
        rid = record.get("id")
        yield {"id": rid if rid is not None else number, "source": label, "line": number,
               **({"text": text} if echo_text else {}), "_text": text, "_context": context or headline}
        count += 1
    if not count:
        raise DataError(f"{label}: no records")


def _check_path(path: Path) -> None:
    if path.is_dir():
        raise DataError(f"{path}: is a folder; pass the files in it (or use `diplo-ml brief` for a folder)")
    if not path.exists():
        raise DataError(f"{path}: no such file")


def read_units(inputs: list[str], task: Task) -> Iterator[Unit]:
    """Units of every input, in order; article units come from the task (paragraphs, or the whole article)."""
    for item in inputs:
        if item == "-":
            text = sys.stdin.read()
            if not text.strip():
                raise DataError("<stdin>: empty input")
            if text.lstrip().startswith("{"):
                yield from _jsonl_units(parse_jsonl_lines(text.splitlines(), "<stdin>"), "<stdin>", task.echo_text)
            else:
                yield from _article_units(task, ingest_document(text, "stdin", "<stdin>"))
            continue
        path = Path(item)
        _check_path(path)
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl_units(iter_jsonl(path), str(path), task.echo_text)
        elif path.suffix.lower() in SUFFIXES:
            yield from _article_units(task, ingest_path(path))
        else:
            raise DataError(f"{path}: unsupported input type (use .jsonl, {', '.join(SUFFIXES)} or -)")


def _article_units(task: Task, article: Any) -> Iterator[Unit]:
    for unit in task.article_units(article):
        fields = {k: v for k, v in unit.items() if k != "text"}
        yield {**fields, **({"text": unit["text"]} if task.echo_text else {}), "_text": unit["text"],
               "_context": unit.get("context")}


def chunks(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    for unit in units:
        batch.append(unit)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def predict_units(predictor: Predictor, batch: list[Unit]) -> list[dict[str, Any]]:
    """Output rows of one batch of units, in order."""
    texts = [u["_text"] for u in batch]
    context = [u.get("_context") for u in batch]
    outputs = predictor.predict(texts, context if any(context) else None)
    return [{**{k: v for k, v in u.items() if not k.startswith("_")}, **out} for u, out in zip(batch, outputs)]


def open_predictor(checkpoint: str | Path, batch_size: int | None = None, quantize: bool = False
                   ) -> tuple[Task, Predictor]:
    folder, meta = read_meta(checkpoint)
    task = get_task(str(meta["task"]), {"labels": meta["labels"]} if meta.get("labels") else None)
    predictor = load(folder, quantize=quantize)
    if batch_size:
        set_batch_size(predictor, batch_size)
    return task, predictor


def set_batch_size(predictor: Predictor, batch_size: int) -> None:
    """Use ``batch_size`` for the model's inference batches, where the model batches."""
    model = predictor.model
    if hasattr(model, "batch_size"):
        model.batch_size = batch_size


def predict_files(checkpoint: str | Path, inputs: list[str], batch_size: int | None = None,
                  quantize: bool = False, chunk: int = DEFAULT_CHUNK) -> Iterator[dict[str, Any]]:
    """Predict over ``inputs`` (files or ``-``), ``chunk`` units at a time; yields one row per unit."""
    task, predictor = open_predictor(checkpoint, batch_size, quantize)
    for batch in chunks(read_units(inputs, task), chunk):
        yield from predict_units(predictor, batch)
