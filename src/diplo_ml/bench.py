"""`diplo-ml bench`: CPU throughput of a pillar tagger (naive vs batched vs int8) and of training.

Inference runs on the embedded data: the test split's paragraphs (data/processed/pillars/test.jsonl) and the
raw articles (data/raw/*.txt, ingested as `diplo-ml predict` does). Every timing is the median of ``repeats``
runs after one warm-up; model loading is never timed. Without ``--checkpoint`` a `debug=smoke` MiniLM run
(inputs kept at the default 192 tokens) is trained first in a temporary folder, in a separate process.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from diplo_ml.config import PROJECT_ROOT
from diplo_ml.errors import DiploError

TEST_SPLIT = PROJECT_ROOT / "data" / "processed" / "pillars" / "test.jsonl"
RAW_DIR = PROJECT_ROOT / "data" / "raw"
SMOKE_OVERRIDES = ["experiment=pillars_minilm", "debug=smoke", "model.max_length=192", "trainer.disable_tqdm=true"]
SWEEP_BATCH_SIZES = (8, 16, 32, 64)


# machine ---------------------------------------------------------------------------------------
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


# data ------------------------------------------------------------------------------------------
def load_test_split(labels: list[str], limit: int | None = None) -> tuple[list[str], np.ndarray]:
    from functools import partial

    from diplo_ml.data.io import read_jsonl
    from diplo_ml.data.schema import check_pillar_record
    from diplo_ml.tasks.pillars import multi_hot

    rows = read_jsonl(TEST_SPLIT, partial(check_pillar_record, labels=labels))  # validated, errors name file:line
    rows = rows[:limit] if limit else rows
    return [r["text"] for r in rows], multi_hot([r["labels"] for r in rows], labels)


def article_paths(limit: int | None = None) -> list[Path]:
    paths = sorted(RAW_DIR.glob("*.txt"))
    return paths[:limit] if limit else paths


# checkpoints -----------------------------------------------------------------------------------
def train_smoke_checkpoint(workdir: Path) -> Path:
    """Train `debug=smoke` MiniLM (192-token inputs) with the CLI in a subprocess; return its checkpoint."""
    cmd = [sys.executable, "-m", "diplo_ml.cli", "train", *SMOKE_OVERRIDES, f"paths.runs_dir={workdir}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(workdir))
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or not lines:
        raise DiploError(f"smoke training for the benchmark failed:\n{proc.stderr[-2000:]}")
    return Path(lines[-1]) / "checkpoint"


def naive_pipeline(folder: Path, max_length: int):
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


def _macro_f1(tagger, scores: np.ndarray, y: np.ndarray) -> float:
    from diplo_ml.tasks.pillars import label_metrics

    return float(label_metrics(tagger.decide(scores), y, tagger.labels)["macro_f1"])


def _articles_per_s(tagger, paths: list[Path], repeats: int) -> tuple[float, list[float]]:
    """Raw article -> ingestion -> tags, one `predict` call per article (what `diplo-ml predict a.txt` does)."""
    from diplo_ml.data.ingest import ingest_path

    def run() -> int:
        for path in paths:
            tagger.predict([p.text for p in ingest_path(path).paragraphs])
        return len(paths)

    median, times, _ = timed(run, repeats, warmup=False)  # the paragraph benchmark already warmed the model
    return len(paths) / median, times


# training --------------------------------------------------------------------------------------
def training_throughput(steps: int, overrides: list[str] | None = None) -> dict[str, Any]:
    """Examples/s of the default preset (experiment=pillars_minilm) over ``steps`` optimiser steps.

    One extra first step is run and not timed (warm-up); the clock runs from the end of step 1 to the end of
    the last step, so it covers data loading, forward, backward and optimiser updates, not evaluation.
    """
    from omegaconf import OmegaConf
    from transformers import TrainerCallback

    from diplo_ml.config import compose_config
    from diplo_ml.models.finetune import TransformerScorer
    from diplo_ml.seeding import seed_everything
    from diplo_ml.tasks.pillars import PillarsTask, label_metrics, multi_hot

    total = steps + 1
    cfg = compose_config(["experiment=pillars_minilm", f"trainer.max_steps={total}", "trainer.eval_strategy=steps",
                          f"trainer.eval_steps={total}", "trainer.save_total_limit=1", "trainer.logging_steps=1000",
                          "trainer.disable_tqdm=true", "data.max_dev_samples=8", *(overrides or [])])
    seed_everything(int(cfg.seed), bool(cfg.deterministic), cfg.get("threads"))
    task = PillarsTask()
    labels = task.labels(cfg)
    data = task.load_data(cfg)
    texts = {s: list(ds["text"]) for s, ds in data.splits.items()}
    ys = {s: multi_hot(list(ds["labels"]), labels) for s, ds in data.splits.items()}
    ends: list[float] = []

    class StepClock(TrainerCallback):
        def on_step_end(self, args, state, control, **kwargs):
            ends.append(time.perf_counter())

    trainer_cfg = OmegaConf.to_container(cfg.trainer, resolve=True)
    scorer = TransformerScorer(labels, OmegaConf.to_container(cfg.model, resolve=True))
    with tempfile.TemporaryDirectory(prefix="diplo-bench-train-") as tmp:
        scorer.fit(texts["train"], ys["train"], seed=int(cfg.seed), dev_texts=texts["dev"], dev_y=ys["dev"],
                   out_dir=Path(tmp) / "trainer", trainer_cfg=trainer_cfg, callbacks=[StepClock()],
                   metric_fn=lambda p, r: label_metrics(p, r, labels))
    per_step = int(cfg.trainer.train_batch_size) * int(cfg.trainer.gradient_accumulation_steps)
    elapsed = ends[-1] - ends[0] if len(ends) > 1 else float("nan")
    return {"training_examples_per_s": round(per_step * (len(ends) - 1) / elapsed, 2),
            "training_steps_timed": len(ends) - 1, "training_batch_size": per_step,
            "training_max_length": int(cfg.model.max_length), "training_train_examples": len(texts["train"]),
            "training_seconds": round(elapsed, 3)}


# sweeps ----------------------------------------------------------------------------------------
def _worker(checkpoint: str, batch_size: int, repeats: int, limit: int | None) -> dict[str, Any]:
    """One fast-path timing in this process (used by the thread / OpenMP wait-policy sweep)."""
    import torch

    from diplo_ml.inference import load

    tagger = load(checkpoint)
    tagger.scorer.batch_size = batch_size
    texts, _ = load_test_split(tagger.labels, limit)
    median, _, _ = timed(lambda: tagger.scores(texts), repeats)
    return {"threads": torch.get_num_threads(), "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
            "paragraphs_per_s": round(len(texts) / median, 2)}


def _subprocess_json(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "diplo_ml.bench", *args], capture_output=True, text=True,
                          env={**os.environ, **env})
    if proc.returncode != 0:
        raise DiploError(f"benchmark worker failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def thread_sweep(checkpoint: Path, batch_size: int, repeats: int, limit: int | None,
                 threads: list[int]) -> list[dict[str, Any]]:
    """Fast-path paragraphs/s for each thread count x OpenMP wait policy, each in a fresh process."""
    return [_subprocess_json(["--worker", str(checkpoint), str(batch_size), str(repeats), str(limit or 0)],
                             {"OMP_WAIT_POLICY": policy, "OMP_NUM_THREADS": str(n)})
            for policy in ("PASSIVE", "ACTIVE") for n in threads]


def training_policy_sweep(steps: int, overrides: list[str] | None) -> list[dict[str, Any]]:
    """Training examples/s under each OpenMP wait policy (fresh processes, torch's default threads)."""
    rows = []
    for policy in ("PASSIVE", "ACTIVE"):
        out = _subprocess_json(["--train-worker", str(steps), *(overrides or [])], {"OMP_WAIT_POLICY": policy})
        rows.append({"omp_wait_policy": policy, "training_examples_per_s": out["training_examples_per_s"]})
    return rows


# the benchmark ---------------------------------------------------------------------------------
def run_bench(checkpoint: str | Path | None = None, repeats: int = 3, batch_size: int | None = None,
              limit: int | None = None, article_limit: int | None = None, train_steps: int = 10,
              train_overrides: list[str] | None = None, naive: bool = True, quantized: bool = True,
              sweep: bool = False, log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run every measurement and return one flat dict (see docs/benchmarks.md for the fields)."""
    import torch

    from diplo_ml.checkpoint import resolve_folder
    from diplo_ml.inference import load
    from diplo_ml.quantize import quantize_predictor

    say = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    started = datetime.now(UTC).isoformat(timespec="seconds")
    load_start = load_average()
    result: dict[str, Any] = {"started": started, "machine": machine_info(), "repeats": repeats,
                              "threads": torch.get_num_threads()}
    with tempfile.TemporaryDirectory(prefix="diplo-bench-") as tmp:
        if checkpoint is None:
            say("no --checkpoint: training a debug=smoke MiniLM run (192-token inputs) ...")
            checkpoint = train_smoke_checkpoint(Path(tmp))
            result["checkpoint_source"] = "debug=smoke run (" + " ".join(SMOKE_OVERRIDES) + ")"
        else:
            result["checkpoint_source"] = "the `--checkpoint` given"
        tagger = load(checkpoint)
        if getattr(tagger.scorer, "kind", None) != "transformer":
            raise DiploError(f"{checkpoint}: bench needs a fine-tuned transformer pillar checkpoint")
        folder = resolve_folder(checkpoint)
        if batch_size:
            tagger.scorer.batch_size = batch_size
        max_length = int(tagger.scorer.max_length)
        texts, y = load_test_split(tagger.labels, limit)
        paths = article_paths(article_limit)
        result.update({"checkpoint": str(Path(checkpoint).resolve()), "checkpoint_run": tagger.meta.get("run"),
                       "checkpoint_data": (tagger.meta.get("data") or {}).get("config"), "max_length": max_length,
                       "batch_size": int(tagger.scorer.batch_size), "test_paragraphs": len(texts),
                       "articles": len(paths)})

        say(f"fast path: Tagger, {len(texts)} test paragraphs x {repeats} ...")
        fast_s, fast_times, fast_scores = timed(lambda: tagger.scores(texts), repeats)
        result["fast_paragraphs_per_s"] = round(len(texts) / fast_s, 2)
        result["macro_f1"] = round(_macro_f1(tagger, fast_scores, y), 4)
        say(f"fast path: {len(paths)} raw articles ...")
        art_rate, art_times = _articles_per_s(tagger, paths, repeats)
        result["articles_per_s"] = round(art_rate, 2)
        timings: dict[str, list[float]] = {"fast": fast_times, "fast_articles": art_times}

        if naive:
            say("naive baseline: transformers pipeline, one paragraph at a time ...")
            naive_scores = naive_pipeline(folder, max_length)
            naive_s, timings["naive"], naive_out = timed(lambda: naive_scores(texts, tagger.labels), repeats)
            result["naive_paragraphs_per_s"] = round(len(texts) / naive_s, 2)
            result["speedup"] = round(naive_s / fast_s, 2)
            result["tags_identical"] = bool((tagger.decide(naive_out) == tagger.decide(fast_scores)).all())
            result["max_abs_score_diff"] = float(np.abs(naive_out - fast_scores).max()) if len(texts) else 0.0
            del naive_scores

        if sweep:
            say("batch-size sweep ...")
            sweep_rows, keep = [], tagger.scorer.batch_size
            for size in SWEEP_BATCH_SIZES:
                tagger.scorer.batch_size = size
                seconds, _, _ = timed(lambda: tagger.scores(texts), repeats)
                sweep_rows.append({"batch_size": size, "paragraphs_per_s": round(len(texts) / seconds, 2)})
            tagger.scorer.batch_size = keep
            result["batch_size_sweep"] = sweep_rows
        result["peak_rss_mb_fp32"] = peak_rss_mb()

        if quantized:
            say("int8 dynamic quantisation ...")
            qtagger = quantize_predictor(load(checkpoint))
            qtagger.scorer.batch_size = tagger.scorer.batch_size
            q_s, timings["quantized"], q_scores = timed(lambda: qtagger.scores(texts), repeats)
            result["quantized_paragraphs_per_s"] = round(len(texts) / q_s, 2)
            result["quantized_speedup_vs_fast"] = round(fast_s / q_s, 2)
            q_rate, timings["quantized_articles"] = _articles_per_s(qtagger, paths, repeats)
            result["quantized_articles_per_s"] = round(q_rate, 2)
            result["quantized_macro_f1"] = round(_macro_f1(qtagger, q_scores, y), 4)
            result["quantized_macro_f1_delta"] = round(result["quantized_macro_f1"] - result["macro_f1"], 4)
            agree = (qtagger.decide(q_scores) == tagger.decide(fast_scores)).all(axis=1)
            result["quantized_tags_agreement"] = round(float(agree.mean()), 4) if len(texts) else 1.0
        result["peak_rss_mb_inference"] = peak_rss_mb()

        if sweep:
            say("thread x OpenMP wait-policy sweep (fresh processes) ...")
            counts = sorted({1, int(result["machine"]["nproc"] or 1)})
            result["thread_sweep"] = thread_sweep(Path(checkpoint), int(tagger.scorer.batch_size), repeats,
                                                  limit, counts)
        if train_steps > 0:
            say(f"training throughput: default preset, {train_steps} timed steps ...")
            result.update(training_throughput(train_steps, train_overrides))
            if sweep:
                say("training under each OMP_WAIT_POLICY (fresh processes) ...")
                result["training_sweep"] = training_policy_sweep(train_steps, train_overrides)
    result["timings_s"] = timings
    result["peak_rss_mb"] = peak_rss_mb()
    result["load_average_start"] = load_start
    result["load_average_end"] = load_average()
    result["shared_machine"] = max([*load_start, *result["load_average_end"], 0.0]) > 0.5 * (
        result["machine"]["nproc"] or 1)
    return result


# reporting -------------------------------------------------------------------------------------
def _fmt(value: Any, suffix: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}{suffix}"
    return f"{value}{suffix}"


def summary(result: dict[str, Any]) -> str:
    """A few human-readable lines."""
    lines = [f"threads {result['threads']}, batch size {result['batch_size']}, max_length {result['max_length']}, "
             f"median of {result['repeats']}; {result['test_paragraphs']} test paragraphs, "
             f"{result['articles']} articles"]
    if "naive_paragraphs_per_s" in result:
        lines.append(f"naive pipeline   {_fmt(result['naive_paragraphs_per_s'])} paragraphs/s")
    lines.append(f"Tagger (fast)    {_fmt(result['fast_paragraphs_per_s'])} paragraphs/s, "
                 f"{_fmt(result['articles_per_s'])} articles/s")
    if "speedup" in result:
        lines.append(f"speed-up         {result['speedup']}x; tags identical: {result['tags_identical']} "
                     f"(max |score diff| {result['max_abs_score_diff']:.1e})")
    if "quantized_paragraphs_per_s" in result:
        lines.append(f"int8 dynamic     {_fmt(result['quantized_paragraphs_per_s'])} paragraphs/s, "
                     f"{_fmt(result['quantized_articles_per_s'])} articles/s; test macro-F1 "
                     f"{result['macro_f1']:.4f} -> {result['quantized_macro_f1']:.4f} "
                     f"({result['quantized_macro_f1_delta']:+.4f})")
    if "training_examples_per_s" in result:
        lines.append(f"training         {_fmt(result['training_examples_per_s'])} examples/s "
                     f"({result['training_steps_timed']} steps of {result['training_batch_size']})")
    lines.append(f"peak RSS         {_fmt(result['peak_rss_mb'])} MiB; load average {result['load_average_start']}"
                 f" -> {result['load_average_end']}")
    return "\n".join(lines)


def markdown(result: dict[str, Any], command: str) -> str:
    """docs/benchmarks.md: machine, figures, settings sweeps, exact commands."""
    m = result["machine"]
    shared = (f"**The machine was shared**: other jobs were running (load average {result['load_average_start']} "
              f"at the start, {result['load_average_end']} at the end, on {m['nproc']} CPUs), so absolute figures "
              "are low and noisy; the ratios measured in one run are the useful part."
              if result.get("shared_machine") else
              f"The machine was otherwise idle (load average {result['load_average_start']} -> "
              f"{result['load_average_end']}).")
    naive = result.get("naive_paragraphs_per_s")
    rows = []
    if naive:
        rows.append(f"| naive: `pipeline(\"text-classification\")`, one paragraph per call | {_fmt(naive)} | – "
                    "| 1.00× |")
    rows.append(f"| `Tagger` (token-length-sorted batches of {result['batch_size']}, dynamic padding, "
                f"`inference_mode`) | {_fmt(result['fast_paragraphs_per_s'])} | {_fmt(result['articles_per_s'])} | "
                f"{_fmt(result.get('speedup'), '×')} |")
    if "quantized_paragraphs_per_s" in result:
        q_speed = round(result["quantized_paragraphs_per_s"] / naive, 2) if naive else None
        rows.append(f"| `Tagger` + int8 dynamic quantisation (`--quantize`) | "
                    f"{_fmt(result['quantized_paragraphs_per_s'])} | {_fmt(result['quantized_articles_per_s'])} | "
                    f"{_fmt(q_speed, '×')} |")
    out = [
        "# Benchmarks",
        "",
        f"Generated by `{command}` on {result['started']} (UTC). Regenerate with the same command "
        "(or `python scripts/bench_inference.py`); `--json` prints the same figures as one JSON object.",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        f"| CPU | {m['cpu_model']} |",
        f"| CPUs usable (`nproc`) | {m['nproc']} (os.cpu_count {m['cpu_count']}) |",
        f"| RAM | {m['ram_gib']} GiB |",
        f"| OS / Python | {m['platform']} / {m['python']} |",
        f"| torch | {m['torch']}, {result['threads']} intra-op threads (`torch.get_num_threads()`), "
        f"`OMP_WAIT_POLICY={m['omp_wait_policy']}`, quantized engine `{m['quantized_engine']}` |",
        "",
        shared,
        "",
        "## Inference: pillar tagger on CPU",
        "",
        f"Checkpoint: {result['checkpoint_source']} (run `{result['checkpoint_run']}`, trained on "
        f"`{result['checkpoint_data']}`; test macro-F1 {result['macro_f1']:.4f}); inputs truncated at "
        f"{result['max_length']} tokens. "
        f"Paragraphs: the {result['test_paragraphs']} paragraphs of the embedded test split. Articles: the "
        f"{result['articles']} raw pages in `data/raw/`, each ingested and tagged with one `predict` call, as "
        f"`diplo-ml predict article.txt` does. Median of {result['repeats']} timed runs after a warm-up; model "
        "loading is not timed.",
        "",
        "| path | paragraphs/s | articles/s | vs naive |",
        "| --- | ---: | ---: | ---: |",
        *rows,
        "",
    ]
    if naive:
        out.append(f"- Tags, fast vs naive (checkpoint thresholds applied to both): **identical: "
                   f"{result['tags_identical']}**; largest score difference {result['max_abs_score_diff']:.1e}.")
    if "quantized_macro_f1" in result:
        out.append(f"- int8: test macro-F1 {result['macro_f1']:.4f} (fp32) -> {result['quantized_macro_f1']:.4f} "
                   f"(**{result['quantized_macro_f1_delta']:+.4f}**); tags equal to fp32 on "
                   f"{100 * result['quantized_tags_agreement']:.1f}% of paragraphs; "
                   f"{result['quantized_speedup_vs_fast']}× the fp32 Tagger.")
    out.append(f"- Peak RSS of the benchmark process: {_fmt(result['peak_rss_mb_fp32'])} MiB after the fp32 "
               f"paths (Tagger and pipeline both loaded), {_fmt(result['peak_rss_mb_inference'])} MiB after int8, "
               f"{_fmt(result['peak_rss_mb'])} MiB at the end (training included).")
    out.append("- ONNX export: not pursued; it needs `onnx` + `onnxruntime` (not dependencies), and int8 dynamic "
               "quantisation already gives the CPU speed-up with torch alone.")
    if result.get("batch_size_sweep") or result.get("thread_sweep"):
        out += ["", "### Tagger settings", ""]
    if result.get("batch_size_sweep"):
        out += ["Batch size (test paragraphs, token-length sorted):", "", "| batch size | paragraphs/s |",
                "| ---: | ---: |"]
        out += [f"| {r['batch_size']} | {_fmt(r['paragraphs_per_s'])} |" for r in result["batch_size_sweep"]]
        out.append("")
    if result.get("thread_sweep"):
        out += ["Threads x OpenMP wait policy (a fresh process each; `OMP_WAIT_POLICY=PASSIVE` is what `diplo_ml` "
                "sets unless the variable is already set):", "", "| threads | OMP_WAIT_POLICY | paragraphs/s |",
                "| ---: | --- | ---: |"]
        out += [f"| {r['threads']} | {r['omp_wait_policy']} | {_fmt(r['paragraphs_per_s'])} |"
                for r in result["thread_sweep"]]
        out.append("")
    if "training_examples_per_s" in result:
        sweep_rows = [f"| {r['omp_wait_policy']} | {_fmt(r['training_examples_per_s'])} |"
                      for r in result.get("training_sweep", [])]
        sweep_table = ["", "Same measurement in a fresh process per OpenMP wait policy:", "",
                       "| OMP_WAIT_POLICY | examples/s |", "| --- | ---: |", *sweep_rows] if sweep_rows else []
        out += ["", "## Training throughput", "",
                f"Default preset (`experiment=pillars_minilm`: MiniLM-L6, batch {result['training_batch_size']}, "
                f"{result['training_max_length']} tokens, length-grouped batches) on the embedded train split "
                f"({result['training_train_examples']} paragraphs), one process, {result['threads']} threads: "
                f"**{_fmt(result['training_examples_per_s'])} examples/s** over {result['training_steps_timed']} "
                f"optimiser steps ({result['training_seconds']} s, first step not timed, evaluation excluded).",
                *sweep_table]
    out += ["", "## Raw figures", "", "```json", json.dumps(result, indent=2), "```", ""]
    out += SCALE_OUT
    return "\n".join(out)


SCALE_OUT = [
    "## Scaling training out",
    "",
    "The same Hydra experiment runs data-parallel (DDP, gloo on CPU) when started by a launcher; every rank "
    "agrees on one run folder (rank 0 picks the stamp and broadcasts it) and only rank 0 writes the manifest "
    "(with a `distributed` block), metrics, checkpoint and card, and prints the folder.",
    "",
    "```bash",
    "torchrun --standalone --nproc_per_node=2 -m diplo_ml.cli train experiment=pillars_minilm",
    "accelerate launch --multi_gpu --num_processes 2 --num_machines 1 --mixed_precision no --dynamo_backend no \\",
    "    -m diplo_ml.cli train experiment=pillars_minilm      # --multi_gpu also means multi-process on CPU",
    "# several machines: the same torchrun on each node",
    "torchrun --nnodes=2 --nproc_per_node=8 --rdzv-backend=c10d --rdzv-endpoint=HEAD:29500 --rdzv-id=JOB \\",
    "    -m diplo_ml.cli train experiment=pillars_minilm",
    "```",
    "",
    "`trainer.train_batch_size` is per process: the effective batch is that times the number of processes. "
    "Sweeps go through Hydra launchers (`pip install -e \".[cluster]\"`), one job per sweep point:",
    "",
    "```bash",
    "diplo-ml train -m hydra/launcher=joblib seed=1,2,3            # local processes",
    "diplo-ml train -m hydra/launcher=submitit_local seed=1,2,3    # submitit, locally",
    "diplo-ml train -m hydra/launcher=slurm hydra.launcher.partition=cpu seed=1,2,3 model=minilm,tfidf",
    "```",
    "",
    "`conf/hydra/launcher/slurm.yaml` extends the plugin's `submitit_slurm` with CPU defaults. All jobs of a sweep "
    "share `runs/multirun/<stamp>/` (the stamp is cached in the config the launchers hand to their workers).",
    "",
]


def main_worker(argv: list[str]) -> int:
    """``python -m diplo_ml.bench --worker CHECKPOINT BATCH REPEATS LIMIT``: print one JSON line."""
    checkpoint, batch, repeats, limit = argv
    print(json.dumps(_worker(checkpoint, int(batch), int(repeats), int(limit) or None)))
    return 0


if __name__ == "__main__":  # pragma: no cover - the sweep's subprocess entry
    import transformers

    transformers.logging.set_verbosity_error()
    if sys.argv[1:2] == ["--worker"]:
        raise SystemExit(main_worker(sys.argv[2:]))
    if sys.argv[1:2] == ["--train-worker"]:
        with contextlib.redirect_stdout(sys.stderr):
            measured = training_throughput(int(sys.argv[2]), sys.argv[3:])
        print(json.dumps(measured))
        raise SystemExit(0)
    raise SystemExit("usage: diplo-ml bench (python -m diplo_ml.bench is the sweep's worker)")
