"""diplo-ml: diplomacy-pillar tagging and article summarisation experiments."""

from __future__ import annotations

import os

# The project never reaches a model hub: weights come from installed packages.
for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE", "HF_EVALUATE_OFFLINE"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Idle OpenMP threads sleep instead of spinning, so parallel jobs (sweeps, tests, torchrun ranks) do not steal
# each other's cores. On an idle machine ACTIVE is a few per cent faster (docs/benchmarks.md): export
# OMP_WAIT_POLICY=ACTIVE to choose it. Read when torch loads, so only if diplo_ml is imported first.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.2.0"


def quiet_libraries() -> None:
    """Keep this process's stdout/stderr for diplo-ml's own output: no weight-loading bars or load reports from
    transformers and datasets (the CLI, and each worker process or Ray actor it starts, call it)."""
    import datasets
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    datasets.disable_progress_bars()


def load(path: str | os.PathLike, quantize: bool = False, precision: str = "fp32"):
    """Load a checkpoint folder (or a run folder) for inference: a ``Tagger`` or a ``Summariser``.

    ``precision="bf16"``: the faster path that `diplo-ml bench` recommends on CPUs with bf16 units (same tags on
    at least 99% of paragraphs there; docs/benchmarks.md). ``quantize=True``: int8 dynamic quantisation.
    """
    from diplo_ml.checkpoint import load as _load

    return _load(path, quantize=quantize, precision=precision)


__all__ = ["load", "__version__"]
