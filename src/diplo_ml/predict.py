"""`diplo-ml predict`: run a checkpoint over raw articles, JSONL files or standard input."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from diplo_ml.data.ingest import SUFFIXES, ingest_document, ingest_path
from diplo_ml.data.io import iter_jsonl, parse_jsonl_lines
from diplo_ml.errors import DataError, DiploError
from diplo_ml.inference import load


def _jsonl_items(records: Iterator[tuple[int, dict[str, Any]]], label: str,
                 field: str = "text") -> list[dict[str, Any]]:
    items = []
    for number, record in records:
        text = record.get(field)
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{label}:{number}: missing or empty '{field}'")
        items.append({"source": label, "line": number, "id": record.get("id"), "text": text})
    if not items:
        raise DataError(f"{label}: no records")
    return items


def read_inputs(inputs: list[str]) -> Iterator[tuple[str, Any]]:
    """Yield ("jsonl", items) or ("article", Article) per input, in order."""
    for item in inputs:
        if item == "-":
            text = sys.stdin.read()
            if not text.strip():
                raise DataError("<stdin>: empty input")
            if text.lstrip().startswith("{"):
                yield "jsonl", _jsonl_items(parse_jsonl_lines(text.splitlines(), "<stdin>"), "<stdin>")
            else:
                yield "article", ingest_document(text, "stdin", "<stdin>")
            continue
        path = Path(item)
        if path.suffix.lower() == ".jsonl":
            yield "jsonl", _jsonl_items(iter_jsonl(path), str(path))
        elif path.suffix.lower() in SUFFIXES:
            yield "article", ingest_path(path)
        elif not path.exists():
            raise DataError(f"{path}: no such file")
        else:
            raise DataError(f"{path}: unsupported input type (use .jsonl, {', '.join(SUFFIXES)} or -)")


def predict_files(checkpoint: str | Path, inputs: list[str], batch_size: int | None = None,
                  quantize: bool = False) -> Iterator[dict[str, Any]]:
    """Predict over ``inputs``; ``batch_size`` None keeps the checkpoint's; ``quantize``: int8 dynamic (CPU)."""
    predictor = load(checkpoint, quantize=quantize)
    if batch_size and hasattr(predictor, "scorer") and hasattr(predictor.scorer, "batch_size"):
        predictor.scorer.batch_size = batch_size
    for kind, payload in read_inputs(inputs):
        if predictor.task == "pillars":
            yield from _tag(predictor, kind, payload)
        elif predictor.task == "summarise":
            yield from _summarise(predictor, kind, payload)
        else:  # pragma: no cover - guarded by the task registry
            raise DiploError(f"cannot predict with a '{predictor.task}' checkpoint")


def _tag(tagger, kind: str, payload) -> Iterator[dict[str, Any]]:
    if kind == "jsonl":
        for item, out in zip(payload, tagger.predict([x["text"] for x in payload])):
            yield {"id": item["id"], "source": item["source"], "line": item["line"], "text": item["text"], **out}
        return
    article = payload
    outs = tagger.predict([p.text for p in article.paragraphs])
    for index, (p, out) in enumerate(zip(article.paragraphs, outs)):
        yield {"doc": article.doc_id, "source": article.path, "paragraph_index": index, "question": p.question,
               "text": p.text, **out}


def _summarise(summariser, kind: str, payload) -> Iterator[dict[str, Any]]:
    if kind == "jsonl":
        summaries = summariser.summarise([x["text"] for x in payload])
        for item, out in zip(payload, summaries):
            yield {"id": item["id"], "source": item["source"], "line": item["line"], **out}
        return
    article = payload
    (out,) = summariser.summarise([article.body])
    yield {"doc": article.doc_id, "source": article.path, "headline": article.headline, "date": article.date,
           "outlet": article.outlet, **out}
