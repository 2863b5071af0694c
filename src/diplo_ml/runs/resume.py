"""`diplo-ml resume RUN`: re-enter an interrupted run folder with its own overrides."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from diplo_ml.errors import DiploError
from diplo_ml.runs.manifest import read_manifest, run_overrides, searchpath


def resume_argv(run_dir: Path) -> list[str]:
    """The `train` arguments that continue ``run_dir`` from its last Trainer checkpoint."""
    overrides_path = run_dir / ".hydra" / "overrides.yaml"
    if not overrides_path.is_file():
        raise DiploError(f"{run_dir}: not a run folder (no .hydra/overrides.yaml)")
    manifest = read_manifest(run_dir) or {}
    if manifest.get("status") == "finished":
        raise DiploError(f"{run_dir}: the run has finished; nothing to resume")
    try:
        saved = yaml.safe_load(overrides_path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)  # where the bad part began
        where = f":{mark.line + 1}" if mark is not None else ""
        raise DiploError(f"{overrides_path}{where}: corrupt overrides ({str(exc).splitlines()[0]})") from None
    if saved is not None and (not isinstance(saved, list) or not all(isinstance(o, str) for o in saved)):
        raise DiploError(f"{overrides_path}: corrupt overrides (expected a list of key=value strings)")
    overrides = run_overrides(saved or [])
    for where in (o.split("=", 1)[1].strip("'\"") for o in saved or [] if o.lstrip("+").startswith("hydra.run.dir=")):
        if Path(where).resolve() != run_dir.resolve():  # Hydra keeps the run folder elsewhere: someone edited it in
            print(f"note: {overrides_path} names hydra.run.dir={where}; a run resumes in its own folder, "
                  f"{run_dir}", file=sys.stderr)
    started = manifest.get("overrides")
    if isinstance(started, list) and run_overrides(started) != overrides:
        changed = sorted(set(overrides) ^ set(run_overrides(started)))
        raise DiploError(f"{overrides_path} differs from the overrides the run started with ({', '.join(changed)}); "
                         "a resumed run continues the same configuration: start a new run for another one")
    return [*overrides, "trainer.resume=true", f"hydra.run.dir={run_dir.resolve()}", *searchpath(run_dir)]

