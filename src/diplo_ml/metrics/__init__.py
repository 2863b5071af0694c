"""Local evaluate modules, loaded by path (the hub versions need the network)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import evaluate

HERE = Path(__file__).parent


@cache
def load_metric(name: str) -> evaluate.EvaluationModule:
    """Load one of the project's metric modules (``multilabel_f1``, ``rouge``) from its folder."""
    folder = HERE / name
    if not (folder / f"{name}.py").is_file():
        raise ValueError(f"no local metric module '{name}' in {HERE}")
    return evaluate.load(str(folder / f"{name}.py"))
