"""`diplo-ml resume RUN`: re-enter an interrupted run folder with its own overrides."""

from __future__ import annotations

from pathlib import Path

import yaml

from diplo_ml.errors import DiploError
from diplo_ml.runs.manifest import read_manifest


def resume_argv(run_dir: Path) -> list[str]:
    """The `train` arguments that continue ``run_dir`` from its last Trainer checkpoint."""
    overrides_path = run_dir / ".hydra" / "overrides.yaml"
    if not overrides_path.is_file():
        raise DiploError(f"{run_dir}: not a run folder (no .hydra/overrides.yaml)")
    manifest = read_manifest(run_dir) or {}
    if manifest.get("status") == "finished":
        raise DiploError(f"{run_dir}: the run has finished; nothing to resume")
    overrides = [o for o in yaml.safe_load(overrides_path.read_text()) or []
                 if not o.startswith(("hydra.run.dir=", "trainer.resume="))]
    return [*overrides, "trainer.resume=true", f"hydra.run.dir={run_dir.resolve()}"]
