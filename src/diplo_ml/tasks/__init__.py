"""Tasks by name: every module (or package) in this folder registers its task with ``@register_task``.

Nothing outside ``tasks/`` compares task names: the harness, ``compare``, ``predict``, reports and cards ask the
registered task for its behaviour (schema, scores, metric directions, predictor, card, report section).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from diplo_ml.errors import DiploError
from diplo_ml.tasks.base import Task

_TASKS: dict[str, type[Task]] = {}


def register_task(cls: type[Task]) -> type[Task]:
    """Class decorator: make ``cls`` available under ``cls.name``."""
    _TASKS[cls.name] = cls
    return cls


@cache
def _load_modules() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name != "base":
            importlib.import_module(f"{__name__}.{info.name}")


def task_names() -> list[str]:
    _load_modules()
    return sorted(_TASKS)


def task_class(name: str) -> type[Task]:
    _load_modules()
    if name not in _TASKS:
        raise DiploError(f"unknown task '{name}' (known: {', '.join(task_names())})")
    return _TASKS[name]


def get_task(name: str, cfg: dict[str, Any] | None = None) -> Task:
    """The task ``name`` configured by its ``task:`` config block (defaults when None)."""
    return task_class(name)(dict(cfg or {}))


__all__ = ["Task", "get_task", "register_task", "task_class", "task_names"]
