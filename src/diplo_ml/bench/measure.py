"""What the benchmark measures: machine facts, timings (median of repeats), data, baselines, training speed."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from diplo_ml.config import PROJECT_ROOT

TEST_SPLIT = PROJECT_ROOT / "data" / "processed" / "pillars" / "test.jsonl"
RAW_DIR = PROJECT_ROOT / "data" / "raw"


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.split(":")[0].strip() == key:
                return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def machine_info() -> dict[str, Any]:
    """CPU model, core counts, RAM, load, torch build and thread settings."""
    import torch

    mem_kb = _proc_field("/proc/meminfo", "MemTotal")
    return {
        "cpu_model": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or None,
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_count": os.cpu_count(),
        "ram_gib": round(int(mem_kb.split()[0]) / 2**20, 1) if mem_kb else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
        "quantized_engine": torch.backends.quantized.engine,
    }


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else []


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (MiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)


def timed(fn: Callable[[], Any], repeats: int, warmup: bool = True) -> tuple[float, list[float], Any]:
    """Median seconds of ``repeats`` calls (after one untimed warm-up), every timing, and the last result."""
    result = fn() if warmup else None
    times = []
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), [round(t, 4) for t in times], result


def load_test_split(labels: list[str], limit: int | None = None, data: str | None = None,
                    task: Any = None) -> tuple[list[str], np.ndarray, dict[str, list[str | None]]]:
    """Paragraphs, multi-hot labels and context (headline, previous paragraph) of a test split: the embedded
    corpus's, or that of data config ``data`` read by ``task`` (validated; errors name file:line)."""
    from diplo_ml.data.examples import previous_in_document
    from diplo_ml.data.io import read_jsonl
    from diplo_ml.data.schema import check_pillar_record
    from diplo_ml.tasks.pillars.task import multi_hot

    if data is None or task is None:
        rows = read_jsonl(TEST_SPLIT, partial(check_pillar_record, labels=labels))
    else:
        from diplo_ml.config import compose_config

        rows = list(task.load_data(compose_config([f"data={data}"]).data).splits["test"])
    rows = rows[:limit] if limit else rows
    context = {"headline": [r.get("headline") for r in rows], "previous": previous_in_document(rows)}
    return [r["text"] for r in rows], multi_hot([r["labels"] for r in rows], labels), context


def article_paths(limit: int | None = None) -> list[Path]:
    paths = sorted(RAW_DIR.glob("*.txt"))
    return paths[:limit] if limit else paths


def naive_pipeline(folder: Path, max_length: int) -> Callable[[list[str], list[str]], np.ndarray]:
    """The baseline: a transformers text-classification pipeline, sigmoid scores for every label."""
    from transformers import pipeline

    pipe = pipeline("text-classification", model=str(folder), function_to_apply="sigmoid", top_k=None,
                    device="cpu")

    def scores(texts: list[str], labels: list[str]) -> np.ndarray:
        index = {label: j for j, label in enumerate(labels)}
        out = np.zeros((len(texts), len(labels)), dtype=np.float32)
        for i, text in enumerate(texts):  # one paragraph at a time
            result = pipe(text, truncation=True, max_length=max_length)
            if result and isinstance(result[0], list):
                result = result[0]
            for item in result:
                out[i, index[item["label"]]] = item["score"]
        return out

    return scores


def macro_f1(tagger: Any, scores: np.ndarray, y: np.ndarray) -> float:
    from diplo_ml.tasks.pillars.task import label_metrics

    return float(label_metrics(tagger.decide(scores), y, tagger.labels)["macro_f1"])


def articles_per_s(tagger: Any, paths: list[Path], repeats: int) -> tuple[float, list[float]]:
    """Raw article -> ingestion -> tags, one ``predict`` call per article (what `diplo-ml predict a.txt` does)."""
    from diplo_ml.data.ingest import ingest_path

    def run() -> int:
        for path in paths:
            tagger.predict([p.text for p in ingest_path(path).paragraphs])
        return len(paths)

    median, times, _ = timed(run, repeats, warmup=False)  # the paragraph benchmark already warmed the model
    return len(paths) / median, times


def training_throughput(steps: int, overrides: list[str] | None = None) -> dict[str, Any]:
    """Examples/s of the default preset (experiment=pillars_minilm) over ``steps`` optimiser steps.

    One extra first step is run and not timed (warm-up); the clock runs from the end of step 1 to the end of
    the last step, so it covers data loading, forward, backward and optimiser updates, not evaluation.
    """
    from transformers import TrainerCallback

    from diplo_ml.config import compose_config
    from diplo_ml.harness import fit_model, plan, split_examples
    from diplo_ml.seeding import seed_everything

    total = steps + 1
    cfg = compose_config(["experiment=pillars_minilm", f"trainer.max_steps={total}", "trainer.eval_strategy=steps",
                          f"trainer.eval_steps={total}", "trainer.save_total_limit=1", "trainer.logging_steps=1000",
                          "trainer.disable_tqdm=true", "data.max_dev_samples=8", *(overrides or [])])
    p = plan(cfg)
    seed_everything(p.run.seed, p.run.deterministic, p.run.threads)
    data = p.task.load_data(cfg.data)
    examples = split_examples(p.task, data, cfg.data)
    ends: list[float] = []

    class StepClock(TrainerCallback):
        def on_step_end(self, args, state, control, **kwargs):
            ends.append(time.perf_counter())

    with tempfile.TemporaryDirectory(prefix="diplo-bench-train-") as tmp:
        fit_model(p, examples, Path(tmp) / "trainer", [StepClock()])
    per_step = p.trainer.train_batch_size * p.trainer.gradient_accumulation_steps
    elapsed = ends[-1] - ends[0] if len(ends) > 1 else float("nan")
    return {"training_examples_per_s": round(per_step * (len(ends) - 1) / elapsed, 2),
            "training_steps_timed": len(ends) - 1, "training_batch_size": per_step,
            "training_max_length": int(cfg.model.max_length), "training_train_examples": len(examples["train"]),
            "training_seconds": round(elapsed, 3)}
