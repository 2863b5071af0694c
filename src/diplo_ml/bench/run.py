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

from diplo_ml.bench import measure, paths
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


AGREEMENT = 0.99       # a recommended path keeps the fp32 tags on at least this share of paragraphs
MAX_F1_DELTA = 0.003   # and moves macro-F1 by at most this much


def _torch_tagger(checkpoint: str | Path) -> Any:
    """A loaded tagger whose model runs a torch module (what the speed paths can change)."""
    from diplo_ml.checkpoint import load
    from diplo_ml.precision import torch_modules
    from diplo_ml.tasks.pillars import Tagger

    tagger = load(checkpoint, expected=Tagger)
    try:
        torch_modules(tagger)
    except DiploError:
        raise DiploError(f"{checkpoint}: bench needs a fine-tuned transformer pillar checkpoint "
                         f"(this one is {type(tagger.model).__name__})") from None
    return tagger


def available_paths() -> list[str]:
    import importlib.util

    onnx = all(importlib.util.find_spec(m) for m in ("onnx", "onnxruntime"))
    return [*paths.TORCH_PATHS, *(paths.ONNX_PATHS if onnx else ())]


def measure_path(name: str, checkpoint: str | Path, texts: list[str], y: np.ndarray, base: dict[str, Any],
                 repeats: int, batch_size: int | None, workdir: Path, context: dict | None = None) -> dict[str, Any]:
    """Speed, share of the fp32 matmul peak, tag agreement with fp32 and macro-F1 change of one path."""
    from diplo_ml.predict import set_batch_size

    tagger = _torch_tagger(checkpoint)
    if batch_size:
        set_batch_size(tagger, batch_size)
    if name in paths.TORCH_PATHS:
        score = paths.torch_path(tagger, name)
    else:
        score = paths.onnx_path(tagger, name, workdir)
    seconds, times, scores = measure.timed(lambda: score(texts, context), repeats)
    agreement = float((tagger.decide(scores) == base["decided"]).all(axis=1).mean()) if len(texts) else 1.0
    f1 = measure.macro_f1(tagger, scores, y)
    rate = len(texts) / seconds
    row = {"name": name, "paragraphs_per_s": round(rate, 2), "speedup_vs_fp32": round(rate / base["rate"], 2),
           "share_of_fp32_peak": round(base["gflop_per_paragraph"] * rate / base["peak"], 3),
           "tags_agreement": round(agreement, 4), "macro_f1": round(f1, 4),
           "macro_f1_delta": round(f1 - base["macro_f1"], 4), "timings_s": times}
    row["keeps_tags"] = agreement >= AGREEMENT and abs(f1 - base["macro_f1"]) <= MAX_F1_DELTA
    return row


