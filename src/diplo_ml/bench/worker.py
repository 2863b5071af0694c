"""Benchmark measurements that must run in a fresh process (thread counts and OpenMP wait policy are fixed at
process start): ``python -m diplo_ml.bench.worker tagger|train ...`` prints one JSON line."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from diplo_ml.errors import DiploError


def tagger_rate(checkpoint: str, batch_size: int, repeats: int, limit: int | None) -> dict[str, Any]:
    """Fast-path paragraphs/s in this process."""
    import torch

    from diplo_ml.bench.measure import load_test_split, timed
    from diplo_ml.checkpoint import load
    from diplo_ml.predict import set_batch_size

    tagger = load(checkpoint)
    set_batch_size(tagger, batch_size)
    texts, _, context = load_test_split(tagger.labels, limit)
    median, _, _ = timed(lambda: tagger.scores(texts, context), repeats)
    return {"threads": torch.get_num_threads(), "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
            "paragraphs_per_s": round(len(texts) / median, 2)}


def run_worker(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", "diplo_ml.bench.worker", *args], capture_output=True, text=True,
                          env={**os.environ, **env})
    if proc.returncode != 0:
        raise DiploError(f"benchmark worker failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def thread_sweep(checkpoint: Path, batch_size: int, repeats: int, limit: int | None,
                 threads: list[int]) -> list[dict[str, Any]]:
    """Fast-path paragraphs/s for each thread count x OpenMP wait policy, each in a fresh process."""
    return [run_worker(["tagger", str(checkpoint), str(batch_size), str(repeats), str(limit or 0)],
                       {"OMP_WAIT_POLICY": policy, "OMP_NUM_THREADS": str(n)})
            for policy in ("PASSIVE", "ACTIVE") for n in threads]


def training_policy_sweep(steps: int, overrides: list[str] | None) -> list[dict[str, Any]]:
    """Training examples/s under each OpenMP wait policy (fresh processes, torch's default threads)."""
    rows = []
    for policy in ("PASSIVE", "ACTIVE"):
        out = run_worker(["train", str(steps), *(overrides or [])], {"OMP_WAIT_POLICY": policy})
        rows.append({"omp_wait_policy": policy, "training_examples_per_s": out["training_examples_per_s"]})
    return rows


def main(argv: list[str]) -> int:
    import transformers

    transformers.logging.set_verbosity_error()
    if argv[:1] == ["tagger"] and len(argv) == 5:
        checkpoint, batch, repeats, limit = argv[1:]
        print(json.dumps(tagger_rate(checkpoint, int(batch), int(repeats), int(limit) or None)))
        return 0
    if argv[:1] == ["train"] and len(argv) >= 2:
        from diplo_ml.bench.measure import training_throughput

        with contextlib.redirect_stdout(sys.stderr):
            measured = training_throughput(int(argv[1]), argv[2:])
        print(json.dumps(measured))
        return 0
    print("usage: python -m diplo_ml.bench.worker tagger CHECKPOINT BATCH REPEATS LIMIT | train STEPS [OVERRIDES]",
          file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover - the sweep's subprocess entry
    raise SystemExit(main(sys.argv[1:]))
