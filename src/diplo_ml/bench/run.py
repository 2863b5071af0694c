"""`diplo-ml bench`: CPU throughput of a pillar tagger (naive vs batched vs int8) and of training.

Inference runs on the embedded data: the test split's paragraphs and the raw articles (ingested as
`diplo-ml predict` does). Every timing is the median of ``repeats`` runs after one warm-up; model loading is never
timed. Without ``--checkpoint`` a `debug=smoke` MiniLM run (inputs kept at 192 tokens) is trained first in a
temporary folder, in a separate process.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from diplo_ml.bench import measure
from diplo_ml.bench.worker import thread_sweep, training_policy_sweep
from diplo_ml.errors import DiploError

SMOKE_OVERRIDES = ["experiment=pillars_minilm", "debug=smoke", "model.max_length=192", "trainer.disable_tqdm=true"]
SWEEP_BATCH_SIZES = (8, 16, 32, 64)


def train_smoke_checkpoint(workdir: Path) -> Path:
    """Train `debug=smoke` MiniLM (192-token inputs) with the CLI in a subprocess; return its checkpoint."""
    cmd = [sys.executable, "-m", "diplo_ml.cli", "train", *SMOKE_OVERRIDES, f"paths.runs_dir={workdir}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(workdir))
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or not lines:
        raise DiploError(f"smoke training for the benchmark failed:\n{proc.stderr[-2000:]}")
    return Path(lines[-1]) / "checkpoint"


def _torch_tagger(checkpoint: str | Path) -> Any:
    """A loaded tagger whose model runs a torch module (what the speed paths can change)."""
    import torch

    from diplo_ml.checkpoint import load
    from diplo_ml.tasks.pillars import Tagger

    tagger = load(checkpoint, expected=Tagger)
    if not isinstance(getattr(tagger.model, "model", None), torch.nn.Module):
        raise DiploError(f"{checkpoint}: bench needs a fine-tuned transformer pillar checkpoint "
                         f"(this one is {type(tagger.model).__name__})")
    return tagger


def run_bench(checkpoint: str | Path | None = None, repeats: int = 3, batch_size: int | None = None,
              limit: int | None = None, article_limit: int | None = None, train_steps: int = 10,
              train_overrides: list[str] | None = None, naive: bool = True, quantized: bool = True,
              sweep: bool = False, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run every measurement and return one flat dict (docs/benchmarks.md describes the fields)."""
    import torch

    from diplo_ml.checkpoint import resolve_folder
    from diplo_ml.predict import set_batch_size
    from diplo_ml.quantize import quantize_predictor

    say = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    load_start = measure.load_average()
    result: dict[str, Any] = {"started": datetime.now(UTC).isoformat(timespec="seconds"),
                              "machine": measure.machine_info(), "repeats": repeats, "threads": torch.get_num_threads()}
    with tempfile.TemporaryDirectory(prefix="diplo-bench-") as tmp:
        if checkpoint is None:
            say("no --checkpoint: training a debug=smoke MiniLM run (192-token inputs) ...")
            checkpoint = train_smoke_checkpoint(Path(tmp))
            result["checkpoint_source"] = "debug=smoke run (" + " ".join(SMOKE_OVERRIDES) + ")"
        else:
            result["checkpoint_source"] = "the `--checkpoint` given"
        tagger = _torch_tagger(checkpoint)
        folder = resolve_folder(checkpoint)
        if batch_size:
            set_batch_size(tagger, batch_size)
        max_length = int(tagger.model.max_length)
        texts, y = measure.load_test_split(tagger.labels, limit)
        paths = measure.article_paths(article_limit)
        result.update({"checkpoint": str(Path(checkpoint).resolve()), "checkpoint_run": tagger.meta.get("run"),
                       "checkpoint_data": (tagger.meta.get("data") or {}).get("config"), "max_length": max_length,
                       "batch_size": int(tagger.model.batch_size), "test_paragraphs": len(texts),
                       "articles": len(paths)})

        say(f"fast path: Tagger, {len(texts)} test paragraphs x {repeats} ...")
        fast_s, fast_times, fast_scores = measure.timed(lambda: tagger.scores(texts), repeats)
        result["fast_paragraphs_per_s"] = round(len(texts) / fast_s, 2)
        result["macro_f1"] = round(measure.macro_f1(tagger, fast_scores, y), 4)
        say(f"fast path: {len(paths)} raw articles ...")
        art_rate, art_times = measure.articles_per_s(tagger, paths, repeats)
        result["articles_per_s"] = round(art_rate, 2)
        timings: dict[str, list[float]] = {"fast": fast_times, "fast_articles": art_times}

        if naive:
            say("naive baseline: transformers pipeline, one paragraph at a time ...")
            naive_scores = measure.naive_pipeline(folder, max_length)
            naive_s, timings["naive"], naive_out = measure.timed(lambda: naive_scores(texts, tagger.labels), repeats)
            result["naive_paragraphs_per_s"] = round(len(texts) / naive_s, 2)
            result["speedup"] = round(naive_s / fast_s, 2)
            result["tags_identical"] = bool((tagger.decide(naive_out) == tagger.decide(fast_scores)).all())
            result["max_abs_score_diff"] = float(np.abs(naive_out - fast_scores).max()) if len(texts) else 0.0
            del naive_scores

        if sweep:
            say("batch-size sweep ...")
            sweep_rows, keep = [], tagger.model.batch_size
            for size in SWEEP_BATCH_SIZES:
                set_batch_size(tagger, size)
                seconds, _, _ = measure.timed(lambda: tagger.scores(texts), repeats)
                sweep_rows.append({"batch_size": size, "paragraphs_per_s": round(len(texts) / seconds, 2)})
            set_batch_size(tagger, keep)
            result["batch_size_sweep"] = sweep_rows
        result["peak_rss_mb_fp32"] = measure.peak_rss_mb()

        if quantized:
            say("int8 dynamic quantisation ...")
            qtagger = quantize_predictor(_torch_tagger(checkpoint))
            set_batch_size(qtagger, tagger.model.batch_size)
            q_s, timings["quantized"], q_scores = measure.timed(lambda: qtagger.scores(texts), repeats)
            result["quantized_paragraphs_per_s"] = round(len(texts) / q_s, 2)
            result["quantized_speedup_vs_fast"] = round(fast_s / q_s, 2)
            q_rate, timings["quantized_articles"] = measure.articles_per_s(qtagger, paths, repeats)
            result["quantized_articles_per_s"] = round(q_rate, 2)
            result["quantized_macro_f1"] = round(measure.macro_f1(qtagger, q_scores, y), 4)
            result["quantized_macro_f1_delta"] = round(result["quantized_macro_f1"] - result["macro_f1"], 4)
            agree = (qtagger.decide(q_scores) == tagger.decide(fast_scores)).all(axis=1)
            result["quantized_tags_agreement"] = round(float(agree.mean()), 4) if len(texts) else 1.0
        result["peak_rss_mb_inference"] = measure.peak_rss_mb()

        if sweep:
            say("thread x OpenMP wait-policy sweep (fresh processes) ...")
            counts = sorted({1, int(result["machine"]["nproc"] or 1)})
            result["thread_sweep"] = thread_sweep(Path(checkpoint), int(tagger.model.batch_size), repeats, limit,
                                                  counts)
        if train_steps > 0:
            say(f"training throughput: default preset, {train_steps} timed steps ...")
            result.update(measure.training_throughput(train_steps, train_overrides))
            if sweep:
                say("training under each OMP_WAIT_POLICY (fresh processes) ...")
                result["training_sweep"] = training_policy_sweep(train_steps, train_overrides)
    result["timings_s"] = timings
    result["peak_rss_mb"] = measure.peak_rss_mb()
    result["load_average_start"] = load_start
    result["load_average_end"] = measure.load_average()
    result["shared_machine"] = max([*load_start, *result["load_average_end"], 0.0]) > 0.5 * (
        result["machine"]["nproc"] or 1)
    return result