def recommend(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest path that keeps the tags (fp32 when none is faster and keeps them)."""
    keeping = [r for r in rows if r["keeps_tags"]]
    best = max(keeping, key=lambda r: r["paragraphs_per_s"])
    return {k: best[k] for k in ("name", "paragraphs_per_s", "speedup_vs_fp32", "tags_agreement", "macro_f1_delta")}


def check_options(paths_to_measure: list[str] | None, data: str | None) -> None:
    """``--paths`` and ``--data``, before anything is trained or measured: known path names (the ONNX ones only with
    onnx and onnxruntime installed) and a data config that exists."""
    known = [*paths.TORCH_PATHS, *paths.ONNX_PATHS]
    unknown = sorted(set(paths_to_measure or []) - set(known))
    if unknown:
        raise DiploError(f"--paths: unknown path(s) {', '.join(unknown)} (known: {', '.join(known)})")
    missing = sorted(set(paths_to_measure or []) - set(available_paths()))
    if missing:
        raise DiploError(f"--paths {', '.join(missing)}: the ONNX paths need onnxruntime and onnx: {paths.INSTALL}")
    if data is not None:
        from diplo_ml.config import compose_config

        try:
            compose_config([f"data={data}"])
        except DiploError as exc:
            raise DiploError(f"--data {data}: {exc}") from None


def run_bench(checkpoint: str | Path | None = None, repeats: int = 3, batch_size: int | None = None,
              limit: int | None = None, article_limit: int | None = None, train_steps: int = 10,
              train_overrides: list[str] | None = None, naive: bool = True, paths_to_measure: list[str] | None = None,
              sweep: bool = False, data: str | None = None, log: Callable[[str], None] | None = None
              ) -> dict[str, Any]:
    """Run every measurement and return one dict (docs/benchmarks.md describes the fields)."""
    import torch

    from diplo_ml.checkpoint import checkpoint_task, read_meta, resolve_folder
    from diplo_ml.predict import set_batch_size

    check_options(paths_to_measure, data)
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
        _, meta = read_meta(folder)
        if batch_size:
            set_batch_size(tagger, batch_size)
        max_length = int(tagger.model.max_length)
        task = checkpoint_task(folder, meta)
        texts, y, context = measure.load_test_split(tagger.labels, limit, data, task)
        article_files = measure.article_paths(article_limit)
        result.update({"checkpoint": str(Path(checkpoint).resolve()), "checkpoint_run": tagger.meta.get("run"),
                       "checkpoint_data": (tagger.meta.get("data") or {}).get("config"), "max_length": max_length,
                       "batch_size": int(tagger.model.batch_size), "test_paragraphs": len(texts),
                       "test_data": data or "data/processed/pillars (first tranche)", "articles": len(article_files)})

        say("matrix-multiply peak (fp32, bf16) ...")
        result["matmul_peak_gflops"] = round(paths.matmul_peak_gflops(torch.float32), 1)
        result["bf16_matmul_peak_gflops"] = round(paths.matmul_peak_gflops(torch.bfloat16), 1)
        networks = tagger.model.torch_modules()  # one, or one per ensemble member
        shapes = paths.batch_shapes(tagger, texts, context)
        flops = sum(paths.encoder_flops(network.config, shapes) for network in networks)
        result["gflop_per_paragraph"] = round(flops / max(len(texts), 1) / 1e9, 3)

        say(f"fp32 Tagger: {len(texts)} test paragraphs x {repeats} ...")
        fast_s, fast_times, fast_scores = measure.timed(lambda: tagger.scores(texts, context), repeats)
        rate = len(texts) / fast_s
        result["fast_paragraphs_per_s"] = round(rate, 2)
        result["macro_f1"] = round(measure.macro_f1(tagger, fast_scores, y), 4)
        result["fp32_share_of_peak"] = round(flops / fast_s / 1e9 / result["matmul_peak_gflops"], 3)
        say(f"fp32 Tagger: {len(article_files)} raw articles ...")
        art_rate, art_times = measure.articles_per_s(tagger, article_files, repeats)
        result["articles_per_s"] = round(art_rate, 2)
        timings: dict[str, list[float]] = {"fast": fast_times, "fast_articles": art_times}
        base = {"rate": rate, "decided": tagger.decide(fast_scores), "macro_f1": result["macro_f1"],
                "peak": result["matmul_peak_gflops"], "gflop_per_paragraph": flops / max(len(texts), 1) / 1e9}

        if naive and len(networks) > 1:
            say("naive baseline skipped: the transformers pipeline runs one model, this checkpoint is an ensemble")
        elif naive:
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
                seconds, _, _ = measure.timed(lambda: tagger.scores(texts, context), repeats)
                sweep_rows.append({"batch_size": size, "paragraphs_per_s": round(len(texts) / seconds, 2)})
            set_batch_size(tagger, keep)
            result["batch_size_sweep"] = sweep_rows
        result["peak_rss_mb_fp32"] = measure.peak_rss_mb()

        rows = [{"name": "fp32", "paragraphs_per_s": result["fast_paragraphs_per_s"], "speedup_vs_fp32": 1.0,
                 "share_of_fp32_peak": result["fp32_share_of_peak"], "tags_agreement": 1.0,
                 "macro_f1": result["macro_f1"], "macro_f1_delta": 0.0, "keeps_tags": True, "timings_s": fast_times}]
        default_paths = available_paths() if len(networks) == 1 else list(paths.TORCH_PATHS)  # ONNX: one model
        for name in [p for p in (paths_to_measure or default_paths) if p != "fp32"]:
            say(f"path {name} ...")
            rows.append(measure_path(name, checkpoint, texts, y, base, repeats, batch_size, Path(tmp), context))
        result["paths"] = rows
        result["fast_path"] = recommend(rows)
        if result["fast_path"]["name"] != "fp32":
            from diplo_ml.checkpoint import load

            say(f"recommended path {result['fast_path']['name']}: raw articles ...")
            fast = load(checkpoint, precision=result["fast_path"]["name"]) if result["fast_path"]["name"] in \
                paths.TORCH_PATHS else None
            if fast is not None:
                if batch_size:
                    set_batch_size(fast, batch_size)
                result["fast_path"]["articles_per_s"] = round(measure.articles_per_s(fast, article_files,
                                                                                     repeats)[0], 2)
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
