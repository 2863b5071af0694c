"""Multi-process training (torchrun, accelerate launch): which rank writes, and one run folder for all ranks.

Launchers start every rank as its own process, so each would compose its own ``hydra.run.dir`` (time stamp and
random id). Before Hydra runs, :func:`agree_on_run_stamp` joins the process group the launcher describes
(``MASTER_ADDR``/``MASTER_PORT``/``RANK``/``WORLD_SIZE``), lets rank 0 pick the stamp and broadcasts it; the
``run_stamp`` resolver then returns that stamp on every rank. The Trainer reuses the initialised process group.
"""

from __future__ import annotations

import os
from typing import Any

STAMP_ENV = "DIPLO_RUN_STAMP"


def world_size() -> int:
    """Processes in the job, from the launcher's environment (1 outside a launcher)."""
    return int(os.environ.get("WORLD_SIZE", "1") or 1)


def rank() -> int:
    """Global rank of this process (0 outside a launcher)."""
    return int(os.environ.get("RANK", "0") or 0)


def is_distributed() -> bool:
    return world_size() > 1


def is_main_process() -> bool:
    """Only rank 0 writes run files (manifest, metrics, checkpoint, card) and prints the run folder."""
    return rank() == 0


def shared_stamp() -> str | None:
    """The stamp every rank agreed on, or None in a single-process run."""
    return os.environ.get(STAMP_ENV) if is_distributed() else None


def _default_backend() -> str:
    import torch

    return "cpu:gloo,cuda:nccl" if torch.cuda.is_available() else "gloo"


def agree_on_run_stamp(new_stamp: Any) -> str | None:
    """In a multi-process job, rank 0 calls ``new_stamp()`` and every rank gets its result (also in the env).

    Returns None (and does nothing) in a single process. A stamp already in ``$DIPLO_RUN_STAMP`` is kept,
    so a launcher that exports one for all ranks needs no process group here.
    """
    if not is_distributed():
        return None
    if os.environ.get(STAMP_ENV):
        return os.environ[STAMP_ENV]
    import torch
    import torch.distributed as dist

    if not dist.is_initialized():
        dist.init_process_group(backend=_default_backend())
    payload = [new_stamp() if is_main_process() else None]
    dist.broadcast_object_list(payload, src=0, device=torch.device("cpu"))
    os.environ[STAMP_ENV] = str(payload[0])
    return os.environ[STAMP_ENV]


def finish() -> None:
    """Leave the process group cleanly (no-op when none was started)."""
    try:
        import torch.distributed as dist
    except ImportError:  # pragma: no cover - torch is a dependency
        return
    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


def distributed_info() -> dict[str, Any] | None:
    """What the manifest records about a multi-process run (None for a single process)."""
    if not is_distributed():
        return None
    backend = None
    try:
        import torch.distributed as dist

        if dist.is_initialized():
            backend = str(dist.get_backend())
    except (ImportError, RuntimeError):  # pragma: no cover
        pass
    launcher = "torchrun" if "TORCHELASTIC_RUN_ID" in os.environ else "env"
    if "ACCELERATE_MIXED_PRECISION" in os.environ or "ACCELERATE_USE_CPU" in os.environ:
        launcher = "accelerate"
    return {"world_size": world_size(), "backend": backend, "launcher": launcher,
            "nnodes": int(os.environ.get("GROUP_WORLD_SIZE", "1") or 1)}
