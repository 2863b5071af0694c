"""The train + dev articles of `summaries_all` (never test), for the exploratory summarisation scripts here."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from diplo_ml.config import compose_config
from diplo_ml.data.examples import context_column
from diplo_ml.tasks import get_task


def development_articles(sources: tuple[str, ...]) -> Iterator[tuple[str, str, str, str]]:
    """(text, reference, source, headline) of every train and dev article from ``sources``."""
    cfg = compose_config(["task=summarise", "data=summaries_all"])
    task = get_task("summarise")
    data = task.load_data(cfg.data)
    for split in ("train", "dev"):
        examples = task.examples(list(data.splits[split]), cfg.data)
        headlines = context_column(examples.context, "headline", len(examples))
        for text, ref, source, headline in zip(examples.inputs, examples.targets, examples.sources(), headlines):
            if source in sources:
                yield text, ref, source, headline or ""


def print_table(scores: dict[str, dict[str, list[float]]], sources: tuple[str, ...]) -> None:
    """A Markdown table of mean ROUGE-L per summary (rows) and source (columns, with their article counts)."""
    import numpy as np

    first = next(iter(scores.values()))
    print("| summary | " + " | ".join(f"{s} ({len(first[s])})" for s in sources) + " |")
    print("| --- |" + " ---: |" * len(sources))
    for name, by_source in scores.items():
        print(f"| {name} | " + " | ".join(f"{np.mean(by_source[s]):.3f}" for s in sources) + " |")


def first_statements(sources: tuple[str, ...]) -> Iterator[tuple[str, str, str, str]]:
    """(first statement, reference, source, headline) of every train and dev article from ``sources`` that has one."""
    from diplo_ml.models.summarise.selection import candidates

    for text, reference, source, headline in development_articles(sources):
        sentences, allowed = candidates(text)
        first = next((s for s, ok in zip(sentences, allowed) if ok), "")
        if first:
            yield first, reference, source, headline


def cv_arguments(doc: str | None) -> argparse.Namespace:
    """--folds and --repeats of a cross-validation script."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    return parser.parse_args()
