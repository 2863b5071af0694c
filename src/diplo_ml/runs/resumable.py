"""Before `resume` continues a run: its last Trainer checkpoint must be readable, and safely so.

Every file the Trainer will read back is opened the way it will be (safetensors headers, JSON, ``torch.load`` with
``weights_only=True``), so a truncated, corrupt or hostile file is a one-line error naming it, raised before the
run's manifest changes: the run stays ``interrupted`` and its other checkpoints stay as they are.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import torch
from safetensors import safe_open
from transformers.trainer_pt_utils import safe_globals
from transformers.trainer_utils import get_last_checkpoint

from diplo_ml.errors import DiploError
from diplo_ml.models.engine import ORDER_FILE, read_order


def check_resumable(trainer_dir: Path) -> None:
    """Raise :class:`DiploError` naming the first unreadable file of the last checkpoint under ``trainer_dir``."""
    last = get_last_checkpoint(str(trainer_dir)) if Path(trainer_dir).is_dir() else None
    if last is None:
        return  # nothing saved yet: the run starts again from the beginning
    names = {path.name for path in Path(last).iterdir()}
    missing = [] if "trainer_state.json" in names else ["trainer_state.json"]
    if not any(name.endswith((".safetensors", ".safetensors.index.json")) for name in names):
        missing.append("weights (*.safetensors)")
    if missing:  # the run was stopped while the Trainer was writing this checkpoint
        raise DiploError(f"{last}: incomplete checkpoint (no {' or '.join(missing)}: the run stopped while saving it); "
                         f"delete {last} to resume from the checkpoint before it")
    for path in sorted(Path(last).iterdir()):
        try:
            if path.suffix == ".safetensors":
                with safe_open(str(path), framework="pt") as handle:
                    for key in handle.keys():
                        handle.get_slice(key)
            elif path.name.startswith(ORDER_FILE.removesuffix(".json")) and path.suffix == ".json":  # (one a process)
                read_order(path)
            elif path.suffix == ".json":
                json.loads(path.read_text(encoding="utf-8"))
            elif path.suffix in (".pt", ".pth"):  # (training_args.bin is never read back)
                with safe_globals(), warnings.catch_warnings():  # the numpy arrays the Trainer allows, no more
                    warnings.simplefilter("ignore")
                    torch.load(path, map_location="cpu", weights_only=True)
        except Exception as exc:  # noqa: BLE001 - any failure to read is the same verdict: not resumable
            reason = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
            if "Weights only load failed" in reason:
                reason = "it holds objects that only unpickling could build, and pickles are never run"
            raise DiploError(f"{path}: cannot be read safely to resume ({reason}); delete {last} to resume from the "
                             "checkpoint before it") from None
