"""Tasks by name. Each adds only what differs from the shared harness."""

from __future__ import annotations

from diplo_ml.errors import DiploError


def get_task(name: str):
    if name == "pillars":
        from diplo_ml.tasks.pillars import PillarsTask

        return PillarsTask()
    if name == "summarise":
        from diplo_ml.tasks.summarise import SummariseTask

        return SummariseTask()
    raise DiploError(f"unknown task '{name}' (known: pillars, summarise)")
